"""The case-access layer: what a reader may take out of the store about a case and the people in it.

It owns the disclosure rule (`access.disclosure`): which of a person's contact fields — address, phone,
ID number, birth date, workplace — a staff member, a CLI user or the recipient of a paper may see. Every
read path that returns a party, a visitor or a household (case views, party records, intake records and
registers, people lookups, screening lists, documents, CLI output) asks this package, and no other module
reads the confidentiality flag to decide what to show.
"""
