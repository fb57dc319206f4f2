"""What the text view paints over a paragraph's words: uncertain words, find matches and the current match.

The marks are a paragraph's QTextLayout formats (never the document's own text formats), so
setting them neither changes the text nor makes an undo step; the view sets them for the
paragraphs on screen only, which keeps a three-hour transcript quick to open and to search.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QTextCharFormat, QTextLayout

from app.core.editing.find_replace import SearchField, SearchQuery, TextMatch
from app.core.editing.paragraphs import Paragraph, SegmentPiece
from app.core.editing.uncertain_words import UNCERTAIN_BELOW, is_uncertain
from app.core.editing.word_timing import word_spans
from app.core.errors import EditError
from app.core.transcript import Transcript, Word

UNCERTAIN_UNDERLINE = QColor(217, 119, 6)
UNCERTAIN_TINT = QColor(254, 243, 199)
MATCH_TINT = QColor(253, 224, 71, 150)
CURRENT_MATCH_TINT = QColor(249, 115, 22, 170)


def _uncertain_format() -> QTextCharFormat:
    mark = QTextCharFormat()
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    mark.setUnderlineColor(UNCERTAIN_UNDERLINE)
    mark.setBackground(UNCERTAIN_TINT)
    return mark


def _tint(colour: QColor) -> QTextCharFormat:
    mark = QTextCharFormat()
    mark.setBackground(colour)
    return mark


class TextMarks:
    """The marks to paint: which words count as uncertain, and the search the find bar shows."""

    def __init__(self) -> None:
        self.threshold = UNCERTAIN_BELOW
        self.query: SearchQuery | None = None
        self.current: TextMatch | None = None
        self._uncertain = _uncertain_format()
        self._match = _tint(MATCH_TINT)
        self._current = _tint(CURRENT_MATCH_TINT)

    def set_search(self, query: SearchQuery | None, current: TextMatch | None) -> None:
        self.query, self.current = query, current

    def ranges(self, transcript: Transcript, paragraph: Paragraph) -> list[QTextLayout.FormatRange]:
        found: list[QTextLayout.FormatRange] = []
        pattern = self._pattern()
        for piece in paragraph.pieces:
            segment = transcript.segments[piece.segment]
            for word, span in zip(segment.words, word_spans(segment), strict=True):
                if span is not None and is_uncertain(word, self.threshold):
                    found.append(self._range(piece, span[0], span[1], self._uncertain))
            if pattern is not None:
                for match in pattern.finditer(segment.text):
                    if match.end() > match.start():
                        current = self.current == TextMatch(piece.segment, SearchField.TEXT, match.start(),
                                                            match.end())
                        found.append(self._range(piece, match.start(), match.end(),
                                                 self._current if current else self._match))
        return [r for r in found if r.length > 0]

    def _pattern(self) -> re.Pattern[str] | None:
        if self.query is None:
            return None
        try:
            return self.query.pattern()
        except EditError:
            return None

    @staticmethod
    def _range(piece: SegmentPiece, start: int, end: int, mark: QTextCharFormat) -> QTextLayout.FormatRange:
        """A range of the segment's text as a range of the paragraph (clipped to the piece shown)."""
        first = min(max(piece.start + start - piece.text_offset, piece.start), piece.end)
        last = min(max(piece.start + end - piece.text_offset, piece.start), piece.end)
        result = QTextLayout.FormatRange()
        result.start, result.length, result.format = first, last - first, mark
        return result


def word_at(transcript: Transcript, segment: int, offset: int) -> tuple[int, Word] | None:
    """The word (index, word) of segment ``segment`` whose text holds character ``offset``."""
    current = transcript.segments[segment]
    for index, (word, span) in enumerate(zip(current.words, word_spans(current), strict=True)):
        if span is not None and span[0] <= offset < span[1]:
            return index, word
    return None
