"""Starting the window: a damaged settings file is set aside and the user told, and the window opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core.remote_profiles import RemoteProfileStore
from app.ui.application import SERIAL_FILLS, start_window
from app.ui.display_check import display_missing
from tests.conftest import REPO_ROOT


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


_FILL_AND_COUNT_POOL_THREADS = """
import sys
from pathlib import Path
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from app.ui.application import create_application
app = create_application([]) if sys.argv[1] == "earshot" else QApplication([])
image = QImage(1200, 800, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
for shade in range(20):
    painter.fillRect(0, 0, 1200, 800, QColor(shade, 90, 160, 128))  # blended: spans, not a memset
painter.end()
print(sum((task / "comm").read_text().startswith("Thread (pooled)") for task in Path("/proc/self/task").iterdir()))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through Linux's /proc")
def test_the_window_fills_on_its_own_thread_rather_than_waiting_for_a_pool(tmp_path: Path) -> None:
    """A fill handed to threads that wait for a core busy decoding was a stall of the window (issue 9)."""
    environment = {key: value for key, value in os.environ.items() if key != SERIAL_FILLS}
    environment |= {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}

    def pool_threads(application: str) -> int:
        run = subprocess.run([sys.executable, "-c", _FILL_AND_COUNT_POOL_THREADS, application], env=environment,
                             cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=True)
        return int(run.stdout.split()[-1])

    assert pool_threads("qt") > 0  # Qt's own default, so the count shows the pool when there is one
    assert pool_threads("earshot") == 0
