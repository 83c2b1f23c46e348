"""Counselling (心理疏导): sessions and their notes."""
