"""Attachments (证据材料): files added to a case, their encrypted blobs, size and type rules."""
