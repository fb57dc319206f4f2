"""The Hugging Face Hub's model API: ``GET /api/models/{id}?expand[]=inferenceProviderMapping``.

The mapping is an object keyed by provider, each with ``providerId``, ``status`` and
``task``, as the Hub sends it for one model; an unknown model is a 404 ``{"error": …}``.
The official client asks ``?expand=…`` and the app ``?expand[]=…``; both are answered.
"""

from __future__ import annotations

from typing import Any

from tests.engines.remote.servers.fake_http_server import FakeServer, ReceivedRequest, Reply

SPEECH_RECOGNITION = "automatic-speech-recognition"
SEED_MODEL = "openai/whisper-large-v3"


def live(provider_id: str, task: str = SPEECH_RECOGNITION, status: str = "live") -> dict[str, str]:
    return {"status": status, "providerId": provider_id, "task": task}


class FakeHubServer(FakeServer):
    def __init__(self, mappings: dict[str, dict[str, dict[str, str]]]) -> None:
        super().__init__(api_key=None)  # public models: no token needed
        self.mappings = mappings

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        return Reply.of_json({"error": message, **(extra or {})}, status)

    def route(self, request: ReceivedRequest) -> Reply:
        if request.method != "GET" or not request.path.startswith("/api/models/"):
            return self.error_reply(404, "Sorry, we can't find the page you are looking for.")
        model = request.path.removeprefix("/api/models/")
        if model not in self.mappings:
            return self.error_reply(404, "Repository not found")
        expand = request.query.get("expand[]", []) + request.query.get("expand", [])
        document: dict[str, Any] = {"_id": f"id-{len(model)}", "id": model}
        if "inferenceProviderMapping" in expand:
            document["inferenceProviderMapping"] = self.mappings[model]
        else:
            document.update({"pipeline_tag": SPEECH_RECOGNITION, "library_name": "transformers"})
        return Reply.of_json(document)
