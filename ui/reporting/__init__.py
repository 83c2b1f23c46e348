"""Reports up the tiers (上报): the unit's monthly report and its review by the tier above."""
