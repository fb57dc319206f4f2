"""Edits of which segments there are: insert an empty one before or after, delete some."""

from __future__ import annotations

from collections.abc import Iterable

from app.core.editing.segment_edit import SegmentEdit, edit_from_replacements
from app.core.editing.segment_text import segment_at
from app.core.errors import EditError
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript

NEW_SEGMENT_SECONDS = 2.0


def insert_segment(transcript: Transcript, index: int, after: bool) -> SegmentEdit:
    """An empty segment before or after segment ``index`` (at 0 in an empty transcript).

    It fills the pause between the neighbours, at most two seconds of it, next to segment
    ``index``; where there is no pause it lasts two seconds from the earlier neighbour's end.
    """
    if not transcript.segments:
        return edit_from_replacements("Insert Segment", [(0, (), (Segment(0.0, NEW_SEGMENT_SECONDS, ""),))],
                                      transcript)
    neighbour = segment_at(transcript, index)
    position = index + 1 if after else index
    previous = transcript.segments[position - 1] if position > 0 else None
    following = transcript.segments[position] if position < len(transcript.segments) else None
    pause_start = previous.end if previous else 0.0
    pause_end = following.start if following else pause_start + NEW_SEGMENT_SECONDS
    if pause_end - pause_start >= 0.1:
        if after:
            start, end = pause_start, min(pause_end, pause_start + NEW_SEGMENT_SECONDS)
        else:
            start, end = max(pause_start, pause_end - NEW_SEGMENT_SECONDS), pause_end
    else:
        start, end = pause_start, pause_start + NEW_SEGMENT_SECONDS
    new = Segment(start, end, "", speaker=neighbour.speaker, language=neighbour.language)
    return edit_from_replacements("Insert Segment", [(position, (), (new,))], transcript)


def delete_segments(transcript: Transcript, indices: Iterable[int]) -> SegmentEdit:
    chosen = sorted(set(indices))
    if not chosen:
        raise EditError(translated("Select the segments to delete first."))
    for index in chosen:
        segment_at(transcript, index)
    name = "Delete Segment" if len(chosen) == 1 else "Delete Segments"
    return edit_from_replacements(name, [(first, transcript.segments[first:last + 1], ())
                                         for first, last in contiguous_runs(chosen)], transcript)


def contiguous_runs(sorted_indices: list[int]) -> list[tuple[int, int]]:
    """``[1, 2, 3, 7, 8]`` → ``[(1, 3), (7, 8)]``: one splice per run keeps the views' updates few."""
    runs: list[tuple[int, int]] = []
    for index in sorted_indices:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs
