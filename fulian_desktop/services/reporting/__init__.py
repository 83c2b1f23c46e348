"""Reports up the tiers (上报): a unit's monthly figures drafted from its own data, submitted (frozen and signed with
the station key), reviewed by the tier above (accepted, or returned with a reason and resubmitted), who has
submitted and who is late, and the consolidated report built from the accepted ones beside the live figures."""
