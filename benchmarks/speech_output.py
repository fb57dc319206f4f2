"""Speech output benchmark: time to the first audio, local (pyttsx3 worker) and remote (the local OpenAI test server).

Both synthesisers hand over audio a sentence at a time, so playback starts after the first
sentence rather than after the whole text. Measured: seconds from the call to the first sentence's
audio, and to the whole text, for a ten-sentence text. The remote server speaks with espeak-ng, so
the figures are the pipeline's own cost, not a real TTS model's.

Run alone with `python -m benchmarks.speech_output`; `make bench` runs it too.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

TEXT = " ".join(f"This is sentence number {n}, read aloud for the benchmark." for n in range(1, 11))


def run() -> dict:
    from app.engines.remote.openai_compatible import OpenAICompatibleEngine
    from app.engines.speech_output import LocalSpeechSynthesiser, RemoteSpeechSynthesiser, SpeechSettings
    from tests.engines.remote.servers.openai_server import FakeOpenAIServer

    local = LocalSpeechSynthesiser()
    results = {"local": _timed(lambda heard: local.synthesise(TEXT, SpeechSettings(), heard))}
    with FakeOpenAIServer(recogniser=None) as server:  # speech only: nothing to recognise
        engine = OpenAICompatibleEngine(server.base_url, "tts-1", server.api_key)
        remote = RemoteSpeechSynthesiser(engine, "alloy")
        results["remote_openai_compatible"] = _timed(lambda heard: remote.synthesise(TEXT, heard))
    return {"sentences": 10, **results}


def _timed(synthesise: Callable[[Callable], object]) -> dict:
    first: list[float] = []
    started = time.monotonic()
    synthesise(lambda _sentence: first.append(time.monotonic() - started) if not first else None)
    return {"first_audio_seconds": round(first[0], 3), "whole_text_seconds": round(time.monotonic() - started, 3)}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
