"""The batch queue: its items in the order they will run, and whether it is paused.

The queue is the one owner of its items; the Qt table model shows it and changes it only
through these methods (each says which rows it touched, for the model's change signals).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from app.core.batch.items import BatchItem, BatchStatus


class BatchQueue:
    def __init__(self, items: Iterable[BatchItem] = (), paused: bool = False) -> None:
        self._items: list[BatchItem] = list(items)
        self.paused = paused

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[BatchItem]:
        return iter(self._items)

    def __getitem__(self, row: int) -> BatchItem:
        return self._items[row]

    def row_of(self, item_id: str) -> int:
        """The row of the item, or -1 when it is no longer in the queue."""
        for row, item in enumerate(self._items):
            if item.item_id == item_id:
                return row
        return -1

    def find(self, item_id: str) -> BatchItem | None:
        row = self.row_of(item_id)
        return self._items[row] if row >= 0 else None

    def add(self, items: Iterable[BatchItem]) -> range:
        """Append ``items``; the rows they now hold."""
        first = len(self._items)
        self._items.extend(items)
        return range(first, len(self._items))

    def remove(self, item_id: str) -> int:
        """Take the item out; the row it held, or -1."""
        row = self.row_of(item_id)
        if row >= 0:
            del self._items[row]
        return row

    def move(self, item_ids: list[str], before_row: int) -> bool:
        """Move the items (in their present order) to stand before ``before_row`` (counted before the move)."""
        moving = [item for item in self._items if item.item_id in set(item_ids)]
        if not moving:
            return False
        before_row = max(0, min(before_row, len(self._items)))
        target = self._items[before_row] if before_row < len(self._items) else None
        while target is not None and target in moving:  # dropped onto itself: stand before the next one that stays
            following = self._items.index(target) + 1
            target = self._items[following] if following < len(self._items) else None
        staying = [item for item in self._items if item not in moving]
        insert_at = staying.index(target) if target is not None else len(staying)
        reordered = staying[:insert_at] + moving + staying[insert_at:]
        changed = reordered != self._items
        self._items = reordered
        return changed

    def waiting(self) -> list[BatchItem]:
        """Items that have yet to run, in the order they will."""
        return [item for item in self._items if item.status is BatchStatus.WAITING]

    def running(self) -> list[BatchItem]:
        return [item for item in self._items if item.status is BatchStatus.RUNNING]

    def count(self, status: BatchStatus) -> int:
        return sum(item.status is status for item in self._items)

    def restore_after_restart(self, kept_result: Callable[[str], Path | None]) -> None:
        """The rules at start: what was pending or running waits again, unless ``kept_result(item_id)`` finds
        its transcript (it finished just before the app stopped); a finished row keeps its result while its
        transcript file is still there (else it runs again)."""
        for item in self._items:
            if item.status.is_pending:
                item.reset_to_waiting()
                item.result_path = kept_result(item.item_id)
                if item.result_path is not None:
                    item.status = BatchStatus.DONE
            elif item.status is BatchStatus.DONE and (item.result_path is None or not item.result_path.is_file()):
                item.reset_to_waiting()
                item.result_path = None
            item.progress = 1.0 if item.status is BatchStatus.DONE else 0.0
            item.seconds_left = None
