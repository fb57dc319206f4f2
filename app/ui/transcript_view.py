"""The transcript table: time and text columns, rows sized as they arrive, following the end while it grows."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.ui.transcript_table_model import TranscriptTableModel

SIZING_BUDGET_SECONDS = 0.01  # text layout per event-loop turn: a transcript of hours is sized without freezing


class TranscriptView(QTableView):
    def __init__(self, model: TranscriptTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TranscriptTableModel.TIME_COLUMN, QHeaderView.ResizeMode.Fixed)
        widest_time = self.fontMetrics().horizontalAdvance("0:00:00 – 0:00:00")
        header.resizeSection(TranscriptTableModel.TIME_COLUMN, widest_time + 32)
        header.setSectionResizeMode(TranscriptTableModel.TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Sizing each new row alone keeps a long transcript's inserts cheap (ResizeToContents
        # would measure every row on every insert).
        model.rowsInserted.connect(self._fit_new_rows)
        model.modelReset.connect(self._fit_all_rows)
        self._unsized_from = 0  # rows from here on still have the default height after a reset
        self._sizing = QTimer(self, interval=0)
        self._sizing.timeout.connect(self._fit_some_rows)

    def follows_end(self) -> bool:
        """Whether the user is watching the end (so a new row should scroll into view)."""
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _fit_new_rows(self, _parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)

    def _fit_all_rows(self) -> None:
        """Size every row, a batch per event-loop turn (sizing 20,000 rows at once froze the window 3 s)."""
        self._unsized_from = 0
        self._fit_some_rows()
        if self._unsized_from < self.model().rowCount():
            self._sizing.start()

    def _fit_some_rows(self) -> None:
        deadline = time.perf_counter() + SIZING_BUDGET_SECONDS
        rows = self.model().rowCount()
        while self._unsized_from < rows and time.perf_counter() < deadline:
            self.resizeRowToContents(self._unsized_from)
            self._unsized_from += 1
        if self._unsized_from >= rows:
            self._sizing.stop()
