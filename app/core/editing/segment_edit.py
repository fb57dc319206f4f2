"""A named, reversible change of a transcript's segments: what one undo step holds.

Edits never change a ``Segment`` or ``Word`` in place; they put new segments where old ones were.
So an edit keeps the old segments by reference (undo costs no copying), and a snapshot of the
transcript for export or autosave is a shallow copy of its segment list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from app.core.transcript import Segment, Transcript


class TranscriptEdit(Protocol):
    """What the Qt layer wraps in one QUndoCommand."""

    name: str
    mergeable: bool

    def apply(self, transcript: Transcript) -> None: ...

    def revert(self, transcript: Transcript) -> None: ...

    def merge_with(self, later: TranscriptEdit) -> bool: ...


@dataclass(frozen=True, slots=True)
class Splice:
    """Replace ``removed`` at ``index`` of the segment list by ``inserted``: one contiguous change.

    A view updates itself from a splice: rows ``index`` .. ``index + len(removed) - 1`` go,
    ``len(inserted)`` rows come at ``index`` (when the counts are equal, those rows changed).
    """

    index: int
    removed: tuple[Segment, ...]
    inserted: tuple[Segment, ...]

    def perform(self, segments: list[Segment]) -> None:
        stop = self.index + len(self.removed)
        current = segments[self.index:stop]
        if len(current) != len(self.removed) or any(
            a is not b and a != b for a, b in zip(current, self.removed, strict=True)
        ):
            raise RuntimeError("An edit was applied to segments it was not made for.")
        segments[self.index:stop] = self.inserted

    def inverse(self) -> Splice:
        return Splice(self.index, self.inserted, self.removed)


@dataclass(slots=True)
class SegmentEdit:
    """One user action on the transcript, as splices in the order they are applied.

    Each splice's index is valid at the moment it is applied; reverting applies the inverses in
    the opposite order. ``name`` is what the Edit menu shows ("Undo Split Segment").
    """

    name: str
    splices: tuple[Splice, ...]
    mergeable: bool = False  # typing in one segment: consecutive edits fold into one undo step

    def apply(self, transcript: Transcript) -> None:
        for splice in self.forward_splices():
            splice.perform(transcript.segments)

    def revert(self, transcript: Transcript) -> None:
        for splice in self.backward_splices():
            splice.perform(transcript.segments)

    def forward_splices(self) -> tuple[Splice, ...]:
        return self.splices

    def backward_splices(self) -> tuple[Splice, ...]:
        return tuple(splice.inverse() for splice in reversed(self.splices))

    def merge_with(self, later: TranscriptEdit) -> bool:
        """Fold ``later`` (already applied, right after this one) into this edit; False if they do not fold.

        Two text edits of the same segment fold: undoing the result undoes both.
        """
        if not isinstance(later, SegmentEdit) or not (self.mergeable and later.mergeable):
            return False
        if not len(self.splices) == len(later.splices) == 1:
            return False
        mine, theirs = self.splices[0], later.splices[0]
        if mine.index != theirs.index or len(mine.inserted) != 1 or theirs.removed != mine.inserted:
            return False
        self.splices = (Splice(mine.index, mine.removed, theirs.inserted),)
        return True

    @property
    def changes_segment_count(self) -> bool:
        return any(len(s.removed) != len(s.inserted) for s in self.splices)

    @property
    def changes_nothing(self) -> bool:
        """True when typing came back to where it started: the Qt layer may mark the step obsolete."""
        return all(s.removed == s.inserted for s in self.splices)


def edit_from_replacements(name: str, replacements: Sequence[tuple[int, Sequence[Segment], Sequence[Segment]]],
                           transcript: Transcript) -> SegmentEdit:
    """An edit from changes given at their original indices (non-overlapping, any order).

    Changes that touch are joined into one splice; splices are applied from the last index to
    the first, so every index stays valid when used.
    """
    joined: list[tuple[int, list[Segment], list[Segment]]] = []
    for index, removed, inserted in sorted(replacements, key=lambda change: change[0]):
        if joined and joined[-1][0] + len(joined[-1][1]) == index:
            joined[-1][1].extend(removed)
            joined[-1][2].extend(inserted)
        else:
            joined.append((index, list(removed), list(inserted)))
    splices = [Splice(index, tuple(removed), tuple(inserted)) for index, removed, inserted in reversed(joined)]
    _check_indices(splices, len(transcript.segments))
    return SegmentEdit(name, tuple(splices))


def _check_indices(splices: list[Splice], count: int) -> None:
    end = count
    for splice in splices:  # descending
        if splice.index < 0 or splice.index + len(splice.removed) > end:
            raise IndexError("Segment changes overlap or fall outside the transcript.")
        end = splice.index


@dataclass(slots=True)
class TranscriptReplacement:
    """A finished recognition (or an import) replacing the whole transcript: one undo step.

    Segments and everything known about them (language, duration, engine, options) are swapped;
    the media path stays the document's.
    """

    name: str
    new: Transcript
    old: Transcript | None = None
    mergeable: bool = field(default=False, init=False)

    def apply(self, transcript: Transcript) -> None:
        self.old = snapshot_of(transcript)
        _assign(transcript, self.new)

    def revert(self, transcript: Transcript) -> None:
        if self.old is None:
            raise RuntimeError("A transcript replacement was reverted before it was applied.")
        _assign(transcript, self.old)

    def merge_with(self, later: TranscriptEdit) -> bool:
        return False


def _assign(transcript: Transcript, source: Transcript) -> None:
    transcript.segments[:] = source.segments
    transcript.language = source.language
    transcript.duration = source.duration
    transcript.engine = source.engine
    transcript.options = dict(source.options)


def snapshot_of(transcript: Transcript) -> Transcript:
    """A copy that later edits do not change (they replace segments, never change them), for another thread."""
    return Transcript(list(transcript.segments), transcript.language, transcript.duration, transcript.media_path,
                      transcript.engine, dict(transcript.options))


def replace_transcript(new: Transcript, name: str = "Replace Transcript") -> TranscriptReplacement:
    """The edit that puts ``new``'s segments and metadata into the document's transcript."""
    return TranscriptReplacement(name, snapshot_of(new))
