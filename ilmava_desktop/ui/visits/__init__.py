"""The Visits tool: review teams, visits, interviewees and the day's schedule."""
