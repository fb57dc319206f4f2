"""The table measures only the rows on screen: after an open, a Replace All, a scroll and a jump to a row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from app.core.editing.find_replace import SearchQuery, replace_all
from app.core.transcript import Segment, Transcript
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from app.ui.transcript_table_model import TranscriptTableModel

ROWS = 2000
LONG = "a sentence long enough to wrap onto several lines in the text column of the table " * 3


def long_transcript() -> Transcript:
    return Transcript([Segment(i * 2.0, i * 2.0 + 1.5, f"{i} {LONG}" if i % 2 else f"{i} short")
                       for i in range(ROWS)])


def fits_its_text(window: MainWindow, row: int) -> bool:
    """The row's height is what measuring its cells gives (as QTableView.resizeRowToContents sets it)."""
    view = window.transcript_view
    return view.rowHeight(row) == max(view.sizeHintForRow(row), view.verticalHeader().sectionSizeHint(row))


def on_screen(window: MainWindow) -> range:
    view = window.transcript_view
    first, last = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
    return range(first, (last if last >= 0 else view.table_model.rowCount() - 1) + 1)


def test_an_open_measures_the_rows_on_screen_only(qtbot, window: MainWindow) -> None:
    window.resize(1000, 700)
    window.adopt_document(Document(long_transcript()))
    view = window.transcript_view
    qtbot.waitUntil(lambda: fits_its_text(window, 1), timeout=2000)
    shown = on_screen(window)
    assert all(fits_its_text(window, row) for row in shown)
    assert view.rowHeight(1) > 2 * view.rowHeight(0)  # the long text wraps
    assert view.row_sizing.stale_rows >= ROWS - 2 * len(shown)  # the rest waits until it is shown


def test_replace_all_measures_again_only_the_changed_rows_on_screen(qtbot, window: MainWindow) -> None:
    window.adopt_document(Document(long_transcript()))
    view = window.transcript_view
    qtbot.waitUntil(lambda: fits_its_text(window, 1), timeout=2000)
    single = view.rowHeight(0)
    window.document.apply(replace_all(window.document.transcript, SearchQuery("short"), LONG))
    assert view.row_sizing.stale_rows >= ROWS - 2 * len(on_screen(window))
    qtbot.waitUntil(lambda: view.rowHeight(0) > 2 * single, timeout=2000)  # row 0 wraps now
    assert all(fits_its_text(window, row) for row in on_screen(window))
    assert view.rowHeight(ROWS - 2) == view.verticalHeader().defaultSectionSize()  # off screen: not measured yet


def test_a_scroll_and_a_jump_show_rows_measured(qtbot, window: MainWindow) -> None:
    window.adopt_document(Document(long_transcript()))
    view = window.transcript_view
    qtbot.waitUntil(lambda: fits_its_text(window, 1), timeout=2000)
    view.verticalScrollBar().setValue(900)
    assert all(fits_its_text(window, row) for row in on_screen(window))
    target = 1501
    view.scrollTo(view.table_model.index(target, TranscriptTableModel.TEXT_COLUMN),
                  QAbstractItemView.ScrollHint.EnsureVisible)
    qtbot.wait(10)
    rect = view.visualRect(view.table_model.index(target, TranscriptTableModel.TEXT_COLUMN))
    assert view.viewport().rect().contains(rect)  # all of the wrapped row, measured before the jump
    assert fits_its_text(window, target)
    assert all(fits_its_text(window, row) for row in on_screen(window))


