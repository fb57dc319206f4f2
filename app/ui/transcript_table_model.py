"""The segments of a document as table rows: start, end, speaker and text, each editable in place, and language.

The model owns no transcript: it reads the document's and follows its precise change signals,
and turns an edit typed in a cell into a core edit the document applies (one undo step; typing
in one text cell folds into one). A cell edit the core refuses emits ``edit_refused`` with the
sentence, translated. Overlaps with a neighbour tint the time cells and say why in the tooltip;
speakers each have their own colour; rule breaks (View ▸ Subtitle Rule Breaks) are marked from
a re-flow worked out off the GUI thread (see rule_break_marks.py). The language column is read-only
(the language each passage was recognised in); the view shows it only when there is more than one.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from app.core.editing.segment_edit import TranscriptEdit
from app.core.editing.segment_text import edit_text
from app.core.editing.segment_times import Overlap, overlaps, set_end, set_start
from app.core.editing.speakers import assign_speaker
from app.core.editing.time_text import format_time, parse_time
from app.core.errors import EditError
from app.core.languages import language_name
from app.core.subtitle_rules import DEFAULT_PROFILE, SUBTITLE_PROFILES, SubtitleRules, Violation
from app.core.transcript import Segment, Transcript
from app.ui.background_calls import BackgroundCalls
from app.ui.editor.document import Document
from app.ui.editor.speaker_colours import SpeakerColours, speaker_colour, speaker_tint
from app.ui.rule_break_marks import breaks_after_reflow

_Index = QModelIndex | QPersistentModelIndex
BROKEN_RULE_TINT = QColor(220, 38, 38, 48)
OVERLAP_TINT = QColor(245, 158, 11, 60)
PLAYING_TINT = QColor(47, 111, 237, 48)  # the text of the segment being played
MARKS_DELAY_MS = 200  # new segments arrive in bursts: re-flow once per burst
_EMPTY = Transcript()
_SELECTABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
_ROLES_ANSWERED = frozenset(int(role) for role in {
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.UserRole + 1,
})
_DISPLAY, _EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
_ALIGNMENT, _BACKGROUND = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN_TIME = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
_ALIGN_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class TranscriptTableModel(QAbstractTableModel):
    START_COLUMN, END_COLUMN, SPEAKER_COLUMN, TEXT_COLUMN, LANGUAGE_COLUMN = range(5)
    TIME_COLUMNS = (START_COLUMN, END_COLUMN)
    SegmentRole = Qt.ItemDataRole.UserRole + 1
    edit_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._speakers = SpeakerColours()
        self.subtitle_rules: SubtitleRules = SUBTITLE_PROFILES[DEFAULT_PROFILE].rules
        self.rule_breaks_shown = False
        self._marks: dict[int, list[Violation]] = {}
        self._marks_generation = 0  # a re-flow started before the latest change is stale
        self.playing_row: int | None = None
        self._marks_timer = QTimer(self, singleShot=True, interval=MARKS_DELAY_MS)
        self._marks_timer.timeout.connect(self._compute_marks)
        self._calls = BackgroundCalls(self)

    # ---- the document -----------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def transcript(self) -> Transcript:
        return self._document.transcript if self._document is not None else _EMPTY

    def set_document(self, document: Document | None) -> None:
        self.beginResetModel()
        if self._document is not None:
            for signal, slot in self._connections(self._document):
                signal.disconnect(slot)
        self._document = document
        self._marks, self._marks_generation = {}, self._marks_generation + 1
        if document is not None:
            for signal, slot in self._connections(document):
                signal.connect(slot)
        self._speakers.start_from(self.transcript)
        self.endResetModel()
        self._schedule_marks()

    def _connections(self, document: Document) -> list[tuple[Any, Any]]:
        return [
            (document.segments_about_to_be_inserted, self._rows_about_to_come),
            (document.segments_inserted, self._rows_came),
            (document.segments_about_to_be_removed, self._rows_about_to_go),
            (document.segments_removed, self._rows_went),
            (document.segments_changed, self._rows_changed),
            (document.about_to_reset, self.beginResetModel),
            (document.reset, self._reset_done),
            (document.edited, self._content_edited),
            (document.read_only_changed, self._read_only_changed),
        ]

    def _rows_about_to_come(self, first: int, count: int) -> None:
        self.beginInsertRows(QModelIndex(), first, first + count - 1)

    def _rows_came(self, first: int, count: int) -> None:
        self.endInsertRows()
        self._neighbours_changed(first - 1, first + count)

    def _rows_about_to_go(self, first: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), first, first + count - 1)

    def _rows_went(self, first: int, _count: int) -> None:
        self.endRemoveRows()
        self._neighbours_changed(first - 1, first)

    def _rows_changed(self, first: int, count: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(first + count - 1, self.columnCount() - 1))
        self._neighbours_changed(first - 1, first + count)

    def _neighbours_changed(self, *rows: int) -> None:
        """A neighbour's overlap mark may have come or gone; its text and height did not change."""
        roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
        for row in rows:
            if 0 <= row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1), roles)

    def _reset_done(self) -> None:
        self._speakers.start_from(self.transcript)
        self.endResetModel()

    def _content_edited(self) -> None:
        self._schedule_marks()

    def _read_only_changed(self) -> None:
        if self.rowCount():  # flags changed: editable or not
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_playing_row(self, row: int | None) -> None:
        """Tint the row being played (None: no row); only the two rows' backgrounds are repainted."""
        previous, self.playing_row = self.playing_row, row
        if previous != row:
            self._neighbours_changed(*(r for r in (previous, row) if r is not None))

    # ---- rule-break marks -----------------------------------------------------------------
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
        snapshot = self._document.snapshot() if self._document is not None else Transcript()
        self._calls.run(lambda: breaks_after_reflow(snapshot, rules),
                        lambda marks: self._show_marks(generation, marks), name="rule-break-marks")

    def _show_marks(self, generation: int, marks: dict[int, list[Violation]]) -> None:
        if generation != self._marks_generation:
            return
        self._marks = marks
        if self.rowCount():
            roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1), roles)

    # ---- Qt's model interface ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.transcript.segments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.LANGUAGE_COLUMN or self._document is None or self._document.is_read_only:
            return _SELECTABLE
        return _EDITABLE  # asked twice for every cell painted: built once

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        # Qt asks each cell it paints for seven roles at once (QStyledItemDelegate.initStyleOption): one call into
        # Python a cell instead of one a role. Every role is set, cleared where there is no value: Qt hands the
        # same buffer to cell after cell, so a tint left there would paint the next cells too.
        segment = self._segment_of(index)
        row, column, span = index.row(), index.column(), cast(Any, roleDataSpan)  # its stub omits [] and len
        for position in range(span.size()):
            item = span[position]
            role = item.role()
            value = self._value(segment, row, column, role) if segment is not None and role in _ROLES_ANSWERED \
                else None
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES_ANSWERED:
            return None  # most of the roles asked of a cell measured: the cheapest test first
        segment = self._segment_of(index)
        return None if segment is None else self._value(segment, index.row(), index.column(), role)

    def _segment_of(self, index: _Index) -> Segment | None:
        segments, row = self.transcript.segments, index.row()
        return segments[row] if 0 <= row < len(segments) and index.isValid() else None

    def _value(self, segment: Segment, row: int, column: int, role: int) -> Any:
        if role in (_DISPLAY, _EDIT):
            if column == self.TEXT_COLUMN:
                return segment.text
            if column == self.START_COLUMN:
                return format_time(segment.start)
            if column == self.END_COLUMN:
                return format_time(segment.end)
            if column == self.SPEAKER_COLUMN:
                return segment.speaker or ""
            return segment.language or ""
        if role == _ALIGNMENT:
            return _ALIGN_TIME if column in self.TIME_COLUMNS else _ALIGN_TEXT
        if role == _BACKGROUND:
            return self._background(row, column)
        if role == _FOREGROUND:
            return speaker_colour(self._speakers.number_of(segment.speaker)) \
                if column == self.SPEAKER_COLUMN and segment.speaker else None
        if role == self.SegmentRole:
            return segment
        if column == self.LANGUAGE_COLUMN:  # the tooltip
            return language_name(segment.language) or None
        return self._tooltip(row, column)

    def _background(self, row: int, column: int) -> QColor | None:
        if column in self.TIME_COLUMNS:
            if self.rule_breaks_shown and self._marks.get(row) and column == self.START_COLUMN:
                return BROKEN_RULE_TINT
            return OVERLAP_TINT if self._overlaps_at(row, column) else None
        speaker = self.transcript.segments[row].speaker
        if column == self.SPEAKER_COLUMN and speaker:
            return speaker_tint(self._speakers.number_of(speaker))
        return PLAYING_TINT if row == self.playing_row and column == self.TEXT_COLUMN else None

    def _overlaps_at(self, row: int, column: int) -> list[Overlap]:
        found = overlaps(self.transcript, row)
        return [o for o in found if (o.other < row) == (column == self.START_COLUMN)]

    def _tooltip(self, row: int, column: int) -> str | None:
        lines: list[str] = []
        if column in self.TIME_COLUMNS:
            lines.extend(self._overlap_reason(o) for o in self._overlaps_at(row, column))
        broken = self._marks.get(row) if self.rule_breaks_shown else None
        if broken:
            heading = self.tr("After re-flow for export, its subtitles would still break a rule:")
            lines.extend([*([""] if lines else []), heading, *(str(v) for v in broken)])
        if column == self.TEXT_COLUMN:
            text = self.transcript.segments[row].text
            return "\n".join([text, "", *lines]) if lines else text
        return "\n".join(lines) or None

    def _overlap_reason(self, overlap: Overlap) -> str:
        seconds = f"{overlap.seconds:.3f}"
        if overlap.other < overlap.index:
            return self.tr("Overlaps: starts {seconds} s before segment {number} ends.").replace(
                "{seconds}", seconds).replace("{number}", str(overlap.other + 1))
        return self.tr("Overlaps: ends {seconds} s after segment {number} starts.").replace(
            "{seconds}", seconds).replace("{number}", str(overlap.other + 1))

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        document = self._document
        if document is None or role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() == self.LANGUAGE_COLUMN:
            return False
        if self.data(index, role) == value:
            return True  # nothing changed: no undo step
        try:
            document.apply(self._edit_for(index.row(), index.column(), str(value)))
        except EditError as error:
            self.edit_refused.emit(error.message)
            return False
        return True

    def _edit_for(self, row: int, column: int, value: str) -> TranscriptEdit:
        transcript = self.transcript
        if column == self.START_COLUMN:
            return set_start(transcript, row, parse_time(value))
        if column == self.END_COLUMN:
            return set_end(transcript, row, parse_time(value))
        if column == self.SPEAKER_COLUMN:
            return assign_speaker(transcript, [row], value)
        return edit_text(transcript, row, value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Start"), self.tr("End"), self.tr("Speaker"), self.tr("Text"), self.tr("Language"))[section]

    def has_several_languages(self, first: int = 0, last: int | None = None) -> bool:
        """Whether segments ``first``..``last`` (all by default) hold more than one language, with row 0's."""
        segments = self.transcript.segments
        if not segments:
            return False
        known = {segments[0].language} if segments[0].language else set()
        for segment in segments[first:None if last is None else last + 1]:
            if segment.language:
                known.add(segment.language)
                if len(known) > 1:
                    return True
        return False
