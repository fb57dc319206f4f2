"""The views the find bar and proofreading work in: where the user is, and how to show a range there.

The text view answers for itself; the segment table answers through ``TableSearchTarget``
(a range is shown by opening the cell's editor with the range selected).
"""

from __future__ import annotations

from typing import Protocol

from app.core.editing.find_replace import SearchField, SearchQuery, TextMatch, TextPosition
from app.core.editing.uncertain_words import WordPosition
from app.core.editing.word_timing import word_spans
from app.core.transcript import Transcript
from app.ui.editor.text_marks import TextMarks
from app.ui.editor.text_view import TranscriptTextView
from app.ui.transcript_table_model import TranscriptTableModel
from app.ui.transcript_view import TranscriptView


class SearchTarget(Protocol):
    def selection_span(self) -> tuple[TextPosition, TextPosition] | None: ...

    def show_range(self, segment: int, field: SearchField, start: int, end: int) -> None: ...

    def show_search(self, query: SearchQuery | None, current: TextMatch | None) -> None: ...


class TextViewTarget:
    def __init__(self, view: TranscriptTextView) -> None:
        self.view = view

    def selection_span(self) -> tuple[TextPosition, TextPosition] | None:
        cursor = self.view.textCursor()
        start = self.view.segment_at_position(cursor.selectionStart())
        end = self.view.segment_at_position(cursor.selectionEnd())
        if start is None or end is None:
            return None
        return TextPosition(start[0], SearchField.TEXT, start[1]), TextPosition(end[0], SearchField.TEXT, end[1])

    def show_range(self, segment: int, field: SearchField, start: int, end: int) -> None:
        if field == SearchField.TEXT:
            self.view.select_in_segment(segment, start, end)
        else:
            self.view.go_to_segment(segment)  # its speaker is in the margin beside it

    def show_search(self, query: SearchQuery | None, current: TextMatch | None) -> None:
        self.view.marks.set_search(query, current)
        self.view.refresh_marks()


class TableSearchTarget:
    def __init__(self, view: TranscriptView, marks: TextMarks) -> None:
        self.view = view
        self.marks = marks

    def selection_span(self) -> tuple[TextPosition, TextPosition] | None:
        row = self.view.current_row()
        if row is None:
            return None
        editor = self.view.open_editor()
        column = self.view.currentIndex().column()
        if editor is None or column not in (TranscriptTableModel.TEXT_COLUMN, TranscriptTableModel.SPEAKER_COLUMN):
            first = TextPosition(row, SearchField.SPEAKER, 0)
            return first, first
        field = SearchField.TEXT if column == TranscriptTableModel.TEXT_COLUMN else SearchField.SPEAKER
        start = editor.selectionStart() if editor.hasSelectedText() else editor.cursorPosition()
        end = start + len(editor.selectedText())
        return TextPosition(row, field, start), TextPosition(row, field, end)

    def show_range(self, segment: int, field: SearchField, start: int, end: int) -> None:
        self.view.finish_editing()
        column = TranscriptTableModel.TEXT_COLUMN if field == SearchField.TEXT else TranscriptTableModel.SPEAKER_COLUMN
        self.view.go_to_row(segment, column)
        self.view.edit(self.view.currentIndex())
        editor = self.view.open_editor()
        if editor is not None:
            editor.setSelection(start, end - start)

    def show_search(self, query: SearchQuery | None, current: TextMatch | None) -> None:
        """Matches tinted in the text cells (ProofreadingDelegate); the current one is selected in its cell."""
        self.marks.set_search(query, current)
        self.view.viewport().update()


def word_after(transcript: Transcript, position: TextPosition) -> WordPosition:
    """The last word starting before ``position`` (a selected word counts): next starts after it."""
    spans = word_spans(transcript.segments[position.segment])
    before = [w for w, span in enumerate(spans) if span is not None and span[0] < position.offset]
    return WordPosition(position.segment, before[-1] if before else -1)


def word_before(transcript: Transcript, position: TextPosition) -> WordPosition:
    """The first word ending after ``position``: previous starts before it."""
    spans = word_spans(transcript.segments[position.segment])
    after = [w for w, span in enumerate(spans) if span is not None and span[1] > position.offset]
    return WordPosition(position.segment, after[0] if after else len(spans))
