"""Proving the audit chain against checkpoints kept outside the store.

A key holder can rewrite the chain inside the store; a signed checkpoint that left the machine (in a
backup manifest, a sync bundle, or at the district) cannot be rewritten with it. `verify.py` holds the
store's chain against one such checkpoint (`fulian audit verify --against BACKUP|BUNDLE|server`).
It sits above backup and sync, which carry the checkpoints, and nothing in the core imports it."""
