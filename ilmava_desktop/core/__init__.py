"""What a cohort is: dataclasses, rules and calculations. Pure Python: no I/O, no Qt."""
