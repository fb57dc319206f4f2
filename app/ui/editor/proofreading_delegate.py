"""The table's text cells marked as the text view marks its paragraphs: uncertain words waved, matches tinted.

A cell with no mark is painted as any other; a marked one draws its background as usual,
then the same wrapped text with the marks under it and the waves over it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF
from PySide6.QtGui import QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QWidget

from app.ui.editor.mark_painting import mark_rects, paint_tints, paint_waves
from app.ui.editor.segment_delegate import SegmentDelegate
from app.ui.editor.text_marks import TextMarks
from app.ui.transcript_table_model import TranscriptTableModel

_Index = QModelIndex | QPersistentModelIndex


class ProofreadingDelegate(SegmentDelegate):
    def __init__(self, marks: TextMarks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks = marks

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        model = index.model()
        marks = self._marks.of_segment(model.transcript, index.row()) if isinstance(model, TranscriptTableModel) \
            and index.column() == TranscriptTableModel.TEXT_COLUMN else []
        if not marks:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)  # background, selection
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = area.adjusted(margin, 0, -margin, 0)
        layout = _wrapped(text, item, area.width())
        origin = QPointF(area.topLeft())
        painter.save()
        painter.setClipRect(option.rect)
        underlines = paint_tints(painter, mark_rects(layout, marks, origin), option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(item.palette.color(role))
        layout.draw(painter, origin)
        paint_waves(painter, underlines)
        painter.restore()


def _wrapped(text: str, item: QStyleOptionViewItem, width: int) -> QTextLayout:
    layout = QTextLayout(text, item.font)
    wrapping = QTextOption()
    wrapping.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(wrapping)
    layout.beginLayout()
    top = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, top))
        top += line.height()
    layout.endLayout()
    return layout
