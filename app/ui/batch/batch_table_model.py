"""The batch queue as a table: file, duration, engine, status, progress and time left; rows move by drag.

The core BatchQueue owns the rows; this model changes it only through its methods, each wrapped in
the matching begin/end calls; progress repaints only the progress cells, gathered every 100 ms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.core.batch.batch_queue import BatchQueue
from app.core.batch.items import BatchItem, BatchStatus
from app.core.time_left import format_time_left

ROW_IDS_MIME = "application/x-earshot-batch-rows"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
FRACTION_ROLE = Qt.ItemDataRole.UserRole + 1
FAILED_TINT = QColor(220, 38, 38)
DONE_TINT = QColor(22, 128, 61)
STATUS_NAMES = {
    BatchStatus.WAITING: QT_TRANSLATE_NOOP("BatchTableModel", "Waiting"),
    BatchStatus.RUNNING: QT_TRANSLATE_NOOP("BatchTableModel", "Running"),
    BatchStatus.DONE: QT_TRANSLATE_NOOP("BatchTableModel", "Done"),
    BatchStatus.FAILED: QT_TRANSLATE_NOOP("BatchTableModel", "Failed"),
    BatchStatus.CANCELLED: QT_TRANSLATE_NOOP("BatchTableModel", "Cancelled"),
}
PROGRESS_REPAINT_MS = 100
AnyIndex = QModelIndex | QPersistentModelIndex


class BatchTableModel(QAbstractTableModel):
    FILE, DURATION, ENGINE, STATUS, PROGRESS, TIME_LEFT = range(6)
    paths_dropped = Signal(list)  # list[Path]: files or folders dropped from outside

    def __init__(self, queue: BatchQueue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self._progressed: set[str] = set()  # rows whose progress changed since the last repaint
        self._repaint_timer = QTimer(self, singleShot=True, interval=PROGRESS_REPAINT_MS)
        self._repaint_timer.timeout.connect(self._repaint_progress)
        self._headers = (self.tr("File"), self.tr("Duration"), self.tr("Model"), self.tr("Status"),
                         self.tr("Progress"), self.tr("Time left"))

    # ---- reading ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.queue)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self.queue[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FILE:
                return str(item.media_path)
            if column == self.STATUS and item.failure:
                return item.failure
        if role == ITEM_ID_ROLE:
            return item.item_id
        if role == FRACTION_ROLE:
            return item.progress
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if item.status is BatchStatus.FAILED:
                return QBrush(FAILED_TINT)
            if item.status is BatchStatus.DONE:
                return QBrush(DONE_TINT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DURATION, self.TIME_LEFT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: BatchItem, column: int) -> str:
        if column == self.FILE:
            return item.media_path.name
        if column == self.DURATION:
            return _clock(item.duration) if item.duration is not None else ""
        if column == self.ENGINE:
            return item.engine_label
        if column == self.STATUS:
            name = QCoreApplication.translate("BatchTableModel", str(STATUS_NAMES[item.status]))
            return f"{name}: {item.failure}" if item.failure else name
        if column == self.PROGRESS:
            return f"{item.progress:.0%}" if item.status in (BatchStatus.RUNNING, BatchStatus.DONE) else ""
        if column == self.TIME_LEFT and item.status is BatchStatus.RUNNING:
            return format_time_left(item.seconds_left)
        return ""

    def item_at(self, row: int) -> BatchItem:
        return self.queue[row]

    # ---- changing --------------------------------------------------------------------------
    def add(self, items: Sequence[BatchItem]) -> None:
        if not items:
            return
        first = len(self.queue)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self.queue.add(items)
        self.endInsertRows()

    def remove(self, item_id: str) -> None:
        row = self.queue.row_of(item_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self.queue.remove(item_id)
        self.endRemoveRows()

    def move(self, item_ids: list[str], before_row: int) -> None:
        self.layoutAboutToBeChanged.emit()
        ids_before = [item.item_id for item in self.queue]
        if self.queue.move(item_ids, before_row):
            rows_after = {item.item_id: row for row, item in enumerate(self.queue)}
            old_indexes = self.persistentIndexList()
            new_indexes = [self.index(rows_after[ids_before[index.row()]], index.column()) for index in old_indexes]
            self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def item_changed(self, item_id: str) -> None:
        """Every cell of the row may have changed (status, failure, duration, engine)."""
        row = self.queue.row_of(item_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def progress_changed(self, item_id: str) -> None:
        """Repainted with the other rows whose progress changed, at most every PROGRESS_REPAINT_MS: hundreds of
        rows reporting at once cost one repaint, not hundreds."""
        self._progressed.add(item_id)
        if not self._repaint_timer.isActive():
            self._repaint_timer.start()

    def _repaint_progress(self) -> None:
        rows = [row for row, item in enumerate(self.queue) if item.item_id in self._progressed]
        self._progressed.clear()
        if rows:
            self.dataChanged.emit(self.index(min(rows), self.PROGRESS), self.index(max(rows), self.TIME_LEFT),
                                  [Qt.ItemDataRole.DisplayRole, FRACTION_ROLE])

    # ---- drag and drop ------------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_IDS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes})
        data = QMimeData()
        data.setData(ROW_IDS_MIME, QByteArray("\n".join(self.queue[row].item_id for row in rows).encode("ascii")))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        return data.hasFormat(ROW_IDS_MIME) or data.hasUrls()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if data.hasFormat(ROW_IDS_MIME):
            before = row if row >= 0 else (parent.row() if parent.isValid() else len(self.queue))
            ids = bytes(data.data(ROW_IDS_MIME).data()).decode("ascii", "replace").split()
            self.move(ids, before)
            return True  # moved here: the view's own removal of the dragged rows finds nothing to remove
        paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
        if paths:
            self.paths_dropped.emit(paths)
        return bool(paths)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
