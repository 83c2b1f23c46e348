"""Counselling: the counsellor's home, a case's counselling tab and the session dialog."""
