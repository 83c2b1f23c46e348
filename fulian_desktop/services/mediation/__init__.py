"""Mediation (调解): the mediation record, sessions and mediators, agreements and their signatures,
and the follow-up visits after an agreement."""
