"""fal.ai's speech recognition (``fal-ai/whisper``): JSON with ``audio_url``, ``{"text", "chunks"}`` back.

Errors are FastAPI's: ``{"detail": "…"}``, and for a bad body a 422 with a list of
``{"loc", "msg", "type"}``. Its own keys come as ``Authorization: Key …``.
"""

from __future__ import annotations

from typing import Any

from tests.engines.remote.servers.fake_http_server import ReceivedRequest, Reply
from tests.engines.remote.servers.provider_server import FakeProviderServer, chunks_of, text_of


class FakeFalServer(FakeProviderServer):
    provider = "fal-ai"
    provider_id = "fal-ai/whisper"
    auth_scheme = "Key"

    def __init__(self, *args: Any, chunks: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chunks = chunks
        self.bodies: list[dict[str, Any]] = []

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        return Reply.of_json({"detail": message, **(extra or {})}, status)

    def serve(self, request: ReceivedRequest, path: str) -> Reply:
        if request.method != "POST" or path != f"/{self.provider_id}":
            return self.error_reply(404, f"Application '{path.strip('/')}' not found")
        body = request.json()
        self.bodies.append(body)
        try:
            recognised = self.recognise_data_url(body.get("audio_url"))
        except ValueError as error:
            return Reply.of_json({"detail": [{"loc": ["body", "audio_url"], "msg": str(error),
                                              "type": "value_error"}]}, 422)
        answer: dict[str, Any] = {"text": text_of(recognised).strip(), "inferred_languages": ["en"],
                                  "diarization_segments": []}
        if self.chunks:
            answer["chunks"] = chunks_of(recognised)
        return Reply.of_json(answer)
