"""The OpenAI audio API (remote-apis.md §1) as OpenAI or Xinference serve it.

It checks the multipart form like the real services (file with an extension,
model, response_format, granularities only with verbose_json, ISO-639-1 language),
recognises the uploaded audio with tiny.en, and answers in the documented shapes.
``answers`` degrades it like the servers the contract warns about. /audio/speech with Xinference's
``stream: true`` sends WAV or PCM with chunked transfer, a slice of audio at a time with pauses
between (``SpeechStreaming``), and can hold everything after the first slice until a test says so.
"""

from __future__ import annotations

import io
import struct
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import soundfile
from scipy.signal import resample_poly

from app.core.languages import LANGUAGES
from tests.engines.remote.servers.fake_http_server import FakeServer, ReceivedRequest, Reply, parse_multipart
from tests.engines.remote.servers.recogniser import Recogniser, UndecodableAudio

RESPONSE_FORMATS = ("json", "text", "srt", "verbose_json", "vtt")
SPEECH_FORMATS = {"wav": "WAV", "flac": "FLAC", "mp3": "MP3", "pcm": "RAW"}
STREAMED_SPEECH_FORMATS = ("wav", "pcm")
PCM_RATE = 24_000  # OpenAI's raw pcm: 24 kHz, 16-bit signed little-endian, mono
FULL, WORDS_ONLY, TEXT_ONLY, JSON_ONLY, PLAIN_TEXT = "full", "words_only", "text_only", "json_only", "plain_text"


@dataclass
class SpeechStreaming:
    """How streamed speech is sent: ``chunk_seconds`` of audio, then ``pause_seconds``, until the end.

    With ``hold`` set, everything after the first slice waits until the event is set (or
    ``hold_timeout`` passes); ``log`` records what happened in order, for tests that assert order.
    """

    chunk_seconds: float = 0.25
    pause_seconds: float = 0.05
    hold: threading.Event | None = None
    hold_timeout: float = 20.0
    log: list[str] = field(default_factory=list)


