"""Intake (接待登记): the reception register, its JSON import and views, and the leads seen online (网络舆情)
that may open a case."""
