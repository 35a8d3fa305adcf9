"""The open cohort itself: creating one, the session that writes it, reading and checking a
file, and this laptop's identity in the file's stamps."""
