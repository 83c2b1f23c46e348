"""Referrals between tiers and to agencies (转介): sending, receiving, returning, and their views."""
