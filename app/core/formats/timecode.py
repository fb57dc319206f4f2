"""Timestamps as subtitle formats spell them."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})$")


def to_milliseconds(seconds: float) -> int:
    """Round once, here, so that every format agrees on the same millisecond."""
    return max(0, round(seconds * 1000))


def clock(seconds: float, millisecond_separator: str) -> str:
    """``HH:MM:SS<sep>mmm`` with two-digit hours always."""
    return clock_from_milliseconds(to_milliseconds(seconds), millisecond_separator)


def clock_from_milliseconds(total: int, millisecond_separator: str) -> str:
    hours, rest = divmod(total, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{millisecond_separator}{millis:03d}"


def parse_clock(text: str) -> float | None:
    """Seconds of ``[H:]MM:SS,mmm`` or ``[H:]MM:SS.mmm``; None when it is not such a time.

    Lenient on purpose: single-digit hours and a dot in SRT are common in files from other tools.
    """
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if int(minutes) > 59 or int(seconds) > 59:
        return None
    millis = int(fraction.ljust(3, "0"))
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + millis / 1000


def short_clock(seconds: float) -> str:
    """``M:SS`` or ``H:MM:SS`` for display and plain-text transcripts."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
