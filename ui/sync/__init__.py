"""Stations: the sync page and the conflicts left to resolve by hand."""
