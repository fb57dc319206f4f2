"""Starting the window: a damaged settings file is set aside and the user told, and the window opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.core.remote_profiles import RemoteProfileStore
from app.ui.application import start_window
from app.ui.display_check import display_missing


def test_a_damaged_profiles_file_does_not_stop_the_window(qtbot, tmp_path: Path, manager, local_engine) -> None:
    path = tmp_path / "remote_profiles.json"
    path.write_text("[]", encoding="utf-8")
    window = start_window(manager, local_engine, RemoteProfileStore(path))
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].text().startswith("The settings file “remote_profiles.json” was damaged")
    assert boxes[0].accessibleName()
    assert len(list(tmp_path.glob("remote_profiles.broken-*.json"))) == 1
    assert window.options_bar.model_combo.count() >= 2  # the local models, no remote ones
    boxes[0].accept()


def test_a_display_is_needed_only_by_the_x11_and_wayland_platforms() -> None:
    assert display_missing({}) is True
    assert display_missing({"QT_QPA_PLATFORM": "xcb"}) is True
    assert display_missing({"DISPLAY": ":0"}) is False
    assert display_missing({"WAYLAND_DISPLAY": "wayland-0"}) is False
    assert display_missing({"QT_QPA_PLATFORM": "offscreen"}) is False
    assert display_missing({"QT_QPA_PLATFORM": "wayland;xcb"}) is True
