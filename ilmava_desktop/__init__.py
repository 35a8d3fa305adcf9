"""ILMAVA Desktop: the facilitator's workbench for municipal climate-leadership coaching."""

__version__ = "0.1.0"
