"""A table model over a transcript's segments: one row a segment, time and text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.formats.timecode import short_clock
from app.core.subtitle_rules import DEFAULT_PROFILE, SUBTITLE_PROFILES, SubtitleRules, segment_violations
from app.core.transcript import Segment, Transcript

_Index = QModelIndex | QPersistentModelIndex
BROKEN_RULE_TINT = QColor(220, 38, 38, 48)


class TranscriptTableModel(QAbstractTableModel):
    TIME_COLUMN = 0
    TEXT_COLUMN = 1
    SegmentRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._transcript = Transcript()
        self.subtitle_rules: SubtitleRules = SUBTITLE_PROFILES[DEFAULT_PROFILE].rules

    @property
    def transcript(self) -> Transcript:
        return self._transcript

    def set_subtitle_rules(self, rules: SubtitleRules) -> None:
        """Mark the segments that break ``rules`` (too fast to read, too long)."""
        self.subtitle_rules = rules
        if self._transcript.segments:
            roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1), roles)

    def set_transcript(self, transcript: Transcript) -> None:
        self.beginResetModel()
        self._transcript = transcript
        self.endResetModel()

    def adopt_transcript(self, transcript: Transcript) -> None:
        """Take the finished transcript; rows are reset only if it differs from what is shown."""
        if transcript.segments == self._transcript.segments:
            self._transcript = transcript
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        else:
            self.set_transcript(transcript)

    def clear(self) -> None:
        self.set_transcript(Transcript())

    def append_segment(self, segment: Segment) -> None:
        row = len(self._transcript.segments)
        self.beginInsertRows(QModelIndex(), row, row)
        self._transcript.segments.append(segment)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._transcript.segments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._transcript.segments):
            return None
        segment = self._transcript.segments[index.row()]
        if role == self.SegmentRole:
            return segment
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole):
            broken = segment_violations(segment, self.subtitle_rules)
            if role == Qt.ItemDataRole.BackgroundRole:  # the time cell only: long segments are common
                return BROKEN_RULE_TINT if broken and index.column() == self.TIME_COLUMN else None
            if broken:
                return "\n".join([segment.text, "", *(str(v) for v in broken)])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == self.TIME_COLUMN:
                return f"{short_clock(segment.start)} – {short_clock(segment.end)}"
            return segment.text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.TIME_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.tr("Time") if section == self.TIME_COLUMN else self.tr("Text")
