"""Text to speech, sentence by sentence: local pyttsx3 in its own process, or a server's /audio/speech.

Both synthesisers cut the text into sentences (``app/core/sentences.py``) and hand each one over,
with its place in the text, as soon as it is spoken, so playback can start with the first
sentence and a view can highlight the sentence being read. ``cancel_event`` stops at once: the
local worker process is killed, a remote request is cancelled.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import soundfile

from app.core.errors import Cancelled, SpeechOutputError
from app.core.sentences import TextSpan, sentence_spans
from app.core.streamed_audio import STREAMED_FORMATS, StreamedAudioDecoder
from app.core.text_translation import translated
from app.engines.base import JobContext
from app.engines.remote.openai_compatible import OpenAICompatibleEngine

REMOTE_SPEECH_LIMIT = 4096
_WORKER = [sys.executable, "-m", "app.engines.speech_worker"]


@dataclass(frozen=True, slots=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SpeechSettings:
    voice: str | None = None  # a voice id or name; None: the system's default
    rate: int | None = None  # words per minute; None: the voice's own
    volume: float = 1.0  # 0..1


@dataclass(frozen=True, slots=True)
class SpokenSentence:
    span: TextSpan  # where in the text it is, for highlighting
    samples: np.ndarray  # mono float32
    sample_rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.sample_rate


SentenceListener = Callable[[SpokenSentence], None]


def spoken_text_spans(text: str, limit: int | None = None) -> list[TextSpan]:
    spans = sentence_spans(text, limit)
    if not spans:
        raise SpeechOutputError(translated("There is no text to speak."))
    return spans


class LocalSpeechSynthesiser:
    """pyttsx3 (espeak-ng, SAPI5, NSSpeechSynthesizer) run by ``python -m app.engines.speech_worker``."""

    def voices(self) -> list[Voice]:
        reply = list(_WorkerMessages(["voices"], None, None))
        return [Voice(str(v["id"]), str(v["name"]), tuple(str(x) for x in v["languages"])) for v in reply[0]["voices"]]

    def find_voice(self, wanted: str) -> Voice:
        """The voice whose id or name is ``wanted`` (case aside), else one sentence naming a few."""
        voices = self.voices()
        for voice in voices:
            if wanted.casefold() in (voice.id.casefold(), voice.name.casefold()):
                return voice
        some = ", ".join(v.name for v in voices[:6])
        raise SpeechOutputError(translated(
            "There is no voice called “{wanted}” (there are {number_of_voices}, such as {some})."
        ).format(wanted=wanted, number_of_voices=len(voices), some=some))

    def synthesise(self, text: str, settings: SpeechSettings, on_sentence: SentenceListener | None = None,
                   cancel_event: threading.Event | None = None) -> list[SpokenSentence]:
        spans = spoken_text_spans(text)
        with tempfile.TemporaryDirectory(prefix="earshot-speech-") as folder:
            request = {"sentences": [s.text for s in spans], "folder": folder, "voice": settings.voice,
                       "rate": settings.rate, "volume": settings.volume}
            spoken = []
            for message in _WorkerMessages(["synthesise"], request, cancel_event):
                span, path = _written_sentence(message, spans, folder)
                sentence = SpokenSentence(span, *written_speech(path, span))
                spoken.append(sentence)
                if on_sentence is not None:
                    on_sentence(sentence)
        return spoken


def written_speech(path: str, span: TextSpan) -> tuple[np.ndarray, int]:
    """The WAV the worker wrote for ``span``, as mono float32; one sentence if it is not audio or is silent."""
    try:
        samples, rate = soundfile.read(path, dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError) as error:
        raise SpeechOutputError(translated(
            "The speech engine's audio cannot be read: {error}."
        ).format(error=error)) from error
    if samples.size == 0 or rate <= 0:
        raise SpeechOutputError(translated(
            "The speech engine made no sound for “{sentence}”."
        ).format(sentence=span.text[:80]))
    return samples.mean(axis=1), int(rate)


def _written_sentence(message: dict[str, Any], spans: list[TextSpan], folder: str) -> tuple[TextSpan, str]:
    """Which sentence a worker's message says is written, and where: a sentence of the request, in its folder."""
    index, path = message.get("sentence"), message.get("path")
    if (not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(spans)
            or not isinstance(path, str) or os.path.dirname(path) != folder):
        raise _unreadable_message()
    return spans[index], path


