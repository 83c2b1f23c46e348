"""Cases and their workflow: opening and editing a case and its parties (cases.py), the steps and approvals
(workflow.py; petition.py for a petition's closure), the supervisor's review queue and the clock to-dos,
the case list, its row shape and search, history, persons and duplicates, case numbers, the person-level
contact protection, and the views handed out."""
