"""A table's rows sized to their wrapped text lazily: only rows on screen are measured.

Measuring a row (QTableView.resizeRowToContents) asks the delegate for every cell's size, about
0.35 ms a row; measuring 10,000 rows after an open, or every row a Replace All changed, froze
the window for seconds. Here a row is only marked stale when its text (or the column's width)
changes, and is measured when it is on screen: after a scroll, a resize, a change (once per
event-loop turn, before the repaint), and before ``scrollTo`` places a row (the rows above it
first, so the row lands where asked). Rows never shown keep the default height, which is made the
one-line height once one is known. A row whose every cell fits on one line (no line break; its
text's advance plus the cell's margins, as the delegate gives them, within the column) gets the
one-line height learned from the first such row measured: a few microseconds instead of asking
every cell. The margins are the delegate's own, not a guess:
the time columns are exactly as wide as their widest time, and a guess wider than the real margins
had every row of a recording over an hour measured cell by cell.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTableView

_Index = QModelIndex | QPersistentModelIndex
Hint = QAbstractItemView.ScrollHint


@dataclass(frozen=True)
class _Fitting:
    """What measuring rows in one pass needs, looked up once for the pass."""

    font: str  # the font's key
    metrics: QFontMetricsF
    columns: list[tuple[int, int]]  # each shown column and the width its text may take


class LazyRowSizing(QObject):
    _fit_requested = Signal()

    def __init__(self, view: QTableView, prepare_rows: Callable[[int, int], None] | None = None) -> None:
        super().__init__(view)
        self._view = view
        self._prepare_rows = prepare_rows  # called with a row before it is measured (the model may make it late)
        self._stale: list[bool] = []  # one per row: its height may not fit its text
        self._fit_pending = False
        self._one_line_height: tuple[str, int] | None = None  # the font's key and the height of a row of one line
        self._margins: dict[int, tuple[str, int]] = {}  # per column: the font's key and a cell's margins
        self.rows_measured_by_cells = 0
        # Queued at normal priority: runs before the repaint the change asked for (a low-priority event).
        self._fit_requested.connect(self.fit_rows_on_screen, Qt.ConnectionType.QueuedConnection)
        model = view.model()
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsRemoved.connect(self._rows_removed)
        model.modelReset.connect(self.mark_all_stale)
        model.dataChanged.connect(self._rows_changed)
        view.verticalScrollBar().valueChanged.connect(self.fit_rows_on_screen)
        self.mark_all_stale()

    @property
    def stale_rows(self) -> int:
        return sum(self._stale)

    def mark_all_stale(self) -> None:
        """Every row's height may be wrong (a new transcript, the text column's new width)."""
        self._stale = [True] * self._view.model().rowCount()
        self._one_line_height = None
        self._margins = {}
        self.request_fit()

    def request_fit(self) -> None:
        """Measure the stale rows on screen at the next event-loop turn (many changes, one pass)."""
        if not self._fit_pending:
            self._fit_pending = True
            self._fit_requested.emit()

    def _rows_inserted(self, _parent: _Index, first: int, last: int) -> None:
        self._stale[first:first] = [True] * (last - first + 1)
        self.request_fit()

    def _rows_removed(self, _parent: _Index, first: int, last: int) -> None:
        del self._stale[first:last + 1]
        self.request_fit()

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int] | None = None) -> None:
        if roles and Qt.ItemDataRole.DisplayRole not in roles:
            return  # a tint or a tooltip: the text, and so the height, is the same
        first, last = max(0, top.row()), min(bottom.row(), len(self._stale) - 1)
        self._stale[first:last + 1] = [True] * (last - first + 1)
        self.request_fit()

    def fit_rows_on_screen(self) -> int:
        """Measure the stale rows from the top of the viewport down to its bottom; how many were."""
        self._fit_pending = False
        view = self._view
        if not view.isVisible() or not self._stale:
            return 0
        row, height, measured, fitting = max(view.rowAt(0), 0), view.viewport().height(), 0, self._fitting()
        while row < len(self._stale) and view.rowViewportPosition(row) < height:
            measured += self._fit(row, fitting)
            row += 1
        return measured

    def fit_before_scrolling(self, row: int, hint: QAbstractItemView.ScrollHint) -> None:
        """Measure ``row``, and the rows that will be above it on screen once ``scrollTo(row, hint)`` has put
        it in place (their heights decide where it lands)."""
        if not 0 <= row < len(self._stale):
            return
        view, height, fitting = self._view, self._view.viewport().height(), self._fitting()
        self._fit(row, fitting)
        below = view.rowViewportPosition(row) + view.rowHeight(row) > height
        room = {Hint.PositionAtTop: 0, Hint.PositionAtCenter: height // 2, Hint.PositionAtBottom: height,
                Hint.EnsureVisible: height if below else 0}[hint] - view.rowHeight(row)
        while row > 0 and room > 0:
            row -= 1
            self._fit(row, fitting)
            room -= view.rowHeight(row)

    def _fitting(self) -> _Fitting:
        view = self._view
        font = view.font()
        grid = 1 if view.showGrid() else 0  # QTableView wraps a cell's text within its width less the grid line
        columns = [(column, view.columnWidth(column) - grid) for column in range(view.model().columnCount())
                   if not view.isColumnHidden(column)]
        return _Fitting(font.key(), QFontMetricsF(font), columns)

    def _fit(self, row: int, fitting: _Fitting) -> int:
        if not self._stale[row]:
            return 0
        if self._prepare_rows is not None:
            self._prepare_rows(row, row)
        one_line = self._fits_one_line(row, fitting)
        font = fitting.font  # a new theme or font size: learned again
        if one_line and self._one_line_height is not None and self._one_line_height[0] == font:
            self._view.setRowHeight(row, self._one_line_height[1])
        else:
            self._view.resizeRowToContents(row)
            self.rows_measured_by_cells += 1
            if one_line:
                self._one_line_height = (font, self._view.rowHeight(row))
                self._stale[row] = False
                self._make_one_line_the_default_height(self._one_line_height[1])
                return 1
        self._stale[row] = False
        return 1

    def _make_one_line_the_default_height(self, height: int) -> None:
        """Rows not measured yet get the one-line height, so measuring one of one line resizes nothing: each
        resize made the header find every row's position again (10,000 rows: 19 times a jump) and moved the
        scroll bar's range. Rows measured taller are back at the default: measured again."""
        header = self._view.verticalHeader()
        before = header.defaultSectionSize()
        header.setDefaultSectionSize(height)
        if header.defaultSectionSize() != before:
            self._stale = [True] * len(self._stale)
            self.request_fit()

    def _fits_one_line(self, row: int, fitting: _Fitting) -> bool:
        model = self._view.model()
        for column, width in fitting.columns:
            index = model.index(row, column)
            text = model.data(index, Qt.ItemDataRole.DisplayRole) or ""  # an empty cell may hold nothing
            if not isinstance(text, str) or "\n" in text:
                return False
            if not text:
                continue
            advance = math.ceil(fitting.metrics.horizontalAdvance(text))  # as Qt's item layout rounds a line's width
            if advance + self._margins_of(column, index, fitting.font, advance) > width:
                return False
        return True

    def _margins_of(self, column: int, index: QModelIndex, font: str, advance: int) -> int:
        """The width a cell of ``column`` adds to its text (padding, text margins), from its delegate's size hint
        for a cell of one line (measured once per font and column)."""
        known = self._margins.get(column)
        if known is not None and known[0] == font:
            return known[1]
        option = QStyleOptionViewItem()
        self._view.initViewItemOption(option)  # the view's font, style sheet and features, as when it paints
        delegate = self._view.itemDelegateForIndex(index)
        margins = max(0, delegate.sizeHint(option, index).width() - advance)  # no width given: one line
        self._margins[column] = (font, margins)
        return margins
