"""Fast mode (passages decoded in batches) against sequential decoding: CPU time and error rate, base model.

On every recording of the accuracy corpus (benchmarks/accuracy.py: ../shared/audio and its dev
corpus), both from the same decoded samples, scored with the accuracy benchmark's normaliser; per
file, per language (duration-weighted) and over all. CPU seconds are this process's (the model's
threads included), steadier than wall-clock time on a shared machine.

Run: `python -m benchmarks.fast_mode [--files NAME,...]`, or `python -m benchmarks --only fast_mode`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict

from benchmarks.accuracy import corpus, error_rate, weighted

MODES = {"sequential": False, "fast": True}


def run(model: str = "base", files: list[str] | None = None) -> dict:
    from app.core.audio import decode_audio
    from app.engines.base import JobContext, TranscriptionOptions, run_transcription
    from app.engines.faster_whisper_engine import FasterWhisperEngine

    engine = FasterWhisperEngine()
    per_file: dict[str, dict] = {}
    by_language: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for recording in corpus():
        if files and recording.path.name not in files:
            continue
        clip = decode_audio(recording.path)
        row: dict[str, float | str] = {"language": recording.language, "seconds": round(clip.duration, 1)}
        for mode, fast in MODES.items():
            options = TranscriptionOptions(model=model, fast_mode=fast)
            engine.load_model(options)
            started_cpu, started = time.process_time(), time.monotonic()
            text = run_transcription(engine, clip, options, JobContext()).text
            row[f"{mode}_cpu_seconds"] = round(time.process_time() - started_cpu, 2)
            row[f"{mode}_wall_seconds"] = round(time.monotonic() - started, 2)
            row[f"{mode}_error"] = round(error_rate(recording.language, recording.reference, text), 4)
        per_file[recording.path.name] = row
        print(f"fast_mode: {recording.path.name} {json.dumps(row)}", file=sys.stderr, flush=True)
        by_language[recording.language].append((recording.path.name, clip.duration))
    return {"model": model, "per_language": _summary(per_file, by_language), "per_file": per_file}


def _summary(per_file: dict[str, dict], by_language: dict[str, list[tuple[str, float]]]) -> dict:
    groups = {**by_language, "all": [item for items in by_language.values() for item in items]}
    summary = {}
    for language, items in sorted(groups.items()):
        rows = [(per_file[name], seconds) for name, seconds in items]
        cpu = {mode: sum(float(row[f"{mode}_cpu_seconds"]) for row, _s in rows) for mode in MODES}
        summary[language] = {
            "files": len(rows),
            "seconds": round(sum(seconds for _row, seconds in rows), 1),
            "cpu_ratio_fast_to_sequential": round(cpu["fast"] / cpu["sequential"], 3) if cpu["sequential"] else None,
            **{f"{mode}_error": weighted([(float(row[f"{mode}_error"]), s) for row, s in rows]) for mode in MODES},
        }
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fast_mode")
    parser.add_argument("--model", default="base")
    parser.add_argument("--files", default=None, help="only these file names, comma-separated")
    arguments = parser.parse_args()
    results = run(arguments.model, arguments.files.split(",") if arguments.files else None)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
