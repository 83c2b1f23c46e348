"""Crisis intervention (危机干预): risk assessments, safety plans and actions, and protection orders
(人身安全保护令) with their court steps and clocks."""
