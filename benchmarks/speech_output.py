"""Speech output benchmark: time to the first audio, local (pyttsx3 worker) and remote (the local OpenAI test server).

Both synthesisers hand over audio a sentence at a time, so playback starts after the first
sentence rather than after the whole text. Measured: seconds from the call to the first sentence's
audio, and to the whole text, for a ten-sentence text. The remote server speaks with espeak-ng, so
the figures are the pipeline's own cost, not a real TTS model's.

Streamed remote speech: the time to the first sound in a real output (a PulseAudio null sink) for
one long sentence that the test server sends as it "makes" it (a quarter second of audio, then a
pause), read as it arrives (after) against the whole reply read first (before, as until now).

Run alone with `python -m benchmarks.speech_output`; `make bench` runs it too.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

TEXT = " ".join(f"This is sentence number {n}, read aloud for the benchmark." for n in range(1, 11))
LONG_SENTENCE = ("This one long sentence, which a server speaks a quarter of a second at a time while it is "
                 "still working out the rest, is read aloud to measure how soon the first sound is heard")
STREAM_PAUSE_SECONDS = 0.1  # per quarter second of audio: a server making speech 2.5 times faster than real time
ROUNDS = 3


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
    return {"sentences": 10, **results, "remote_streamed_first_sound": streamed_first_sound()}


def streamed_first_sound() -> dict:
    """Seconds from asking to the first sound in the sink, streamed and whole, median of a few rounds."""
    from app.engines.remote.openai_compatible import OpenAICompatibleEngine
    from app.engines.speech_output import RemoteSpeechSynthesiser
    from tests.engines.remote.servers.openai_server import FakeOpenAIServer
    from tests.pulseaudio_server import running_pulseaudio

    with tempfile.TemporaryDirectory() as folder, running_pulseaudio(Path(folder)), \
            FakeOpenAIServer(recogniser=None) as server:
        _restart_portaudio()
        server.speech_streaming.pause_seconds = STREAM_PAUSE_SECONDS
        engine = OpenAICompatibleEngine(server.base_url, "tts-1", server.api_key)
        streamed = RemoteSpeechSynthesiser(engine, "alloy", ask_to_stream=True)
        rounds = {
            "streamed": [_first_sound(lambda heard: streamed.synthesise(LONG_SENTENCE, heard)) for _ in range(ROUNDS)],
            "whole_reply": [_first_sound(lambda heard: _whole_reply(engine, heard)) for _ in range(ROUNDS)],
        }
    return {
        "audio_seconds_per_pause": {"audio": 0.25, "pause": STREAM_PAUSE_SECONDS},
        **{name: {"first_sound_seconds": round(statistics.median(times), 3)} for name, times in rounds.items()},
    }


def _first_sound(synthesise: Callable[[Callable], object]) -> float:
    from app.engines.speech_playback import SpeechPlayer

    player = SpeechPlayer(device="pulse")
    heard_at: list[float] = []
    watcher = threading.Thread(target=lambda: player.first_sound.wait(60) and heard_at.append(time.monotonic()))
    started = time.monotonic()
    watcher.start()
    synthesise(player.add)
    player.first_sound.wait(60)
    player.stop()  # the first sound is what is measured
    player.wait(10)
    watcher.join()
    return heard_at[0] - started


def _whole_reply(engine, heard: Callable) -> None:
    """What the client did before streaming: the whole reply read, then decoded, then played."""
    from app.core.sentences import sentence_spans
    from app.engines.base import JobContext
    from app.engines.speech_output import SpokenSentence, decoded_speech

    body = {"model": engine.model, "input": LONG_SENTENCE, "voice": "alloy", "response_format": "wav", "stream": True}
    response = engine.client.send("POST", f"{engine.base_url}/audio/speech", JobContext(), json=body)
    heard(SpokenSentence(sentence_spans(LONG_SENTENCE)[0], *decoded_speech(response.content)))


def _restart_portaudio() -> None:
    import sounddevice

    sounddevice._terminate()
    sounddevice._initialize()


def _timed(synthesise: Callable[[Callable], object]) -> dict:
    first: list[float] = []
    started = time.monotonic()
    synthesise(lambda _sentence: first.append(time.monotonic() - started) if not first else None)
    return {"first_audio_seconds": round(first[0], 3), "whole_text_seconds": round(time.monotonic() - started, 3)}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
