"""The job runner's cost: 100 short files queued at once against the same files transcribed one by one.

The files are pieces of real speech (JFK, cut at different places, 2 to 4 s each). "Single runs" call
the engine directly on each file, with nothing around it; "queued" submits every file to the runner
at once and waits on the Qt event loop for the last JobFinished. The single runs are timed before
and after the queued run and averaged, since the machine's load drifts. Goal: overhead under 5%.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile

SHARED_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"
MODEL = "tiny.en"


def run(count: int = 100) -> dict:
    from app.engines.base import TranscriptionOptions
    from app.engines.faster_whisper_engine import FasterWhisperEngine

    engine, options = FasterWhisperEngine(), TranscriptionOptions(model=MODEL)
    with tempfile.TemporaryDirectory() as folder:
        paths = _short_files(Path(folder), count)
        _single_runs(engine, options, paths[:3])  # the model loaded, caches warm
        before = _single_runs(engine, options, paths)
        queued, texts = _queued_run(engine, options, paths)
        after = _single_runs(engine, options, paths)
    singles = (before + after) / 2
    return {
        "files": count, "model": MODEL, "single_runs_seconds": round(singles, 2),
        "single_runs_before_after": [round(before, 2), round(after, 2)],
        "queued_seconds": round(queued, 2), "overhead": round(queued / singles - 1, 4),
        "all_finished": len(texts) == count, "goal": "overhead < 0.05",
    }


def _short_files(folder: Path, count: int) -> list[Path]:
    from app.core.audio import SAMPLE_RATE, decode_audio

    samples = decode_audio(SHARED_AUDIO / "jfk.flac").samples
    rng = np.random.default_rng(10)
    paths = []
    for index in range(count):
        length = int(rng.uniform(2.0, 4.0) * SAMPLE_RATE)
        start = int(rng.integers(0, len(samples) - length))
        path = folder / f"short-{index:03d}.wav"
        soundfile.write(path, samples[start:start + length], SAMPLE_RATE)
        paths.append(path)
    return paths


def _single_runs(engine, options, paths: list[Path]) -> float:
    from app.core.audio import open_audio_file
    from app.engines.base import JobContext, run_transcription

    started = time.perf_counter()
    for path in paths:
        run_transcription(engine, open_audio_file(path), options, JobContext())
    return time.perf_counter() - started


def _queued_run(engine, options, paths: list[Path]) -> tuple[float, list[str]]:
    from app.jobs import JobRunner
    from app.jobs.events import JobFailed, JobFinished
    from app.jobs.transcription_jobs import TranscribeFileJob
    from app.ui.application import create_application

    app = create_application(["earshot-bench"])
    runner = JobRunner()
    texts: list[str] = []

    def on_event(_job_id: int, event: object) -> None:
        if isinstance(event, JobFinished):
            texts.append(event.result.text)
        elif isinstance(event, JobFailed):
            texts.append(f"failed: {event.message}")
        if len(texts) == len(paths):
            app.quit()

    runner.job_event.connect(on_event)
    started = time.perf_counter()
    for path in paths:
        runner.submit(TranscribeFileJob(path, engine, options))
    app.exec()
    elapsed = time.perf_counter() - started
    runner.shutdown()
    return elapsed, texts
