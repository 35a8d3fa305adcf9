"""Self-assessment: entering answer sheets and seeing the results build."""
