"""Flash ASR for short audio (remote-apis.md §3, seed 003): raw body, options as headers, times in ms."""

from __future__ import annotations

import io
from typing import Any

import soundfile

from tests.engines.remote.servers.fake_http_server import FakeServer, ReceivedRequest, Reply
from tests.engines.remote.servers.recogniser import Recogniser, UndecodableAudio, decode_upload

FLASH_PATH = "/v1/audio/asr/flash"
FORMATS = {"wav": ".wav", "mp3": ".mp3", "flac": ".flac", "ogg": ".ogg", "opus": ".opus", "m4a": ".m4a"}
ERROR_TYPES = {400: "InvalidParameter", 401: "Unauthorized", 404: "ModelNotFound", 413: "RequestTooLarge",
               415: "UnsupportedMediaType", 429: "Throttling", 500: "InternalError", 503: "ServiceUnavailable"}


class FakeFlashServer(FakeServer):
    def __init__(
        self,
        recogniser: Recogniser,
        models: tuple[str, ...] = ("asr-model-1",),
        max_seconds: float = 60.0,
        api_key: str | None = "flash-key",
    ) -> None:
        super().__init__(api_key)
        self.recogniser = recogniser
        self.models = models
        self.max_seconds = max_seconds
        self.durations: list[float] = []

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        error = {"code": ERROR_TYPES.get(status, "Error"), "httpCode": status, "message": message,
                 "type": "ASR_ERROR", **(extra or {})}
        return Reply.of_json({"error": error}, status)

    def route(self, request: ReceivedRequest) -> Reply:
        if denied := self.check_bearer(request):
            return denied
        if (request.method, request.path) != ("POST", FLASH_PATH):
            return self.error_reply(404, f"No route for {request.method} {request.path}")
        audio_format = request.header("format") or "wav"
        if audio_format not in FORMATS and audio_format != "pcm":
            return self.error_reply(415, f"Unsupported audio format: {audio_format}")
        model = request.header("model")
        if model and model not in self.models:
            return self.error_reply(404, f"Model {model} not found")
        problem = _header_problem(request, audio_format)
        if problem:
            return self.error_reply(400, problem)
        try:
            audio = decode_upload(request.body, FORMATS.get(audio_format, ".wav"))
        except UndecodableAudio:
            return self.error_reply(400, f"The body is not {audio_format} audio")
        if audio.duration > self.max_seconds:
            return self.error_reply(413, f"Audio longer than {self.max_seconds:g} seconds")
        self.durations.append(audio.duration)
        recognised = self.recogniser.recognise(audio)
        sentences = [{"text": s.text, "begin_time": round(s.start * 1000), "end_time": round(s.end * 1000)}
                     for s in recognised.segments]
        return Reply.of_json({
            "task_id": f"asr-task-{len(self.requests)}", "user": "user-123",
            "flash_result": {"duration": round(audio.duration * 1000), "sentences": sentences},
        })


def _header_problem(request: ReceivedRequest, audio_format: str) -> str | None:
    for name in ("sample_rate", "max_sentence_silence"):
        value = request.header(name)
        if value is not None and not value.isdigit():
            return f"{name} must be an integer, got {value!r}"
    if audio_format == "wav":
        try:
            actual = soundfile.info(io.BytesIO(request.body)).samplerate
        except (RuntimeError, soundfile.LibsndfileError):
            return "The body is not a WAV file"
        declared = int(request.header("sample_rate") or 16000)
        if actual != declared:
            return f"sample_rate {declared} does not match the audio ({actual} Hz)"
    return None
