"""The Batch Queue dock: its buttons, the table of files (rows move by drag, files and folders drop in), a summary."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.batch.items import BatchItem
from app.ui.batch.batch_actions import BatchActions
from app.ui.batch.batch_table_model import BatchTableModel
from app.ui.batch.progress_delegate import ProgressDelegate


class BatchPanel(QDockWidget):
    def __init__(self, model: BatchTableModel, actions: BatchActions, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Batch Queue"), parent)
        self.setObjectName("batchQueueDock")
        self.setAccessibleName(self.tr("Batch queue"))
        self.model = model
        self.batch_actions = actions
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(self._buttons(body))
        self.table = self._table(body)
        layout.addWidget(self.table, 1)
        self.summary_label = QLabel(body)
        self.summary_label.setObjectName("batchSummary")
        self.summary_label.setAccessibleName(self.tr("Batch summary"))
        layout.addWidget(self.summary_label)
        self.setWidget(body)

    def _buttons(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        actions = self.batch_actions
        for name, action in (("add_files", actions.add_files), ("add_folder", actions.add_folder),
                             ("pause", actions.pause), ("cancel_all", actions.cancel_all),
                             ("retry_failed", actions.retry_failed), ("auto_export", actions.auto_export)):
            button = QToolButton(parent)
            button.setObjectName(f"batch_{name}")
            button.setDefaultAction(action)
            _name_after(button, action)
            action.changed.connect(lambda b=button, a=action: _name_after(b, a))
            self.buttons[name] = button
            row.addWidget(button)
            if name in ("add_folder", "retry_failed"):
                row.addSpacing(10)
        row.addStretch(1)
        return row

    def _table(self, parent: QWidget) -> QTableView:
        table = QTableView(parent)
        table.setObjectName("batchTable")
        table.setAccessibleName(self.tr("Files in the batch queue"))
        table.setModel(self.model)
        table.setItemDelegateForColumn(BatchTableModel.PROGRESS, ProgressDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setDragDropOverwriteMode(False)
        table.setDropIndicatorShown(True)
        table.setAcceptDrops(True)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setAccessibleName(self.tr("Batch queue columns"))
        header.setSectionResizeMode(BatchTableModel.STATUS, QHeaderView.ResizeMode.Stretch)  # room for a failure
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((BatchTableModel.FILE, 250), (BatchTableModel.DURATION, 84),
                              (BatchTableModel.ENGINE, 190), (BatchTableModel.PROGRESS, 150),
                              (BatchTableModel.TIME_LEFT, 96)):
            table.setColumnWidth(column, width)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_row_menu)
        table.doubleClicked.connect(lambda _index: self.batch_actions.open_result.trigger())
        return table

    def selected_items(self) -> list[BatchItem]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.item_at(row) for row in rows]

    def row_menu(self) -> QMenu:
        menu = QMenu(self)
        actions = self.batch_actions
        menu.addActions([actions.open_result, actions.row_options])
        menu.addSeparator()
        menu.addActions([actions.cancel_rows, actions.retry_rows, actions.remove_rows])
        return menu

    def _show_row_menu(self, position: QPoint) -> None:
        if self.table.indexAt(position).isValid():
            self.row_menu_shown = self.row_menu()
            self.row_menu_shown.popup(self.table.viewport().mapToGlobal(position))

    def show_summary(self, text: str) -> None:
        self.summary_label.setText(text)


def _name_after(button: QToolButton, action: QAction) -> None:
    """The button's accessible name follows its action's text (Pause becomes Resume)."""
    button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
