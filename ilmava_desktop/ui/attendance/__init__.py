"""Attendance: checking people in at the door."""
