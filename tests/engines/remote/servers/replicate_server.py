"""Replicate's predictions, as ``openai/whisper`` runs there.

``POST /v1/predictions`` with ``{"version", "input": {"audio"}}`` (or the model's own
``/v1/models/{owner}/{name}/predictions``) makes a prediction; with ``Prefer: wait`` the
answer holds the output when it is ready within the wait, otherwise the prediction is
``starting`` and ``GET /v1/predictions/{id}`` is polled until it has ``succeeded``
(or ``failed`` with ``error``). ``output`` comes in the shapes the client reads:
an object with timed ``segments`` and ``transcription`` (openai/whisper), a string, a
list, or an object with only a ``txt_file`` URL. Errors are problem details:
``{"title", "detail", "status"}``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from tests.engines.remote.servers.fake_http_server import ReceivedRequest, Reply
from tests.engines.remote.servers.provider_server import FakeProviderServer, text_of
from tests.engines.remote.servers.recogniser import Recognised

VERSION = "8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e"
SEGMENTS, STRING, LIST, TXT_FILE = "segments", "string", "list", "txt_file"


@dataclass
class Prediction:
    id: str
    recognised: Recognised
    polls_left: int
    canceled: bool = False


class FakeReplicateServer(FakeProviderServer):
    provider = "replicate"
    provider_id = f"openai/whisper:{VERSION}"

    def __init__(self, *args: Any, polls_before_done: int = 0, output: str = SEGMENTS,
                 fail_with: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.polls_before_done = polls_before_done
        self.output = output
        self.fail_with = fail_with
        self.predictions: dict[str, Prediction] = {}
        self.bodies: list[dict[str, Any]] = []
        self._ids = (f"pred{n:04d}" for n in itertools.count(1))

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        titles = {401: "Unauthenticated", 404: "Not found", 422: "Input validation failed", 429: "Too many requests"}
        return Reply.of_json({"title": titles.get(status, "Error"), "detail": message, "status": status,
                              **(extra or {})}, status)

    def serve(self, request: ReceivedRequest, path: str) -> Reply:
        if request.method == "POST" and path == "/v1/predictions":
            return self._create(request, request.json().get("version"))
        if request.method == "POST" and path == "/v1/models/openai/whisper/predictions":
            return self._create(request, VERSION)
        if request.method == "GET" and path.startswith("/v1/predictions/"):
            return self._poll(path.removeprefix("/v1/predictions/"))
        if request.method == "POST" and path.startswith("/v1/predictions/") and path.endswith("/cancel"):
            return self._cancel(path.removeprefix("/v1/predictions/").removesuffix("/cancel"))
        return self.error_reply(404, "The requested resource could not be found.")

    def route(self, request: ReceivedRequest) -> Reply:
        if request.method == "GET" and request.path.startswith("/files/"):  # a delivery URL: no key needed
            prediction = self.predictions.get(request.path.removeprefix("/files/").removesuffix(".txt"))
            if prediction is None:
                return Reply(404, b"not found", "text/plain")
            return Reply(200, text_of(prediction.recognised).strip().encode(), "text/plain; charset=utf-8")
        return super().route(request)

    def _create(self, request: ReceivedRequest, version: Any) -> Reply:
        body = request.json()
        self.bodies.append(body)
        if version != VERSION:
            return self.error_reply(422, f"Invalid version or not permitted: {version}")
        try:
            recognised = self.recognise_data_url((body.get("input") or {}).get("audio"))
        except ValueError as error:
            return self.error_reply(422, f"input.audio: {error}")
        prediction = Prediction(next(self._ids), recognised, self.polls_before_done)
        self.predictions[prediction.id] = prediction
        waited = request.header("Prefer") == "wait"
        return Reply.of_json(self._document(prediction, done=waited and prediction.polls_left == 0), 201)

    def _poll(self, prediction_id: str) -> Reply:
        prediction = self.predictions.get(prediction_id)
        if prediction is None:
            return self.error_reply(404, "The requested resource could not be found.")
        prediction.polls_left = max(0, prediction.polls_left - 1)
        return Reply.of_json(self._document(prediction, done=prediction.polls_left == 0))

    def _cancel(self, prediction_id: str) -> Reply:
        prediction = self.predictions.get(prediction_id)
        if prediction is None:
            return self.error_reply(404, "The requested resource could not be found.")
        prediction.canceled = True
        return Reply.of_json({**self._document(prediction, done=False), "status": "canceled"})

    def _document(self, prediction: Prediction, done: bool) -> dict[str, Any]:
        document: dict[str, Any] = {
            "id": prediction.id, "model": "openai/whisper", "version": VERSION, "status": "starting",
            "output": None, "error": None, "urls": {
                "get": f"https://api.replicate.com/v1/predictions/{prediction.id}",
                "cancel": f"https://api.replicate.com/v1/predictions/{prediction.id}/cancel",
            },
        }
        if not done:
            document["status"] = "processing" if prediction.polls_left < self.polls_before_done else "starting"
            return document
        if self.fail_with:
            return {**document, "status": "failed", "error": self.fail_with}
        return {**document, "status": "succeeded", "output": self._output(prediction)}

    def _output(self, prediction: Prediction) -> Any:
        text = text_of(prediction.recognised).strip()
        if self.output == STRING:
            return text
        if self.output == LIST:
            return [text]
        if self.output == TXT_FILE:
            return {"txt_file": f"{self.root}/files/{prediction.id}.txt", "transcription": None}
        segments = [{"id": n, "start": s.start, "end": s.end, "text": " " + s.text}
                    for n, s in enumerate(prediction.recognised.segments)]
        return {"segments": segments, "transcription": text, "translation": None, "txt_file": None,
                "srt_file": None, "detected_language": "english"}