class _WorkerMessages:
    """The worker's JSON lines, one by one; killed at once when ``cancel_event`` is set."""

    def __init__(self, arguments: list[str], request: dict[str, Any] | None,
                 cancel_event: threading.Event | None) -> None:
        self._arguments = arguments
        self._request = request
        self._cancel_event = cancel_event or threading.Event()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        try:
            process = subprocess.Popen([*_WORKER, *self._arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True, encoding="utf-8")
        except OSError as error:
            raise SpeechOutputError(translated(
                "Cannot start the speech engine: {reason}."
            ).format(reason=error.strerror or error)) from error
        done = threading.Event()
        watcher = threading.Thread(target=self._kill_on_cancel, args=(process, done), daemon=True)
        watcher.start()
        try:
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(json.dumps(self._request or {}))
            process.stdin.close()
            for line in process.stdout:
                message = _worker_message(line)
                if "error" in message:
                    raise SpeechOutputError(translated(
                        "The system's speech engine cannot start ({message})."
                    ).format(message=message['error']))
                yield message
            if self._cancel_event.is_set():
                raise Cancelled()
            if process.wait() != 0:
                raise SpeechOutputError(translated(
                    "The speech engine failed: {last_line}."
                ).format(last_line=_last_line(process)))
        finally:
            done.set()
            if process.poll() is None:
                process.kill()
            process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()

    def _kill_on_cancel(self, process: subprocess.Popen[str], done: threading.Event) -> None:
        while not done.is_set():
            if self._cancel_event.wait(0.05):
                process.kill()
                return


class RemoteSpeechSynthesiser:
    """An OpenAI-compatible profile's /audio/speech, one request per sentence (each under 4,096 characters).

    WAV and PCM replies are decoded as they arrive, so ``on_sentence`` hears each sentence in pieces
    (all with the sentence's span) while the server is still sending it; ``ask_to_stream`` asks
    Xinference to send audio as it is made. Other formats (flac, mp3) are decoded once complete.
    """

    def __init__(self, engine: OpenAICompatibleEngine, voice: str, speed: float = 1.0,
                 audio_format: str = "wav", ask_to_stream: bool = False) -> None:
        self.engine = engine
        self.voice = voice
        self.speed = speed
        self.audio_format = audio_format
        self.ask_to_stream = ask_to_stream

    def synthesise(self, text: str, on_sentence: SentenceListener | None = None,
                   cancel_event: threading.Event | None = None) -> list[SpokenSentence]:
        context = JobContext(cancel_event=cancel_event)
        spoken = []
        for span in spoken_text_spans(text, REMOTE_SPEECH_LIMIT):
            context.check_cancelled()
            if self.audio_format in STREAMED_FORMATS:
                sentence = self._streamed(span, context, on_sentence)
            else:
                audio = self.engine.synthesise_speech(span.text, self.voice, context, self.audio_format, self.speed)
                sentence = SpokenSentence(span, *decoded_speech(audio))
                if on_sentence is not None:
                    on_sentence(sentence)
            spoken.append(sentence)
        return spoken

    def _streamed(self, span: TextSpan, context: JobContext, on_sentence: SentenceListener | None) -> SpokenSentence:
        decoder = StreamedAudioDecoder(self.audio_format)
        pieces: list[np.ndarray] = []

        def arrived(chunk: bytes) -> None:
            samples = decoder.feed(chunk)
            if samples.size and decoder.sample_rate is not None:
                pieces.append(samples)
                if on_sentence is not None:
                    on_sentence(SpokenSentence(span, samples, decoder.sample_rate))

        self.engine.stream_speech(span.text, self.voice, context, arrived, self.audio_format, self.speed,
                                  self.ask_to_stream)
        decoder.finish()
        assert decoder.sample_rate is not None
        return SpokenSentence(span, np.concatenate(pieces), decoder.sample_rate)


def decoded_speech(audio: bytes) -> tuple[np.ndarray, int]:
    """A server's WAV/FLAC reply as mono float32; one sentence if it is not audio."""
    try:
        samples, rate = soundfile.read(io.BytesIO(audio), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError, ValueError) as error:
        raise SpeechOutputError(translated("The server's speech reply is not audio this app can read.")) from error
    if samples.size == 0:
        raise SpeechOutputError(translated("The server sent empty speech audio."))
    return samples.mean(axis=1), int(rate)


def _worker_message(line: str) -> dict[str, Any]:
    try:
        message = json.loads(line)
    except ValueError:
        message = None
    if not isinstance(message, dict):
        raise _unreadable_message()
    return message


def _unreadable_message() -> SpeechOutputError:
    return SpeechOutputError(translated("The speech engine sent a message this app cannot read."))


def _last_line(process: subprocess.Popen[str]) -> str:
    text = process.stderr.read() if process.stderr is not None else ""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200].rstrip(".") if lines else f"exit status {process.returncode}"

