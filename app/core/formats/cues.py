"""Turning segments into subtitle cues that every player accepts."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.formats.timecode import to_milliseconds
from app.core.transcript import Segment


@dataclass(frozen=True, slots=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str  # lines joined by "\n", none of them blank
    speaker: str | None = None


def cue_text(text: str) -> str:
    """Trimmed lines without blank ones: a blank line would end an SRT or WebVTT cue early."""
    return "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())


def cues_from_segments(segments: list[Segment], resolution_ms: int = 1) -> list[Cue]:
    """Non-empty cues in time order, never overlapping, never ending before they start.

    Times are rounded once to the format's resolution (1 ms, or 10 ms for ASS) so that what the
    file says is exactly what was checked here.
    """
    cues: list[Cue] = []
    for segment in sorted(segments, key=lambda s: (s.start, s.end)):
        text = cue_text(segment.text)
        if not text:
            continue
        start = _rounded(segment.start, resolution_ms)
        if cues and start < cues[-1].end_ms:
            previous = cues[-1]
            trimmed_end = max(previous.start_ms + resolution_ms, start)
            cues[-1] = Cue(previous.start_ms, trimmed_end, previous.text, previous.speaker)
            start = max(start, trimmed_end)
        end = max(_rounded(segment.end, resolution_ms), start + resolution_ms)
        cues.append(Cue(start, end, text, segment.speaker))
    return cues


def _rounded(seconds: float, resolution_ms: int) -> int:
    return round(to_milliseconds(seconds) / resolution_ms) * resolution_ms
