"""`earshot --self-test`: proof that a build works, as a person would use it, with no display needed.

Opens the window (offscreen unless a platform is chosen), loads the selected model through the
engine manager, opens a bundled second of speech in the window, presses Transcribe and checks the
words that come back. Exits 0 with one line of figures, or 1 with one sentence saying what failed.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.remote_profiles import RemoteProfileStore
from app.core.transcript import Transcript
from app.engines.faster_whisper_engine import FasterWhisperEngine
from app.jobs import JobRunner
from app.jobs.events import JobEvent, JobFailed, JobFinished
from app.jobs.transcription_jobs import ModelPrepared
from app.ui.application import create_application, start_window
from app.ui.main_window import MainWindow

# "And so my fellow Americans" from jfk.flac (1961, public domain): 2.6 s, 16 kHz mono FLAC, package data
# (the words with the breath after them: cut right after "Americans", base heard "America").
SPEECH = importlib.resources.files("app") / "resources" / "self-test-speech.flac"
EXPECTED_WORDS = ("fellow", "americans")
TIME_LIMIT_S = 300
EXIT_PASSED = 0
EXIT_FAILED = 1


def process_age() -> float:
    """Seconds since this process started (Linux: from the kernel, so the interpreter's own start-up counts)."""
    try:
        after_name = Path("/proc/self/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        started = int(after_name[19]) / os.sysconf("SC_CLK_TCK")  # field 22, starttime, in clock ticks
        return float(Path("/proc/uptime").read_text(encoding="ascii").split()[0]) - started
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED_AT


def resident_megabytes() -> float | None:
    """This process's resident memory now, where the platform tells it cheaply (Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


_IMPORTED_AT = time.perf_counter()


class SelfTest(QObject):
    """Drives one window through load, open and transcribe; ``exit_code`` and ``report`` say how it went."""

    finished = Signal()

    def __init__(self, window: MainWindow, manager: JobRunner, speech: Path) -> None:
        super().__init__(window)
        self._window = window
        self._manager = manager
        self._speech = speech
        self._figures: list[str] = []
        self._step_started = 0.0
        self._finished = False
        self.exit_code = EXIT_FAILED
        self.report = "The self-test did not finish."
        manager.job_event.connect(self._on_job_event)
        self._deadline = QTimer(self, singleShot=True, interval=TIME_LIMIT_S * 1000)
        self._deadline.timeout.connect(lambda: self._finish(
            EXIT_FAILED, f"The self-test did not finish within {TIME_LIMIT_S} seconds."))

    def start(self) -> None:
        """Called once the event loop runs, i.e. when the window is usable."""
        cpu = os.times()
        self._figures.append(
            f"window usable {process_age():.2f} s after start ({cpu.user + cpu.system:.2f} s of CPU)")
        self._deadline.start()
        self._step_started = time.perf_counter()
        self._window.prepare_selected_model()

    def _on_job_event(self, _job_id: int, event: JobEvent) -> None:
        if isinstance(event, JobFinished) and isinstance(event.result, ModelPrepared):
            self._transcribe()
        elif isinstance(event, JobFinished) and isinstance(event.result, Transcript):
            self._check_transcript(event.result)
        elif isinstance(event, JobFailed):
            self._finish(EXIT_FAILED, event.message)

    def _transcribe(self) -> None:
        memory = resident_megabytes()
        self._figures.append(
            f"model “{self._window.current_options().model}” loaded in {time.perf_counter() - self._step_started:.2f} s"
            + (f", {memory:.0f} MB resident at idle" if memory is not None else "")
        )
        self._step_started = time.perf_counter()
        self._window.open_media(self._speech)
        self._window.start_transcription()
        if not self._window.is_busy():
            self._finish(EXIT_FAILED, f"The window did not start transcribing “{self._speech.name}”.")

    def _check_transcript(self, transcript: Transcript) -> None:
        text = " ".join(segment.text for segment in transcript.segments).strip()
        words = set(re.findall(r"\w+", text.casefold()))
        if not all(word in words for word in EXPECTED_WORDS):
            self._finish(EXIT_FAILED, f"The test speech was transcribed as “{text}”, not “fellow Americans”.")
            return
        self._figures.append(f"“{text}” transcribed in {time.perf_counter() - self._step_started:.2f} s")
        self._finish(EXIT_PASSED, "; ".join(self._figures) + ".")

    def _finish(self, exit_code: int, report: str) -> None:
        if self._finished:
            return  # the first outcome stands
        self._finished = True
        self.exit_code, self.report = exit_code, report
        self._deadline.stop()
        # The test's transcript is disposable: asking to save it would hold the window open, and
        # Qt 6's quit() is cancelled by a window that refuses to close.
        self._window.close_discarding_changes()
        self.finished.emit()


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application([sys.argv[0]])
    manager = JobRunner()
    try:
        window = start_window(manager, FasterWhisperEngine(), RemoteProfileStore())
        with importlib.resources.as_file(SPEECH) as speech:
            test = SelfTest(window, manager, speech)
            test.finished.connect(app.quit)
            QTimer.singleShot(0, test.start)
            app.exec()
    finally:
        manager.shutdown()
    if test.exit_code == EXIT_PASSED:
        print(f"earshot: self-test passed: {test.report}")
    else:
        print(f"earshot: self-test failed: {test.report}", file=sys.stderr)
    return test.exit_code
