"""Edits of when segments are: set a segment's start and end, shift segments; overlaps with neighbours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from app.core.editing.segment_edit import SegmentEdit, Splice, edit_from_replacements
from app.core.editing.segment_list import contiguous_runs
from app.core.editing.segment_text import segment_at
from app.core.editing.time_text import format_time
from app.core.editing.word_timing import clamped_words
from app.core.errors import EditError
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript, Word


def set_times(transcript: Transcript, index: int, start: float, end: float) -> SegmentEdit:
    """New start and end for one segment; its words are kept inside them."""
    old = segment_at(transcript, index)
    if start < 0:
        raise EditError(translated("A segment cannot start before 0:00.000."))
    if not start < end:
        raise EditError(translated(
            "The start ({start}) must come before the end ({end})."
        ).format(start=format_time(start), end=format_time(end)))
    new = replace(old, start=start, end=end, words=clamped_words(old.words, start, end))
    return SegmentEdit("Set Times", (Splice(index, (old,), (new,)),))


def set_start(transcript: Transcript, index: int, start: float) -> SegmentEdit:
    return set_times(transcript, index, start, segment_at(transcript, index).end)


def set_end(transcript: Transcript, index: int, end: float) -> SegmentEdit:
    return set_times(transcript, index, segment_at(transcript, index).start, end)


def shift_segments(transcript: Transcript, indices: Iterable[int] | None, milliseconds: int) -> SegmentEdit:
    """Move the segments (all when ``indices`` is None) by ``milliseconds``, words and all.

    Nothing moves before 0: an earlier shift is cut short where the first chosen segment reaches 0.
    """
    chosen = sorted(set(range(len(transcript.segments)) if indices is None else indices))
    if not chosen:
        raise EditError(translated("Select the segments to shift first."))
    earliest = min(segment_at(transcript, i).start for i in chosen)
    seconds = max(milliseconds / 1000, -earliest)
    if seconds == 0:
        raise EditError(translated("The segments cannot move earlier: the first of them starts at 0:00.000."))
    changes = []
    for first, last in contiguous_runs(chosen):
        old = transcript.segments[first:last + 1]
        changes.append((first, old, [shifted_segment(segment, seconds) for segment in old]))
    return edit_from_replacements("Shift Times", changes, transcript)


def shifted_segment(segment: Segment, seconds: float) -> Segment:
    return replace(
        segment,
        start=max(0.0, segment.start + seconds),
        end=max(0.0, segment.end + seconds),
        words=[Word(max(0.0, w.start + seconds), max(0.0, w.end + seconds), w.text, w.probability)
               for w in segment.words],
    )


@dataclass(frozen=True, slots=True)
class Overlap:
    """Segment ``index`` runs into its neighbour ``other`` by ``seconds``."""

    index: int
    other: int
    seconds: float

    def describe(self) -> str:
        """The reason for a tooltip (the Qt layer may phrase its own, translated, from the fields)."""
        if self.other < self.index:
            return translated(
                "Starts {seconds:.3f} s before segment {other} ends."
            ).format(seconds=self.seconds, other=self.other + 1)
        return translated(
            "Ends {seconds:.3f} s after segment {other} starts."
        ).format(seconds=self.seconds, other=self.other + 1)


def overlaps(transcript: Transcript, index: int) -> list[Overlap]:
    """How segment ``index`` overlaps the segments before and after it (empty when it does not)."""
    segment = segment_at(transcript, index)
    found = []
    if index > 0 and transcript.segments[index - 1].end > segment.start:
        found.append(Overlap(index, index - 1, transcript.segments[index - 1].end - segment.start))
    if index + 1 < len(transcript.segments) and segment.end > transcript.segments[index + 1].start:
        found.append(Overlap(index, index + 1, segment.end - transcript.segments[index + 1].start))
    return found
