"""The Batch Queue panel without recognition: menus, accessible names, the table model, row commands, a damaged
queue file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.batch.auto_export import ExportPlan
from app.core.batch.batch_queue import BatchQueue
from app.core.batch.items import BatchItem, BatchStatus
from app.core.batch.queue_file import queue_to_dict, write_queue_document
from app.core.batch.results import results_dir, save_result
from app.core.transcript import Segment, Transcript
from app.jobs.events import JobStarted
from app.jobs.job import LaneKind
from app.ui.main_window import MainWindow
from tests.ui.test_main_window import drop_files


def add_paused(window: MainWindow, tmp_path: Path, count: int) -> list[Path]:
    window.batch.set_paused(True)
    paths = [tmp_path / f"episode {n}.mp3" for n in range(count)]
    window.batch.adding.add_files(paths)
    return paths


def test_the_transcription_menu_adds_files_and_every_control_is_named(qtbot, batch_window: MainWindow,
                                                                       tmp_path: Path, monkeypatch) -> None:
    chosen = [str(tmp_path / "a.mp3"), str(tmp_path / "b.wav")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *arguments: (chosen, ""))
    batch_window.batch.set_paused(True)
    menu = next(a.menu() for a in batch_window.menuBar().actions() if a.text() == "&Transcription")
    next(a for a in menu.actions() if a.text() == "Add Files to &Batch…").trigger()
    qtbot.waitUntil(lambda: len(batch_window.batch.queue) == 2)  # files: no count to confirm
    panel = batch_window.batch.panel
    assert panel.isVisible()
    view_menu = next(a.menu() for a in batch_window.menuBar().actions() if a.text() == "&View")
    assert panel.toggleViewAction() in view_menu.actions()
    for button in panel.buttons.values():
        assert button.accessibleName() and button.toolTip()
    assert panel.table.accessibleName() and panel.summary_label.accessibleName()
    assert [item.status for item in batch_window.batch.queue] == [BatchStatus.WAITING] * 2
    assert panel.summary_label.text() == "0 of 2 done · paused"


def test_the_table_model_keeps_qt_s_rules(qtmodeltester, batch_window: MainWindow, tmp_path: Path) -> None:
    add_paused(batch_window, tmp_path, 5)
    batch_window.batch.queue[1].status, batch_window.batch.queue[1].failure = BatchStatus.FAILED, "It broke."
    qtmodeltester.check(batch_window.batch.model)


def test_cancel_all_retry_and_remove(qtbot, batch_window: MainWindow, tmp_path: Path) -> None:
    batch = batch_window.batch
    add_paused(batch_window, tmp_path, 3)
    batch.panel.buttons["cancel_all"].click()
    assert [item.status for item in batch.queue] == [BatchStatus.CANCELLED] * 3
    assert batch.panel.buttons["retry_failed"].isEnabled()
    batch.panel.table.selectRow(1)
    batch.actions.retry_rows.trigger()
    assert [item.status for item in batch.queue] == [
        BatchStatus.CANCELLED, BatchStatus.WAITING, BatchStatus.CANCELLED]
    batch.panel.table.selectRow(0)
    batch.actions.remove_rows.trigger()
    assert [item.media_path.name for item in batch.queue] == ["episode 1.mp3", "episode 2.mp3"]


def test_row_options_change_the_selected_rows_only(qtbot, batch_window: MainWindow, tmp_path: Path) -> None:
    batch = batch_window.batch
    add_paused(batch_window, tmp_path, 3)
    batch.panel.table.selectRow(2)
    batch.actions.row_options.trigger()
    dialog = batch.adding.options_dialog
    assert dialog is not None and "“episode 2.mp3”" in dialog.heading.text()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    dialog.task_combo.setCurrentIndex(dialog.task_combo.findData("translate"))
    dialog.accept()
    changed, kept = batch.queue[2], batch.queue[0]
    assert (changed.options["language"], changed.options["task"]) == ("de", "translate")
    assert (kept.options["language"], kept.options["task"]) == (None, "transcribe")
    assert changed.engine_label == batch_window.options_bar.model_combo.currentText()


def test_a_damaged_queue_file_is_set_aside_in_one_sentence(qtbot, manager, local_engine, data_folder: Path) -> None:
    queue_file = data_folder / "batch" / "queue.json"
    queue_file.parent.mkdir(parents=True)
    queue_file.write_text('{"schema": "earshot.batch-queue", "schema_version": 1, "items": [{"id": 7}]}')
    window = MainWindow(manager, local_engine)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None)
    box = window.findChild(QMessageBox, "errorMessage")
    assert box.text().startswith("The batch queue file “queue.json” was damaged (item 1 has no valid id)")
    assert box.text().endswith("the queue starts empty.") and "\n" not in box.text()
    assert len(window.batch.queue) == 0 and not queue_file.exists()
    assert len(list(queue_file.parent.glob("queue.broken-*.json"))) == 1


def test_a_row_killed_after_its_transcript_was_kept_opens_done_and_does_not_run_again(
        qtbot, manager, local_engine, data_folder: Path, tmp_path: Path) -> None:
    """The app was killed after a row's transcript was written and before the debounced queue save said "done"."""
    rows = [BatchItem(tmp_path / f"episode {n}.flac", "tiny.en", "Tiny", {"model": "tiny.en"}) for n in range(2)]
    rows[0].status = BatchStatus.RUNNING
    rows[1].status, rows[1].failure = BatchStatus.FAILED, "Cannot write “episode 1.srt”: the disk is full."
    write_queue_document(data_folder / "batch" / "queue.json", queue_to_dict(BatchQueue(rows), ExportPlan()))
    kept, left_over = (save_result(row.item_id, Transcript([Segment(0.0, 1.0, "Ask not.")], media_path=str(
        row.media_path)), results_dir()) for row in rows)  # the failed row's export failed after its transcript
    modified = kept.stat().st_mtime_ns
    started: list[int] = []
    manager.job_event.connect(lambda job_id, event: started.append(job_id) if isinstance(event, JobStarted) else None)
    window = MainWindow(manager, local_engine)
    qtbot.addWidget(window)
    batch = window.batch
    assert [item.status for item in batch.queue] == [BatchStatus.DONE, BatchStatus.FAILED]
    assert batch.queue[0].result_path == kept
    qtbot.wait(50)  # the restored queue is scheduled once the event loop runs
    assert not started and manager.lane_counts(LaneKind.LOCAL) == (0, 0)
    assert kept.stat().st_mtime_ns == modified
    batch.set_paused(True)
    batch.retry([batch.queue[1]])  # it runs again: the transcript left from the failed attempt is not its result
    assert batch.queue[1].status is BatchStatus.WAITING and not left_over.exists()


