"""The longest stall of the window's event loop while work it must never wait on runs (issue 7).

Each case starts the work the way the window does and measures the gaps of a 5 ms timer until
the result is shown; ``work_seconds`` is how long the same work takes when called directly, which
is how long the window froze when it ran on the GUI thread.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import numpy as np
import soundfile
from keyring.backend import KeyringBackend
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

TICK_MS = 5


def longest_stall(start: Callable[[], None], done: Callable[[], bool], patience: float = 120) -> dict:
    """Start the work, run an event loop until ``done()``, and report the timer's longest gap.

    A local loop, not app.exec(): since Qt 6 QApplication.quit() closes every window first.
    """
    loop = QEventLoop()
    gaps: list[float] = []
    clock = QElapsedTimer()
    tick = QTimer()
    tick.setInterval(TICK_MS)

    def on_tick() -> None:
        gaps.append(clock.restart())
        if done() or time.perf_counter() - began > patience:
            loop.quit()

    tick.timeout.connect(on_tick)
    began = time.perf_counter()
    clock.start()
    tick.start()
    start()
    loop.exec()
    tick.stop()
    stalls = [gap - TICK_MS for gap in gaps[1:]] or [0]
    return {"seconds": round(time.perf_counter() - began, 2), "finished": done(), "longest_stall_ms": max(stalls),
            "p99_stall_ms": sorted(stalls)[int(len(stalls) * 0.99)]}


def timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return round(time.perf_counter() - began, 2)


class SlowKeyring(KeyringBackend):
    """A keyring whose every call waits ``delay`` seconds, as a locked one does while it prompts."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay
        self.keys: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(self.delay)
        return self.keys.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(self.delay)
        self.keys[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        time.sleep(self.delay)
        self.keys.pop((service, username), None)


def gui_waits(folder: Path, cues: int = 20_000) -> dict:
    from app.core.formats import read_transcript, save_transcript
    from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
    from app.core.transcript import Segment, Transcript
    from app.engines.faster_whisper_engine import FasterWhisperEngine
    from app.jobs import JobRunner
    from app.ui.application import create_application
    from app.ui.export_dialog import ExportDialog
    from app.ui.main_window import MainWindow
    from app.ui.remote_profiles_dialog import RemoteProfilesDialog

    os.environ["EARSHOT_CONFIG_DIR"] = str(folder)  # no remote profiles of the user's own
    create_application(["earshot-bench"])
    manager = JobRunner()
    window = MainWindow(manager, FasterWhisperEngine())
    window.show()
    results: dict[str, dict] = {}

    ring = SlowKeyring(delay=2.0)
    previous_ring = keyring.get_keyring()
    keyring.set_keyring(ring)
    store = RemoteProfileStore(folder / "remote_profiles.json")
    store.put(RemoteProfile("Slow keyring", "openai", "http://127.0.0.1:9/v1", "whisper-1"))
    dialog = RemoteProfilesDialog(store, window)
    dialog.show()
    dialog.key_edit.setText("sk-benchmark")
    results["keyring"] = longest_stall(dialog.save_profile, lambda: dialog.result_label.text().startswith("✓"))
    results["keyring"]["work_seconds"] = ring.delay * 2  # the old dialog read and wrote on the GUI thread
    dialog.reject()
    keyring.set_keyring(previous_ring)

    media = folder / "two-hours-stereo.flac"
    soundfile.write(media, np.zeros((16_000 * 7200, 2), np.int16), 16_000, subtype="PCM_16")
    from app.core.audio import audio_channel_count

    results["channel_probe"] = longest_stall(lambda: window.open_media(media),
                                             lambda: window.options_bar.channel_combo.count() == 3)
    results["channel_probe"]["work_seconds"] = timed(lambda: audio_channel_count(media))

    big = Transcript(segments=[Segment(2.0 * i, 2.0 * i + 1.8, f"Sentence number {i} is short enough.")
                               for i in range(cues)], language="en")
    subtitles = save_transcript(big, folder / "long.srt")
    results["read_transcript"] = longest_stall(lambda: window.files.import_transcript(subtitles),
                                               lambda: window.transcript_model.rowCount() == cues)
    results["read_transcript"]["work_seconds"] = timed(lambda: read_transcript(subtitles))

    export = ExportDialog(big, None, None, window)
    results["export_preview"] = longest_stall(export.show, lambda: bool(export.preview_cues))
    saved: list[Path] = []
    export.saved.connect(saved.append)
    results["export_save"] = longest_stall(lambda: export.save_to(folder / "long-export.srt"),
                                           lambda: bool(saved))
    export = ExportDialog(big, None, None, window)
    export.show()
    export.saved.connect(saved.append)
    saved.clear()
    results["export_save_after_a_rule_change"] = longest_stall(
        lambda: (export.chars_per_line.setValue(30), export.save_to(folder / "long-export.srt")),
        lambda: bool(saved))
    work = timed(lambda: save_transcript(big, folder / "direct.srt", None, export.rules()))
    for case in ("export_preview", "export_save", "export_save_after_a_rule_change"):
        results[case]["work_seconds"] = work
    for case in results.values():
        case["goal"] = "< 50 ms"
    results["input"] = {"cues": cues, "media": "2 h stereo FLAC", "keyring_delay_s": ring.delay}
    manager.shutdown()
    window.close()
    return results


def shutdown_time(jobs: int = 4, seconds_each: float = 3.0) -> dict:
    """Seconds ``JobRunner.shutdown()`` takes with one job running and the rest queued."""
    from app.core.audio import AudioClip
    from app.core.transcript import Segment
    from app.engines.base import JobContext, TranscriptionEngine, TranscriptionOptions
    from app.jobs import JobRunner
    from app.jobs.transcription_jobs import TranscribeFileJob

    started = threading.Event()

    class SteadyEngine(TranscriptionEngine):
        name = "steady"

        def transcribe(self, audio: AudioClip, options: TranscriptionOptions, context: JobContext):
            started.set()
            for index in range(int(seconds_each * 10)):
                time.sleep(0.1)
                context.check_cancelled()
                yield Segment(index * 0.1, index * 0.1 + 0.1, "tick")

    from app.ui.application import create_application

    create_application(["earshot-bench"])
    audio = Path(__file__).resolve().parents[2] / "shared" / "audio" / "jfk.flac"
    manager = JobRunner()
    for _ in range(jobs):
        manager.submit(TranscribeFileJob(audio, SteadyEngine(), TranscriptionOptions(model="tiny.en")))
    started.wait(30)
    return {"jobs": jobs, "seconds_each": seconds_each, "shutdown_seconds": timed(manager.shutdown),
            "goal": "< 1 s"}
