"""Statistics: the monthly report reported upward (its tally, sections and outcomes) and the supervisor's
dashboard."""
