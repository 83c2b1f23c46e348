"""Backups: online, encrypted, with a manifest; verify and restore."""
