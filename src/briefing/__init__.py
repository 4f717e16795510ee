"""briefing: one outline file in, a Word briefing and a PowerPoint deck out."""

__version__ = "0.1.0"
