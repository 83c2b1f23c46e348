"""Accounts and the store's setup: login (auth.py), users, org units, first setup, store-wide settings,
and reading the audit log."""
