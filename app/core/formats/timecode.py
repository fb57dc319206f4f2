"""Timestamps as subtitle formats spell them."""

from __future__ import annotations


def to_milliseconds(seconds: float) -> int:
    """Round once, here, so that every format agrees on the same millisecond."""
    return max(0, round(seconds * 1000))


def clock(seconds: float, millisecond_separator: str) -> str:
    """``HH:MM:SS<sep>mmm`` with two-digit hours always."""
    total = to_milliseconds(seconds)
    hours, rest = divmod(total, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{millisecond_separator}{millis:03d}"


def short_clock(seconds: float) -> str:
    """``M:SS`` or ``H:MM:SS`` for display and plain-text transcripts."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
