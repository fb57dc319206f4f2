"""The segment table: start, end, speaker and text (and language, when there are several); keyboard first.

Rows are sized as they arrive. The language column is shown only while the transcript holds
more than one language (a mixed-language recording with detection per passage).

Enter starts editing the current cell and ends it; the arrows move between segments (also out
of an open editor); Tab moves on from the times to the speaker and the text. While the text of
a segment is being edited, ``text_cursor()`` tells where its cursor is (Split Segment cuts there).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from app.ui.editor.segment_delegate import SegmentDelegate
from app.ui.transcript_table_model import TranscriptTableModel

SIZING_BUDGET_SECONDS = 0.01  # text layout per event-loop turn: a transcript of hours is sized without freezing
RESIZE_SETTLE_MS = 150  # a window being dragged wider re-wraps the rows once it stops
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class TranscriptView(QTableView):
    def __init__(self, model: TranscriptTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setAccessibleName(self.tr("Transcript segments"))
        self.setModel(model)
        self.setItemDelegate(SegmentDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        widest_time = self.fontMetrics().horizontalAdvance("0:00:00.000")
        for column in TranscriptTableModel.TIME_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, widest_time + 36)
        header.setSectionResizeMode(TranscriptTableModel.SPEAKER_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TranscriptTableModel.SPEAKER_COLUMN, self.fontMetrics().horizontalAdvance("M") * 10)
        header.setSectionResizeMode(TranscriptTableModel.TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TranscriptTableModel.LANGUAGE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TranscriptTableModel.LANGUAGE_COLUMN, self.fontMetrics().horizontalAdvance("M") * 6)
        self.setColumnHidden(TranscriptTableModel.LANGUAGE_COLUMN, True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Sizing each new row alone keeps a long transcript's inserts cheap (ResizeToContents
        # would measure every row on every insert).
        model.rowsInserted.connect(self._fit_new_rows)
        model.rowsInserted.connect(self._show_languages_if_mixed)
        model.rowsRemoved.connect(self._show_languages_when_several)
        model.modelReset.connect(self._show_languages_when_several)
        model.dataChanged.connect(self._fit_changed_rows)
        model.modelReset.connect(self._fit_all_rows)
        self._unsized_from = 0  # rows from here on still have the default height after a reset
        self._sizing = QTimer(self, interval=0)
        self._sizing.timeout.connect(self._fit_some_rows)
        self._refit = QTimer(self, singleShot=True, interval=RESIZE_SETTLE_MS)  # the text column's width settled
        self._refit.timeout.connect(self._fit_all_rows)
        header.sectionResized.connect(self._text_width_changed)

    @property
    def table_model(self) -> TranscriptTableModel:
        model = self.model()
        assert isinstance(model, TranscriptTableModel)
        return model

    # ---- where the user is ------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return rows

    def current_row(self) -> int | None:
        index = self.currentIndex()
        if index.isValid():
            return index.row()
        rows = self.selected_rows()
        return rows[0] if rows else None

    def text_cursor(self) -> tuple[int, int] | None:
        """(row, character offset) of the cursor in the text being edited, or None when no text is open."""
        editor = self.open_editor()
        index = self.currentIndex()
        if editor is None or index.column() != TranscriptTableModel.TEXT_COLUMN:
            return None
        return index.row(), editor.cursorPosition()

    def open_editor(self) -> QLineEdit | None:
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        editor = self.indexWidget(self.currentIndex())
        return editor if isinstance(editor, QLineEdit) else None

    def finish_editing(self) -> None:
        """Commit and close the open editor (before an edit that moves rows)."""
        editor = self.open_editor()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def go_to_row(self, row: int, column: int = TranscriptTableModel.TEXT_COLUMN) -> None:
        if 0 <= row < self.table_model.rowCount():
            index = self.table_model.index(row, column)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    # ---- keys ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and self.state() != QAbstractItemView.State.EditingState:
            index = self.currentIndex()
            if index.isValid() and self.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, event):
                return
        super().keyPressEvent(event)

    def follows_end(self) -> bool:
        """Whether the user is watching the end (so a new row should scroll into view)."""
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    # ---- the language column ------------------------------------------------------------
    def _show_languages_if_mixed(self, _parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        """New rows can only add a language: only they are looked at (rows stream in during a job)."""
        column = TranscriptTableModel.LANGUAGE_COLUMN
        if self.isColumnHidden(column) and self.table_model.has_several_languages(first, last):
            self.setColumnHidden(column, False)

    def _show_languages_when_several(self) -> None:
        self.setColumnHidden(TranscriptTableModel.LANGUAGE_COLUMN, not self.table_model.has_several_languages())

    # ---- row heights ----------------------------------------------------------------------
    def _fit_new_rows(self, _parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)

    def _fit_changed_rows(self, top: QModelIndex, bottom: QModelIndex, roles: list[int] | None = None) -> None:
        if roles and Qt.ItemDataRole.DisplayRole not in roles:
            return
        if bottom.row() - top.row() < 50:  # a row's text changed; a whole-table change is a reset's job
            for row in range(top.row(), bottom.row() + 1):
                self.resizeRowToContents(row)

    def _text_width_changed(self, column: int, old: int, new: int) -> None:
        if column == TranscriptTableModel.TEXT_COLUMN and old != new:
            self._refit.start()

    def _fit_all_rows(self) -> None:
        """Size every row, a batch per event-loop turn (sizing 20,000 rows at once froze the window 3 s)."""
        self._unsized_from = 0
        self._fit_some_rows()
        if self._unsized_from < self.table_model.rowCount():
            self._sizing.start()

    def _fit_some_rows(self) -> None:
        deadline = time.perf_counter() + SIZING_BUDGET_SECONDS
        rows = self.table_model.rowCount()
        while self._unsized_from < rows and time.perf_counter() < deadline:
            self.resizeRowToContents(self._unsized_from)
            self._unsized_from += 1
        if self._unsized_from >= rows:
            self._sizing.stop()
