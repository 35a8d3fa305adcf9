"""The `ilmava` command's commands, one module per tool; cli.py puts them together."""
