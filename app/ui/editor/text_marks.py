"""What the text view paints over a paragraph's words: uncertain words, find matches and the current match.

The marks are painted by the view over the paragraphs being repainted, never stored in the
text: setting a QTextLayout's formats reports a change of the document, and QPlainTextEdit then
repaints its whole viewport, once per keystroke. Working them out for the paragraphs on screen
only keeps a three-hour transcript quick to open and to search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor

from app.core.editing.find_replace import SearchField, SearchQuery, TextMatch
from app.core.editing.paragraphs import Paragraph, SegmentPiece
from app.core.editing.uncertain_words import UNCERTAIN_BELOW, is_uncertain
from app.core.editing.word_timing import word_spans
from app.core.errors import EditError
from app.core.transcript import Transcript, Word

UNCERTAIN_UNDERLINE = QColor(234, 88, 12)
UNCERTAIN_TINT = QColor(251, 146, 60, 28)  # faint: the wave under the word says it
MATCH_TINT = QColor(253, 224, 71, 150)
CURRENT_MATCH_TINT = QColor(249, 115, 22, 170)


class MarkKind(Enum):
    UNCERTAIN = "uncertain"
    MATCH = "match"
    CURRENT_MATCH = "current match"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int  # in the paragraph's text
    end: int
    kind: MarkKind


TINTS = {MarkKind.UNCERTAIN: UNCERTAIN_TINT, MarkKind.MATCH: MATCH_TINT, MarkKind.CURRENT_MATCH: CURRENT_MATCH_TINT}
# On the dark theme the text is light: the same hues, fainter, so it still reads on them.
DARK_TINTS = {MarkKind.UNCERTAIN: QColor(251, 146, 60, 40), MarkKind.MATCH: QColor(253, 224, 71, 80),
              MarkKind.CURRENT_MATCH: QColor(249, 115, 22, 110)}


class TextMarks:
    """The marks to paint: which words count as uncertain, and the search the find bar shows."""

    def __init__(self) -> None:
        self.threshold = UNCERTAIN_BELOW
        self.query: SearchQuery | None = None
        self.current: TextMatch | None = None

    def set_search(self, query: SearchQuery | None, current: TextMatch | None) -> None:
        self.query, self.current = query, current

    def of(self, transcript: Transcript, paragraph: Paragraph) -> list[Mark]:
        found: list[Mark] = []
        pattern = self._pattern()
        for piece in paragraph.pieces:
            segment = transcript.segments[piece.segment]
            for word, span in zip(segment.words, word_spans(segment), strict=True):
                if span is not None and is_uncertain(word, self.threshold):
                    found.append(self._mark(piece, span[0], span[1], MarkKind.UNCERTAIN))
            if pattern is not None:
                for match in pattern.finditer(segment.text):
                    if match.end() > match.start():
                        current = self.current == TextMatch(piece.segment, SearchField.TEXT, match.start(),
                                                            match.end())
                        kind = MarkKind.CURRENT_MATCH if current else MarkKind.MATCH
                        found.append(self._mark(piece, match.start(), match.end(), kind))
        return [mark for mark in found if mark.end > mark.start]

    def of_segment(self, transcript: Transcript, index: int) -> list[Mark]:
        """The marks of one segment's text (for the table's cell), in that text's characters."""
        segment = transcript.segments[index]
        piece = SegmentPiece(index, 0, len(segment.text), 0)
        return self.of(transcript, Paragraph(segment.speaker, segment.start, segment.end, segment.text, (piece,)))

    def _pattern(self) -> re.Pattern[str] | None:
        if self.query is None:
            return None
        try:
            return self.query.pattern()
        except EditError:
            return None

    @staticmethod
    def _mark(piece: SegmentPiece, start: int, end: int, kind: MarkKind) -> Mark:
        """A range of the segment's text as a range of the paragraph (clipped to the piece shown)."""
        first = min(max(piece.start + start - piece.text_offset, piece.start), piece.end)
        last = min(max(piece.start + end - piece.text_offset, piece.start), piece.end)
        return Mark(first, last, kind)


def word_at(transcript: Transcript, segment: int, offset: int) -> tuple[int, Word] | None:
    """The word (index, word) of segment ``segment`` whose text holds character ``offset``."""
    current = transcript.segments[segment]
    for index, (word, span) in enumerate(zip(current.words, word_spans(current), strict=True)):
        if span is not None and span[0] <= offset < span[1]:
            return index, word
    return None
