"""Screening (矛盾纠纷排查): the register page, its entry, visit and case dialogs, and table models."""
