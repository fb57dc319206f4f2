"""The transcript as flowing paragraphs (by speaker and pause), mapped back to segments and words.

A paragraph's text is its segments' stripped texts joined by single spaces. Each segment is a
``SegmentPiece`` of it, so the text view can turn a cursor, a typed change or a word to
highlight into a segment, an offset in that segment's text, and an edit of the same document.
``relayout`` groups again only the paragraphs around a change (``covering_splice`` joins the
splices of one edit into one), and ``typed_change`` tells what a keystroke changed in a paragraph.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from app.core.editing.segment_edit import SegmentEdit
from app.core.editing.segment_text import edit_text, segment_at
from app.core.editing.uncertain_words import WordPosition
from app.core.editing.word_timing import word_spans
from app.core.errors import EditError
from app.core.text_translation import translatable, translated
from app.core.transcript import Segment, Transcript

CROSSING_SENTENCE = translatable("Edit one segment at a time here; to join or split segments use Merge or Split.")

PARAGRAPH_PAUSE_SECONDS = 2.0
PARAGRAPH_MAX_CHARACTERS = 1200  # past this, a paragraph ends at the next sentence end
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
SEPARATOR = " "
_LINE_BREAKS_AS_SPACES = str.maketrans("\n\r\v\f\u2028\u2029", "      ")


@dataclass(frozen=True, slots=True)
class SegmentPiece:
    segment: int  # index in the transcript
    start: int  # character range in the paragraph's text
    end: int
    text_offset: int  # where the piece begins in the segment's own text (leading spaces skipped)


@dataclass(frozen=True, slots=True)
class Paragraph:
    speaker: str | None
    start_time: float
    end_time: float
    text: str
    pieces: tuple[SegmentPiece, ...]

    def piece_at(self, offset: int) -> SegmentPiece:
        """The piece holding ``offset``; an offset just after a piece's text belongs to that piece."""
        starts = [piece.start for piece in self.pieces]
        return self.pieces[max(0, bisect_right(starts, offset) - 1)]

    def locate(self, offset: int) -> tuple[int, int]:
        """(segment index, offset in the segment's text) of a cursor at ``offset`` of this paragraph."""
        piece = self.piece_at(offset)
        return piece.segment, piece.text_offset + min(max(offset - piece.start, 0), piece.end - piece.start)


@dataclass(frozen=True, slots=True)
class ParagraphLayout:
    paragraphs: tuple[Paragraph, ...]
    paragraph_of_segment: tuple[int, ...]
    pause_seconds: float = PARAGRAPH_PAUSE_SECONDS
    max_characters: int = PARAGRAPH_MAX_CHARACTERS
    keep_spaces: bool = False  # a segment's outer spaces stay in the paragraph (what an editor shows as typed)

    def position_of(self, segment: int, offset: int) -> tuple[int, int]:
        """(paragraph index, offset in its text) of a cursor at ``offset`` of segment ``segment``'s text."""
        number = self.paragraph_of_segment[segment]
        piece = next(p for p in self.paragraphs[number].pieces if p.segment == segment)
        return number, piece.start + min(max(offset - piece.text_offset, 0), piece.end - piece.start)

    def word_range(self, transcript: Transcript, position: WordPosition) -> tuple[int, int, int] | None:
        """(paragraph index, start, end) of a word for highlighting; None if its text is no longer there."""
        span = word_spans(transcript.segments[position.segment])[position.word]
        if span is None:
            return None
        number, start = self.position_of(position.segment, span[0])
        return number, start, start + span[1] - span[0]


