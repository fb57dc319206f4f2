"""Projects through the window: save, open each kind of file, recent files, closing asks first, moved media."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.editing.speakers import assign_speaker
from app.core.project_file import load_project, save_project
from app.core.recent_files import RecentFiles
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from tests.ui.editor.conftest import podcast

CTRL = Qt.KeyboardModifier.ControlModifier


def answer_save_changes(qtbot, window: MainWindow, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: window.projects.save_changes_box is not None
                    and window.projects.save_changes_box.isVisible(), timeout=2000)
    window.projects.save_changes_box.button(button).click()


def test_save_as_then_save_with_ctrl_s_and_open_it_again(qtbot, editing_window: MainWindow, tmp_path: Path,
                                                         monkeypatch) -> None:
    window = editing_window
    target = tmp_path / "show"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.document.apply(assign_speaker(window.document.transcript, [1], "Cy"))
    assert window.isWindowModified()
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_S, CTRL)
    saved = tmp_path / "show.earshot"
    assert load_project(saved).transcript.segments == window.document.transcript.segments
    assert not window.document.is_modified and window.windowTitle() == "show.earshot[*] — Earshot"
    window.document.apply(assign_speaker(window.document.transcript, [2], "Cy"))
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_S, CTRL)  # no dialog now: the project has a path
    assert load_project(saved).transcript.segments[2].speaker == "Cy"
    assert window.projects.recent.paths()[0] == saved

    window.adopt_document(Document())
    window.projects.open_path(saved)
    qtbot.waitUntil(lambda: window.document.project_path == saved, timeout=5000)
    assert [s.speaker for s in window.document.transcript.segments][:3] == ["Ada", "Cy", "Cy"]
    assert not window.document.is_modified and window.document.undo_stack.count() == 0


def test_closing_a_modified_document_asks_and_cancel_keeps_it(qtbot, editing_window: MainWindow,
                                                              tmp_path: Path) -> None:
    window = editing_window
    window.document.apply(assign_speaker(window.document.transcript, [0], "Cy"))
    window.close()
    answer_save_changes(qtbot, window, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and window.document.is_modified
    other = save_project(tmp_path / "other.earshot", podcast())
    window.projects.open_path(other)
    answer_save_changes(qtbot, window, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: window.document.project_path == other, timeout=5000)
    window.close()
    assert not window.isVisible()  # unmodified: closes without asking


def test_an_unreadable_project_is_one_sentence_and_left_untouched(qtbot, window: MainWindow, tmp_path: Path) -> None:
    broken = tmp_path / "broken.earshot"
    data = save_project(broken, podcast()).read_bytes()[:-60]
    broken.write_bytes(data)
    window.projects.open_path(broken)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None, timeout=5000)
    box = window.findChild(QMessageBox, "errorMessage")
    assert box.text().startswith("Cannot open “broken.earshot”: it is damaged or incomplete")
    assert broken.read_bytes() == data
    assert window.document.project_path is None and not window.document.transcript.segments


def test_a_project_whose_media_moved_opens_and_asks_to_locate_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    media = tmp_path / "talk.wav"
    soundfile.write(media, np.zeros(16_000, np.float32), 16_000)
    transcript = podcast()
    transcript.media_path = str(media)
    project = save_project(tmp_path / "projects" / "talk.earshot", transcript)
    moved = tmp_path / "elsewhere" / "talk.wav"
    moved.parent.mkdir()
    media.rename(moved)
    window.projects.open_path(project)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "locateMediaBox") is not None, timeout=5000)
    assert len(window.document.transcript.segments) == 5  # the transcript opens either way
    window.projects.relocate_media(window.document, moved)
    assert window.document.media_path == moved and window.document.is_modified
    assert window.transcribe_action.isEnabled()


def test_each_kind_of_file_opens_its_own_way(qtbot, window: MainWindow, tmp_path: Path, jfk_path: Path) -> None:
    from app.core.formats import save_transcript

    subtitles = save_transcript(podcast(), tmp_path / "show.vtt")
    window.projects.open_path(subtitles)
    qtbot.waitUntil(lambda: window.transcript_model.rowCount() == 5, timeout=5000)
    assert window.document.project_path is None and not window.transcribe_action.isEnabled()
    window.projects.open_path(jfk_path)
    assert window.document.media_path == jfk_path and window.transcript_model.rowCount() == 0
    assert window.transcribe_action.isEnabled()
    recent = RecentFiles(window.projects.recent.path).paths()
    assert subtitles.absolute() in recent


def test_a_dropped_project_opens_and_open_recent_reopens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from tests.ui.test_main_window import drop_files

    project = save_project(tmp_path / "dropped.earshot", podcast())
    drop_files(window, project)
    qtbot.waitUntil(lambda: window.document.project_path == project, timeout=5000)
    window.adopt_document(Document())
    menu = window.projects.recent_menu
    menu.aboutToShow.emit()
    entry = next(a for a in menu.actions() if a.text().endswith("dropped.earshot"))
    assert entry.text().startswith("&1")
    entry.trigger()
    qtbot.waitUntil(lambda: window.document.project_path == project, timeout=5000)
    assert len(window.document.transcript.segments) == 5
