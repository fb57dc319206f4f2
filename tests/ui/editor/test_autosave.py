"""Autosave off the GUI thread a moment after each edit, discarded on save, and the recovery offer at start."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.editing.segment_text import edit_text
from app.core.project_file import project_from_bytes
from app.core.recovery import RecoveryStore
from app.core.transcript import Transcript
from app.ui.editor.autosave import AUTOSAVE_DELAY_MS
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from tests.ui.editor.conftest import podcast


def as_left_by_a_dead_process(file: Path) -> None:
    """Rewrite the header as a crashed run would have left it (a process id no longer running)."""
    header, _, body = file.read_bytes().partition(b"\n")
    fields = json.loads(header)
    fields["process_id"] = 2**22 + 12345  # above Linux's pid_max: never a running process
    file.write_bytes(json.dumps(fields).encode() + b"\n" + body)


def read_recovery_file(file: Path) -> Transcript:
    _header, _, body = file.read_bytes().partition(b"\n")
    return project_from_bytes(body, file.name, None).transcript


def test_an_edit_is_autosaved_off_the_gui_thread_and_discarded_on_save(qtbot, editing_window: MainWindow,
                                                                       tmp_path: Path) -> None:
    window = editing_window
    store = RecoveryStore(tmp_path / "recovery")
    window.autosaver.store = store
    writers: list[threading.Thread] = []
    original_save = store.save
    store.save = lambda *args, **kwargs: writers.append(threading.current_thread()) or original_save(*args, **kwargs)
    for text in ("Welcome", "Welcome back", "Welcome back, friends"):
        window.document.apply(edit_text(window.document.transcript, 0, text))
    file = store.file_for(window.document.document_id)
    assert not file.exists()  # a moment after the edit, not at once
    with qtbot.waitSignal(window.autosaver.saved, timeout=AUTOSAVE_DELAY_MS + 3000):
        pass
    assert len(writers) == 1 and writers[0] is not threading.main_thread()
    assert store.recoverable() == []  # this process is running: its own files are not offered
    assert read_recovery_file(file).segments[0].text == "Welcome back, friends"

    window.projects.write_project(tmp_path / "saved.earshot")
    assert not file.exists()


def test_the_recovery_dialog_recovers_a_document_and_discards_another(qtbot, window: MainWindow,
                                                                       tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    window.autosaver.store = store
    transcript = podcast()
    transcript.segments[0].text = "Edited before the crash"
    for title, document_id in (("interview.mp3", "a1"), ("talk.earshot", "b2")):
        as_left_by_a_dead_process(store.save(document_id, transcript, window.document.view_state, title))
    dialog = window.projects.offer_recovery()
    qtbot.waitExposed(dialog)
    assert dialog.document_list.count() == 2 and dialog.document_list.accessibleName() == "Unsaved documents"
    assert all(b.accessibleName() for b in (dialog.recover_button, dialog.discard_button, dialog.later_button))
    dialog.document_list.setCurrentRow(1)
    discarded = dialog.selected().document_id
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert not store.file_for(discarded).exists() and dialog.document_list.count() == 1
    kept = dialog.selected().document_id
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.document.document_id == kept, timeout=5000)
    assert window.document.transcript.segments[0].text == "Edited before the crash"
    assert window.document.is_modified and window.isWindowModified()
    window.document.apply(edit_text(window.document.transcript, 1, "More"))  # autosave goes on in the same file
    with qtbot.waitSignal(window.autosaver.saved, timeout=AUTOSAVE_DELAY_MS + 3000):
        pass
    assert read_recovery_file(store.file_for(kept)).segments[1].text == "More"


def test_recognition_rows_do_not_start_an_autosave(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from app.core.transcript import Segment

    window.autosaver.store = RecoveryStore(tmp_path / "recovery")
    document = Document()
    window.adopt_document(document)
    document.begin_recognition(5)
    document.add_recognised(5, Segment(0, 1, "streaming"))
    assert not window.autosaver.is_pending
    document.abandon_recognition(5)
    assert document.is_modified and window.autosaver.is_pending
