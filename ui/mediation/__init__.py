"""Mediation: a case's mediation tab (sessions, statements, agreement, terms, signatures, confirmation,
follow-ups), the mediation calendar, a mediator's sessions, and their dialogs, models and loaders."""
