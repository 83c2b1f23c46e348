"""Statutory clocks (法定时限): starting, pausing, stopping and extending a case's clocks on the work calendar,
and the to-dos they yield (clock_tasks.py)."""
