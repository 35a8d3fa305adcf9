"""Use cases that the window and the `ilmava` command share. No Qt."""
