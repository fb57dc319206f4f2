"""Hugging Face Inference for automatic speech recognition (remote-apis.md §2, seeds 000/001).

Raw audio bytes with an audio Content-Type, or JSON with base64 ``inputs`` and
``parameters``; ``{"text", "chunks"}`` back, chunks only with return_timestamps
and the last chunk's end null as the real pipeline sends it. A cold model answers
503 with ``estimated_time`` for the first ``cold_requests`` requests.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from tests.engines.remote.servers.fake_http_server import FakeServer, ReceivedRequest, Reply
from tests.engines.remote.servers.recogniser import Recogniser, UndecodableAudio

MODELS_PREFIX = "/hf-inference/models/"
# The seeds' table of generation parameters, written out here so the server does not trust the app's own list.
GENERATION_PARAMETERS = {
    "temperature", "top_k", "top_p", "typical_p", "epsilon_cutoff", "eta_cutoff", "max_length", "max_new_tokens",
    "min_length", "min_new_tokens", "do_sample", "early_stopping", "num_beams", "num_beam_groups",
    "penalty_alpha", "use_cache",
}
AUDIO_SUFFIXES = {"audio/flac": ".flac", "audio/x-flac": ".flac", "audio/wav": ".wav", "audio/x-wav": ".wav",
                  "audio/mpeg": ".mp3", "audio/ogg": ".ogg", "audio/webm": ".webm"}


class FakeHuggingFaceServer(FakeServer):
    def __init__(
        self,
        recogniser: Recogniser,
        models: tuple[str, ...] = ("openai/whisper-large-v3",),
        cold_requests: int = 0,
        estimated_time: float = 0.2,
        api_key: str | None = "hf_test",
    ) -> None:
        super().__init__(api_key)
        self.recogniser = recogniser
        self.models = models
        self.cold_requests = cold_requests
        self.estimated_time = estimated_time
        self.received_parameters: list[dict[str, Any] | None] = []

    @property
    def endpoint(self) -> str:
        return f"{self.root}{MODELS_PREFIX.rstrip('/')}"

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        return Reply.of_json({"error": message, **(extra or {})}, status)

    def route(self, request: ReceivedRequest) -> Reply:
        if denied := self.check_bearer(request):
            return denied
        if request.method != "POST" or not request.path.startswith(MODELS_PREFIX):
            return self.error_reply(404, "Not Found")
        model = request.path.removeprefix(MODELS_PREFIX)
        if model not in self.models:
            return self.error_reply(404, f"Model {model} does not exist")
        if self.cold_requests > 0:
            self.cold_requests -= 1
            return self.error_reply(503, f"Model {model} is currently loading", {"estimated_time": self.estimated_time})
        try:
            audio, suffix, parameters = self._audio_and_parameters(request)
        except ValueError as error:
            return self.error_reply(400, str(error))
        self.received_parameters.append(parameters)
        try:
            recognised = self.recogniser.recognise_upload(audio, suffix)
        except UndecodableAudio:
            return self.error_reply(400, "Malformed soundfile")
        return Reply.of_json(_answer(recognised, bool((parameters or {}).get("return_timestamps"))))

    @staticmethod
    def _audio_and_parameters(request: ReceivedRequest) -> tuple[bytes, str, dict[str, Any] | None]:
        content_type = (request.header("Content-Type") or "").split(";")[0].strip()
        if content_type in AUDIO_SUFFIXES or content_type in ("", "application/octet-stream"):
            return request.body, AUDIO_SUFFIXES.get(content_type, ".bin"), None  # raw bytes: sniffed, as HF does
        if content_type != "application/json":
            raise ValueError(f"Content type {content_type!r} not supported")
        document = request.json()
        try:
            audio = base64.b64decode(document["inputs"], validate=True)
        except (KeyError, TypeError, binascii.Error) as error:
            raise ValueError("inputs must be base64-encoded audio") from error
        parameters = document.get("parameters") or {}
        unknown = set(parameters) - {"return_timestamps", "generation_parameters"}
        unknown |= set(parameters.get("generation_parameters") or {}) - GENERATION_PARAMETERS
        if unknown:
            raise ValueError(f"unknown parameters: {sorted(unknown)}")
        return audio, ".bin", parameters


def _answer(recognised, with_timestamps: bool) -> dict[str, Any]:
    text = " " + " ".join(s.text for s in recognised.segments)
    if not with_timestamps:
        return {"text": text}
    chunks = [{"text": " " + s.text, "timestamp": [round(s.start, 2), round(s.end, 2)]} for s in recognised.segments]
    if chunks:
        chunks[-1]["timestamp"][1] = None
    return {"text": text, "chunks": chunks}
