"""Shared pieces every capability uses: the reason dialog, the action runner and table setup of a case's
actions, date fields and risk-level colours (crisis_common), empty-table hints, the guard for late callbacks,
lazy tabs, validated fields, the newer-version bar, the screen-fit helper and the list table model."""
