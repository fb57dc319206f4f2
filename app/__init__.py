"""Earshot: speech to an editable, timestamped transcript and subtitles."""

__version__ = "0.1.0"
