"""Screenshots of the real window while it plays, for looking at it (run under Xvfb).

    Xvfb :84 -screen 0 1280x800x24 &
    DISPLAY=:84 python scripts/playback_screenshots.py /work/shots/playback

Plays into a private PulseAudio null sink. Saves, with `import -window root`: the window as it opens
(its default size on a 1280x800 screen); the text view while JFK plays (the spoken word highlighted,
the waveform with the segments as regions); the table while it plays; a video made from jfk.flac
and a generated picture (scripts/playback_demo.py) with its caption over the picture.
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

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.core.audio import decode_audio  # noqa: E402
from app.engines.base import JobContext, TranscriptionOptions, run_transcription  # noqa: E402
from app.engines.faster_whisper_engine import FasterWhisperEngine  # noqa: E402
from app.jobs import JobRunner  # noqa: E402
from app.ui.application import create_application  # noqa: E402
from app.ui.editor.document import Document  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from scripts.playback_demo import SPEECH, make_video  # noqa: E402
from tests.pulseaudio_server import running_pulseaudio  # noqa: E402


def spin(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_until(done: Callable[[], bool], patience_ms: int = 15_000) -> None:
    for _ in range(patience_ms // 50):
        if done():
            return
        spin(50)


def shoot(folder: Path, name: str) -> None:
    spin(300)  # the last paint reaches the X server
    subprocess.run(["import", "-window", "root", str(folder / f"{name}.png")], check=True)
    print(folder / f"{name}.png", flush=True)


def play_from(window: MainWindow, seconds: float, played_ms: int) -> None:
    controller = window.playback_panel.controller
    controller.seek(seconds)
    controller.play()
    spin(played_ms)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    arguments = parser.parse_args()
    folder = arguments.folder
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary, running_pulseaudio(Path(temporary)):
        app = create_application(["earshot-screenshots"])  # noqa: F841 - kept alive while the window runs
        engine, manager = FasterWhisperEngine(), JobRunner()
        window = MainWindow(manager, engine)
        window.show()
        shoot(folder, "window-as-opened")

        transcript = run_transcription(engine, decode_audio(SPEECH), TranscriptionOptions(
            model="tiny.en", word_timestamps=True), JobContext())
        panel = window.playback_panel
        window.adopt_document(Document(transcript, SPEECH))
        wait_until(lambda: panel.waveform.has_peaks)
        window.text_editing.text_view_action.setChecked(True)
        play_from(window, 4.0, 1200)
        shoot(folder, "text-view-spoken-word")
        window.text_editing.text_view_action.setChecked(False)
        spin(1500)
        shoot(folder, "table-playing")
        panel.controller.pause()

        video = make_video(Path(temporary) / "jfk-picture.mp4", SPEECH)
        window.document.mark_saved(Path(temporary) / "jfk.earshot")
        window.adopt_document(Document(transcript, video))
        wait_until(lambda: panel.video_pane.isVisible() and panel.waveform.has_peaks)
        play_from(window, 7.2, 900)
        shoot(folder, "video-caption")
        window.resize(1000, 680)  # a narrow window: the options that do not fit go into the » menu
        spin(400)
        shoot(folder, "narrow-window")
        panel.controller.pause()
        window.document.mark_saved(Path(temporary) / "jfk-video.earshot")
        panel.shutdown()
        manager.shutdown()
        window.close()


if __name__ == "__main__":
    main()
