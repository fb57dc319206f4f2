"""A passage recognised again: its new segments put at the passage's place, and the edit that swaps them in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.core.editing.segment_edit import SegmentEdit, edit_from_replacements
from app.core.editing.segment_text import segment_at
from app.core.editing.segment_times import shifted_segment
from app.core.editing.word_timing import clamped_words
from app.core.errors import EditError
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript


@dataclass(frozen=True, slots=True)
class PassageSpan:
    """Segments ``first``..``last`` and the time range to recognise; ``last == first - 1`` when the passage holds
    no segment (speech the first pass missed): new segments go in at ``first``."""

    first: int
    last: int
    start: float
    end: float


def passage_in_range(segments: Sequence[Segment], start: float, end: float) -> PassageSpan:
    """The passage a range of time chosen on the waveform stands for: the segments it overlaps, whole (the range
    widens to take them in, so none is cut in two), or, in a gap between segments, the place for new ones."""
    touched = [index for index, segment in enumerate(segments) if segment.end > start and segment.start < end]
    if not touched:
        place = sum(1 for segment in segments if segment.start < start)
        return PassageSpan(place, place - 1, start, end)
    first, last = touched[0], touched[-1]
    return PassageSpan(first, last, min(start, segments[first].start), max(end, segments[last].end))


def placed_in_passage(recognised: Sequence[Segment], start: float, end: float) -> list[Segment]:
    """Segments recognised from the passage's audio alone (times from 0) moved to ``start``, kept within ``end``;
    the ones with no text or no time left are dropped."""
    placed = []
    for segment in recognised:
        moved = shifted_segment(segment, start)
        moved_end = min(moved.end, end)
        if not moved.text.strip() or moved.start >= moved_end:
            continue
        placed.append(replace(moved, end=moved_end, words=clamped_words(moved.words, moved.start, moved_end)))
    return placed


def replace_passage(transcript: Transcript, first: int, last: int, new: Sequence[Segment]) -> SegmentEdit:
    """Segments ``first`` to ``last`` replaced by ``new`` as one undo step (``last == first - 1``: ``new`` inserted
    at ``first``).

    When every replaced segment had the same speaker, the new ones have that speaker too.
    """
    if last < first - 1 or (last < first and not new):
        raise EditError(translated("Select the segments to re-transcribe first."))
    old = [segment_at(transcript, index) for index in range(first, last + 1)]
    speakers = {segment.speaker for segment in old}
    if len(speakers) == 1 and (speaker := speakers.pop()) is not None:
        new = [replace(segment, speaker=speaker) for segment in new]
    return edit_from_replacements("Re-transcribe Passage", [(first, old, tuple(new))], transcript)
