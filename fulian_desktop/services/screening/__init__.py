"""Screening (矛盾纠纷排查): the register of disputes found in the villages, their visits and counts."""
