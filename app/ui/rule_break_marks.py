"""Which transcript segments would still break the subtitle rules once Export re-flows them.

Recognition segments are longer than a subtitle cue, so nearly every raw segment breaks a rule
that re-flow then mends; marking those would be noise. A subtitle maker wants to see what
re-flow cannot mend (speech too fast to read, a word too long for a line): each re-flowed cue
that still breaks a rule marks the segments it overlaps.
"""

from __future__ import annotations

from bisect import bisect_left

from app.core.reflow import reflow
from app.core.subtitle_rules import SubtitleRules, Violation, cue_violations
from app.core.transcript import Transcript


def breaks_after_reflow(transcript: Transcript, rules: SubtitleRules) -> dict[int, list[Violation]]:
    """Segment index → the rule breaks of the re-flowed cues shown during it (segments in time order)."""
    segments = transcript.segments
    ends = [segment.end for segment in segments]
    cues = reflow(transcript, rules).segments
    marks: dict[int, list[Violation]] = {}
    for number, cue in enumerate(cues):
        following = cues[number + 1].start if number + 1 < len(cues) else None
        found = cue_violations(cue.start, cue.end, cue.text, rules, following)
        if not found:
            continue
        row = bisect_left(ends, cue.start)  # the first segment that ends after the cue begins
        while row < len(segments) and segments[row].start < cue.end:
            known = marks.setdefault(row, [])
            known.extend(v for v in found if v.kind not in {k.kind for k in known})
            row += 1
    return marks
