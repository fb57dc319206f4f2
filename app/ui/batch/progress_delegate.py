"""A running or finished row's progress drawn in its cell as the window's thin bar and a percentage (a widget per
row would not scale to hundreds of rows)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.batch.batch_table_model import FRACTION_ROLE

TRACK = QColor("#e9edf2")  # the style sheet's QProgressBar colours
CHUNK = QColor("#2f6fed")
BAR_HEIGHT = 6
TEXT_WIDTH = 40


class ProgressDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            super().paint(painter, option, index)
            return
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        cell = option.rect
        fraction = min(1.0, max(0.0, float(index.data(FRACTION_ROLE) or 0.0)))
        track = QRectF(cell.left() + 8, cell.center().y() - BAR_HEIGHT / 2, cell.width() - 16 - TEXT_WIDTH, BAR_HEIGHT)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        if fraction > 0:
            painter.setBrush(CHUNK)
            painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * fraction, BAR_HEIGHT),
                                    BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        painter.drawText(QRectF(track.right() + 4, cell.top(), TEXT_WIDTH, cell.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(text))
        painter.restore()
