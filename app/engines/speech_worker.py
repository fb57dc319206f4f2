"""The pyttsx3 process: ``python -m app.engines.speech_worker voices|synthesise``.

pyttsx3's engine has a blocking run loop and is not thread-safe, so it lives in a process of its
own: the caller can never freeze, and stopping at once is terminating the process.

``voices`` prints a JSON list of the voices. ``synthesise`` reads a JSON request on standard
input ({"sentences": [...], "folder": ..., "voice": ..., "rate": ..., "volume": ...}) and writes
each sentence to ``folder/NNNNN.wav`` with pyttsx3's ``save_to_file`` (which every driver has:
espeak-ng, SAPI5, NSSpeechSynthesizer), printing a JSON line {"sentence": N, "path": ...} once each
is complete. Drivers print chatter of their own, so protocol lines go to a duplicate of the original
standard output and everything else to standard error.

"Complete" is the driver's finished-utterance, not the return of ``runAndWait``: espeak-ng's driver
returns from its first loop while espeak's own thread is still speaking, and writes the whole WAV
only when that thread reaches the sentence's end.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import wave
from pathlib import Path
from typing import Any, TextIO

SECONDS_PER_SENTENCE = 30.0  # espeak-ng speaks ~50 times faster than real time: generous even under load
SECONDS_PER_CHARACTER = 0.05
# A sentence's WAV came out empty once in CI on a busy machine (pyttsx3's espeak driver ignores the audio
# espeak hands it while it is not marked speaking, and drops the last callback's): such a sentence is said again.
ATTEMPTS_PER_SENTENCE = 3


def main(arguments: list[str]) -> int:
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr  # a driver's print() must not break the protocol
    os.dup2(sys.stderr.fileno(), 1)
    import pyttsx3

    try:
        engine = pyttsx3.init()
    except Exception as error:  # any driver failure: the caller turns it into one sentence
        _send(protocol, {"error": f"{type(error).__name__}: {error}"})
        return 1
    if arguments == ["voices"]:
        _send(protocol, {"voices": [_voice(v) for v in engine.getProperty("voices")]})
        return 0
    if arguments == ["synthesise"]:
        _synthesise(engine, json.loads(sys.stdin.read()), protocol)
        return 0
    print("usage: python -m app.engines.speech_worker voices|synthesise", file=sys.stderr)
    return 2


def _synthesise(engine: Any, request: dict[str, Any], protocol: TextIO) -> None:
    if request.get("voice"):
        engine.setProperty("voice", request["voice"])
    if request.get("rate"):
        engine.setProperty("rate", int(request["rate"]))
    engine.setProperty("volume", float(request.get("volume", 1.0)))
    folder = Path(request["folder"])
    utterances = _Utterances(engine)
    said = 0  # utterances asked of the driver so far
    for index, sentence in enumerate(request["sentences"]):
        path = folder / f"{index:05d}.wav"
        for _attempt in range(ATTEMPTS_PER_SENTENCE):
            engine.save_to_file(sentence, str(path))
            engine.runAndWait()
            said += 1
            if not utterances.wait_until_finished(said, SECONDS_PER_SENTENCE + SECONDS_PER_CHARACTER * len(sentence)):
                raise SystemExit(f"sentence {index + 1} was not finished in time")
            if not path.is_file():
                raise SystemExit(f"sentence {index + 1} was not written")
            if _frames(path) > 0:
                break
        _send(protocol, {"sentence": index, "path": str(path)})  # still soundless: the caller says so


def _frames(path: Path) -> int:
    """How many samples the WAV holds (0 if it is not a WAV the driver finished)."""
    try:
        with wave.open(str(path), "rb") as written:
            return written.getnframes()
    except (OSError, EOFError, wave.Error):
        return 0


class _Utterances:
    """pyttsx3's finished-utterance notifications, counted (they come from the driver's thread). Counting the
    started ones instead is not enough: runAndWait can return before the driver has even said a sentence started."""

    def __init__(self, engine: Any) -> None:
        self._changed = threading.Condition()
        self._finished = 0
        engine.connect("finished-utterance", self._on_finished)

    def wait_until_finished(self, count: int, timeout: float) -> bool:
        """Whether ``count`` utterances have finished (their files written and closed) within ``timeout``."""
        with self._changed:
            return self._changed.wait_for(lambda: self._finished >= count, timeout)

    def _on_finished(self, **_: Any) -> None:
        with self._changed:
            self._finished += 1
            self._changed.notify_all()


def _voice(voice: Any) -> dict[str, Any]:
    languages = [lang.decode(errors="replace") if isinstance(lang, bytes) else str(lang)
                 for lang in (voice.languages or [])]
    return {"id": str(voice.id), "name": str(voice.name or voice.id), "languages": languages}


def _send(protocol: TextIO, message: dict[str, Any]) -> None:
    protocol.write(json.dumps(message) + "\n")
    protocol.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
