"""Crisis intervention: a case's crisis tab (risk assessment and chart, safety plan, actions, protection orders)
and their dialogs and loaders."""
