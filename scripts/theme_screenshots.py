"""The window in a theme, for looking at it: `python scripts/theme_screenshots.py light|dark [--language zh_CN]`.

Opens a project on ../shared/audio/jfk.flac with two speakers, word timings and uncertain words
(the table, the waveform with its regions, the speakers' colours, a rule-break tint), in the theme
given (light, dark), then stays N seconds for a screenshot under Xvfb (`import -window root`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.project_file import save_project  # noqa: E402
from app.core.transcript import Segment, Transcript, Word  # noqa: E402
from app.engines.faster_whisper_engine import FasterWhisperEngine  # noqa: E402
from app.jobs import JobRunner  # noqa: E402
from app.ui.application import create_application  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.preferences.store import PreferenceStore  # noqa: E402

SPEECH = ROOT.parent / "shared" / "audio" / "jfk.flac"
LINES = (
    (0.0, 2.6, "And so my fellow Americans,", "Speaker 1"),
    (3.0, 7.9, "ask not what your country can do for you,", "Speaker 2"),
    (8.2, 10.6, "ask what you can do for your country.", "Speaker 1"),
    (10.6, 11.0, "This cue is far too short and far too long to read in the time it is on screen at all.", None),
)


def sample_project(folder: Path) -> Path:
    segments = []
    for start, end, text, speaker in LINES:
        words = text.split()
        step = (end - start) / len(words)
        timed = [Word(start + i * step, start + (i + 1) * step, f" {w}", 0.35 if i == 2 else 0.95)
                 for i, w in enumerate(words)]
        segments.append(Segment(start, end, text, speaker, timed))
    transcript = Transcript(segments, language="en", duration=11.0, media_path=str(SPEECH))
    return save_project(folder / "jfk.earshot", transcript)


def shown_window(theme: str, language: str, name: str, folder: Path) -> tuple[QApplication, JobRunner, MainWindow]:
    """The application and its window at 1280×800 in the screen's corner, in ``theme`` and ``language``,
    with preferences of its own in ``folder``."""
    preferences = PreferenceStore(folder / "preferences.ini")
    preferences.set_value("appearance/theme", theme)
    preferences.set_value("appearance/language", language)
    app = create_application([name], preferences)
    manager = JobRunner()
    window = MainWindow(manager, FasterWhisperEngine(), preferences=preferences)
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    return app, manager, window


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("theme", choices=("light", "dark"))
    parser.add_argument("--language", default="en")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--text-view", action="store_true")
    parser.add_argument("--welcome", action="store_true", help="the empty window, no project open")
    parser.add_argument("--preferences", action="store_true", help="with Edit ▸ Preferences… open")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    app, manager, window = shown_window(arguments.theme, arguments.language, "earshot-themes", folder)
    if not arguments.welcome:
        window.projects.open_path(sample_project(folder))
        window.rule_breaks_action.setChecked(True)
    if arguments.preferences:
        QTimer.singleShot(1000, window.preferences.edit)
    if arguments.text_view:
        QTimer.singleShot(1500, window.text_editing.text_view_action.trigger)
    QTimer.singleShot(int(arguments.seconds * 1000), window.close_discarding_changes)
    app.exec()
    manager.shutdown()


if __name__ == "__main__":
    main()
