"""The empty window welcomes: open or drop a file, or set up a remote service; gone once a document is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel

from app.ui.main_window import MainWindow
from app.ui.remote_profiles_dialog import RemoteProfilesDialog
from app.ui.welcome_page import WelcomePage, plain_text


def test_the_empty_window_shows_the_welcome_with_named_buttons(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.welcome
    texts = " ".join(label.text() for label in window.welcome.findChildren(QLabel))
    assert "drop one here" in texts and "no download" in texts
    assert [b.accessibleName() for b in window.welcome.buttons] == ["Open…", "New Recording…", "Remote Services…"]
    assert window.welcome.buttons[0].toolTip() == "Ctrl+O"
    assert window.welcome.accessibleName() == "Welcome"


def test_open_on_the_welcome_opens_a_file_and_the_welcome_gives_way(
    qtbot, window: MainWindow, monkeypatch, jfk_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(jfk_path), ""))
    qtbot.mouseClick(window.welcome.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is not window.welcome)
    assert window.files.media_path == jfk_path


def test_remote_services_on_the_welcome_opens_their_dialog(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.welcome.buttons[2], Qt.MouseButton.LeftButton)
    dialogs = [d for d in window.findChildren(RemoteProfilesDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()


def test_a_new_way_to_begin_is_one_more_action(qtbot) -> None:
    record = QAction("&New Recording…")
    record.setEnabled(False)
    page = WelcomePage([record])
    qtbot.addWidget(page)
    assert page.buttons[0].text() == "New Recording…" and not page.buttons[0].isEnabled()
    record.setEnabled(True)
    record.setText("新录音(&N)…")
    assert page.buttons[0].isEnabled() and page.buttons[0].text() == "新录音…"
    with qtbot.waitSignal(record.triggered):
        qtbot.mouseClick(page.buttons[0], Qt.MouseButton.LeftButton)
    assert plain_text("Save && &Close") == "Save & Close"
