"""Times as people type them in the editor: ``1:02:03.456``, ``62:03.4`` or ``3723.456`` seconds."""

from __future__ import annotations

import re

from app.core.errors import EditError
from app.core.text_translation import translatable, translated

_TIME = re.compile(r"^(?:(?:(\d+):)?(\d+):)?(\d+)(?:[.,](\d+))?$")
EXAMPLES = translatable("1:02:03.456, 62:03.4 or 3723.456")


def parse_time(text: str) -> float:
    """Seconds of ``[[H:]M:]S[.fff]``; minutes may exceed 59 when no hours are given.

    Raises EditError with a sentence for the user when ``text`` is not such a time.
    """
    cleaned = text.strip()
    match = _TIME.match(cleaned)
    if not match:
        if cleaned.startswith("-"):
            raise EditError(translated("“{cleaned}” is negative; times start at 0.").format(cleaned=cleaned))
        raise EditError(translated(
            "“{cleaned}” is not a time; write it as {EXAMPLES}."
        ).format(cleaned=cleaned, EXAMPLES=translated(EXAMPLES)))
    hours, minutes, seconds, fraction = match.groups()
    if minutes is not None and int(seconds) > 59:
        raise EditError(translated(
            "“{cleaned}” has {seconds} seconds after the minutes; use 0 to 59."
        ).format(cleaned=cleaned, seconds=int(seconds)))
    if hours is not None and int(minutes) > 59:
        raise EditError(translated(
            "“{cleaned}” has {minutes} minutes after the hours; use 0 to 59."
        ).format(cleaned=cleaned, minutes=int(minutes)))
    if fraction is not None and len(fraction) > 3:
        raise EditError(translated(
            "“{cleaned}” is more precise than a millisecond; use at most three decimals."
        ).format(cleaned=cleaned))
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
