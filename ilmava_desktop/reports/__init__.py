"""Report renderers (reportlab) over plain data. No Qt, and never reaches into storage."""
