"""The segments of a document as table rows: start, end, speaker and text, each editable in place, and language.

The model owns no transcript: it follows the document's precise change signals, and turns an edit
typed in a cell into a core edit the document applies (one undo step; typing in one text cell folds
into one). What each cell shows is kept in Qt items, set from the segment when it comes or changes,
so a repaint runs no Python for a cell: answered in Python (seven roles a cell, flags, and the counts
with every index Qt makes) that was 45% of a repaint (19 rows: 4.1 ms of CPU, now 2.3 ms). After an
open, rows past the first 500 are made in slices, one an event-loop turn (all at once took 0.1 s for
10,000 rows). A cell edit the core refuses emits ``edit_refused`` with the sentence, translated.
Overlaps with a neighbour tint the time cells and say why in the tooltip; speakers each have their
own colour; rule breaks (View ▸ Subtitle Rule Breaks) are marked from a re-flow worked out off the
GUI thread (see rule_break_marks.py). The language column is read-only (the language each passage
was recognised in); the view shows it only when there is more than one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QStandardItemModel

from app.core.editing.segment_edit import TranscriptEdit
from app.core.editing.segment_text import edit_text
from app.core.editing.segment_times import Overlap, overlaps, set_end, set_start
from app.core.editing.speakers import assign_speaker
from app.core.editing.time_text import parse_time
from app.core.errors import EditError
from app.core.languages import language_name
from app.core.subtitle_rules import DEFAULT_PROFILE, SUBTITLE_PROFILES, SubtitleRules, Violation
from app.core.transcript import Transcript
from app.ui import table_cells as cell
from app.ui.background_calls import BackgroundCalls
from app.ui.editor.document import Document
from app.ui.editor.speaker_colours import SpeakerColours, speaker_colour, speaker_tint
from app.ui.rule_break_marks import breaks_after_reflow
from app.ui.themes import is_dark

_Index = QModelIndex | QPersistentModelIndex
BROKEN_RULE_TINT = QColor(220, 38, 38, 48)
OVERLAP_TINT = QColor(245, 158, 11, 60)
PLAYING_TINT = QColor(47, 111, 237, 48)  # the text of the segment being played
MARKS_DELAY_MS = 200  # new segments arrive in bursts: re-flow once per burst
EAGER_ROWS = 500  # rows made inside a reset; the rest in slices after it, a slice an event-loop turn
FILL_SLICE = 150  # about 1.5 ms: a slice never shows among the event loop's longer turns
_EMPTY = Transcript()
_TINT_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
_ALL_COLUMNS = (0, 1, 2, 3, 4)
_UNTIMED_COLUMNS = (2, 3, 4)  # speaker, text, language


class TranscriptTableModel(QStandardItemModel):
    START_COLUMN, END_COLUMN, SPEAKER_COLUMN, TEXT_COLUMN, LANGUAGE_COLUMN = range(5)
    TIME_COLUMNS = (START_COLUMN, END_COLUMN)
    edit_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 5, parent)
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
        self._dark = is_dark()  # the speakers' colours were made for a dark ground
        self._colours: dict[str, tuple[QColor, QColor]] = {}  # each speaker's text colour and tint, made once
        self._unmade: list[bool] = []  # per row: its cells not made yet (after an open, until the slices reach it)
        self._next_unmade = 0  # where the next slice looks from
        self._fill_timer = QTimer(self, interval=0)
        self._fill_timer.timeout.connect(self._make_a_slice)

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
        self._colours = {}
        self._make_all_rows()
        self.endResetModel()
        self._schedule_marks()

    def _connections(self, document: Document) -> list[tuple[Any, Any]]:
        return [
            (document.segments_inserted, self._rows_came),
            (document.segments_about_to_be_removed, self._rows_about_to_go),
            (document.segments_removed, self._rows_went),
            (document.segments_changed, self._rows_changed),
            (document.about_to_reset, self.beginResetModel),
            (document.reset, self._reset_done),
            (document.edited, self._content_edited),
            (document.read_only_changed, self._read_only_changed),
        ]

    # The base's insertRows and removeRows tell the views (they cannot nest in a begin and end of ours, which
    # would move the selection twice): rows come once the document holds them, empty, and are filled at once;
    # rows go before the document drops them.
    def _rows_came(self, first: int, count: int) -> None:
        self._unmade[first:first] = [False] * count  # made at once, below
        self.insertRows(first, count)
        self._remake_rows(first, count)
        self._neighbours_changed(first - 1, first + count)

    def _rows_about_to_go(self, first: int, count: int) -> None:
        self.removeRows(first, count)
        del self._unmade[first:first + count]

    def _rows_went(self, first: int, _count: int) -> None:
        self._neighbours_changed(first - 1, first)

    def _rows_changed(self, first: int, count: int) -> None:
        """Rows whose times did not move (a text, a speaker) keep their time cells, and their neighbours their
        overlap marks; of their other cells only those whose words changed are set (reading a cell is cheaper
        than setting it): a Replace All changes thousands of rows' text alone."""
        rows = range(first, min(first + count, self.rowCount()))
        segments, index, data = self.transcript.segments, self.index, self.data
        if any(data(index(row, self.START_COLUMN), cell.SECONDS) != segments[row].start
               or data(index(row, self.END_COLUMN), cell.SECONDS) != segments[row].end for row in rows):
            self._remake_rows(first, count)
            self._neighbours_changed(first - 1, first + count)
            return
        blocker = QSignalBlocker(self)
        for row in rows:
            words = (segments[row].speaker or None, segments[row].text or None, segments[row].language or None)
            changed = tuple(column for column, shown in zip(_UNTIMED_COLUMNS, words, strict=True)
                            if data(index(row, column)) != shown)
            if changed:
                self._set_row(row, columns=changed)
        blocker.unblock()
        if rows:
            self.dataChanged.emit(index(first, 0), index(rows[-1], self.columnCount() - 1), [])

    def _remake_rows(self, first: int, count: int, roles: list[Qt.ItemDataRole] | None = None,
                     columns: tuple[int, ...] = _ALL_COLUMNS) -> None:
        """The rows' cells set again from their segments, then one change said for them all."""
        last = min(first + count, self.rowCount()) - 1
        if last < first:
            return
        blocker = QSignalBlocker(self)
        for row in range(first, last + 1):
            self._set_row(row, columns=columns)
        blocker.unblock()
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1), roles or [])

    def _set_row(self, row: int, fresh: bool = False, columns: tuple[int, ...] = _ALL_COLUMNS) -> None:
        """Each cell's roles in one call. Items are made by the base, in C++, never from Python: a Python
        wrapper kept for an item outlives it once the base deletes the row, and a later object made at its
        address came back to Python as that item (seen: a menu's action read as a QStandardItem). ``fresh``: the
        row is new, so an editable cell with nothing to show is left without an item (Qt's default: editable)."""
        if len(columns) == len(_ALL_COLUMNS):
            self._unmade[row] = False
        for column, roles in self._cells_of(row, columns):
            if fresh and roles[cell.FLAGS] == cell.EDITABLE_FLAGS and not (
                    roles[cell.DISPLAY] or roles[cell.BACKGROUND] or roles[cell.TOOLTIP]):
                continue
            cell.set_cell(self, self.index(row, column), roles)

    def _neighbours_changed(self, *rows: int) -> None:
        """A neighbour's overlap mark may have come or gone: its time cells; its text and height did not change."""
        self._retint(rows, self.TIME_COLUMNS)

    def _retint(self, rows: tuple[int, ...], columns: tuple[int, ...]) -> None:
        rows = tuple(row for row in rows if 0 <= row < self.rowCount())
        blocker = QSignalBlocker(self)
        for row in rows:
            self._set_row(row, columns=columns)
        blocker.unblock()
        for row in rows:
            self.dataChanged.emit(self.index(row, columns[0]), self.index(row, columns[-1]), _TINT_ROLES)

    def _reset_done(self) -> None:
        self._speakers.start_from(self.transcript)
        self._colours = {}
        self._make_all_rows()
        self.endResetModel()

    def _make_all_rows(self) -> None:
        """Every row's cells, inside a reset (which tells the views): the first EAGER_ROWS at once, the others in
        slices after it (10,000 rows take about 0.1 s), unless a view needs them first (``make_rows``)."""
        blocker = QSignalBlocker(self)
        self.setRowCount(0)  # the old items go
        self.setRowCount(len(self.transcript.segments))
        self._unmade = [True] * self.rowCount()
        self._make_rows(range(min(EAGER_ROWS, self.rowCount())))
        blocker.unblock()
        self._next_unmade = 0
        if self.rowCount() > EAGER_ROWS:
            self._fill_timer.start()

    def make_rows(self, first: int, last: int) -> None:
        """Rows ``first`` to ``last`` made now if they are not yet (a view is about to paint or measure them)."""
        rows = [row for row in range(max(first, 0), min(last, self.rowCount() - 1) + 1) if self._unmade[row]]
        if rows:
            blocker = QSignalBlocker(self)
            self._make_rows(rows)
            blocker.unblock()

    def _make_a_slice(self) -> None:
        unmade, row = self._unmade, self._next_unmade
        while row < len(unmade) and not unmade[row]:
            row += 1
        rows = [r for r in range(row, min(row + FILL_SLICE, len(unmade))) if unmade[r]]
        self._next_unmade = row + FILL_SLICE
        if not rows:
            if row >= len(unmade):
                self._fill_timer.stop()
            return
        blocker = QSignalBlocker(self)
        self._make_rows(rows)
        blocker.unblock()
        self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], self.columnCount() - 1))

    def _make_rows(self, rows: Iterable[int]) -> None:
        """Rows made for the first time. A row with nothing but its times and text (most rows) takes three calls
        (four with a speaker), half the time of the general ``_cells_of``; the others are made by it."""
        segments, index, flags = self.transcript.segments, self.index, self._cell_flags()
        for row in rows:
            segment = segments[row]
            if flags != cell.EDITABLE_FLAGS or segment.language or row == self.playing_row or row in self._marks or (
                    row > 0 and segments[row - 1].end > segment.start) or (
                    row + 1 < len(segments) and segment.end > segments[row + 1].start):
                self._set_row(row, fresh=True)
                continue
            self._unmade[row] = False
            cell.set_cell(self, index(row, self.START_COLUMN), cell.time_cell(segment.start, flags))
            cell.set_cell(self, index(row, self.END_COLUMN), cell.time_cell(segment.end, flags))
            cell.set_cell(self, index(row, self.TEXT_COLUMN), cell.text_cell(segment.text, flags))
            if segment.speaker:
                cell.set_cell(self, index(row, self.SPEAKER_COLUMN), self._speaker_cell(segment.speaker, flags))

    def _speaker_cell(self, speaker: str | None, flags: int) -> dict[int, Any]:
        roles = cell.text_cell(speaker, flags)
        text_colour, tint = self._colours_of(speaker) if speaker else (None, None)
        roles.update({cell.FOREGROUND: text_colour, cell.BACKGROUND: tint})
        return roles

    def _colours_of(self, speaker: str) -> tuple[QColor, QColor]:
        colours = self._colours.get(speaker)
        if colours is None:
            number = self._speakers.number_of(speaker)
            colours = self._colours[speaker] = (speaker_colour(number), speaker_tint(number))
        return colours

    def _cell_flags(self) -> int:
        editable = self._document is not None and not self._document.is_read_only
        return cell.EDITABLE_FLAGS if editable else cell.READ_ONLY_FLAGS

    def speaker_colour_of(self, row: int) -> QColor | None:
        """The text colour of row ``row``'s speaker (None without one), made or not."""
        speaker = self.transcript.segments[row].speaker if 0 <= row < len(self.transcript.segments) else None
        return self._colours_of(speaker)[0] if speaker else None

    def _content_edited(self) -> None:
        self._schedule_marks()

    def _read_only_changed(self) -> None:
        """Every cell editable, or none (the language never is): 10,000 rows about 0.1 s."""
        if not self.rowCount():
            return
        flags = {cell.FLAGS: self._cell_flags()}
        blocker = QSignalBlocker(self)
        for row in range(self.rowCount()):
            for column in (self.START_COLUMN, self.END_COLUMN, self.SPEAKER_COLUMN, self.TEXT_COLUMN):
                cell.set_cell(self, self.index(row, column), flags)
        blocker.unblock()
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def refresh_colours(self) -> None:
        """The palette changed: if it went from light to dark or back, the speakers' colours are made again."""
        dark, self._dark = self._dark, is_dark()
        if dark != self._dark:
            self._colours = {}
        if dark != self._dark and any(segment.speaker for segment in self.transcript.segments):
            self._remake_rows(0, self.rowCount(), [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole])

    def set_playing_row(self, row: int | None) -> None:
        """Tint the row being played (None: no row); only the two rows' backgrounds are repainted."""
        previous, self.playing_row = self.playing_row, row
        if previous != row:
            self._retint(tuple(r for r in (previous, row) if r is not None), (self.TEXT_COLUMN,))

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
        before, self._marks = self._marks, marks
        touched = sorted(row for row in before.keys() | marks.keys() if before.get(row) != marks.get(row))
        if touched and touched[-1] < self.rowCount():
            blocker = QSignalBlocker(self)
            for row in touched:
                self._set_row(row)
            blocker.unblock()
            self.dataChanged.emit(self.index(touched[0], 0), self.index(touched[-1], self.columnCount() - 1),
                                  _TINT_ROLES)

    # ---- what a cell shows -------------------------------------------------------------------
    def _cells_of(self, row: int, columns: tuple[int, ...]) -> list[tuple[int, dict[int, Any]]]:
        """The roles of ``columns`` of ``row``: its text, alignment, tint, tooltip and flags (and a speaker's
        colour). Overlaps with a neighbour tint the time cells and say why; rule breaks tint the start and
        are said in every cell's tooltip; the text cell of the row being played is tinted."""
        segment, flags = self.transcript.segments[row], self._cell_flags()
        found = overlaps(self.transcript, row) if self.START_COLUMN in columns or self.END_COLUMN in columns else []
        broken = self._marks.get(row) if self.rule_breaks_shown else None
        marked = [self.tr("After re-flow for export, its subtitles would still break a rule:"),
                  *(str(v) for v in broken)] if broken else []
        cells: list[tuple[int, dict[int, Any]]] = []
        for column in columns:
            tooltip = "\n".join(marked) or None
            if column in self.TIME_COLUMNS:
                start = column == self.START_COLUMN
                mine = [o for o in found if (o.other < row) == start]
                lines = [self._overlap_reason(o) for o in mine]
                lines.extend([*([""] if lines and marked else []), *marked])
                roles = cell.time_cell(segment.start if start else segment.end, flags)
                tint = BROKEN_RULE_TINT if broken and start else OVERLAP_TINT if mine else None
                roles.update({cell.TOOLTIP: "\n".join(lines) or None, cell.BACKGROUND: tint})
            elif column == self.SPEAKER_COLUMN:
                roles = self._speaker_cell(segment.speaker, flags)
                roles[cell.TOOLTIP] = tooltip
            elif column == self.TEXT_COLUMN:
                roles = cell.text_cell(segment.text, flags)
                roles.update({cell.TOOLTIP: "\n".join([segment.text, "", *marked]) if marked else None,
                              cell.BACKGROUND: PLAYING_TINT if row == self.playing_row else None})
            else:
                roles = cell.text_cell(segment.language, cell.READ_ONLY_FLAGS)
                roles.update({cell.TOOLTIP: language_name(segment.language or "") or None, cell.BACKGROUND: None})
            cells.append((column, roles))
        return cells

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
