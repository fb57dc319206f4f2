"""The window while it records with live transcription (base): the event loop's longest gap.

A private PulseAudio server with a null sink; File ▸ New Recording records its monitor with live
text on while speech plays into it, then stops (no full pass: that is a recognition job, measured
by ``gui_stall``). The gaps of a 5 ms timer are measured from Record to the document's opening:
every live pass, opening the input and the stop happen meanwhile, none on the GUI thread. The model
is loaded first, as the window does at start for the model chosen (loading holds the GIL).
Goal: the window never stalls (longest gap under 50 ms, as for a transcription).

Run alone with `python -m benchmarks.recording_window [--seconds N]`; `--only recording_window` in `make bench`.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.results import save_results

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SPEECH = Path(__file__).resolve().parents[2] / "shared" / "audio" / "dev" / "en_librivox_udhr_preamble.mp3"


def run(seconds: float = 40.0, model: str = "base") -> dict[str, Any]:
    from tests.pulseaudio_server import running_pulseaudio

    with tempfile.TemporaryDirectory(prefix="earshot-recording-bench-") as folder, \
            running_pulseaudio(Path(folder)) as server:
        from app.core.recording import refresh_devices

        refresh_devices()
        return _measure(server, Path(folder), seconds, model)


def _measure(server: Any, folder: Path, seconds: float, model: str) -> dict[str, Any]:
    import soundfile
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.core.audio import decode_audio
    from app.engines.faster_whisper_engine import FasterWhisperEngine
    from app.jobs import JobRunner
    from app.jobs.events import JobFinished
    from app.jobs.transcription_jobs import ModelPrepared
    from app.ui.main_window import MainWindow
    from benchmarks.gui_waits import longest_stall

    os.environ.setdefault("EARSHOT_DATA_DIR", str(folder / "data"))
    os.environ.setdefault("EARSHOT_CONFIG_DIR", str(folder / "config"))
    clip = folder / "speech.wav"
    soundfile.write(clip, decode_audio(SPEECH).samples[: int(seconds * 16000)], 16000, subtype="PCM_16")
    _app = QApplication.instance() or QApplication([])
    manager = JobRunner()
    window = MainWindow(manager, FasterWhisperEngine())
    window.show()
    window.options_bar.model_combo.setCurrentIndex(window.options_bar.model_combo.findData(model))
    language = window.options_bar.language_combo
    language.setCurrentIndex(language.findData("en"))
    manager.job_event.connect(lambda _job_id, event: _app.quit() if isinstance(event, JobFinished)
                              and isinstance(event.result, ModelPrepared) else None)
    window.prepare_selected_model()
    _app.exec()
    window.recordings.new_recording_action.trigger()
    dialog = window.recordings.dialog
    assert dialog is not None
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findText("pulse", Qt.MatchFlag.MatchStartsWith))
    dialog.live_check.setChecked(True)
    dialog.full_pass_check.setChecked(False)
    lags: list[float] = []
    words: list[int] = []
    dialog.session.live.lag_changed.connect(lags.append)
    dialog.session.live.committed.connect(lambda segments: words.append(sum(len(s.words) for s in segments)))
    state: dict[str, Any] = {}

    def done() -> bool:
        player = state.get("player")
        if player is None and dialog.session.is_recording:
            state["player"], state["recording_started"] = server.play(clip), time.monotonic()
        elif player is not None and player.poll() is not None and "stop" not in state:
            state["stop"] = time.monotonic()
            dialog.stop_button.click()
        return window.document.media_path is not None

    try:
        result = longest_stall(dialog.record_button.click, done, patience=seconds * 30)
    finally:
        window.recordings.shutdown()
        manager.shutdown()
    return {
        **result, "model": model, "speech_seconds": seconds, "committed_words": sum(words),
        "largest_lag_shown_seconds": round(max(lags, default=0.0), 1),
        "stop_to_document_seconds": round(time.monotonic() - state.get("stop", time.monotonic()), 1),
        "goal_longest_stall_ms": 50, "load_average": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=40.0, help="seconds of speech to record (default 40)")
    parser.add_argument("--model", default="base")
    arguments = parser.parse_args()
    results = run(arguments.seconds, arguments.model)
    save_results("recording_window.json", results)


if __name__ == "__main__":
    main()
