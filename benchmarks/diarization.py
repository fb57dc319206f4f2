"""Diarization benchmark: error per file, speed, and peak memory on an hour.

- DER (0.25 s collar) on the AMI excerpts of ../shared/audio/dev (2 and 4 speakers, with
  overlap the engine does not model) and on conversations of 2, 3 and 6 voices built from
  real single-speaker readings.
- Time as a fraction of real time (goal: under 0.1 on 2 cores), and CPU seconds per second of
  audio (both cores added), which other work on the machine disturbs less.
- Peak memory of a separate process diarizing a synthetic hour made of real readings
  (goal: under 1 GB, the decoded hour itself included).

Run alone with `python -m benchmarks.diarization [--no-hour]`; `make bench` runs it too.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results"
HOUR_SECONDS = 3600


def error_rates() -> dict:
    from app.core.audio import AudioClip, decode_audio
    from app.engines.base import JobContext
    from app.engines.diarization import DiarizationEngine, DiarizationOptions
    from tests.diarization_scoring import (
        DEV_AUDIO,
        READERS,
        alternating_turns,
        build_conversation,
        diarization_error_rate,
        read_rttm_reference,
    )

    engine = DiarizationEngine()
    engine.prepare()
    cases = {
        name: (decode_audio(DEV_AUDIO / f"{name}.wav").samples, read_rttm_reference(DEV_AUDIO / f"{name}.rttm"))
        for name in ("en_ami_dev00", "en_ami_tst00")
    }
    for voices, rounds, seconds in ((2, 4, 6.0), (3, 3, 6.0), (6, 2, 5.0)):
        cases[f"built_{voices}_voices"] = build_conversation(alternating_turns(READERS[:voices], rounds, seconds))
    rows = {}
    for name, (samples, reference) in cases.items():
        started, cpu_started = time.perf_counter(), time.process_time()
        turns = engine.diarize(AudioClip(samples), DiarizationOptions(), JobContext())
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        rows[name] = {
            "seconds": round(len(samples) / 16_000, 1),
            "speakers": len({turn.speaker for turn in reference}),
            "found": len({turn.speaker for turn in turns}),
            "der": round(diarization_error_rate(reference, turns), 3),
            "real_time_factor": round(elapsed / (len(samples) / 16_000), 3),
            "cpu_seconds_per_second": round(cpu / (len(samples) / 16_000), 3),  # over both cores
        }
    return rows


def synthetic_hour() -> np.ndarray:
    """An hour of real readings, ten seconds at a time in turn, with pauses between."""
    from app.core.audio import decode_audio
    from tests.diarization_scoring import READERS

    voices = [decode_audio(path).samples for path in READERS]
    pause = np.zeros(8_000, dtype=np.float32)
    pieces: list[np.ndarray] = []
    total = 0
    turn = 0
    while total < HOUR_SECONDS * 16_000:
        voice = voices[turn % len(voices)]
        start = (turn // len(voices)) * 160_000 % max(1, len(voice) - 160_000)
        pieces += [voice[start:start + 160_000], pause]
        total += len(pieces[-2]) + len(pause)
        turn += 1
    return np.concatenate(pieces)[: HOUR_SECONDS * 16_000]


def one_hour_in_this_process() -> dict:
    from app.core.audio import AudioClip
    from app.engines.base import JobContext
    from app.engines.diarization import DiarizationEngine, DiarizationOptions

    samples = synthetic_hour()
    engine = DiarizationEngine()
    engine.prepare()
    started, cpu_started = time.perf_counter(), time.process_time()
    turns = engine.diarize(AudioClip(samples), DiarizationOptions(), JobContext())
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "seconds": HOUR_SECONDS, "turns": len(turns), "found": len({turn.speaker for turn in turns}),
        "voices": 6, "real_time_factor": round(elapsed / HOUR_SECONDS, 3),
        "cpu_seconds_per_second": round(cpu / HOUR_SECONDS, 3),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "goal": "peak < 1024 MB, real-time factor < 0.1",
    }


def one_hour() -> dict:
    """In a child process, so its peak memory is the diarization's alone."""
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.diarization", "--hour-only"],
        check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
    ).stdout
    return json.loads(output)


def run(include_hour: bool = True) -> dict:
    results: dict = {"goal": "real-time factor < 0.1 on 2 cores", "files": error_rates()}
    if include_hour:
        results["one_hour"] = one_hour()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.diarization")
    parser.add_argument("--no-hour", action="store_true", help="skip the one-hour memory run")
    parser.add_argument("--hour-only", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.hour_only:
        print(json.dumps(one_hour_in_this_process()))
        return
    results = run(include_hour=not arguments.no_hour)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "diarization.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