class FakeOpenAIServer(FakeServer):
    def __init__(
        self,
        recogniser: Recogniser,
        models: tuple[str, ...] = ("whisper-1", "tts-1"),
        flavour: str = "openai",  # or "xinference": FastAPI's {"detail": ...} errors
        answers: str = FULL,
        max_upload_bytes: int = 25 * 1024 * 1024,
        api_key: str | None = "test-key",
    ) -> None:
        super().__init__(api_key)
        self.recogniser = recogniser
        self.models = models
        self.flavour = flavour
        self.answers = answers
        self.max_upload_bytes = max_upload_bytes
        self.forms: list[dict[str, list[str]]] = []
        self.speech_streaming = SpeechStreaming()

    @property
    def base_url(self) -> str:
        return f"{self.root}/v1"

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        if self.flavour == "xinference":
            return Reply.of_json({"detail": message, **(extra or {})}, status)
        kinds = {401: "invalid_request_error", 404: "invalid_request_error", 429: "rate_limit_exceeded"}
        error = {"message": message, "type": kinds.get(status, "server_error"), "param": None, "code": None}
        return Reply.of_json({"error": {**error, **(extra or {})}}, status)

    def route(self, request: ReceivedRequest) -> Reply:
        if denied := self.check_bearer(request):
            return denied
        handlers = {
            ("GET", "/v1/models"): self._models,
            ("POST", "/v1/audio/transcriptions"): self._recognise,
            ("POST", "/v1/audio/translations"): self._recognise,
            ("POST", "/v1/audio/speech"): self._speech,
        }
        handler = handlers.get((request.method, request.path))
        if handler is None:
            return self.error_reply(404, f"Invalid URL ({request.method} {request.path})")
        return handler(request)

    def _models(self, _request: ReceivedRequest) -> Reply:
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "tests", "model_type": "audio"}
                for m in self.models]
        return Reply.of_json({"object": "list", "data": data})

    def _recognise(self, request: ReceivedRequest) -> Reply:
        try:
            fields, files = parse_multipart(request)
        except ValueError as error:
            return self.error_reply(400, str(error))
        self.forms.append(fields)
        problem = self._form_problem(request, fields, files)
        if problem:
            return problem
        upload = files["file"]
        try:
            recognised = self.recogniser.recognise_upload(upload.data, Path(upload.filename).suffix)
        except UndecodableAudio:
            return self.error_reply(400, "Invalid file format or corrupted audio")
        text = " ".join(s.text for s in recognised.segments)
        response_format = _one(fields, "response_format") or "json"
        if self.answers == PLAIN_TEXT or response_format == "text":
            return Reply(200, text.encode(), "text/plain; charset=utf-8")
        if self.answers == JSON_ONLY or response_format == "json":
            return Reply.of_json({"text": text})
        return Reply.of_json(self._verbose(recognised, text, fields, request.path.endswith("translations")))

    def _form_problem(self, request: ReceivedRequest, fields: dict, files: dict) -> Reply | None:
        upload = files.get("file")
        if upload is None or not Path(upload.filename).suffix:
            return self.error_reply(400, "file must be uploaded with a filename that has an extension")
        if len(upload.data) > self.max_upload_bytes:
            return self.error_reply(413, f"Maximum content size limit ({self.max_upload_bytes}) exceeded")
        model = _one(fields, "model")
        if not model:
            return self.error_reply(400, "you must provide a model parameter")
        if model not in self.models:
            return self.error_reply(404, f"The model `{model}` does not exist or you do not have access to it.")
        response_format = _one(fields, "response_format") or "json"
        if response_format not in RESPONSE_FORMATS:
            return self.error_reply(400, f"Invalid response_format: {response_format}")
        granularities = fields.get("timestamp_granularities[]", [])
        if granularities and response_format != "verbose_json":
            return self.error_reply(400, "timestamp_granularities requires response_format=verbose_json")
        if set(granularities) - {"word", "segment"}:
            return self.error_reply(400, f"Invalid timestamp_granularities: {granularities}")
        language = _one(fields, "language")
        if language and (request.path.endswith("translations") or language not in LANGUAGES):
            return self.error_reply(400, f"Invalid language: {language}")
        float(_one(fields, "temperature") or 0)
        return None

    def _verbose(self, recognised, text: str, fields: dict, translating: bool) -> dict[str, Any]:
        granularities = fields.get("timestamp_granularities[]") or ["segment"]
        document: dict[str, Any] = {
            "task": "translate" if translating else "transcribe",
            "language": "english", "duration": recognised.duration, "text": text,
        }
        if self.answers == TEXT_ONLY:
            return document
        words = [{"word": w.text, "start": w.start, "end": w.end} for s in recognised.segments for w in s.words]
        if "segment" in granularities and self.answers == FULL:
            document["segments"] = [
                {"id": i, "seek": 0, "start": s.start, "end": s.end, "text": " " + s.text, "tokens": [],
                 "temperature": 0.0, "avg_logprob": -0.2, "compression_ratio": 1.2, "no_speech_prob": 0.01}
                for i, s in enumerate(recognised.segments)
            ]
        if "word" in granularities:
            document["words"] = words
        return document

    def _speech(self, request: ReceivedRequest) -> Reply:
        try:
            body = request.json()
        except ValueError:
            return self.error_reply(400, "the body must be JSON")
        problem = _speech_problem(body, self.models)
        if problem:
            return self.error_reply(*problem)
        audio_format = body.get("response_format", "mp3")
        if body.get("stream") is True:
            if audio_format not in STREAMED_SPEECH_FORMATS:
                return self.error_reply(400, f"stream supports {', '.join(STREAMED_SPEECH_FORMATS)} only")
            samples, rate = _spoken_samples(body["input"], float(body.get("speed", 1.0)), audio_format)
            return Reply(200, content_type=f"audio/{audio_format}",
                         chunks=self._streamed(samples, rate, audio_format == "wav"))
        return Reply(200, _spoken(body["input"], float(body.get("speed", 1.0)), audio_format), f"audio/{audio_format}")

    def _streamed(self, samples: np.ndarray, rate: int, with_header: bool) -> Iterator[bytes]:
        """A streaming server's WAV (sizes unknown, so 0xFFFFFFFF) or raw PCM, a slice at a time."""
        streaming = self.speech_streaming
        pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
        step = 2 * max(1, int(streaming.chunk_seconds * rate))
        slices = [pcm[start:start + step] for start in range(0, len(pcm), step)]
        yield (_streaming_wav_header(rate) if with_header else b"") + slices[0]
        streaming.log.append("first slice sent")
        if streaming.hold is not None:
            released = streaming.hold.wait(streaming.hold_timeout)
            streaming.log.append("released by the client" if released else "released by the timeout")
        for piece in slices[1:]:
            time.sleep(streaming.pause_seconds)
            yield piece
        streaming.log.append("last slice sent")


def _speech_problem(body: Any, models: tuple[str, ...]) -> tuple[int, str] | None:
    if not isinstance(body, dict) or not body.get("input") or not body.get("voice"):
        return 400, "input and voice are required"
    if body.get("model") not in models:
        return 404, f"The model `{body.get('model')}` does not exist"
    if len(body["input"]) > 4096:
        return 400, "input must be at most 4096 characters"
    if body.get("response_format", "mp3") not in SPEECH_FORMATS:
        return 400, f"Unsupported response_format {body.get('response_format')}"
    if not 0.25 <= float(body.get("speed", 1.0)) <= 4.0:
        return 400, "speed must be between 0.25 and 4.0"
    return None


def _spoken(text: str, speed: float, audio_format: str) -> bytes:
    """``text`` really spoken (espeak-ng), in the requested container."""
    samples, rate = _spoken_samples(text, speed, audio_format)
    if audio_format == "pcm":
        return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format=SPEECH_FORMATS[audio_format])
    return buffer.getvalue()


def _spoken_samples(text: str, speed: float, audio_format: str) -> tuple[np.ndarray, int]:
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "speech.wav"
        subprocess.run(["espeak-ng", "-s", str(int(160 * speed)), "-w", str(wav), text], check=True)
        samples, rate = soundfile.read(wav, dtype="float32")
    if audio_format == "pcm" and rate != PCM_RATE:
        samples, rate = resample_poly(samples, PCM_RATE, rate).astype(np.float32), PCM_RATE
    return samples, rate


def _streaming_wav_header(rate: int) -> bytes:
    unknown = 0xFFFFFFFF
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * 2, 2, 16)
    return b"RIFF" + struct.pack("<I", unknown) + b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt \
        + b"data" + struct.pack("<I", unknown)


def _one(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values else None
