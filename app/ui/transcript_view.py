"""The transcript table: time and text columns, rows sized as they arrive, following the end while it grows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.ui.transcript_table_model import TranscriptTableModel


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
        model.modelReset.connect(self.resizeRowsToContents)

    def follows_end(self) -> bool:
        """Whether the user is watching the end (so a new row should scroll into view)."""
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _fit_new_rows(self, _parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)
