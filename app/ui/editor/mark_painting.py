"""Painting marks over laid-out text: tints under the words, and a wave under uncertain ones.

Shared by the text view (over its paragraphs) and the table's text cells (ProofreadingDelegate).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPixmap, QTextLayout

from app.ui.editor.text_marks import DARK_TINTS, TINTS, UNCERTAIN_UNDERLINE, Mark, MarkKind
from app.ui.themes import is_dark

WAVE_HEIGHT = 3


def paint_tints(painter: QPainter, rects: list[tuple[QRectF, Mark]], area: QRect) -> list[QRectF]:
    """Tint each mark inside ``area``; the rectangles of uncertain words come back for their waves."""
    underlines = []
    tints = DARK_TINTS if is_dark() else TINTS
    for rect, mark in rects:
        if rect.intersects(QRectF(area)):
            painter.fillRect(rect, tints[mark.kind])
            if mark.kind is MarkKind.UNCERTAIN:
                underlines.append(rect)
    return underlines


def paint_waves(painter: QPainter, rects: list[QRectF]) -> None:
    for rect in rects:
        painter.setBrushOrigin(QPointF(rect.left(), rect.bottom() - WAVE_HEIGHT))
        painter.fillRect(QRectF(rect.left(), rect.bottom() - WAVE_HEIGHT, rect.width(), WAVE_HEIGHT), _wave_brush())


def mark_rects(layout: QTextLayout, marks: list[Mark], origin: QPointF) -> list[tuple[QRectF, Mark]]:
    """Where ``marks`` are on screen: a rectangle per line each spans, ``origin`` being where the layout is drawn."""
    rects = []
    lines = [layout.lineAt(n) for n in range(layout.lineCount())]
    ends = [line.textStart() + line.textLength() for line in lines]
    left_edge, top_edge = origin.x(), origin.y()
    for mark in marks:
        number = bisect_right(ends, mark.start)  # the first line ending after the mark starts
        while number < len(lines) and lines[number].textStart() < mark.end:
            line = lines[number]
            start, end = max(mark.start, line.textStart()), min(mark.end, ends[number])
            if start < end:
                left, right = _x(line.cursorToX(start)), _x(line.cursorToX(end))
                rects.append((QRectF(left_edge + left, top_edge + line.y(), right - left, line.height()), mark))
            number += 1
    return rects


def _x(found: object) -> float:
    """QTextLine.cursorToX gives the x, or (x, position) in some bindings."""
    return float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]


@cache
def _wave_brush() -> QBrush:
    """A wavy underline as spelling checkers draw it: one period of the wave, tiled along the word."""
    tile = QPixmap(4, 3)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(UNCERTAIN_UNDERLINE, 1.0))
    path = QPainterPath(QPointF(0, 2.5))
    path.quadTo(1, 0, 2, 1.5)
    path.quadTo(3, 3, 4, 0.5)
    painter.drawPath(path)
    painter.end()
    return QBrush(tile)