def test_typing_in_a_cell_grows_its_row(qtbot, window: MainWindow) -> None:
    window.adopt_document(Document(Transcript([Segment(0, 1, "short"), Segment(1, 2, "short too")])))
    view = window.transcript_view
    qtbot.waitUntil(lambda: fits_its_text(window, 0), timeout=2000)
    single = view.rowHeight(0)
    view.go_to_row(0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.open_editor()
    assert editor is not None
    editor.end(False)
    qtbot.keyClicks(editor, " " + LONG)
    qtbot.waitUntil(lambda: view.rowHeight(0) > 2 * single, timeout=2000)


def test_rows_of_one_line_get_the_measured_height_and_the_others_are_measured(qtbot, window: MainWindow) -> None:
    """One-line rows take the height learned from the first one measured; a line break, a long speaker
    name or a long text is measured cell by cell."""
    segments = [Segment(i * 2.0, i * 2.0 + 1.5, f"{i} short") for i in range(40)]
    segments[5] = Segment(10.0, 11.5, "first line\nsecond line")
    segments[7] = Segment(14.0, 15.5, "7 short", speaker="A speaker whose name is far too long for its column")
    segments[9] = Segment(18.0, 19.5, f"9 {LONG}")
    window.resize(1000, 1400)
    window.adopt_document(Document(Transcript(segments)))
    view = window.transcript_view
    qtbot.waitUntil(lambda: view.row_sizing.stale_rows <= 40 - len(on_screen(window)), timeout=2000)
    assert all(fits_its_text(window, row) for row in on_screen(window))
    single = view.rowHeight(0)
    assert all(view.rowHeight(row) > single for row in (5, 7, 9))
    assert {view.rowHeight(row) for row in on_screen(window) if row not in (5, 7, 9)} == {single}


def test_after_a_font_change_rows_of_one_line_are_measured_again(qtbot, window: MainWindow) -> None:
    window.adopt_document(Document(Transcript([Segment(i * 2.0, i * 2.0 + 1.5, f"{i} short") for i in range(ROWS)])))
    view = window.transcript_view
    qtbot.waitUntil(lambda: fits_its_text(window, 1), timeout=2000)
    small = view.rowHeight(0)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)  # a theme or a font size of its own: the rows not measured yet learn the new height
    view.verticalScrollBar().setValue(1000)
    assert all(fits_its_text(window, row) for row in on_screen(window))
    assert view.rowHeight(on_screen(window)[0]) > small


def test_rows_with_times_past_an_hour_take_the_one_line_height_without_measuring_their_cells(
    qtbot, application_look, window: MainWindow
) -> None:
    """In the app's style sheet the time columns are as wide as their text (2:42:00.000) and its padding: the
    cell's exact margins decide, not a guess, so a long recording's rows are not measured cell by cell (0.35 ms
    a row) on every jump."""
    application_look.apply("light")
    step = 3 * 3600 / ROWS
    window.resize(1000, 700)
    window.adopt_document(Document(Transcript([Segment(i * step, i * step + step * 0.9, f"{i} short")
                                               for i in range(ROWS)])))
    view = window.transcript_view
    qtbot.waitUntil(lambda: fits_its_text(window, 1), timeout=2000)
    measured = view.row_sizing.rows_measured_by_cells
    view.go_to_row(ROWS - 100)
    qtbot.wait(10)
    assert view.rowAt(0) > ROWS // 2
    assert all(fits_its_text(window, row) for row in on_screen(window))
    # All of them one line: at most one measured by its cells (the height learned again if a column was resized)
    assert view.row_sizing.rows_measured_by_cells - measured <= 1 < len(on_screen(window)) - 10


def test_a_jump_to_rows_of_one_line_resizes_no_row(qtbot, window: MainWindow) -> None:
    """Rows not measured yet are one line high already: measuring them on a jump resizes none (each resize made
    the header find every row's position again and moved the scroll bar's range), and the taller rows measured
    before the height was known are measured again."""
    segments = [Segment(i * 2.0, i * 2.0 + 1.5, f"{i} short") for i in range(ROWS)]
    segments[1] = Segment(2.0, 3.5, f"1 {LONG}")
    window.resize(1000, 700)
    window.adopt_document(Document(Transcript(segments)))
    view = window.transcript_view
    qtbot.waitUntil(lambda: view.row_sizing.stale_rows <= ROWS - len(on_screen(window)), timeout=2000)
    assert fits_its_text(window, 1) and view.rowHeight(1) > 2 * view.rowHeight(0)
    assert view.verticalHeader().defaultSectionSize() == view.rowHeight(0)
    resized: list[int] = []
    view.verticalHeader().sectionResized.connect(lambda row, _old, _new: resized.append(row))
    view.go_to_row(ROWS - 100)
    qtbot.wait(10)
    assert view.rowAt(0) > ROWS // 2
    assert all(fits_its_text(window, row) for row in on_screen(window))
    assert resized == []
