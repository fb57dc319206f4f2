"""A table model over a transcript's segments: one row a segment, time and text.

Rule breaks are marked only when asked (View ▸ Subtitle Rule Breaks), and then for what would
still break after Export's re-flow, worked out off the GUI thread (see rule_break_marks.py).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from app.core.formats.timecode import short_clock
from app.core.subtitle_rules import DEFAULT_PROFILE, SUBTITLE_PROFILES, SubtitleRules, Violation
from app.core.transcript import Segment, Transcript
from app.ui.background_calls import BackgroundCalls
from app.ui.rule_break_marks import breaks_after_reflow

_Index = QModelIndex | QPersistentModelIndex
BROKEN_RULE_TINT = QColor(220, 38, 38, 48)
MARKS_DELAY_MS = 200  # new segments arrive in bursts: re-flow once per burst


class TranscriptTableModel(QAbstractTableModel):
    TIME_COLUMN = 0
    TEXT_COLUMN = 1
    SegmentRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._transcript = Transcript()
        self.subtitle_rules: SubtitleRules = SUBTITLE_PROFILES[DEFAULT_PROFILE].rules
        self.rule_breaks_shown = False
        self._marks: dict[int, list[Violation]] = {}
        self._marks_generation = 0  # a re-flow started before the latest change is stale
        self._marks_timer = QTimer(self, singleShot=True, interval=MARKS_DELAY_MS)
        self._marks_timer.timeout.connect(self._compute_marks)
        self._calls = BackgroundCalls(self)

    @property
    def transcript(self) -> Transcript:
        return self._transcript

    def set_subtitle_rules(self, rules: SubtitleRules) -> None:
        """The rules the marks are worked out against (the export dialog's latest choice)."""
        self.subtitle_rules = rules
        self._schedule_marks()

    def show_rule_breaks(self, shown: bool) -> None:
        self.rule_breaks_shown = shown
        self._marks_generation += 1
        self._show_marks(self._marks_generation, {})
        self._schedule_marks()

    def _schedule_marks(self) -> None:
        if self.rule_breaks_shown:
            self._marks_timer.start()

    def _compute_marks(self) -> None:
        self._marks_generation += 1
        generation, rules = self._marks_generation, self.subtitle_rules
        snapshot = replace(self._transcript, segments=list(self._transcript.segments))
        self._calls.run(lambda: breaks_after_reflow(snapshot, rules),
                        lambda marks: self._show_marks(generation, marks), name="rule-break-marks")

    def _show_marks(self, generation: int, marks: dict[int, list[Violation]]) -> None:
        if generation != self._marks_generation:
            return
        self._marks = marks
        if self._transcript.segments:
            roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1), roles)

    def set_transcript(self, transcript: Transcript) -> None:
        self.beginResetModel()
        self._transcript = transcript
        self._marks = {}
        self._marks_generation += 1
        self.endResetModel()
        self._schedule_marks()

    def adopt_transcript(self, transcript: Transcript) -> None:
        """Take the finished transcript; rows are reset only if it differs from what is shown."""
        if transcript.segments == self._transcript.segments:
            self._transcript = transcript
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self._schedule_marks()
        else:
            self.set_transcript(transcript)

    def clear(self) -> None:
        self.set_transcript(Transcript())

    def append_segment(self, segment: Segment) -> None:
        row = len(self._transcript.segments)
        self.beginInsertRows(QModelIndex(), row, row)
        self._transcript.segments.append(segment)
        self.endInsertRows()
        self._schedule_marks()

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
            broken = self._marks.get(index.row()) if self.rule_breaks_shown else None
            if role == Qt.ItemDataRole.BackgroundRole:  # the time cell only: the text stays easy to read
                return BROKEN_RULE_TINT if broken and index.column() == self.TIME_COLUMN else None
            if broken:
                heading = self.tr("After re-flow for export, its subtitles would still break a rule:")
                return "\n".join([segment.text, "", heading, *(str(v) for v in broken)])
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
