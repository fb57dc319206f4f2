"""DeepInfra's OpenAI-compatible transcription: multipart to ``/v1/openai/audio/transcriptions``.

The ``model`` field is DeepInfra's own model id; ``segments`` with times come with
``verbose_json``. Errors are ``{"detail": {"error": "…"}}``.
"""

from __future__ import annotations

from typing import Any

from tests.engines.remote.servers.fake_http_server import ReceivedRequest, Reply, parse_multipart
from tests.engines.remote.servers.provider_server import FakeProviderServer, text_of
from tests.engines.remote.servers.recogniser import UndecodableAudio

ROUTE = "/v1/openai/audio/transcriptions"


class FakeDeepInfraServer(FakeProviderServer):
    provider = "deepinfra"
    provider_id = "openai/whisper-large-v3"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forms: list[dict[str, list[str]]] = []

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        return Reply.of_json({"detail": {"error": message, **(extra or {})}}, status)

    def serve(self, request: ReceivedRequest, path: str) -> Reply:
        if request.method != "POST" or path != ROUTE:
            return self.error_reply(404, "Not Found")
        try:
            fields, files = parse_multipart(request)
        except ValueError as error:
            return self.error_reply(400, str(error))
        self.forms.append(fields)
        if fields.get("model") != [self.provider_id]:
            return self.error_reply(404, f"Model is not available: {fields.get('model')}")
        if "file" not in files:
            return self.error_reply(422, "file is required")
        try:
            recognised = self.recogniser.recognise_upload(files["file"].data, ".flac")
        except UndecodableAudio:
            return self.error_reply(400, "Invalid audio file")
        answer: dict[str, Any] = {"text": text_of(recognised).strip()}
        if fields.get("response_format") == ["verbose_json"]:
            answer.update(task="transcribe", language="en", duration=recognised.duration, segments=[
                {"id": n, "start": s.start, "end": s.end, "text": " " + s.text}
                for n, s in enumerate(recognised.segments)
            ])
        return Reply.of_json(answer)
