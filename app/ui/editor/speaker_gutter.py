"""The margin left of the text view: each paragraph's speaker, in their colour, and when it starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.editing.time_text import format_time

if TYPE_CHECKING:
    from app.ui.editor.text_view import TranscriptTextView

GUTTER_WIDTH_EMS = 9
_PADDING = 10


class SpeakerGutter(QWidget):
    def __init__(self, view: TranscriptTextView) -> None:
        super().__init__(view)
        self._view = view
        self.setObjectName("speakerGutter")
        self.setAccessibleName(self.tr("Speakers and times"))

    def width_wanted(self) -> int:
        """Nine ems, or more if "No speaker" in bold needs it (a translation may be longer)."""
        bold = QFont(self.font())
        bold.setBold(True)
        no_speaker = QFontMetrics(bold).horizontalAdvance(self.tr("No speaker")) + 2 * _PADDING + 2
        return max(self.fontMetrics().horizontalAdvance("M") * GUTTER_WIDTH_EMS, no_speaker)

    def sizeHint(self) -> QSize:
        return QSize(self.width_wanted(), 0)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), self.tooltip_at(event.pos().y()) or "", self)
            return True
        return super().event(event)

    def tooltip_at(self, y: int) -> str | None:
        """The speaker and the times of the paragraph beside height ``y``."""
        for number, top, height in self._view.visible_paragraphs():
            paragraph = self._view.paragraph(number)
            if paragraph is not None and top <= y < top + height:
                times = f"{format_time(paragraph.start_time)} – {format_time(paragraph.end_time)}"
                return f"{paragraph.speaker or self.tr('No speaker')}\n{times}"
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        name_font = QFont(self.font())
        name_font.setBold(True)
        time_font = QFont(self.font())
        time_font.setPointSizeF(max(self.font().pointSizeF() * 0.85, 6.0))
        line = self._view.fontMetrics().lineSpacing()
        width = self.width() - 2 * _PADDING
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for number, top, height in self._view.visible_paragraphs():
            if top > event.rect().bottom():
                break
            paragraph = self._view.paragraph(number)
            if paragraph is None:
                continue
            painter.setFont(name_font)
            if paragraph.speaker:
                painter.setPen(self._view.paragraph_colour(paragraph) or self.palette().color(QPalette.ColorRole.Text))
                name = painter.fontMetrics().elidedText(paragraph.speaker, Qt.TextElideMode.ElideRight, width)
            else:
                painter.setPen(muted)
                name = self.tr("No speaker")
            painter.drawText(QRect(_PADDING, top, width, line), Qt.AlignmentFlag.AlignLeft, name)
            if height >= 2 * line:
                painter.setFont(time_font)
                painter.setPen(QColor(muted))
                painter.drawText(QRect(_PADDING, top + line, width, line), Qt.AlignmentFlag.AlignLeft,
                                 format_time(paragraph.start_time))
