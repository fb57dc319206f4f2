"""Long files: the peak resident memory of transcribing 10 minutes, 1 hour and 3 hours from the command line.

Each input is real speech: the readings of ../shared/audio/dev, one after another with a second of
silence between them, repeated until the length is reached and streamed into a FLAC file (never held
whole). Each transcription runs `python -m app transcribe` in a child process; its peak RSS is
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``, read by a measuring process of its own so no other
child's peak mixes in. Goal: under 1.5 GB at any length with the base model.

Run: `python -m benchmarks.long_files [--lengths 10,60,180] [--model base]`; a 3-hour run takes long.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile

from app.core.audio import SAMPLE_RATE, decode_audio

SHARED_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"
INPUTS = Path(__file__).resolve().parent / "results" / "long-inputs"
GOAL_BYTES = 1.5e9
PAUSE = np.zeros(SAMPLE_RATE, dtype=np.float32)


def readings() -> list[Path]:
    """The dev corpus's single-speaker recordings (the AMI meetings aside)."""
    dev = SHARED_AUDIO / "dev"
    return sorted(p for p in dev.iterdir() if p.suffix in (".mp3", ".wav", ".flac", ".ogg", ".opus", ".m4a")
                  and "_ami_" not in p.name)


def long_input(minutes: int, folder: Path = INPUTS) -> Path:
    """A FLAC of ``minutes`` of real speech, made once and kept; written one reading at a time."""
    path = folder / f"speech-{minutes}min.flac"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    wanted = minutes * 60 * SAMPLE_RATE
    partial = path.with_suffix(".part")
    written = 0
    with soundfile.SoundFile(partial, "w", SAMPLE_RATE, 1, subtype="PCM_16", format="FLAC") as output:
        while written < wanted:
            for reading in readings():
                samples = np.concatenate([decode_audio(reading).samples, PAUSE])[: wanted - written]
                output.write(samples)
                written += len(samples)
                if written >= wanted:
                    break
    partial.replace(path)
    return path


def measure(path: Path, model: str) -> dict:
    """Run the command line on ``path`` in a child; its peak RSS and wall-clock time."""
    with tempfile.TemporaryDirectory() as output:
        started = time.monotonic()
        completed = subprocess.run(
            [sys.executable, "-m", "app", "transcribe", str(path), "--model", model, "--output", output],
            capture_output=True, text=True, check=False,
        )
        seconds = time.monotonic() - started
        text = " ".join(p.read_text(encoding="utf-8") for p in Path(output).glob("*.txt"))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # kilobytes on Linux
    return {"exit": completed.returncode, "error": completed.stderr.strip()[-300:], "peak_rss_bytes": peak,
            "seconds": round(seconds, 1), "words": len(text.split()),
            "text_sha256": hashlib.sha256(text.encode()).hexdigest()[:16]}  # to compare runs' text


def run(lengths: list[int] | None = None, model: str = "base") -> dict:
    """Peak RSS per length in minutes, each measured by a fresh process so peaks do not mix."""
    results: dict[str, dict] = {}
    for minutes in lengths or [10, 60, 180]:
        path = long_input(minutes)
        completed = subprocess.run(
            [sys.executable, "-m", "benchmarks.long_files", "--measure", str(path), "--model", model],
            capture_output=True, text=True, check=True,
        )
        figures = json.loads(completed.stdout)
        figures["peak_rss_mb"] = round(figures["peak_rss_bytes"] / 1e6)
        figures["within_goal"] = figures["exit"] == 0 and figures["peak_rss_bytes"] < GOAL_BYTES
        results[f"{minutes} min"] = figures
        print(f"{minutes} min: {json.dumps(figures)}", file=sys.stderr)
    return {"model": model, "goal": "peak RSS under 1.5 GB", "lengths": results}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.long_files")
    parser.add_argument("--lengths", default="10,60,180", help="minutes, comma-separated (default 10,60,180)")
    parser.add_argument("--model", default="base")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the measuring process
    arguments = parser.parse_args(argv)
    if arguments.measure:
        print(json.dumps(measure(arguments.measure, arguments.model)))
        return
    results = run([int(m) for m in arguments.lengths.split(",")], arguments.model)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
