"""The text view, find and replace, and proofreading: their actions, and which view they act in.

View ▸ Text View (Ctrl+T) shows the flowing text instead of the table (the same place in the
transcript stays in view); Edit ▸ Find… (Ctrl+F), Replace… (Ctrl+H), Next Uncertain Word (F8)
and Previous Uncertain Word (Shift+F8) work in whichever of the two is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QMenu, QStackedWidget, QWidget

from app.core.editing.find_replace import SearchField
from app.core.editing.uncertain_words import next_uncertain_word, previous_uncertain_word
from app.core.editing.word_timing import word_spans
from app.ui.editor.document import Document
from app.ui.editor.find_bar import FindReplaceBar
from app.ui.editor.proofreading_delegate import ProofreadingDelegate
from app.ui.editor.search_targets import SearchTarget, TableSearchTarget, TextViewTarget, word_after, word_before
from app.ui.editor.text_view import TranscriptTextView
from app.ui.transcript_table_model import TranscriptTableModel

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

STATUS_SECONDS = 6


class TextEditing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._document: Document | None = None
        self.text_view = TranscriptTextView(window)
        self.text_view.edit_refused.connect(self._say)
        self.text_view.colour_of_segment = self._speaker_colour
        self.text_view.cursorPositionChanged.connect(self._follow_text_cursor)
        self.find_bar = FindReplaceBar(lambda: window.document, self.target, window)
        self.find_bar.closed.connect(lambda: self.current_view().setFocus())
        self.text_view_action = self._action(self.tr("&Text View"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_T),
                                             self.show_text_view, checkable=True)
        self.find_action = self._action(self.tr("&Find…"), QKeySequence.StandardKey.Find,
                                        lambda: self.find_bar.open_find(replacing=False))
        self.replace_action = self._action(self.tr("R&eplace…"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_H),
                                           lambda: self.find_bar.open_find(replacing=True))
        self.next_uncertain_action = self._action(self.tr("Next &Uncertain Word"), QKeySequence(Qt.Key.Key_F8),
                                                  self.next_uncertain)
        self.previous_uncertain_action = self._action(
            self.tr("Previous Uncertain &Word"), QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F8),
            self.previous_uncertain)

    def _action(self, text: str, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[..., object],
                checkable: bool = False) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def fill_edit_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addActions([self.find_action, self.replace_action])
        menu.addSeparator()
        menu.addActions([self.next_uncertain_action, self.previous_uncertain_action])

    def fill_view_menu(self, menu: QMenu) -> None:
        menu.addAction(self.text_view_action)

    def add_views(self, pages: QStackedWidget) -> None:
        """The text view becomes a page beside the table's; the window puts the find bar under them."""
        self._pages = pages
        pages.addWidget(self.text_view)
        table = self._window.transcript_view  # its text cells show the same marks
        marked = ProofreadingDelegate(self.text_view.marks, table)
        table.setItemDelegateForColumn(TranscriptTableModel.TEXT_COLUMN, marked)
        pages.currentChanged.connect(self._page_shown)

    def transcript_page(self) -> QWidget:
        """The page that shows a transcript: the text view or the table, as View ▸ Text View says."""
        return self.text_view if self.text_view_action.isChecked() else self._window.transcript_view

    def set_document(self, document: Document) -> None:
        if self._document is not None:
            self._document.edited.disconnect(self.find_bar.schedule_count)
        self._document = document
        document.edited.connect(self.find_bar.schedule_count)
        self.text_view.set_document(document)

    def _speaker_colour(self, segment: int) -> QColor | None:
        return self._window.transcript_model.speaker_colour_of(segment)

    def text_cursor(self) -> tuple[int, int] | None:
        """(segment, offset) of the text view's cursor while it is shown (Split Segment cuts there)."""
        if self._pages.currentWidget() is not self.text_view:
            return None
        return self.text_view.cursor_segment()

    def _follow_text_cursor(self) -> None:
        """The table's current row is the text cursor's segment, so the Edit menu acts on it."""
        found = self.text_view.cursor_segment() if self._pages.currentWidget() is self.text_view else None
        table = self._window.transcript_view
        if found is not None and found[0] != table.current_row():
            index = table.table_model.index(found[0], TranscriptTableModel.TEXT_COLUMN)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            table.selectionModel().setCurrentIndex(index, flags)

    # ---- the view in use ------------------------------------------------------------------
    def current_view(self) -> QWidget:
        return self.text_view if self._pages.currentWidget() is self.text_view else self._window.transcript_view

    def target(self) -> SearchTarget:
        if self._pages.currentWidget() is self.text_view:
            return TextViewTarget(self.text_view)
        return TableSearchTarget(self._window.transcript_view, self.text_view.marks)

    def show_text_view(self, shown: bool) -> None:
        """Switch views at the same segment (the text cursor's, or the table's current row)."""
        table = self._window.transcript_view
        if self._pages.currentWidget() not in (self.text_view, table):
            return  # nothing open yet: the choice applies when a transcript is shown
        self.find_bar.current = None
        if shown and self._pages.currentWidget() is not self.text_view:
            row = table.current_row()
            table.finish_editing()
            self._pages.setCurrentWidget(self.text_view)
            if row is not None:
                self.text_view.go_to_segment(row)
            self.text_view.setFocus()
        elif not shown and self._pages.currentWidget() is self.text_view:
            found = self.text_view.cursor_segment()
            self._pages.setCurrentWidget(table)
            if found is not None:
                table.go_to_row(found[0])
            table.setFocus()
            QTimer.singleShot(0, self._fit_rows_in_view)
        self.find_bar.schedule_count()

    def _fit_rows_in_view(self) -> None:
        """Rows sized before the table was hidden may wrap at another width now: measure again those on screen."""
        self._window.transcript_view.row_sizing.mark_all_stale()

    def _page_shown(self, _index: int) -> None:
        """The table was shown by something else (a recognition streams rows into it): the action follows."""
        if self._pages.currentWidget() is self._window.transcript_view and self.text_view_action.isChecked():
            self.text_view_action.blockSignals(True)
            self.text_view_action.setChecked(False)
            self.text_view_action.blockSignals(False)

    # ---- proofreading -------------------------------------------------------------------------
    def next_uncertain(self) -> None:
        self._go_to_uncertain(forward=True)

    def previous_uncertain(self) -> None:
        self._go_to_uncertain(forward=False)

    def _go_to_uncertain(self, forward: bool) -> None:
        transcript = self._window.document.transcript
        target = self.target()
        span = target.selection_span()
        if forward:
            found = next_uncertain_word(transcript, word_after(transcript, span[1]) if span else None)
        else:
            found = previous_uncertain_word(transcript, word_before(transcript, span[0]) if span else None)
        if found is None:
            self._say(self.tr("No word is marked uncertain: the recogniser was sure of every word."))
            return
        segment = transcript.segments[found.segment]
        word_span = word_spans(segment)[found.word]
        start, end = word_span if word_span is not None else (0, 0)
        target.show_range(found.segment, SearchField.TEXT, start, end)
        probability = segment.words[found.word].probability or 0.0
        self._say(self.tr("Uncertain word: {percent} % likely. F8 for the next, Shift+F8 for the previous.")
                  .replace("{percent}", str(round(probability * 100))))

    def _say(self, sentence: str) -> None:
        self._window.statusBar().showMessage(sentence, STATUS_SECONDS * 1000)
