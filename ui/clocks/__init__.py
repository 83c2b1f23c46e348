"""Statutory clocks: a case's clock chips and panel, the clock to-do page, and the work calendar (the year view
and the State Council's holiday notice)."""
