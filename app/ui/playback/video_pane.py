"""The video picture with the current segment as a caption over its bottom, as the subtitle would appear.

A QGraphicsView holds the QGraphicsVideoItem and the caption, so the caption draws over the picture
on every platform (a widget laid over QVideoWidget's native window is hidden behind it). The caption
is the segment re-flowed under the chosen subtitle rules: the cue that covers the position.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QResizeEvent, QShowEvent, QTextOption
from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsTextItem, QGraphicsView, QWidget

from app.core.reflow import reflow
from app.core.subtitle_rules import SubtitleRules
from app.core.transcript import Segment, Transcript

CAPTION_MARGIN = 0.06  # of the picture's height, below the caption
CAPTION_FONT = 0.055  # of the picture's height
CAPTION_WIDTH = 0.94  # of the picture's width, at most
CAPTION_BOX = QColor(0, 0, 0, 170)

_CueKey = tuple[float, float, str, int, SubtitleRules]


class VideoPane(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoPane")
        self.setAccessibleName(self.tr("Video"))
        self.setMinimumSize(160, 90)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setBackgroundBrush(QColor("#000000"))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.video_item = QGraphicsVideoItem()
        self._scene.addItem(self.video_item)
        self._box = QGraphicsRectItem()
        self._box.setBrush(CAPTION_BOX)
        self._box.setPen(Qt.PenStyle.NoPen)
        self._scene.addItem(self._box)
        self._text = QGraphicsTextItem()
        self._text.setDefaultTextColor(QColor("#ffffff"))
        self._text.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
        self._text.document().setDocumentMargin(0)
        self._scene.addItem(self._text)
        self._rules = SubtitleRules()
        self._segment: Segment | None = None
        self._cues: list[Segment] = []
        self._cue_key: _CueKey | None = None
        self._position = 0.0
        self._caption = ""
        self.video_item.nativeSizeChanged.connect(lambda _size: self._lay_out())
        self._lay_out()

    @property
    def caption(self) -> str:
        """The caption shown now (lines joined by newlines); empty when there is none."""
        return self._caption

    def caption_box(self) -> QRectF:
        """Where the caption's box is, in the pane's viewport (empty when there is no caption)."""
        return self._box.rect() if self._caption else QRectF()

    def set_rules(self, rules: SubtitleRules) -> None:
        self._rules = rules
        self._refresh_caption()

    def show_segment(self, segment: Segment | None) -> None:
        """The current segment (None between segments): its cues become the caption."""
        self._segment = segment
        self._refresh_caption()

    def set_position(self, seconds: float) -> None:
        self._position = seconds
        self._refresh_caption()

    def _refresh_caption(self) -> None:
        text = self._cue_text()
        if text != self._caption:
            self._caption = text
            if self.isVisible():  # a hidden pane (an audio file) lays its caption out when shown
                self._show_caption()

    def _show_caption(self) -> None:
        if self._text.toPlainText() != self._caption:
            self._text.setPlainText(self._caption)
        self._text.setVisible(bool(self._caption))
        self._box.setVisible(bool(self._caption))
        self._lay_out()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_caption()

    def _cue_text(self) -> str:
        segment = self._segment
        if segment is None or not segment.text.strip():
            return ""
        key = (segment.start, segment.end, segment.text, len(segment.words), self._rules)
        if key != self._cue_key:
            self._cues = reflow(Transcript([segment]), self._rules).segments
            self._cue_key = key
        if not self._cues:
            return ""
        shown = self._cues[0]
        for cue in self._cues:
            if cue.start <= self._position:
                shown = cue
        return shown.text

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        """The picture fills the pane (aspect kept); the caption sits centred over its bottom."""
        width, height = max(1, self.viewport().width()), max(1, self.viewport().height())
        self._scene.setSceneRect(0, 0, width, height)
        self.video_item.setSize(QSizeF(width, height))
        native = self.video_item.nativeSize()
        picture = QRectF(0, 0, width, height)
        if native.width() > 0 and native.height() > 0:
            scale = min(width / native.width(), height / native.height())
            size = QSizeF(native.width() * scale, native.height() * scale)
            picture = QRectF((width - size.width()) / 2, (height - size.height()) / 2, size.width(), size.height())
        font = QFont(self.font())
        font.setPixelSize(max(11, round(picture.height() * CAPTION_FONT)))
        font.setWeight(QFont.Weight.DemiBold)
        self._text.setFont(font)
        padding = font.pixelSize() * 0.35
        self._text.setTextWidth(-1)
        widest = picture.width() * CAPTION_WIDTH - 2 * padding  # a line longer than the picture wraps
        self._text.setTextWidth(min(self._text.document().idealWidth(), widest))  # lines centred in the widest
        text_rect = self._text.boundingRect()
        left = picture.center().x() - text_rect.width() / 2
        top = picture.bottom() - picture.height() * CAPTION_MARGIN - text_rect.height()
        self._text.setPos(left, top)
        self._box.setRect(QRectF(left - padding, top - padding / 2, text_rect.width() + 2 * padding,
                                 text_rect.height() + padding))
