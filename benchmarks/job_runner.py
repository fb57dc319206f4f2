"""The job runner's cost: 100 short files queued at once against the same files transcribed one by one.

The files are pieces of real speech (JFK, cut at different places, 2 to 4 s each). "Single runs" call
the engine directly on each file, with nothing around it; "queued" submits every file to the runner
at once and waits on the Qt event loop for the last JobFinished. Both sides use the same engine, its model
loaded once, the same options and decode path (``open_audio_file`` streamed through ``run_transcription``), and
the warm-up (three files) is done before either is timed. The single runs are timed before and after the queued
run and averaged, since the machine's load drifts; the process's CPU time is given for both sides too (the load
on a shared machine moves wall-clock times, hardly CPU time). Goal: overhead under 5%.
"""

from __future__ import annotations

import os
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
    singles, single_cpu = (before[0] + after[0]) / 2, (before[1] + after[1]) / 2
    return {
        "files": count, "model": MODEL, "single_runs_seconds": round(singles, 2),
        "single_runs_before_after": [round(before[0], 2), round(after[0], 2)],
        "queued_seconds": round(queued[0], 2), "overhead": round(queued[0] / singles - 1, 4),
        "single_runs_cpu_seconds": round(single_cpu, 2), "queued_cpu_seconds": round(queued[1], 2),
        "cpu_overhead": round(queued[1] / single_cpu - 1, 4),
        "all_finished": len(texts) == count, "goal": "overhead < 0.05",
        "load_average": [round(load, 1) for load in os.getloadavg()],
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


def _single_runs(engine, options, paths: list[Path]) -> tuple[float, float]:
    """Seconds and CPU seconds of the files transcribed one by one."""
    from app.core.audio import open_audio_file
    from app.engines.base import JobContext, run_transcription

    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        run_transcription(engine, open_audio_file(path), options, JobContext())
    return time.perf_counter() - started, time.process_time() - cpu


def _queued_run(engine, options, paths: list[Path]) -> tuple[tuple[float, float], list[str]]:
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
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        runner.submit(TranscribeFileJob(path, engine, options))
    app.exec()
    elapsed = time.perf_counter() - started, time.process_time() - cpu
    runner.shutdown()
    return elapsed, texts
