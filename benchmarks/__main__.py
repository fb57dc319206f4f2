"""Benchmarks, run by `make bench` (not part of `make test`).

1. Engine overhead: Earshot's faster-whisper engine against bare faster-whisper with the
   same model, options and audio, file to segments, models already loaded. Goal: ratio <= 1.05.
2. GUI responsiveness: the longest stall of the window's event loop while a transcription
   runs on the engine manager's worker thread. Goal: under 50 ms.
3. Re-flow scaling: one subtitle cue of many words, read, re-flowed and written (benchmarks/reflow_scaling.py).
   Goal: linear.
4. Diarization (benchmarks/diarization.py): error per file, time as a fraction of real time,
   peak memory on an hour. Goals: under 0.1 of real time, under 1 GB.
5. Live (benchmarks/live.py): live lag median and 95th percentile with base, frames dropped over a
   10-minute recording with live transcription, CPU of recording alone. Goals: median < 3 s, 0, < 5%.
6. Speech output (benchmarks/speech_output.py): time to the first sentence's audio, local and remote.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.reflow_scaling import reflow_scaling

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import diarization, live, speech_output

SHARED_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"
RESULTS = Path(__file__).resolve().parent / "results"


def engine_overhead(audio_path: Path, model_name: str, rounds: int) -> dict:
    from faster_whisper import WhisperModel
    from faster_whisper.audio import decode_audio as bare_decode

    from app.core.audio import AudioClip, decode_audio
    from app.engines.base import JobContext, TranscriptionOptions, run_transcription
    from app.engines.faster_whisper_engine import FasterWhisperEngine, whisper_arguments
    from app.engines.model_store import resolve_model

    options = TranscriptionOptions(model=model_name)
    engine = FasterWhisperEngine()
    engine.load_model(options)
    bare_model = WhisperModel(str(resolve_model(model_name)), device="cpu", compute_type="int8")

    def run_app() -> str:
        clip = decode_audio(audio_path)
        return run_transcription(engine, clip, options, JobContext()).text

    def run_bare() -> str:
        segments, _info = bare_model.transcribe(bare_decode(str(audio_path)), **whisper_arguments(options))
        return " ".join(s.text.strip() for s in segments)

    samples = decode_audio(audio_path).samples

    def run_app_on_samples() -> str:
        return run_transcription(engine, AudioClip(samples), options, JobContext()).text

    def run_bare_on_samples() -> str:
        segments, _info = bare_model.transcribe(samples, **whisper_arguments(options))
        return " ".join(s.text.strip() for s in segments)

    return {
        "audio": audio_path.name, "model": model_name, "rounds": rounds, "goal": "ratio <= 1.05",
        "file_to_segments": _time_ratio(run_app, run_bare, rounds),
        "samples_to_segments": _time_ratio(run_app_on_samples, run_bare_on_samples, rounds),
    }


def _time_ratio(run_app: Callable[[], str], run_bare: Callable[[], str], rounds: int) -> dict:
    """Median seconds of each, in alternating rounds after one warm-up run each."""
    run_app(), run_bare()
    app_times: list[float] = []
    bare_times: list[float] = []
    for _ in range(rounds):
        for runner, times in ((run_app, app_times), (run_bare, bare_times)):
            started = time.perf_counter()
            runner()
            times.append(round(time.perf_counter() - started, 3))
    return {
        "app_seconds": app_times, "bare_seconds": bare_times,
        "ratio": round(statistics.median(app_times) / statistics.median(bare_times), 3),
    }


def gui_stall(audio_path: Path, model_name: str) -> dict:
    from PySide6.QtCore import QElapsedTimer, QTimer

    from app.engine_manager import EngineManager
    from app.engines.faster_whisper_engine import FasterWhisperEngine
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow

    app = create_application(["earshot-bench"])
    manager = EngineManager()
    window = MainWindow(manager, FasterWhisperEngine())
    window.show()
    window.options_bar.model_combo.setCurrentIndex(window.options_bar.model_combo.findData(model_name))
    window.open_media(audio_path)
    with_model_loaded(app, manager, window)
    gaps: list[float] = []
    clock = QElapsedTimer()
    tick = QTimer()
    tick.setInterval(5)

    def on_tick() -> None:
        gaps.append(clock.restart())

    tick.timeout.connect(on_tick)
    manager.job_finished.connect(lambda *_: app.quit())
    manager.job_failed.connect(lambda *_: app.quit())
    clock.start()
    tick.start()
    started = time.perf_counter()
    window.start_transcription()
    app.exec()
    elapsed = time.perf_counter() - started
    tick.stop()
    manager.shutdown()
    stalls = [gap - tick.interval() for gap in gaps[1:]]
    return {
        "audio": audio_path.name, "model": model_name, "seconds": round(elapsed, 2),
        "segments": window.transcript_model.rowCount(), "ticks": len(gaps),
        "longest_stall_ms": max(stalls), "p99_stall_ms": sorted(stalls)[int(len(stalls) * 0.99)],
        "goal": "< 50 ms",
    }


def with_model_loaded(app, manager, window) -> None:
    """Wait for the start-up preparation, as a user does who opens the app and then a file."""
    manager.engine_prepared.connect(lambda *_: app.quit())
    window.prepare_selected_model()
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--audio", type=Path, default=SHARED_AUDIO / "multilingual.mp3")
    parser.add_argument("--model", default="base")
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    results = {
        "engine_overhead": engine_overhead(arguments.audio, arguments.model, arguments.rounds),
        "gui_stall": gui_stall(arguments.audio, arguments.model),
        "reflow_scaling": reflow_scaling(),
        "diarization": diarization.run(),
        "live": live.run(),
        "speech_output": speech_output.run(),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
