"""The case screens: the case list and the case view (header, approval bar, actions, edit form, parties,
history, timeline) that hosts every capability's tab, the role's home page, and their dialogs and models."""
