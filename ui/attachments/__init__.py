"""Attachments: a case's evidence tab, adding a file and previewing one."""
