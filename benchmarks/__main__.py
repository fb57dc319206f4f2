"""Benchmarks, run by `make bench` (not part of `make test`).

1. Engine overhead: Earshot's faster-whisper engine against bare faster-whisper with the
   same model, options and samples, models already loaded, on several files; times compared
   where both produce the same text. Goal: ratio <= 1.05. Plus how faithful each side's
   decoder is to the file, and the cost of per-passage language detection (goal: under 5%).
2. GUI responsiveness: the longest stall of the window's event loop while a transcription
   runs in the job runner's local lane. Goal: under 50 ms.
3. Re-flow scaling: one subtitle cue of many words, read, re-flowed and written (benchmarks/reflow_scaling.py).
   Goal: linear.
4. Diarization (benchmarks/diarization.py): error per file, time as a fraction of real time,
   peak memory on an hour. Goals: under 0.1 of real time, under 1 GB.
5. GUI waits (benchmarks/gui_waits.py): the same stall while a slow keyring, a media probe,
   reading a long transcript and Export's re-flow at Save run; and how long closing takes with
   jobs queued. `python -m benchmarks --only gui_waits,shutdown` runs just these.
6. Long files (benchmarks/long_files.py): peak resident memory of the command line on 10 minutes, 1 hour and
   3 hours of real speech (--long-lengths). Goal: under 1.5 GB with the base model.
7. Fast mode (benchmarks/fast_mode.py): batched decoding against sequential, CPU time and error rate per
   language on the accuracy corpus.
8. Accuracy (benchmarks/accuracy.py, `make bench-accuracy`, or here with --accuracy): error rates
   of Earshot's engine and bare faster-whisper on real speech in ten languages.
9. The editor on 10,000 segments with word timings: its core (benchmarks/editor.py) and the
   window (benchmarks/editor_gui.py: open to a usable table < 0.5 s, typing never stalls over
   16 ms with autosave, save < 200 ms, the open document < 150 MB). `--only editor_core,editor_gui` runs these.
10. Live (benchmarks/live.py): live lag median and 95th percentile with base, frames dropped over a
   10-minute recording with live transcription, CPU of recording alone. Goals: median < 3 s, 0, < 5%.
   live_cpu_clock (benchmarks/live_cpu_clock.py): the same lag on a CPU clock, which the machine's load
   does not move (60 s of the UDHR preamble, base).
11. Speech output (benchmarks/speech_output.py): time to the first sentence's audio, local and remote; time to
   the first sound of streamed remote speech against the whole reply read first.
12. Job runner (benchmarks/job_runner.py): 100 short files queued in the runner against the sum of the same
   files transcribed one by one. Goal: overhead under 5%.
13. Playback (benchmarks/playback.py): in the window (`--only window_playback`), the highlighted word's lag
   behind the player (< 50 ms) and the event loop's gaps, with the GUI thread's CPU time in each, while a
   10,000-segment transcript plays, jumps to rows and zooms (< 16 ms); peaks of a three-hour file; repaints.
14. Batch queue (benchmarks/batch_queue.py): 100 short files of real speech added to the panel (< 1 s), the
   window's longest stall while they run (< 16 ms), and the batch's time against the sum of single runs (< 5%).
15. Recording in the window (benchmarks/recording_window.py): the event loop's longest gap while File ▸ New
   Recording records 40 s of speech with live transcription (base). Goal: under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks.reflow_scaling import reflow_scaling

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import batch_queue, diarization, live, live_cpu_clock, speech_output
from benchmarks.results import save_results

SHARED_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"


OVERHEAD_FILES = ("jfk.flac", "multilingual.mp3", "dev/en_librivox_sonnet002.mp3")
ONE_LANGUAGE_FILE = "dev/en_librivox_udhr_preamble.mp3"


def engine_overhead(audio_paths: list[Path], model_name: str, rounds: int) -> dict:
    """Earshot's engine against bare faster-whisper with the same options, from the same samples.

    Both sides get the samples Earshot's decoder produced (bare faster-whisper's decoder gives the
    same: see decoder_fidelity), so any difference in time is the engines'. Times are compared only
    where both produced the same text; the total over all files is given as well.
    """
    from faster_whisper import WhisperModel

    from app.core.audio import AudioClip, decode_audio
    from app.engines.base import JobContext, TranscriptionOptions, run_transcription
    from app.engines.faster_whisper_engine import FasterWhisperEngine, whisper_arguments
    from app.engines.model_store import resolve_model

    options = TranscriptionOptions(model=model_name)
    engine = FasterWhisperEngine()
    engine.load_model(options)
    bare_model = WhisperModel(str(resolve_model(model_name)), device="cpu", compute_type="int8")
    files: dict[str, dict] = {}
    for path in audio_paths:
        samples = decode_audio(path).samples

        def run_app(samples=samples) -> str:
            return run_transcription(engine, AudioClip(samples), options, JobContext()).text

        def run_bare(samples=samples) -> str:
            segments, _info = bare_model.transcribe(
                samples, vad_filter=True, condition_on_previous_text=True, **whisper_arguments(options)
            )
            return " ".join(s.text.strip() for s in segments)

        files[path.name] = _time_ratio(run_app, run_bare, rounds)
    same = [f for f in files.values() if f["same_text"]]
    return {
        "model": model_name, "rounds": rounds, "goal": "ratio <= 1.05 where the text is the same",
        "files": files,
        "ratio_where_same_text": _total_ratio(same) if same else None,
        "cpu_ratio_where_same_text": _total_ratio(same, "cpu_seconds") if same else None,
        "ratio_over_all_files": _total_ratio(list(files.values())),
    }


def _total_ratio(files: list[dict], unit: str = "seconds") -> float:
    app = sum(statistics.median(f[f"app_{unit}"]) for f in files)
    bare = sum(statistics.median(f[f"bare_{unit}"]) for f in files)
    return round(app / bare, 3)


def _time_ratio(run_app: Callable[[], str], run_bare: Callable[[], str], rounds: int) -> dict:
    """Median seconds of each, in alternating rounds after one warm-up run each; and whether the texts agree.

    CPU seconds (all threads of the process) are given too: on a shared machine they vary far
    less than wall-clock seconds.
    """
    app_text, bare_text = run_app(), run_bare()
    times: dict[str, list[float]] = {
        f"{side}_{unit}": [] for side in ("app", "bare") for unit in ("seconds", "cpu_seconds")
    }
    for _ in range(rounds):
        for runner, side in ((run_app, "app"), (run_bare, "bare")):
            started, cpu_started = time.perf_counter(), time.process_time()
            runner()
            times[f"{side}_seconds"].append(round(time.perf_counter() - started, 3))
            times[f"{side}_cpu_seconds"].append(round(time.process_time() - cpu_started, 3))
    return {
        **times, "same_text": app_text == bare_text,
        "ratio": round(statistics.median(times["app_seconds"]) / statistics.median(times["bare_seconds"]), 3),
        "cpu_ratio": round(
            statistics.median(times["app_cpu_seconds"]) / statistics.median(times["bare_cpu_seconds"]), 3
        ),
    }


def decoder_fidelity(audio_paths: list[Path]) -> dict:
    """How far each decoder's 16 kHz mono samples are from the file's: every channel decoded to float64, averaged.

    Earshot and bare faster-whisper both ask FFmpeg for 16-bit samples and divide by 32768 (what the
    Whisper models are given by their reference implementations), so they should agree sample for
    sample (``same_samples``) and differ from the reference by the rounding alone. FFmpeg's float
    downmix is no reference: it adds a stereo file's channels at -3 dB each, √2 louder than their mean.
    """
    from faster_whisper.audio import decode_audio as bare_decode

    from app.core.audio import decode_audio

    results: dict[str, dict] = {}
    for path in audio_paths:
        reference = _float64_decode(path)
        decoded = {"app": decode_audio(path).samples, "bare": bare_decode(str(path))}
        for name, samples in decoded.items():
            length = min(len(reference), len(samples))
            error = samples[:length].astype(np.float64) - reference[:length]
            results.setdefault(path.name, {})[name] = {
                "rms_error": float(f"{np.sqrt(np.mean(error ** 2)):.3g}"),
                "max_error": float(f"{np.max(np.abs(error)):.3g}"),
            }
        results[path.name]["same_samples"] = bool(np.array_equal(decoded["app"], decoded["bare"]))
    return results


def _float64_decode(path: Path) -> np.ndarray:
    """Every channel resampled to 16 kHz float64 (no downmix), then averaged."""
    import av

    pieces = []
    with av.open(str(path)) as container:
        layout = container.streams.audio[0].layout.name
        resampler = av.AudioResampler(format="dblp", layout=layout, rate=16_000)
        for frame in container.decode(audio=0):
            pieces.extend(r.to_ndarray() for r in resampler.resample(frame))
        pieces.extend(r.to_ndarray() for r in resampler.resample(None))
    return np.concatenate(pieces, axis=1).mean(axis=0)


def per_passage_detection_cost(audio_path: Path, model_name: str, rounds: int) -> dict:
    """The time language detection per passage adds on a recording in one language. Goal: under 5%."""
    from app.core.audio import decode_audio
    from app.engines.base import JobContext, TranscriptionOptions, run_transcription
    from app.engines.faster_whisper_engine import FasterWhisperEngine

    engine = FasterWhisperEngine()
    clip = decode_audio(audio_path)

    def runner(per_passage: bool) -> Callable[[], str]:
        options = TranscriptionOptions(model=model_name, language_per_passage=per_passage)
        return lambda: run_transcription(engine, clip, options, JobContext()).text

    timing = _time_ratio(runner(True), runner(False), rounds)
    return {"audio": audio_path.name, "model": model_name, "goal": "ratio < 1.05", **timing}


def gui_stall(audio_path: Path, model_name: str) -> dict:
    from PySide6.QtCore import QElapsedTimer, QTimer

    from app.core.transcript import Transcript
    from app.engines.faster_whisper_engine import FasterWhisperEngine
    from app.jobs import JobRunner
    from app.jobs.events import JobFailed, JobFinished
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow

    app = create_application(["earshot-bench"])
    manager = JobRunner()
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
    manager.job_event.connect(lambda _job_id, event: app.quit() if isinstance(event, JobFailed) or (
        isinstance(event, JobFinished) and isinstance(event.result, Transcript)) else None)
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
    from app.jobs.events import JobFinished
    from app.jobs.transcription_jobs import ModelPrepared

    manager.job_event.connect(lambda _job_id, event: app.quit() if isinstance(event, JobFinished)
                              and isinstance(event.result, ModelPrepared) else None)
    window.prepare_selected_model()
    app.exec()


def _gui_waits() -> dict:
    import tempfile

    from benchmarks.gui_waits import gui_waits

    with tempfile.TemporaryDirectory() as folder:
        return gui_waits(Path(folder))


def benchmarks_by_name(arguments: argparse.Namespace) -> dict[str, Callable[[], object]]:
    """Every benchmark of `make bench`, by the name its figures are kept under."""
    from benchmarks import (
        editor,
        editor_gui,
        editor_text,
        fast_mode,
        job_runner,
        long_files,
        playback,
        recording_window,
    )
    from benchmarks.gui_waits import shutdown_time

    overhead_files = [SHARED_AUDIO / name for name in OVERHEAD_FILES]
    return {
        "engine_overhead": lambda: engine_overhead(overhead_files, arguments.model, arguments.rounds),
        "decoder_fidelity": lambda: decoder_fidelity(overhead_files),
        "per_passage_detection": lambda: per_passage_detection_cost(
            SHARED_AUDIO / ONE_LANGUAGE_FILE, arguments.model, arguments.rounds
        ),
        "gui_stall": lambda: gui_stall(arguments.audio, arguments.model),
        "reflow_scaling": reflow_scaling,
        "diarization": diarization.run,
        "gui_waits": _gui_waits,
        "shutdown": shutdown_time,
        "editor_core": lambda: editor.run(10_000),
        "editor_gui": lambda: editor_gui.run(10_000, 6.0),
        "editor_text": lambda: editor_text.run(10_000, 60),
        "window_playback": playback.window_playback_with_long_media,
        "three_hour_peaks": lambda: playback.three_hour_peaks(1),
        "waveform_repaints": playback.waveform_repaints,
        "smooth_position": lambda: playback.smooth_position(SHARED_AUDIO / "jfk.flac"),
        "live": live.run,
        "live_cpu_clock": live_cpu_clock.run,
        "speech_output": speech_output.run,
        "batch_queue": batch_queue.run,
        "recording_window": recording_window.run,
        "fast_mode": lambda: fast_mode.run(arguments.model),
        "job_runner": job_runner.run,
        "long_files": lambda: long_files.run([int(m) for m in arguments.long_lengths.split(",")], arguments.model),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--audio", type=Path, default=SHARED_AUDIO / "multilingual.mp3")
    parser.add_argument("--model", default="base")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default=None, metavar="NAME[,NAME...]",
                        help="run only these benchmarks (their names are the keys of results/latest.json)")
    parser.add_argument("--accuracy", action="store_true", help="also run the accuracy benchmark")
    parser.add_argument("--long-lengths", default="10,60,180", metavar="MINUTES[,MINUTES...]",
                        help="lengths of the long-file memory benchmark (default 10,60,180)")
    arguments = parser.parse_args()
    available = benchmarks_by_name(arguments)
    chosen = arguments.only.split(",") if arguments.only else list(available)
    unknown = [name for name in chosen if name not in available]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(available)}")
    results = {name: available[name]() for name in chosen}
    if arguments.accuracy:
        from benchmarks.accuracy import main as accuracy_main

        accuracy_main([])  # writes results/accuracy.json
    save_results("latest.json" if not arguments.only else f"only-{'-'.join(chosen)}.json", results)


if __name__ == "__main__":
    main()
