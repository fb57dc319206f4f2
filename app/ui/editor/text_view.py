"""The flowing-text view: the document's segments as paragraphs by speaker and pause, typed into like a page.

Each paragraph of ``app.core.editing.paragraphs`` is one block of the QTextDocument. The view
owns no transcript: typing turns the block's change into a text edit of one segment that the
document applies (one undo step per segment, as in the table), and the document's precise
change signals re-group only the paragraphs around the change and rewrite only the characters
that differ, so an edit made in the table arrives without moving the text cursor. A change
across two segments (or paragraphs) is refused with one sentence and the text put back.
Uncertain words and find matches are marks painted over the paragraphs on screen (text_marks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from app.core.editing.paragraphs import (
    CROSSING_SENTENCE,
    Paragraph,
    ParagraphLayout,
    covering_splice,
    layout_paragraphs,
    paragraph_edit,
    relayout,
    typed_change,
)
from app.core.errors import EditError
from app.core.text_translation import translated
from app.core.transcript import Transcript
from app.ui.editor.document import Document
from app.ui.editor.mark_painting import mark_rects, paint_tints, paint_waves
from app.ui.editor.speaker_gutter import SpeakerGutter
from app.ui.editor.text_marks import Mark, TextMarks, word_at

READING_SCALE = 1.1
_STACK_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_EMPTY = Transcript()


class TranscriptTextView(QPlainTextEdit):
    edit_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptTextView")
        self.setAccessibleName(self.tr("Transcript text"))
        self.setUndoRedoEnabled(False)  # the document's undo stack undoes typing here
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        reading = self.font()
        reading.setPointSizeF(reading.pointSizeF() * READING_SCALE)  # a page to read, a little larger
        self.setFont(reading)
        self._document: Document | None = None
        self._layout = layout_paragraphs(_EMPTY, keep_spaces=True)
        self._writing = False  # the view is writing the document's text: not the user typing
        self._refused: set[int] | None = None  # blocks to put back (None: none; empty: all) once the change is over
        self.marks = TextMarks()
        self._pending: list[tuple[int, int, int]] = []  # splices not yet shown: (first, removed, inserted)
        self.colour_of_segment: Callable[[int], QColor | None] = lambda _segment: None  # the table's colours
        self.gutter = SpeakerGutter(self)
        self.setViewportMargins(self.gutter.width_wanted(), 0, 0, 0)
        self.updateRequest.connect(self._scroll_gutter)
        self.document().contentsChange.connect(self._typed)
        self._set_editable()

    # ---- the document -----------------------------------------------------------------
    @property
    def transcript(self) -> Transcript:
        return self._document.transcript if self._document is not None else _EMPTY

    @property
    def paragraph_layout(self) -> ParagraphLayout:
        return self._layout

    def set_document(self, document: Document | None) -> None:
        if self._document is not None:
            for signal, slot in self._connections(self._document):
                signal.disconnect(slot)
        self._document = document
        if document is not None:
            for signal, slot in self._connections(document):
                signal.connect(slot)
        self.rebuild()

    def _connections(self, document: Document) -> list[tuple[Any, Any]]:
        return [
            (document.segments_changed, self._segments_changed),
            (document.segments_inserted, self._segments_inserted),
            (document.segments_removed, self._segments_removed),
            (document.reset, self.rebuild),
            (document.edited, self._flush),
            (document.read_only_changed, self._set_editable),
        ]

    def _set_editable(self, _read_only: bool = False) -> None:
        document = self._document
        read_only = document is None or document.is_read_only or not document.transcript.segments
        if read_only != self.isReadOnly():  # setting it again repaints everything
            self.setReadOnly(read_only)

    def rebuild(self) -> None:
        """Lay the whole transcript out again (a new transcript, or text put back after a refused change)."""
        self._layout = layout_paragraphs(self.transcript, keep_spaces=True)
        self._pending.clear()
        position = self.textCursor().position()
        self._writing = True
        try:
            self.setPlainText("\n".join(p.text for p in self._layout.paragraphs))
        finally:
            self._writing = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self._set_editable()
        self.refresh_marks()

    def _segments_changed(self, first: int, count: int) -> None:
        self._splice(first, count, count)

    def _segments_inserted(self, first: int, count: int) -> None:
        self._splice(first, 0, count)

    def _segments_removed(self, first: int, count: int) -> None:
        self._splice(first, count, 0)

    def _splice(self, first: int, removed: int, inserted: int) -> None:
        """Noted, and shown once the edit is complete (``edited``; a recognition's rows on the next turn)."""
        self._pending.append((first, removed, inserted))
        if len(self._pending) == 1:
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        """Show the noted splices: the paragraphs around them grouped again, and the text that differs written."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        if not self._layout.paragraphs or not self.transcript.segments:
            self.rebuild()
            return
        old = self._layout
        change = relayout(old, self.transcript, *covering_splice(pending))
        self._layout = change.layout
        texts = [p.text for p in change.layout.paragraphs[change.first:change.first + change.inserted]]
        blocks = self.document()
        if change.removed != change.inserted or any(
            blocks.findBlockByNumber(change.first + n).text() != text for n, text in enumerate(texts)
        ):
            cursor = QTextCursor(blocks)
            self._writing = True
            cursor.beginEditBlock()  # Qt lays the text out once, at the end
            try:
                self._rewrite_blocks(change.first, change.removed, texts)
            finally:
                cursor.endEditBlock()
                self._writing = False
        before = old.paragraphs[change.first:change.first + change.removed]
        after = change.layout.paragraphs[change.first:change.first + change.inserted]
        if [(p.speaker, p.start_time) for p in before] != [(p.speaker, p.start_time) for p in after]:
            self.gutter.update()  # typing repaints its paragraph's stretch of the margin through updateRequest
        self._set_editable()

    def _rewrite_blocks(self, first: int, removed: int, texts: list[str]) -> None:
        """Blocks ``first`` .. ``first + removed - 1`` become ``texts``: only the characters that differ are written."""
        text_document = self.document()
        count = text_document.blockCount()
        if removed:
            start = text_document.findBlockByNumber(first).position()
            old = "\n".join(text_document.findBlockByNumber(n).text() for n in range(first, first + removed))
            new = "\n".join(texts)
            if first + removed < count and not texts:
                old, new = old + "\n", ""
            elif first + removed >= count and not texts and first > 0:
                start, old, new = start - 1, "\n" + old, ""
        elif first < count:
            start, old, new = text_document.findBlockByNumber(first).position(), "", "\n".join(texts) + "\n"
        else:
            start, old, new = text_document.characterCount() - 1, "", "\n" + "\n".join(texts)
        self._write_difference(start, old, new)

    def _write_difference(self, start: int, old: str, new: str) -> None:
        if old == new:
            return
        at, removed, inserted = typed_change(old, new, None)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start + at)
        cursor.setPosition(start + at + removed, QTextCursor.MoveMode.KeepAnchor)
        writing, self._writing = self._writing, True
        try:
            cursor.insertText(inserted)
        finally:
            self._writing = writing

    # ---- typing -------------------------------------------------------------------------
    def _typed(self, position: int, _removed: int, added: int) -> None:
        """The user changed the text: the one segment it changed gets the edit.

        Qt may report a wider range than what changed (after marks were set it reports the whole
        document), so the changed paragraph is found by comparing texts, starting at the cursor's.
        """
        document = self._document
        if self._writing or document is None:
            return
        if self._refused is not None:  # more changes before the text is put back: put all of it back
            self._refused.clear()
            return
        paragraphs = self._layout.paragraphs
        if not paragraphs or self.document().blockCount() != len(paragraphs):
            self._refuse(translated(CROSSING_SENTENCE))
            return
        number = self._changed_block(position, added)
        if number is None:
            return  # marks changed, not text
        block = self.document().findBlockByNumber(number)
        old, new = paragraphs[number].text, block.text()
        cursor = self.textCursor().position() - block.position()
        at, removed, inserted = typed_change(old, new, cursor if 0 <= cursor <= len(new) else None)
        try:
            document.apply(paragraph_edit(document.transcript, paragraphs[number], at, removed, inserted))
        except EditError as error:
            self._refuse(error.message, number)

    def _changed_block(self, position: int, added: int) -> int | None:
        """The one paragraph whose text differs from the layout's; None when none does (only marks changed)."""
        paragraphs = self._layout.paragraphs
        text_document = self.document()
        first = text_document.findBlock(self.textCursor().position()).blockNumber()
        if text_document.findBlockByNumber(first).text() != paragraphs[first].text:
            return first
        last = text_document.findBlock(position + added).blockNumber()
        for number in range(text_document.findBlock(position).blockNumber(), max(last, 0) + 1):
            if text_document.findBlockByNumber(number).text() != paragraphs[number].text:
                return number
        return None

    def _refuse(self, sentence: str, block: int | None = None) -> None:
        """Say why, and put the text back as the document has it once the text edit's own change is over."""
        self._refused = {block} if block is not None else set()
        QTimer.singleShot(0, self._put_back)
        self.edit_refused.emit(sentence)

    def _put_back(self) -> None:
        blocks, self._refused = self._refused, None
        if not blocks or self.document().blockCount() != len(self._layout.paragraphs):
            self.rebuild()
            return
        for number in blocks:
            self._rewrite_blocks(number, 1, [self._layout.paragraphs[number].text])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.isReadOnly() and self._crosses_paragraphs(event):
            self.edit_refused.emit(translated(CROSSING_SENTENCE))
            return
        super().keyPressEvent(event)

    def _crosses_paragraphs(self, event: QKeyEvent) -> bool:
        cursor = self.textCursor()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return True
        if cursor.hasSelection():
            return False  # a selection across paragraphs is refused when the change arrives
        if event.key() == Qt.Key.Key_Backspace:
            return cursor.atBlockStart()
        return event.key() == Qt.Key.Key_Delete and cursor.atBlockEnd()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted lines join with spaces: a paste stays inside one segment."""
        if source.hasText():
            self.textCursor().insertText(" ".join(source.text().splitlines()))

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride and any(
            event.matches(key) for key in _STACK_KEYS
        ):
            event.ignore()  # the window's Undo and Redo act on the document
            return True
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            self._show_word_tooltip(event)
            return True
        return super().viewportEvent(event)

    # ---- where the user is ------------------------------------------------------------------
    def paragraph(self, number: int) -> Paragraph | None:
        paragraphs = self._layout.paragraphs
        return paragraphs[number] if 0 <= number < len(paragraphs) else None

    def segment_at_position(self, position: int) -> tuple[int, int] | None:
        """(segment, offset in its text) of a character position of the view."""
        block = self.document().findBlock(position)
        paragraph = self.paragraph(block.blockNumber())
        return None if paragraph is None else paragraph.locate(position - block.position())

    def cursor_segment(self) -> tuple[int, int] | None:
        """(segment, offset) of the text cursor (the start of the selection)."""
        return self.segment_at_position(self.textCursor().selectionStart())

    def select_in_segment(self, segment: int, start: int, end: int) -> None:
        """Select characters ``start`` .. ``end`` of segment ``segment``'s text and show them."""
        if not 0 <= segment < len(self._layout.paragraph_of_segment):
            return
        number, first = self._layout.position_of(segment, start)
        _, last = self._layout.position_of(segment, end)
        block = self.document().findBlockByNumber(number)
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + first)
        cursor.setPosition(block.position() + last, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def go_to_segment(self, segment: int) -> None:
        self.select_in_segment(segment, 0, 0)

    def visible_paragraphs(self) -> list[tuple[int, int, int]]:
        """(paragraph number, top, height) of each block on screen, in viewport pixels."""
        found = []
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        bottom = self.viewport().height()
        while block.isValid() and top <= bottom:
            height = self.blockBoundingRect(block).height()
            found.append((block.blockNumber(), round(top), round(height)))
            top += height
            block = block.next()
        return found

    # ---- marks and painting -------------------------------------------------------------------
    def paragraph_colour(self, paragraph: Paragraph) -> QColor | None:
        """The speaker's colour, as the table shows it."""
        return self.colour_of_segment(paragraph.pieces[0].segment)

    def refresh_marks(self) -> None:
        """The marks changed (a new search, a new threshold): paint them again."""
        self.viewport().update()

    def marks_of(self, number: int) -> list[Mark]:
        paragraph = self.paragraph(number)
        return [] if paragraph is None else self.marks.of(self.transcript, paragraph)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._flush()  # the layout must be the transcript's before it is read
        painter = QPainter(self.viewport())
        shown = [(n, top, height) for n, top, height in self.visible_paragraphs()
                 if top <= event.rect().bottom() and top + height >= event.rect().top()]
        underlines: list[QRectF] = []
        for number, top, _height in shown:
            layout = self.document().findBlockByNumber(number).layout()
            origin = QPointF(self.contentOffset().x(), top) + layout.position()
            underlines += paint_tints(painter, mark_rects(layout, self.marks_of(number), origin), event.rect())
        painter.end()
        super().paintEvent(event)  # the text over the tints
        painter = QPainter(self.viewport())
        paint_waves(painter, underlines)
        painter.setPen(self.palette().mid().color())
        for number, top, _height in shown:
            if number:
                painter.drawLine(0, top, self.viewport().width(), top)

    def _show_word_tooltip(self, event: QHelpEvent) -> None:
        text = self.word_tooltip(event.pos())
        if text is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPos(), text, self)

    def word_tooltip(self, point: QPoint) -> str | None:
        """What hovering at ``point`` (in the viewport) says: an uncertain word's probability, else nothing."""
        found = self.segment_at_position(self.cursorForPosition(point).position())
        word = word_at(self.transcript, *found) if found else None
        if word is None or word[1].probability is None or word[1].probability >= self.marks.threshold:
            return None
        return self.tr("The recogniser was unsure of this word: {percent} % likely.").replace(
            "{percent}", str(round(word[1].probability * 100)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter.width_wanted(), area.height()))

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
