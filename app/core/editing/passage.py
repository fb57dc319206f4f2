"""A passage recognised again: its new segments put at the passage's place, and the edit that swaps them in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.core.editing.segment_edit import SegmentEdit, edit_from_replacements
from app.core.editing.segment_text import segment_at
from app.core.editing.segment_times import shifted_segment
from app.core.editing.word_timing import clamped_words
from app.core.errors import EditError
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript


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
    """Segments ``first`` to ``last`` replaced by ``new`` as one undo step.

    When every replaced segment had the same speaker, the new ones have that speaker too.
    """
    if last < first:
        raise EditError(translated("Select the segments to re-transcribe first."))
    old = [segment_at(transcript, index) for index in range(first, last + 1)]
    speakers = {segment.speaker for segment in old}
    if len(speakers) == 1 and (speaker := speakers.pop()) is not None:
        new = [replace(segment, speaker=speaker) for segment in new]
    return edit_from_replacements("Re-transcribe Passage", [(first, old, tuple(new))], transcript)
