"""Administration: the administrator's home, org units, users, the audit log, store-wide settings, backups,
and the login and unlock dialogs."""