def layout_paragraphs(transcript: Transcript, pause_seconds: float = PARAGRAPH_PAUSE_SECONDS,
                      max_characters: int = PARAGRAPH_MAX_CHARACTERS, keep_spaces: bool = False) -> ParagraphLayout:
    """``keep_spaces``: a space typed at a segment's edge stays visible, so an editor's text and the layout agree."""
    segments = transcript.segments
    groups = _groups(segments, 0, len(segments), pause_seconds, max_characters)
    paragraphs = tuple(_paragraph(segments, group, keep_spaces) for group in groups)
    owner = tuple(number for number, group in enumerate(groups) for _ in group)
    return ParagraphLayout(paragraphs, owner, pause_seconds, max_characters, keep_spaces)


def _groups(segments: list[Segment], first: int, stop: int, pause_seconds: float, max_characters: int,
            in_step_from: int | None = None, old_start: Callable[[int], bool] = bool) -> list[list[int]]:
    """Segments ``first`` .. ``stop - 1`` grouped into paragraphs (``first`` starts one).

    With ``in_step_from``, grouping stops at the first paragraph start at or after that index
    that also started one before (``old_start``): from there on the old grouping is the same.
    """
    groups: list[list[int]] = []
    length = 0
    for index in range(first, stop):
        if not groups or _starts_paragraph(segments, index, pause_seconds, length >= max_characters):
            if in_step_from is not None and groups and index >= in_step_from and old_start(index):
                break
            groups.append([])
            length = 0
        groups[-1].append(index)
        length += len(segments[index].text) + 1
    return groups


@dataclass(frozen=True, slots=True)
class LayoutChange:
    """Paragraphs ``first`` .. ``first + removed - 1`` of the old layout became ``inserted`` new ones."""

    layout: ParagraphLayout
    first: int
    removed: int
    inserted: int


def relayout(layout: ParagraphLayout, transcript: Transcript, first: int, removed: int, inserted: int) -> LayoutChange:
    """The layout after segments ``first`` .. ``first + removed - 1`` became ``inserted`` segments there.

    Only the paragraphs around the change are grouped again (typing in a three-hour transcript
    stays cheap); the result equals ``layout_paragraphs`` on the new transcript.
    """
    segments = transcript.segments
    old_paragraphs, old_owner = layout.paragraphs, layout.paragraph_of_segment
    delta = inserted - removed
    if not old_paragraphs or not segments:
        new = layout_paragraphs(transcript, layout.pause_seconds, layout.max_characters, layout.keep_spaces)
        return LayoutChange(new, 0, len(old_paragraphs), len(new.paragraphs))
    first_paragraph = old_owner[first - 1] if 0 < first <= len(old_owner) else 0
    start = old_paragraphs[first_paragraph].pieces[0].segment

    def old_start(index: int) -> bool:
        old = index - delta  # an unchanged segment, as it was numbered before
        return first + removed <= old < len(old_owner) and (old == 0 or old_owner[old] != old_owner[old - 1])

    groups = _groups(segments, start, len(segments), layout.pause_seconds, layout.max_characters,
                     first + inserted, old_start)
    stop = groups[-1][-1] + 1  # the new segments grouped again end here; the rest keep their paragraphs
    old_stop = stop - delta
    last_paragraph = old_owner[old_stop] if old_stop < len(old_owner) else len(old_paragraphs)
    new_paragraphs = [_paragraph(segments, group, layout.keep_spaces) for group in groups]
    kept_after = old_paragraphs[last_paragraph:]
    if delta:
        kept_after = tuple(_shifted(p, delta) for p in kept_after)
    paragraph_delta = len(new_paragraphs) - (last_paragraph - first_paragraph)
    owner = (old_owner[:start]
             + tuple(first_paragraph + n for n, group in enumerate(groups) for _ in group)
             + (tuple(number + paragraph_delta for number in old_owner[old_stop:]) if paragraph_delta
                else old_owner[old_stop:]))
    new_layout = ParagraphLayout((*old_paragraphs[:first_paragraph], *new_paragraphs, *kept_after), owner,
                                 layout.pause_seconds, layout.max_characters, layout.keep_spaces)
    return LayoutChange(new_layout, first_paragraph, last_paragraph - first_paragraph, len(new_paragraphs))


