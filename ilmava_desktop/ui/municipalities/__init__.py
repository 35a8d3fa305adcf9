"""Municipalities & people: the cohort's municipalities, their applications and people."""
