"""A range of time chosen on the waveform by dragging with Shift held: what Re-transcribe Selection recognises again.

It watches the waveform's viewport through an event filter, so the waveform itself keeps its own gestures (a
click seeks, a drag of a region's edge retimes): only a drag with Shift held is taken here, and a plain click
clears the range before the waveform seeks. The range is shown as a QRubberBand over the viewport, placed again
whenever the viewport paints (a scroll, a zoom, the view following playback all repaint it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QRubberBand

from app.ui.playback.waveform_view import WaveformView

MIN_RANGE_PIXELS = 3  # a Shift+click, not a drag: no range


class WaveformRangeSelection(QObject):
    range_changed = Signal()  # chosen or cleared

    def __init__(self, waveform: WaveformView) -> None:
        super().__init__(waveform)
        self._waveform = waveform
        self._anchor: float | None = None  # where a Shift+drag started, in seconds
        self._range: tuple[float, float] | None = None
        self.band = QRubberBand(QRubberBand.Shape.Rectangle, waveform.viewport())
        self.band.setObjectName("waveformRange")
        self.band.setAccessibleName(self.tr("Range selected on the waveform"))
        self.band.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.band.hide()
        waveform.viewport().installEventFilter(self)
        waveform.installEventFilter(self)

    @property
    def range(self) -> tuple[float, float] | None:
        """(start, end) in seconds, or None."""
        return self._range

    def clear(self) -> None:
        if self._range is None and self._anchor is None:
            return
        self._anchor = self._range = None
        self.band.hide()
        self.range_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._waveform:
            escape = self._range is not None and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
            if escape and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # Esc clears the range before it cancels anything (the window's Cancel, Stop)
                return True
            if escape and event.type() == QEvent.Type.KeyPress:
                self.clear()
                return True
            return False
        kind = event.type()
        if kind == QEvent.Type.Paint:
            self._place_band()
        elif isinstance(event, QMouseEvent) and event.button() in (Qt.MouseButton.LeftButton,
                                                                   Qt.MouseButton.NoButton):
            return self._mouse(kind, event)
        return False

    def _mouse(self, kind: QEvent.Type, event: QMouseEvent) -> bool:
        seconds = self._seconds_at(event.position().x())
        if kind == QEvent.Type.MouseButtonPress:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._anchor, self._range = seconds, None
                self.band.hide()
                return True
            self.clear()  # a plain click: the waveform seeks (or grabs an edge) as ever
            return False
        if self._anchor is None:
            return False
        if kind == QEvent.Type.MouseMove:
            self._range = (min(self._anchor, seconds), max(self._anchor, seconds))
            self._place_band()
            return True
        if kind == QEvent.Type.MouseButtonRelease:
            start, end = min(self._anchor, seconds), max(self._anchor, seconds)
            self._anchor = None
            wide_enough = (end - start) / self._waveform.seconds_per_pixel >= MIN_RANGE_PIXELS
            self._range = (start, end) if wide_enough else None
            self._place_band()
            self.range_changed.emit()
            return True
        return False

    def _seconds_at(self, x: float) -> float:
        return max(0.0, self._waveform.time_at(x))

    def _place_band(self) -> None:
        if self._range is None:
            self.band.hide()
            return
        viewport = self._waveform.viewport().rect()
        left, right = (round(self._waveform.x_of(seconds)) for seconds in self._range)
        shown = QRect(left, 0, max(1, right - left + 1), viewport.height()).intersected(viewport)
        if shown.isEmpty():
            self.band.hide()
            return
        if self.band.geometry() != shown:
            self.band.setGeometry(shown)
        self.band.show()
