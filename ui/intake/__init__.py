"""Intake (接待登记): the reception form, its fields and result, the duplicate warning, and the register of
past contacts."""
