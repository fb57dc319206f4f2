"""The waveform strip: peaks of the visible range, segments as regions, the play head.

Drawing reads pixel columns from the peak pyramid (never samples) and only the regions in view
(found by bisection; regions narrower than a pixel are merged), so a three-hour file with 10,000
segments zooms and scrolls within a frame. Click seeks, a drag of a region's edge proposes new
times (emitted once, on release), a double-click selects the region's segment.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from app.core.peak_pyramid import PeakPyramid
from app.ui.playback.waveform_raster import RegionSpans, StripColours, strip_pixels
from app.ui.playback.waveform_regions import (
    EdgeGrab,
    RegionSource,
    edge_near,
    region_at,
    snapped_times,
)

GRAB_PIXELS = 5
SNAP_PIXELS = 8
CLICK_SLOP_PIXELS = 3
ZOOM_STEP = 1.25
MIN_SECONDS_PER_PIXEL = 0.001
TEXT_MIN_PIXELS = 24
EDGE_MIN_PIXELS = 3

WAVE = QColor("#5fa8ff")
REGION_EDGE = QColor("#3f6ea8")
CURRENT_EDGE = QColor("#ffb055")
COLOURS = StripColours(
    background=0xFF171B24, region=0xFF1E2A3D, current=0xFF2A3B5E, wave=WAVE.rgb(), pending=0xFF2A3344,
)
TEXT = QColor("#d8e0ee")
PLAY_HEAD = QColor("#ff5d6c")


class _NoRegions:
    def __len__(self) -> int:
        return 0

    def __getitem__(self, index: int) -> tuple[float, float, str]:
        raise IndexError(index)


class WaveformView(QAbstractScrollArea):
    seek_requested = Signal(float)
    retime_requested = Signal(int, float, float)  # segment index, new start, new end
    segment_activated = Signal(int)
    user_scrolled = Signal()  # the user moved the view: the integrator may suspend follow mode

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveformView")
        self.setAccessibleName(self.tr("Waveform"))
        self.setToolTip(self.tr("Click to seek, drag a segment's edge to retime it, Ctrl+wheel to zoom"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setMouseTracking(True)
        self.setMinimumHeight(90)
        self._peaks: PeakPyramid | None = None
        self._scale = 1.0
        self._progress = 1.0
        self._regions: RegionSource = _NoRegions()
        self._times: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._duration = 0.0
        self._start = 0.0
        self._seconds_per_pixel = 0.02
        self._play_position = 0.0
        self._current: int | None = None
        self._fitting = True  # the whole file in view, whatever its length and the strip's width, until a zoom
        self.follow = True
        self._grab: EdgeGrab | None = None
        self._preview: tuple[float, float] | None = None
        self._press_x: float | None = None
        self.horizontalScrollBar().valueChanged.connect(self._on_scrollbar)

    # what to show -------------------------------------------------------------------------------

    def set_peaks(self, peaks: PeakPyramid | None, progress: float = 1.0) -> None:
        """Peaks so far (NaN where not computed yet) and how far the computation is."""
        self._peaks = peaks
        self._progress = progress
        if peaks is not None and len(peaks.levels[-1]):
            coarse = peaks.levels[-1]
            loudest = float(np.nanmax(np.abs(coarse))) if np.isfinite(coarse).any() else 0.0
            self._scale = 0.95 / loudest if loudest > 0.01 else 1.0
            self._duration = max(self._duration, peaks.duration)
            self._update_scrollbar()
            self._keep_fitting()
        self.viewport().update()

    @property
    def has_peaks(self) -> bool:
        """All of the file's peaks are drawn (not only a part while they are computed)."""
        return self._peaks is not None and self._progress >= 1.0

    def set_duration(self, seconds: float) -> None:
        self._duration = max(0.0, seconds)
        self._update_scrollbar()
        self._keep_fitting()
        self.viewport().update()

    def fit_new_media(self) -> None:
        """A new file: show the whole of it (once its duration is known), until the user zooms."""
        self._duration, self._start, self._fitting = 0.0, 0.0, True
        self._keep_fitting()

    def _keep_fitting(self) -> None:
        if self._fitting:
            self.show_whole()

    def set_regions(self, regions: RegionSource) -> None:
        self._regions = regions
        self._times = None
        self.viewport().update()

    def regions_changed(self) -> None:
        """The source's segments changed (an edit, an undo): draw them again."""
        self._grab, self._preview = None, None
        self._times = None
        self.viewport().update()

    def set_current_region(self, index: int | None) -> None:
        """Highlight region ``index`` (None: none); only the two regions' columns are painted again."""
        if index != self._current:
            for changed in (self._current, index):
                self._update_region(changed)
            self._current = index

    def _update_region(self, index: int | None) -> None:
        starts, ends, _reach = self._region_times()
        if index is None or not 0 <= index < len(starts):
            return
        width = self.viewport().width()
        left, right = max(0, int(self.x_of(starts[index])) - 1), min(width, int(self.x_of(ends[index])) + 2)
        if left < right:
            self.viewport().update(left, 0, right - left, self.viewport().height())

    def set_play_position(self, seconds: float) -> None:
        old_x, self._play_position = self.x_of(self._play_position), seconds
        if self.follow and not self._start <= seconds < self._visible_end():
            self.scroll_to(seconds - 0.1 * self._visible_seconds())
            return
        new_x = self.x_of(seconds)
        for x in (old_x, new_x):
            self.viewport().update(int(x) - 2, 0, 5, self.viewport().height())

    # the visible range --------------------------------------------------------------------------

    @property
    def view_start(self) -> float:
        return self._start

    @property
    def seconds_per_pixel(self) -> float:
        return self._seconds_per_pixel

    def time_at(self, x: float) -> float:
        return self._start + x * self._seconds_per_pixel

    def x_of(self, seconds: float) -> float:
        return (seconds - self._start) / self._seconds_per_pixel

    def _visible_seconds(self) -> float:
        return max(1, self.viewport().width()) * self._seconds_per_pixel

    def _visible_end(self) -> float:
        return self._start + self._visible_seconds()

    def scroll_to(self, start: float) -> None:
        self._start = max(0.0, min(start, self._duration - self._visible_seconds()))
        self._update_scrollbar()
        self.viewport().update()

    def zoom_at(self, x: float, factor: float) -> None:
        """Zoom by ``factor`` (>1 zooms in) keeping the time under ``x`` where it is."""
        anchor = self.time_at(x)
        self._fitting = False
        most = max(self._duration, 1.0) / max(1, self.viewport().width())
        self._seconds_per_pixel = min(most, max(MIN_SECONDS_PER_PIXEL, self._seconds_per_pixel / factor))
        self.scroll_to(anchor - x * self._seconds_per_pixel)

    def show_whole(self) -> None:
        """Zoom to fit the whole file; it stays fitted (through resizes) until a zoom."""
        self._fitting = True
        self._seconds_per_pixel = max(self._duration, 1.0) / max(1, self.viewport().width())
        self.scroll_to(0.0)

    def _update_scrollbar(self) -> None:
        bar = self.horizontalScrollBar()
        bar.blockSignals(True)
        bar.setRange(0, max(0, round((self._duration - self._visible_seconds()) * 1000)))
        bar.setPageStep(max(1, round(self._visible_seconds() * 1000)))
        bar.setSingleStep(max(1, round(self._visible_seconds() * 100)))
        bar.setValue(round(self._start * 1000))
        bar.blockSignals(False)

    def _on_scrollbar(self, milliseconds: int) -> None:
        self._start = milliseconds / 1000
        self.user_scrolled.emit()
        self.viewport().update()

    # painting -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:  # a painter left active when painting fails crashes the backing store
            # The play head's old and new columns are two narrow strips, not all that lies between them.
            for area in cast(Iterable[QRect], event.region()):  # PySide6 iterates a QRegion; its stubs omit it
                self._paint(painter, area)
        finally:
            painter.end()

    def _paint(self, painter: QPainter, area: QRect) -> None:
        painter.setClipRect(area)  # each area once: text across two areas is not drawn twice over itself
        rect = QRectF(self.viewport().rect())
        left, right = area.left(), area.right() + 1
        x0, x1, indices = self._visible_regions(left, right)
        columns = None
        if self._peaks is not None:
            columns = self._peaks.columns(self.time_at(left), self._seconds_per_pixel, right - left)
        current = np.flatnonzero(indices == self._current) if self._current is not None else np.zeros(0, np.int64)
        spans = RegionSpans(
            np.floor(np.maximum(x0, left - 1)).astype(np.int64) - left,
            np.floor(np.minimum(x1, right + 1)).astype(np.int64) - left + 1,
            int(current[0]) if len(current) else None,
        )
        label_lane = painter.fontMetrics().height() + 6
        pixels = strip_pixels(right - left, int(rect.height()), columns, self._scale, spans, COLOURS, label_lane)
        image = QImage(pixels.data, pixels.shape[1], pixels.shape[0], pixels.shape[1] * 4, QImage.Format.Format_RGB32)
        painter.drawImage(left, 0, image)
        self._paint_region_edges(painter, rect, x0, x1, indices)
        self._paint_play_head(painter, rect)
        if self._progress < 1.0:
            self._paint_progress(painter, rect)

    def _visible_regions(self, left: int, right: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """x0, x1 and index of the regions in columns [left, right); those ending in the pixel where the
        previous one ends are left out (they would paint nothing new)."""
        starts, ends, reach = self._region_times()
        view_start, view_end = self.time_at(left), self.time_at(right)
        first = int(np.searchsorted(reach, view_start, side="right"))
        stop = max(first, int(np.searchsorted(starts, view_end, side="right")))
        indices = np.arange(first, stop)
        x0 = (starts[first:stop] - self._start) / self._seconds_per_pixel
        x1 = (ends[first:stop] - self._start) / self._seconds_per_pixel
        if self._grab is not None and self._preview is not None and first <= self._grab.index < stop:
            x0[self._grab.index - first] = self.x_of(self._preview[0])
            x1[self._grab.index - first] = self.x_of(self._preview[1])
        pixel = np.floor(x1)
        keep = np.ones(len(indices), dtype=bool)
        keep[1:] = pixel[1:] != pixel[:-1]
        if self._current is not None and first <= self._current < stop:
            keep[self._current - first] = True
        return x0[keep], x1[keep], indices[keep]

    def _paint_region_edges(
        self, painter: QPainter, rect: QRectF, x0: np.ndarray, x1: np.ndarray, indices: np.ndarray
    ) -> None:
        """Edges of regions wide enough to show them (narrower ones are only their fill), and their text."""
        metrics, height = painter.fontMetrics(), rect.height()
        width = x1 - x0
        painter.setPen(QPen(REGION_EDGE, 1))
        edged = np.flatnonzero(width >= EDGE_MIN_PIXELS)
        painter.drawLines([QLineF(x, 0, x, height) for i in edged for x in (float(x0[i]), float(x1[i]))])
        painter.setPen(TEXT)
        shown_left, shown_right = np.maximum(x0, 0.0), np.minimum(x1, rect.width())
        for i in np.flatnonzero(shown_right - shown_left >= TEXT_MIN_PIXELS):
            text = self._regions[int(indices[i])][2].replace("\n", " ")
            label = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(shown_right[i] - shown_left[i]) - 6)
            painter.drawText(QPointF(float(shown_left[i]) + 3, metrics.ascent() + 3), label)
        if self._current is not None and self._current in indices:
            at = int(np.flatnonzero(indices == self._current)[0])
            painter.setPen(QPen(CURRENT_EDGE, 1))
            painter.drawLines([QLineF(float(x), 0, float(x), height) for x in (x0[at], x1[at])])

    def _region_times(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Starts, ends and the running maximum of ends, read once from the source per change."""
        if self._times is None:
            count = len(self._regions)
            starts = np.fromiter((self._regions[i][0] for i in range(count)), np.float64, count)
            ends = np.fromiter((self._regions[i][1] for i in range(count)), np.float64, count)
            self._times = (starts, ends, np.maximum.accumulate(ends) if count else ends)
        return self._times

    def _paint_play_head(self, painter: QPainter, rect: QRectF) -> None:
        x = self.x_of(self._play_position)
        if 0 <= x <= rect.width():
            painter.setPen(QPen(PLAY_HEAD, 1.5))
            painter.drawLine(QLineF(x, 0, x, rect.height()))

    def _paint_progress(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(QRectF(0, rect.height() - 3, rect.width() * self._progress, 3), WAVE)
        painter.setPen(TEXT)
        label = self.tr("Drawing the waveform… {percent} %").replace("{percent}", str(int(self._progress * 100)))
        painter.drawText(rect.adjusted(8, 0, -8, -6), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, label)

    # mouse and keyboard -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        self._grab = edge_near(self._regions, self.time_at(x), GRAB_PIXELS * self._seconds_per_pixel)
        self._preview = None
        self._press_x = None if self._grab else x

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._grab is not None:
            tolerance = SNAP_PIXELS * self._seconds_per_pixel
            self._preview = snapped_times(self._regions, self._grab, self.time_at(x), tolerance, self._peaks)
            self.viewport().update()
            return
        near = edge_near(self._regions, self.time_at(x), GRAB_PIXELS * self._seconds_per_pixel)
        self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if near else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        grab, preview, press_x = self._grab, self._preview, self._press_x
        self._grab, self._preview, self._press_x = None, None, None
        if grab is not None:
            start, end, _text = self._regions[grab.index]
            if preview is not None and (abs(preview[0] - start) > 1e-6 or abs(preview[1] - end) > 1e-6):
                self.retime_requested.emit(grab.index, preview[0], preview[1])
            self.viewport().update()
        elif press_x is not None and abs(event.position().x() - press_x) <= CLICK_SLOP_PIXELS:
            self.seek_requested.emit(max(0.0, self.time_at(event.position().x())))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = region_at(self._regions, self.time_at(event.position().x()))
        if index is not None:
            self.segment_activated.emit(index)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120 or event.angleDelta().x() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_at(event.position().x(), ZOOM_STEP**steps)
        else:
            self.scroll_to(self._start - steps * 0.1 * self._visible_seconds())
        self.user_scrolled.emit()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, middle = event.key(), self.viewport().width() / 2
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_at(middle, ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_at(middle, 1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            direction = -1 if key == Qt.Key.Key_Left else 1
            self.scroll_to(self._start + direction * 0.1 * self._visible_seconds())
        elif key == Qt.Key.Key_Home:
            self.scroll_to(0.0)
        elif key == Qt.Key.Key_End:
            self.scroll_to(self._duration)
        else:
            super().keyPressEvent(event)
            return
        self.user_scrolled.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbar()
        self._keep_fitting()
