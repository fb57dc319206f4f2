"""Playback in the text view: the segment and the word being spoken highlighted and followed; Ctrl+click seeks.

The highlight is two ExtraSelections (the segment's text tinted as the table tints its row, the
word more strongly): setting them repaints only their lines and leaves the text document alone.
Follow scrolls the word into view without moving the text cursor (the user may be typing
elsewhere); a hand scroll asks for Follow to be turned off, as in the table. Ctrl+click on a word
asks to seek to its start (to its segment's start when the segment has no word timings).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app.core.editing.uncertain_words import WordPosition
from app.ui.editor.document import Document
from app.ui.editor.text_marks import word_at
from app.ui.editor.text_view import TranscriptTextView
from app.ui.playback_sync import NONE, PlaybackSync
from app.ui.transcript_table_model import PLAYING_TINT

SPOKEN_WORD_TINT = QColor(47, 111, 237, 120)
FOLLOW_LINES_ABOVE = 3  # a word scrolled into view has this many lines of context above it


def _tint(colour: QColor) -> QTextCharFormat:
    tint = QTextCharFormat()
    tint.setBackground(colour)
    return tint


class TextViewPlayback(QObject):
    seek_requested = Signal(float)  # Ctrl+click on a word: its start, in seconds
    hand_scrolled = Signal()

    def __init__(self, view: TranscriptTextView, sync: PlaybackSync, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._sync = sync
        self._document: Document | None = None
        self.follow = True
        self._segment_tint, self._word_tint = _tint(PLAYING_TINT), _tint(SPOKEN_WORD_TINT)
        sync.current_segment_changed.connect(lambda _segment: self.show_current())
        sync.current_word_changed.connect(lambda _segment, _word: self.show_current())
        view.verticalScrollBar().actionTriggered.connect(lambda _action: self.hand_scrolled.emit())
        view.viewport().installEventFilter(self)

    def set_document(self, document: Document) -> None:
        """Highlight again after each edit (the text view has re-grouped its paragraphs by then)."""
        if self._document is not None:
            self._document.edited.disconnect(self._highlight)
        self._document = document
        document.edited.connect(self._highlight)
        self._highlight()

    def show_current(self) -> None:
        """Highlight the segment and word playing now and, when following, scroll the word into view."""
        word_start = self._highlight()
        if word_start is not None and self.follow:
            self._scroll_to(word_start)

    def _highlight(self) -> int | None:
        """Set the highlight; the character position of the word (or of its segment) highlighted, or None.

        A hidden view (the table is shown) is highlighted when it is shown."""
        view, layout, transcript = self._view, self._view.paragraph_layout, self._view.transcript
        if not view.isVisible():
            return None
        segment = self._sync.current_segment
        if segment == NONE or len(layout.paragraph_of_segment) != len(transcript.segments):
            view.setExtraSelections([])  # nothing plays, or the text is being re-grouped (edited follows)
            return None
        text = transcript.segments[segment].text
        number, start = layout.position_of(segment, 0)
        _, end = layout.position_of(segment, len(text))
        selections = [self._selection(number, start, end, self._segment_tint)]
        anchor = self._block_position(number) + start
        word_segment, word = self._sync.current_word
        spoken = word_segment == segment and 0 <= word < len(transcript.segments[segment].words)
        found = layout.word_range(transcript, WordPosition(segment, word)) if spoken else None
        if found is not None:
            selections.append(self._selection(*found, self._word_tint))
            anchor = self._block_position(found[0]) + found[1]
        view.setExtraSelections(selections)
        return anchor

    def _block_position(self, number: int) -> int:
        return self._view.document().findBlockByNumber(number).position()

    def _selection(self, number: int, start: int, end: int, tint: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self._view.document())
        block = self._block_position(number)
        cursor.setPosition(block + start)
        cursor.setPosition(block + end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = tint
        return selection

    def _scroll_to(self, position: int) -> None:
        """Bring the line holding ``position`` into view, a few lines below the top, if it is not in view."""
        view = self._view
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        shown = view.cursorRect(cursor)
        if shown.top() >= 0 and shown.bottom() <= view.viewport().height():
            return
        block = view.document().findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        first_line = block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)
        view.verticalScrollBar().setValue(max(0, first_line - FOLLOW_LINES_ABOVE))  # the text cursor stays

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:  # after the switch of views has placed the text cursor
            QTimer.singleShot(0, self.show_current)
        elif (isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonPress
                and event.button() == Qt.MouseButton.LeftButton
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            seconds = self._time_at(event.position().toPoint())
            if seconds is not None:
                self.seek_requested.emit(seconds)
                return True  # a seek, not a click that moves the text cursor
        return super().eventFilter(watched, event)

    def _time_at(self, point: QPoint) -> float | None:
        view = self._view
        found = view.segment_at_position(view.cursorForPosition(point).position())
        if found is None:
            return None
        word = word_at(view.transcript, *found)
        return word[1].start if word is not None else view.transcript.segments[found[0]].start
