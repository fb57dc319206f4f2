"""Live lag on a CPU clock: the machine's load drops out, so a change to the live policy can be judged.

The local live transcriber (base, greedy, as the window and `listen` run it) is fed 60 s of the
UDHR preamble as if recorded in real time, but time is a virtual clock: audio arrives when the
clock passes its moment, and each call into the transcriber advances the clock by the CPU time
the process spent in it (every thread's: pessimistic where CTranslate2 works on both cores).
A word's lag is the clock at its commit minus its end in the audio. Nothing waits on a real
clock, so the figure is the same on a quiet machine and at load average 20.

`python -m benchmarks --only live_cpu_clock`.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import numpy as np

SPEECH = Path(__file__).resolve().parents[2] / "shared" / "audio" / "dev" / "en_librivox_udhr_preamble.mp3"
BLOCK_SECONDS = 0.1  # the recorder's block


def run(seconds: float = 60.0, model_name: str = "base") -> dict[str, object]:
    from app.core.audio import SAMPLE_RATE, decode_audio
    from app.core.transcript import Segment
    from app.engines.base import TranscriptionOptions
    from app.engines.faster_whisper_engine import FasterWhisperEngine
    from app.engines.live import LiveListeners, LocalLiveTranscriber

    audio = decode_audio(SPEECH).samples[: int(seconds * SAMPLE_RATE)]
    options = TranscriptionOptions(model=model_name, language="en", beam_size=1, word_timestamps=True)
    model = FasterWhisperEngine().load_model(options)
    clock = 0.0
    call_started = 0.0
    lags: list[tuple[float, str]] = []

    def committed(segments: list[Segment]) -> None:
        now = clock + time.process_time() - call_started
        lags.extend((now - word.end, word.text) for segment in segments for word in segment.words)

    live = LocalLiveTranscriber(model, options, LiveListeners(on_committed=committed))
    block = int(BLOCK_SECONDS * SAMPLE_RATE)
    fed = 0
    cpu_started = time.process_time()
    while fed < len(audio):
        arrived = min(len(audio), round(clock * SAMPLE_RATE) // block * block)  # round: (n / rate) * rate < n
        if arrived - fed < block:  # idle until the next block is recorded
            clock = (fed + block) / SAMPLE_RATE
            continue
        call_started = time.process_time()
        live.take_audio(audio[fed:arrived], ending=False)
        clock += time.process_time() - call_started
        fed = arrived
    call_started = time.process_time()
    live.take_audio(np.zeros(0, dtype=np.float32), ending=True)
    cpu_seconds = time.process_time() - cpu_started
    ordered = sorted(lag for lag, _ in lags)
    return {
        "audio": SPEECH.name, "seconds": seconds, "model": model_name, "beam_size": 1, "words": len(ordered),
        "median_seconds": round(statistics.median(ordered), 2) if ordered else None,
        "p95_seconds": round(ordered[int(0.95 * (len(ordered) - 1))], 2) if ordered else None,
        "max_seconds": round(ordered[-1], 2) if ordered else None,
        "cpu_seconds": round(cpu_seconds, 1), "goal_median_seconds": 3.0,
        "slowest_words": [f"{text} {lag:.1f}" for lag, text in sorted(lags, reverse=True)[:8]],
        "text": " ".join(text for _, text in lags),
    }


if __name__ == "__main__":
    from benchmarks.results import save_results

    save_results("live_cpu_clock.json", {"live_cpu_clock": run()})
