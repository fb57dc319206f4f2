"""Re-flow and import on pathological input: one SRT cue of many words, read, re-flowed and written.

Goal: linear, i.e. the time per word at the largest size within 1.5 times that at the smallest.
"""

from __future__ import annotations

import time
import tracemalloc

from app.core.formats import export_bytes, output_format
from app.core.formats.reading import read_transcript_text
from app.core.reflow import reflow
from app.core.reflow_tokens import transcript_tokens
from app.core.subtitle_rules import profile_rules
from app.core.transcript import Segment, Transcript, Word

SIZES = (50_000, 100_000, 200_000)


def one_long_cue_srt(word_count: int) -> str:
    words = " ".join(f"word{i % 97}" + ("." if i % 13 == 12 else "") for i in range(word_count))
    return f"1\n00:00:01,000 --> 01:00:00,000\n{words}\n"


def convert_seconds(word_count: int) -> float:
    text = one_long_cue_srt(word_count)
    started = time.perf_counter()
    transcript = read_transcript_text(text, ".srt", "“long.srt”")
    export_bytes(transcript, output_format("srt"), profile_rules("default"))
    return time.perf_counter() - started


def word_matching_seconds(word_count: int) -> float:
    """Recognised words spaced unlike the text ("to day" against "today")."""
    words = [Word(i * 0.3, i * 0.3 + 0.2, "to day") for i in range(word_count)]
    transcript = Transcript([Segment(0.0, word_count * 0.3, " ".join(["today"] * word_count), words=words)])
    started = time.perf_counter()
    transcript_tokens(transcript)
    return time.perf_counter() - started


def reflow_scaling() -> dict:
    results: dict = {"goal": "microseconds per word at the largest size <= 1.5 x the smallest"}
    for name, measure in (("convert_one_cue", convert_seconds), ("word_matching", word_matching_seconds)):
        per_word = {}
        for size in SIZES:
            per_word[size] = round(measure(size) / size * 1e6, 2)
        results[name] = {"microseconds_per_word": per_word, "ratio": round(per_word[SIZES[-1]] / per_word[SIZES[0]], 2)}
    tracemalloc.start()
    reflow(read_transcript_text(one_long_cue_srt(SIZES[-1]), ".srt", "“long.srt”"), profile_rules("default"))
    results["peak_bytes_per_word"] = round(tracemalloc.get_traced_memory()[1] / SIZES[-1])
    tracemalloc.stop()
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(reflow_scaling(), indent=2))