def test_many_files_or_a_folder_dropped_on_the_window_go_to_the_batch(qtbot, batch_window: MainWindow,
                                                                       tmp_path: Path, monkeypatch) -> None:
    """One file dropped opens as ever; several, or a folder, are a batch (a folder's files counted first)."""
    batch = batch_window.batch
    batch.set_paused(True)
    season = tmp_path / "season"
    (season / "extra").mkdir(parents=True)
    episodes = [season / "one.mp3", season / "two.wav", season / "extra" / "three.flac"]
    for episode in episodes:
        episode.write_bytes(b"not decoded while the queue is paused")
    (season / "notes.txt").write_text("not media")
    drop_files(batch_window, *episodes[:2], season / "notes.txt")
    qtbot.waitUntil(lambda: len(batch.queue) == 2)
    assert batch.panel.isVisible() and batch_window.document.media_path is None  # nothing opened in the window

    drop_files(batch_window, season)
    qtbot.waitUntil(lambda: batch.adding.count_box is not None)
    assert "Add 3 audio and video files from “season” and its subfolders" in batch.adding.count_box.text()
    batch.adding.count_box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(batch.queue) == 2  # cancelled: nothing added

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *arguments: str(season / "extra"))
    batch.adding.count_box = None
    batch.actions.add_folder.trigger()  # Transcription ▸ Add Folder to Batch…
    qtbot.waitUntil(lambda: batch.adding.count_box is not None)
    assert "Add 1 audio and video files from “extra”" in batch.adding.count_box.text()
    batch.adding.count_box.buttons()[0].click()
    assert [item.media_path.name for item in batch.queue] == ["one.mp3", "two.wav", "three.flac"]
