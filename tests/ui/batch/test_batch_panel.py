"""The Batch Queue panel without recognition: menus, accessible names, the table model, row commands, a damaged
queue file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.batch.items import BatchStatus
from app.ui.main_window import MainWindow


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
