"""The batch queue with real parts: a folder of real speech dropped on the panel, counted, reordered by drag, one
cancelled, a broken file failing alone, auto-export with the rename policy, retry, and a finished one opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableView

from app.core.batch.auto_export import ConflictPolicy
from app.core.batch.items import BatchStatus
from app.core.formats import read_transcript
from app.ui.batch.batch_table_model import BatchTableModel
from app.ui.main_window import MainWindow
from tests.conftest import JFK_REFERENCE
from tests.speech import word_error_rate
from tests.ui.batch.conftest import make_speech_folder


def drop(table: QTableView, data: QMimeData, row: int, action: Qt.DropAction) -> None:
    """Drop ``data`` on the table just above ``row`` (past the last row: below it), as a mouse drop does."""
    last = min(row, table.model().rowCount() - 1)
    if last < 0:  # an empty table: anywhere in it
        position = QPointF(table.viewport().rect().center())
    else:
        rect = table.visualRect(table.model().index(last, 0))
        position = QPointF(rect.center().x(), rect.top() + 1 if row == last else rect.bottom() - 1)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (QDragEnterEvent(position.toPoint(), action, data, buttons, keys),
                  QDragMoveEvent(position.toPoint(), action, data, buttons, keys),
                  QDropEvent(position, action, data, buttons, keys)):  # Qt delivers a drop where the drag entered
        QApplication.sendEvent(table.viewport(), event)
        assert event.isAccepted()


def rows_named(window: MainWindow) -> list[str]:
    return [item.media_path.stem for item in window.batch.queue]


def select(window: MainWindow, names: list[str]) -> None:
    table = window.batch.panel.table
    table.clearSelection()
    for row, item in enumerate(window.batch.queue):
        if item.media_path.stem in names:
            table.selectionModel().select(table.model().index(row, 0), table.selectionModel().SelectionFlag.Select
                                          | table.selectionModel().SelectionFlag.Rows)


def test_a_folder_of_real_speech_runs_through_the_queue(qtbot, batch_window: MainWindow, tmp_path: Path,
                                                         jfk_path: Path) -> None:
    window, batch = batch_window, batch_window.batch
    files = make_speech_folder(tmp_path / "season", jfk_path)
    (tmp_path / "season" / "clip-03.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nMine.\n")
    panel = batch.panel
    assert not panel.isVisible()
    panel.toggleViewAction().trigger()  # View ▸ Batch Queue
    assert panel.isVisible()
    window.word_timestamps_action.setChecked(False)  # rows take the window's options: the quicker ones here
    qtbot.mouseClick(panel.buttons["pause"], Qt.MouseButton.LeftButton)  # paused: order and cancel first
    assert batch.queue.paused and panel.buttons["pause"].accessibleName() == "Resume"

    folder_drop = QMimeData()
    folder_drop.setUrls([QUrl.fromLocalFile(str(tmp_path / "season"))])
    drop(panel.table, folder_drop, 0, Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: batch.adding.count_box is not None)
    assert "Add 20 audio and video files from “season”" in batch.adding.count_box.text()
    batch.adding.count_box.buttons()[0].click()
    assert len(batch.queue) == 20 and "notes" not in rows_named(window)
    qtbot.waitUntil(lambda: all(item.duration for item in batch.queue if item.media_path.stem != "broken"))
    whole_row = rows_named(window).index("whole-speech")
    assert batch.model.index(whole_row, BatchTableModel.DURATION).data() == "0:11"
    assert batch.model.index(whole_row, BatchTableModel.ENGINE).data() == window.options_bar.model_combo.currentText()
    assert all(item.options["word_timestamps"] is False for item in batch.queue)

    drop(panel.table, batch.model.mimeData([batch.model.index(whole_row, 0)]), 0, Qt.DropAction.MoveAction)
    assert rows_named(window)[0] == "whole-speech"
    last = rows_named(window)[-1]
    drop(panel.table, batch.model.mimeData([batch.model.index(1, 0)]), 20, Qt.DropAction.MoveAction)
    moved = rows_named(window)
    assert moved[-1] != last and moved[-2] == last and len(moved) == 20

    select(window, ["clip-05"])
    batch.actions.cancel_rows.trigger()
    batch.actions.auto_export.trigger()
    dialog = batch.results.plan_dialog
    dialog.formats_box.setChecked(True)
    assert dialog.beside_button.isChecked()  # beside each file by default
    dialog.accept()
    assert batch.plan.formats == ("srt",) and batch.plan.folder is None

    started: list[str] = []
    batch.runner.job_started.connect(lambda job: started.append(batch._jobs[job]))
    qtbot.mouseClick(panel.buttons["pause"], Qt.MouseButton.LeftButton)  # resume
    qtbot.waitUntil(lambda: batch.results.policy_box is not None, timeout=120_000)
    assert "clip-03.srt" in batch.results.policy_box.text()
    batch.results.policy_buttons[ConflictPolicy.RENAME].click()
    qtbot.waitUntil(lambda: not batch.queue.waiting() and not batch.queue.running(), timeout=180_000)

    by_name = {item.media_path.stem: item for item in batch.queue}
    assert batch.queue.find(started[0]).media_path.stem == "whole-speech"  # the row dragged to the top ran first
    assert by_name["clip-05"].status is BatchStatus.CANCELLED
    assert by_name["broken"].status is BatchStatus.FAILED
    assert by_name["broken"].failure == (
        "Cannot read “broken.wav”: it is not an audio or video file this app can decode.")
    broken_row = rows_named(window).index("broken")
    assert batch.model.index(broken_row, BatchTableModel.STATUS).data() == f"Failed: {by_name['broken'].failure}"
    finished = [item for item in batch.queue if item.status is BatchStatus.DONE]
    assert len(finished) == 18
    for item in finished:
        assert item.result_path is not None and item.result_path.is_file()
    qtbot.waitUntil(lambda: all(item.media_path.with_suffix(".srt").is_file() for item in finished))
    assert (tmp_path / "season" / "clip-03.srt").read_text().endswith("Mine.\n")  # never overwritten
    qtbot.waitUntil(lambda: (tmp_path / "season" / "clip-03 (2).srt").is_file())
    whole = read_transcript(files["whole-speech"].with_suffix(".srt"))
    assert word_error_rate(JFK_REFERENCE, whole.text) < 0.2
    assert panel.summary_label.text() == "18 of 20 done · 1 failed"

    files["broken"].write_bytes(files["clip-00"].read_bytes())  # mended: a retry goes through
    batch.actions.retry_failed.trigger()
    qtbot.waitUntil(lambda: batch.queue.count(BatchStatus.DONE) == 20, timeout=60_000)

    select(window, ["whole-speech"])
    batch.actions.open_result.trigger()
    qtbot.waitUntil(lambda: bool(window.document.transcript.segments))
    assert window.document.media_path == files["whole-speech"]
    assert word_error_rate(JFK_REFERENCE, window.document.transcript.text) < 0.2
