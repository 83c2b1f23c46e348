"""The supervisor's review: the review home and queue, approvals and their table model."""
