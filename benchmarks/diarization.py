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
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.results import save_results

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


def write_synthetic_hour(folder: Path) -> Path:
    """An hour of the six readers taking ten-second turns, saved with its true turns.

    Built here and diarized in a child process, so the child's peak memory is the engine's
    (and the decoded hour's) alone.
    """
    from app.core.audio import decode_audio
    from tests.diarization_scoring import READERS, Clip, build_conversation

    lengths = {path: len(decode_audio(path).samples) / 16_000 for path in READERS}
    clips: list[Clip] = []
    while sum(clip.seconds + 0.5 for clip in clips) < HOUR_SECONDS + 60:
        path = READERS[len(clips) % len(READERS)]
        offset = (len(clips) // len(READERS)) * 10.0 % (lengths[path] - 11.0)
        clips.append(Clip(path, path.stem, offset, 10.0))
    samples, reference = build_conversation(clips, pause=0.5)
    samples = samples[: HOUR_SECONDS * 16_000]
    np.save(folder / "hour.npy", samples)
    turns = [[turn.start, turn.end, turn.speaker] for turn in reference if turn.start < HOUR_SECONDS]
    (folder / "reference.json").write_text(json.dumps(turns), encoding="utf-8")
    return folder


def one_hour_in_this_process(folder: Path) -> dict:
    from app.core.audio import AudioClip
    from app.core.speaker_turns import SpeakerTurn
    from app.engines.base import JobContext
    from app.engines.diarization import DiarizationEngine, DiarizationOptions
    from tests.diarization_scoring import diarization_error_rate

    engine = DiarizationEngine()
    engine.prepare()
    samples = np.load(folder / "hour.npy")
    started, cpu_started = time.perf_counter(), time.process_time()
    turns = engine.diarize(AudioClip(samples), DiarizationOptions(), JobContext())
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reference = [SpeakerTurn(start, end, speaker) for start, end, speaker in
                 json.loads((folder / "reference.json").read_text(encoding="utf-8"))]
    return {
        "seconds": HOUR_SECONDS, "voices": len({turn.speaker for turn in reference}),
        "found": len({turn.speaker for turn in turns}), "der": round(diarization_error_rate(reference, turns), 3),
        "real_time_factor": round(elapsed / HOUR_SECONDS, 3), "cpu_seconds_per_second": round(cpu / HOUR_SECONDS, 3),
        "peak_memory_mb": round(peak), "goal": "peak < 1024 MB, real-time factor < 0.1",
    }


def one_hour() -> dict:
    with tempfile.TemporaryDirectory(prefix="earshot-bench-") as folder:
        write_synthetic_hour(Path(folder))
        output = subprocess.run(
            [sys.executable, "-m", "benchmarks.diarization", "--hour-in", folder],
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
    parser.add_argument("--hour-in", type=Path, help=argparse.SUPPRESS)  # the child process
    arguments = parser.parse_args()
    if arguments.hour_in:
        print(json.dumps(one_hour_in_this_process(arguments.hour_in)))
        return
    results = run(include_hour=not arguments.no_hour)
    save_results("diarization.json", results)


if __name__ == "__main__":
    main()
