"""The segment table: start, end, speaker and text (and language, when there are several); keyboard first,
rows sized when shown. The language column is shown only while the transcript holds more than one
language (a mixed-language recording with detection per passage).

Enter starts editing the current cell and ends it; the arrows move between segments (also out
of an open editor); Tab moves on from the times to the speaker and the text. While the text of
a segment is being edited, ``text_cursor()`` tells where its cursor is (Split Segment cuts there).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from app.core.transcript import Transcript
from app.ui.editor.segment_delegate import SegmentDelegate
from app.ui.row_sizing import LazyRowSizing
from app.ui.transcript_table_model import TranscriptTableModel

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
        # Rows are measured when shown (ResizeToContents would measure all of them on every change).
        self.row_sizing = LazyRowSizing(self, prepare_rows=model.make_rows)
        model.rowsInserted.connect(self._show_languages_if_mixed)
        model.rowsRemoved.connect(self._show_languages_when_several)
        model.modelReset.connect(self._show_languages_when_several)
        self._refit = QTimer(self, singleShot=True, interval=RESIZE_SETTLE_MS)  # the text column's width settled
        self._refit.timeout.connect(self.row_sizing.mark_all_stale)
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

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.isValid():
            self.row_sizing.fit_before_scrolling(index.row(), hint)  # so the row lands where asked
        super().scrollTo(index, hint)

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
        if self.isColumnHidden(column) and _several_languages(self.table_model.transcript, first, last):
            self.setColumnHidden(column, False)

    def _show_languages_when_several(self) -> None:
        self.setColumnHidden(TranscriptTableModel.LANGUAGE_COLUMN, not _several_languages(self.table_model.transcript))

    # ---- row heights ----------------------------------------------------------------------
    def _text_width_changed(self, column: int, old: int, new: int) -> None:
        if column == TranscriptTableModel.TEXT_COLUMN and old != new:
            self._refit.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The rows about to be painted are made first (after an open, rows are made in slices)."""
        top, bottom = self.rowAt(event.rect().top()), self.rowAt(event.rect().bottom())
        if top >= 0:  # else the area is below the last row
            self.table_model.make_rows(top, bottom if bottom >= 0 else self.table_model.rowCount() - 1)
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.table_model.refresh_colours()  # a speaker's colour is made for the theme's ground

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.row_sizing.request_fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() > event.oldSize().height():
            self.row_sizing.request_fit()  # more rows on screen


def _several_languages(transcript: Transcript, first: int = 0, last: int | None = None) -> bool:
    """Whether segments ``first``..``last`` (all by default) hold more than one language, with row 0's."""
    segments = transcript.segments
    if not segments:
        return False
    known = {segments[0].language} if segments[0].language else set()
    for segment in segments[first:None if last is None else last + 1]:
        if segment.language:
            known.add(segment.language)
            if len(known) > 1:
                return True
    return False
