"""Groups, peer-review pairs and sparrers: the Groups tool's use cases and printouts."""
