"""A horizontal input level meter in dBFS: the bar is the RMS, the tick the peak (held a moment), red near full scale.

The peak is held for ``PEAK_HOLD_SECONDS`` as on a mixing desk, so one clipped syllable stays
visible long enough to be seen; the meter is red (and ``clipping`` true) while a held peak is at or
above ``CLIPPING_DB``.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0
CLIPPING_DB = -1.0  # a peak at or above this is shown as clipping: the next louder word would be cut off
PEAK_HOLD_SECONDS = 1.5
_GREEN, _AMBER, _RED = QColor("#3a9d5d"), QColor("#d9a520"), QColor("#d03b3b")
_TRACK = QColor("#dde1e6")


def decibels(level: float) -> float:
    """0..1 of full scale as dBFS, never below the meter's floor."""
    return FLOOR_DB if level <= 0 else max(FLOOR_DB, 20 * math.log10(level))


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelMeter")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Input level"))
        self.peak_db = FLOOR_DB  # the held peak
        self.rms_db = FLOOR_DB
        self._peak_at = 0.0

    @property
    def clipping(self) -> bool:
        return self.peak_db >= CLIPPING_DB

    def show_level(self, peak: float, rms: float, now: float | None = None) -> None:
        """A new reading (0..1 of full scale); a lower peak replaces the held one only once its hold is over."""
        now = time.monotonic() if now is None else now
        peak_db, rms_db = decibels(peak), decibels(rms)
        if peak_db >= self.peak_db or now - self._peak_at >= PEAK_HOLD_SECONDS:
            self._peak_at = now
        else:
            peak_db = self.peak_db
        if (peak_db, rms_db) == (self.peak_db, self.rms_db):
            return
        self.peak_db, self.rms_db = peak_db, rms_db
        self.setAccessibleDescription(self.tr("Peak {peak} dB").replace("{peak}", f"{peak_db:.0f}"))
        self.update()

    def reset(self) -> None:
        self._peak_at = 0.0
        self.show_level(0.0, 0.0, now=PEAK_HOLD_SECONDS)

    def sizeHint(self) -> QSize:
        return QSize(320, 14)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_TRACK)
        painter.drawRoundedRect(area, 3, 3)
        colour = _RED if self.clipping else _AMBER if self.peak_db >= -6 else _GREEN
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(area.left(), area.top(), area.width() * _fraction(self.rms_db),
                                       area.height()), 3, 3)
        peak_x = area.left() + area.width() * _fraction(self.peak_db)
        painter.fillRect(QRectF(peak_x - 1.5, area.top(), 3, area.height()), colour)


def _fraction(level_db: float) -> float:
    return (level_db - FLOOR_DB) / -FLOOR_DB
