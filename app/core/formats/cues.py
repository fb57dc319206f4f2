"""Turning segments into subtitle cues that every player accepts."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.formats.timecode import to_milliseconds
from app.core.transcript import Segment

MINIMUM_CUE_MS = 1


@dataclass(frozen=True, slots=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


def cues_from_segments(segments: list[Segment]) -> list[Cue]:
    """Non-empty cues in time order, never overlapping, never ending before they start."""
    cues: list[Cue] = []
    for segment in sorted(segments, key=lambda s: (s.start, s.end)):
        text = "\n".join(line.strip() for line in segment.text.strip().splitlines() if line.strip())
        if not text:
            continue
        start = to_milliseconds(segment.start)
        if cues and start < cues[-1].end_ms:
            previous = cues[-1]
            trimmed_end = max(previous.start_ms + MINIMUM_CUE_MS, start)
            cues[-1] = Cue(previous.start_ms, trimmed_end, previous.text)
            start = max(start, trimmed_end)
        end = max(to_milliseconds(segment.end), start + MINIMUM_CUE_MS)
        cues.append(Cue(start, end, text))
    return cues
