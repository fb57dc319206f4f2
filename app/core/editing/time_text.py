"""Times as people type them in the editor: ``1:02:03.456``, ``62:03.4`` or ``3723.456`` seconds."""

from __future__ import annotations

import re

from app.core.errors import EditError

_TIME = re.compile(r"^(?:(?:(\d+):)?(\d+):)?(\d+)(?:[.,](\d+))?$")
EXAMPLES = "1:02:03.456, 62:03.4 or 3723.456"


def parse_time(text: str) -> float:
    """Seconds of ``[[H:]M:]S[.fff]``; minutes may exceed 59 when no hours are given.

    Raises EditError with a sentence for the user when ``text`` is not such a time.
    """
    cleaned = text.strip()
    match = _TIME.match(cleaned)
    if not match:
        if cleaned.startswith("-"):
            raise EditError(f"“{cleaned}” is negative; times start at 0.")
        raise EditError(f"“{cleaned}” is not a time; write it as {EXAMPLES}.")
    hours, minutes, seconds, fraction = match.groups()
    if minutes is not None and int(seconds) > 59:
        raise EditError(f"“{cleaned}” has {int(seconds)} seconds after the minutes; use 0 to 59.")
    if hours is not None and int(minutes) > 59:
        raise EditError(f"“{cleaned}” has {int(minutes)} minutes after the hours; use 0 to 59.")
    if fraction is not None and len(fraction) > 3:
        raise EditError(f"“{cleaned}” is more precise than a millisecond; use at most three decimals.")
    millis = int((fraction or "0").ljust(3, "0"))
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds) + millis / 1000


def format_time(seconds: float) -> str:
    """``H:MM:SS.mmm`` from an hour on, ``M:SS.mmm`` below; parse_time reads it back to the millisecond."""
    total = max(0, round(seconds * 1000))
    hours, rest = divmod(total, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}.{millis:03d}"
    return f"{minutes}:{secs:02d}.{millis:03d}"
