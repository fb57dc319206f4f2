"""Segments as one text to read aloud, and which segment a place in that text belongs to (for highlighting).

Each segment's text goes on a line of its own, so a sentence never runs across two segments and
the sentence being read always names one of them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from app.core.transcript import Transcript


@dataclass(frozen=True, slots=True)
class SpokenSegments:
    text: str
    starts: tuple[int, ...]  # where each segment's line starts in ``text``
    rows: tuple[int, ...]  # the segment each line is

    def row_at(self, offset: int) -> int | None:
        """The segment whose line holds character ``offset`` of ``text``."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return self.rows[line] if line >= 0 else None


def spoken_segments(transcript: Transcript, rows: list[int] | None = None) -> SpokenSegments:
    """The text of ``rows`` (default: every segment) in order, blank segments left out."""
    chosen = range(len(transcript.segments)) if rows is None else sorted(set(rows))
    parts: list[str] = []
    starts: list[int] = []
    kept: list[int] = []
    offset = 0
    for row in chosen:
        text = " ".join(transcript.segments[row].text.split())
        if not text:
            continue
        parts.append(text)
        starts.append(offset)
        kept.append(row)
        offset += len(text) + 1
    return SpokenSegments("\n".join(parts), tuple(starts), tuple(kept))
