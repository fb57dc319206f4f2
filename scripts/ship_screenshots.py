"""The shipped app's first views, to look at: `python scripts/ship_screenshots.py light|dark [--language zh_CN]`.

Under Xvfb (`Xvfb :93 -screen 0 1280x800x24 &`, DISPLAY=:93) it takes a screenshot of the whole screen
(`import -window root`) of the empty window's welcome, each page of Edit ▸ Preferences…, the model manager,
a project open (scripts/theme_screenshots.py's) and its File menu, into OUT (default /tmp/earshot-shots),
named VIEW-THEME-LANGUAGE.png, then quits.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.ui.main_window import MainWindow  # noqa: E402
from scripts.theme_screenshots import sample_project, shown_window  # noqa: E402

SETTLE_MS = 600  # a view is drawn before its screenshot


class Tour:
    """Each view in turn, a screenshot of each, then the window closes."""

    def __init__(self, window: MainWindow, out: Path, suffix: str, folder: Path) -> None:
        self.window, self.out, self.suffix, self.folder = window, out, suffix, folder

    def shot(self, view: str) -> None:
        QApplication.processEvents()
        subprocess.run(["import", "-window", "root", str(self.out / f"{view}-{self.suffix}.png")], check=True)

    def then(self, step: Callable[[], None]) -> None:
        QTimer.singleShot(SETTLE_MS, step)

    def start(self) -> None:
        self.shot("welcome")
        dialog = self.window.preferences.edit()
        dialog.move(300, 120)
        self.then(lambda: self.preferences_page(0))

    def preferences_page(self, index: int) -> None:
        dialog = self.window.preferences.dialog
        assert dialog is not None
        dialog.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        self.shot(f"preferences{index}")
        if index + 1 < dialog.tabs.count():
            self.then(lambda: self.preferences_page(index + 1))
        else:
            dialog.reject()
            self.then(self.models)

    def models(self) -> None:
        dialog = self.window.manage_models()
        dialog.move(150, 100)

        def shoot() -> None:
            self.shot("models")
            dialog.reject()
            self.then(self.project)

        self.then(shoot)

    def project(self) -> None:
        self.window.projects.open_path(sample_project(self.folder))
        QTimer.singleShot(2500, self.file_menu)

    def file_menu(self) -> None:
        self.shot("project")
        menu = self.window.menuBar().actions()[0].menu()
        menu.popup(self.window.mapToGlobal(self.window.menuBar().geometry().bottomLeft()))

        def shoot() -> None:
            self.shot("filemenu")
            menu.close()
            self.window.close_discarding_changes()

        self.then(shoot)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("theme", choices=("light", "dark"))
    parser.add_argument("--language", default="en")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "earshot-shots")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    app, manager, window = shown_window(arguments.theme, arguments.language, "earshot-shots", folder)
    tour = Tour(window, arguments.out, f"{arguments.theme}-{arguments.language}", folder)
    QTimer.singleShot(2000, tour.start)
    app.exec()
    manager.shutdown()


if __name__ == "__main__":
    main()
