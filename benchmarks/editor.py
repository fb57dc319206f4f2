"""The editor's core on a three-hour podcast: 10,000 segments with word timings and probabilities.

`python -m benchmarks.editor` prints the figures and writes benchmarks/results/editor.json.
Goals: project load < 0.5 s, find-all < 50 ms, replace-all and its undo < 200 ms each,
project save < 200 ms, the transcript in memory < 150 MB. Each time is the median of five runs.
Also measured: how long an autosave on a worker thread keeps the main thread waiting (the GUI's
16 ms frame is the bound that matters to the Qt layer).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.editing.find_replace import SearchQuery, count_matches, find_all, replace_all
from app.core.editing.segment_edit import snapshot_of
from app.core.project_file import ViewState, load_project, save_project
from app.core.recovery import RecoveryStore
from app.core.transcript import Segment, Transcript, Word
from benchmarks.results import save_results

_COMMON = [
    "the", "and", "to", "of", "a", "in", "that", "is", "it", "you", "i", "was", "for", "on", "with", "as", "we",
    "they", "this", "but", "so", "going", "thinking", "really",
]


def podcast(segments: int = 10_000, words_per_segment: int = 12, seed: int = 7) -> Transcript:
    """Synthetic recognition output: three speakers, word times in centiseconds, full-precision probabilities."""
    rng = random.Random(seed)
    vocabulary = _COMMON * 120 + ["".join(rng.choices("abcdefghijklmnoprstuvwy", k=rng.randint(3, 9)))
                                 for _ in range(3000)]
    result, clock = [], 0.0
    speaker = "Host"
    for index in range(segments):
        if index % 7 == 0:
            speaker = rng.choice(["Host", "Guest", "Caller"])
        tokens = rng.choices(vocabulary, k=words_per_segment)
        tokens[0] = tokens[0].capitalize()
        tokens[-1] += rng.choice([".", ".", "?", ","])
        words, start = [], clock
        for token in tokens:
            length = rng.uniform(0.15, 0.6)
            words.append(Word(round(clock, 2), round(clock + length, 2), token, rng.random()))
            clock += length + rng.choice([0.0, 0.02, 0.1])
        result.append(Segment(round(start, 2), round(clock, 2), " ".join(tokens), speaker, words))
        clock += rng.uniform(0.1, 1.5)
    return Transcript(result, language="en", duration=clock, media_path="/podcasts/episode.mp3",
                      engine="faster-whisper", options={"model": "base", "word_timestamps": True})


def median_seconds(run: Callable[[], object], rounds: int = 5) -> float:
    """Wall-clock seconds, the median of ``rounds`` runs."""
    times = []
    for _ in range(rounds):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def median_cpu_seconds(run: Callable[[], object], rounds: int = 5) -> float:
    """This process's CPU seconds: what the figure would be on a machine nobody else is using."""
    times = []
    for _ in range(rounds):
        gc.collect()
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return statistics.median(times)


def find_all_figures(transcript: Transcript, query: SearchQuery) -> dict[str, Any]:
    def find() -> None:
        find_all(transcript, query)

    return {"query": query.text, "matches": count_matches(transcript, query), "ms": _ms(median_seconds(find))}


def replace_all_and_undo(transcript: Transcript, query: SearchQuery, replacement: str) -> dict[str, Any]:
    apply_times, undo_times, changed = [], [], 0
    for _ in range(5):
        gc.collect()
        started = time.perf_counter()
        edit = replace_all(transcript, query, replacement)
        edit.apply(transcript)
        apply_times.append(time.perf_counter() - started)
        changed = sum(len(s.inserted) for s in edit.splices)
        started = time.perf_counter()
        edit.revert(transcript)
        undo_times.append(time.perf_counter() - started)
    return {"query": query.text, "segments_changed": changed,
            "replace_all_ms": _ms(statistics.median(apply_times)), "undo_ms": _ms(statistics.median(undo_times))}


def autosave_longest_pause_ms(transcript: Transcript, folder: Path) -> dict[str, float]:
    """An autosave on a worker thread, as the window will do it: the longest the main thread waits meanwhile.

    The main thread sleeps 1 ms at a time; anything longer between wake-ups is the autosave holding
    the GIL, or the machine being busy: the same loop with no autosave gives that baseline.
    """
    store = RecoveryStore(folder)
    snapshot = snapshot_of(transcript)
    worker = threading.Thread(target=store.save, args=("bench", snapshot, ViewState(), "episode.earshot"))
    started = time.perf_counter()
    worker.start()
    during = _longest_sleep_overrun(worker.is_alive)
    seconds = time.perf_counter() - started
    idle_until = time.perf_counter() + seconds
    baseline = _longest_sleep_overrun(lambda: time.perf_counter() < idle_until)
    return {"autosave_ms": _ms(seconds), "longest_pause_ms": _ms(during), "idle_longest_pause_ms": _ms(baseline)}


def _longest_sleep_overrun(running: Callable[[], bool]) -> float:
    longest = 0.0
    while running():
        before = time.perf_counter()
        time.sleep(0.001)
        longest = max(longest, time.perf_counter() - before - 0.001)
    return longest


def transcript_megabytes(project: Path) -> float:
    """What the loaded transcript keeps allocated (tracemalloc), words and all."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    loaded = load_project(project)
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert loaded.transcript.segments
    return round(kept / 1e6, 1)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def run(segments: int) -> dict[str, Any]:
    transcript = podcast(segments)
    words = sum(len(s.words) for s in transcript.segments)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "episode.earshot"
        def save() -> None:
            save_project(project, transcript, ViewState(5000, 5400.0))

        def load() -> None:
            load_project(project)

        save_ms, save_cpu_ms = _ms(median_seconds(save)), _ms(median_cpu_seconds(save))
        load_ms, load_cpu_ms = _ms(median_seconds(load)), _ms(median_cpu_seconds(load))
        memory = transcript_megabytes(project)
        autosave = autosave_longest_pause_ms(transcript, Path(folder) / "recovery")
        size = project.stat().st_size
    common = SearchQuery("the", whole_words=True)
    regex = SearchQuery(r"\b(\w+)ing\b", regex=True)
    return {
        "segments": segments, "words": words, "project_megabytes": round(size / 1e6, 1),
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "project_save_ms": save_ms, "project_save_cpu_ms": save_cpu_ms,
        "project_load_ms": load_ms, "project_load_cpu_ms": load_cpu_ms, "transcript_memory_mb": memory,
        "autosave_on_a_thread": autosave,
        "find_all": [find_all_figures(transcript, q)
                     for q in (common, regex, SearchQuery("Caller", include_speakers=True))],
        "replace_all": [
            replace_all_and_undo(transcript, common, "a"),
            replace_all_and_undo(transcript, SearchQuery("Caller", match_case=True, include_speakers=True), "Jo"),
        ],
        "goals": {"project_load_ms": 500, "find_all_ms": 50, "replace_all_ms": 200, "undo_ms": 200,
                  "project_save_ms": 200, "transcript_memory_mb": 150},
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.editor")
    parser.add_argument("--segments", type=int, default=10_000)
    save_results("editor.json", run(parser.parse_args().segments))


if __name__ == "__main__":
    main()