def covering_splice(splices: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    """One (first, removed, inserted) with the effect of ``splices`` (each as ``relayout`` takes it) made in turn.

    Each splice counts rows as they were when it was made; the result counts removed rows as
    they were before them all and inserted rows as they are after them all (it may cover
    unchanged rows between changes), so one ``relayout`` on the final transcript shows them all.
    """
    low, high, growth = -1, -1, 0
    for first, removed, inserted in splices:
        if low < 0:
            low, high = first, first + inserted
        else:
            if high >= first + removed:
                high += inserted - removed
            elif high > first:  # it ended among the removed rows
                high = first + inserted
            low, high = min(low, first), max(high, first + inserted)
        growth += inserted - removed
    return low, high - low - growth, high - low


def _shifted(paragraph: Paragraph, delta: int) -> Paragraph:
    pieces = tuple(SegmentPiece(p.segment + delta, p.start, p.end, p.text_offset) for p in paragraph.pieces)
    return Paragraph(paragraph.speaker, paragraph.start_time, paragraph.end_time, paragraph.text, pieces)


def _starts_paragraph(segments: list[Segment], index: int, pause_seconds: float, long_enough: bool) -> bool:
    previous, segment = segments[index - 1], segments[index]
    return (
        segment.speaker != previous.speaker
        or segment.start - previous.end >= pause_seconds
        or (long_enough and bool(_SENTENCE_END.search(previous.text.rstrip())))
    )


def _paragraph(segments: list[Segment], group: list[int], keep_spaces: bool = False) -> Paragraph:
    pieces, parts, offset = [], [], 0
    for index in group:
        text = segments[index].text
        shown = text if keep_spaces else text.strip()
        stripped = shown.translate(_LINE_BREAKS_AS_SPACES)  # one paragraph; offsets unchanged
        skipped = 0 if keep_spaces else len(text) - len(text.lstrip())
        pieces.append(SegmentPiece(index, offset, offset + len(stripped), skipped))
        parts.append(stripped)
        offset += len(stripped) + len(SEPARATOR)
    first, last = segments[group[0]], segments[group[-1]]
    return Paragraph(first.speaker, first.start, last.end, SEPARATOR.join(parts), tuple(pieces))


def paragraph_edit(transcript: Transcript, paragraph: Paragraph, position: int, removed: int,
                   inserted: str) -> SegmentEdit:
    """The text edit of one segment that a change typed in the paragraph makes.

    ``position``, ``removed`` and ``inserted`` are as QTextDocument's contentsChange reports them
    (relative to the paragraph). A change across two segments is refused: merging is its own action.
    """
    piece = paragraph.piece_at(position)
    if position + removed > piece.end or "\n" in inserted or "\u2029" in inserted:
        raise EditError(translated(CROSSING_SENTENCE))
    segment = segment_at(transcript, piece.segment)
    cut = piece.text_offset + position - piece.start
    text = segment.text[:cut] + inserted + segment.text[cut + removed:]
    return edit_text(transcript, piece.segment, text)


def typed_change(old: str, new: str, cursor: int | None) -> tuple[int, int, str]:
    """(position, characters removed, text inserted) that turn ``old`` into ``new``.

    Where the change could be told two ways ("a" typed beside another "a"), the typing ended at
    ``cursor`` (in ``new``) decides: a space typed after a segment belongs to that segment.
    """
    suffix = len(new) - cursor if cursor is not None else -1
    if cursor is not None and suffix <= len(old) and new[cursor:] == old[len(old) - suffix:]:
        at = min(_common_prefix(old, new), len(old) - suffix, cursor)
    else:
        at = _common_prefix(old, new)
        suffix = _common_prefix(old[at:][::-1], new[at:][::-1])
    return at, len(old) - at - suffix, new[at:len(new) - suffix]


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))  # noqa: RUF071 - characters, not path parts
