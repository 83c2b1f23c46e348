"""Statutory clocks (法定时限): starting, pausing, stopping and fixing a case's clocks on the work calendar.
Cases and workflow build on this package; the to-dos the clocks yield over the case list are in cases."""
