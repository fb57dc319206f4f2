"""What the providers' fake servers share: reached directly or through the router, and a Hub that lists them.

Through the router (``routed=True``) a provider's routes sit under ``/{provider}`` and a
Hugging Face token is the key, as ``Bearer hf_…``; directly they sit at the root and
the provider's own key is sent in the provider's own scheme (fal.ai: ``Key …``). Each
server starts a Hub that maps the seed's model to it, so an engine finds it as it would
on huggingface.co.
"""

from __future__ import annotations

import base64
import binascii
import tempfile
from pathlib import Path
from typing import Any

from tests.engines.remote.servers.fake_http_server import FakeServer, ReceivedRequest, Reply
from tests.engines.remote.servers.hub_server import SEED_MODEL, FakeHubServer, live
from tests.engines.remote.servers.recogniser import Recognised, Recogniser, UndecodableAudio

HF_TOKEN = "hf_test"


class FakeProviderServer(FakeServer):
    provider = ""
    provider_id = ""  # the provider's name for the seed's model
    auth_scheme = "Bearer"  # of the provider's own keys

    def __init__(self, recogniser: Recogniser, routed: bool = False, api_key: str | None = None) -> None:
        super().__init__(api_key or (HF_TOKEN if routed else f"{self.provider}-own-key"))
        self.recogniser = recogniser
        self.prefix = f"/{self.provider}" if routed else ""
        self.hub = FakeHubServer({SEED_MODEL: {self.provider: live(self.provider_id)}})
        self._mapping_cache = tempfile.TemporaryDirectory(prefix="hf-mappings-")

    @property
    def mapping_cache(self) -> Path:
        """A cache folder of this server's own, so no engine reads a mapping another test's Hub gave."""
        return Path(self._mapping_cache.name)

    def __enter__(self) -> FakeProviderServer:
        super().__enter__()
        self.hub.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.hub.__exit__(*exc)
        super().__exit__(*exc)
        self._mapping_cache.cleanup()

    @property
    def base_url(self) -> str:
        """Where the provider's routes begin: the router's ``/{provider}``, or the provider's root."""
        return f"{self.root}{self.prefix}"

    def route(self, request: ReceivedRequest) -> Reply:
        if not request.path.startswith(self.prefix + "/"):
            return self.error_reply(404, "Not Found")
        if denied := self.check_key(request):
            return denied
        return self.serve(request, request.path.removeprefix(self.prefix))

    def serve(self, request: ReceivedRequest, path: str) -> Reply:
        raise NotImplementedError

    def check_key(self, request: ReceivedRequest) -> Reply | None:
        assert self.api_key is not None
        scheme = "Bearer" if self.api_key.startswith("hf_") else self.auth_scheme
        given = request.header("Authorization")
        if given is None:
            return self.error_reply(401, "You didn't provide an API key")
        if given != f"{scheme} {self.api_key}":
            return self.error_reply(401, f"Incorrect API key provided: {given.partition(' ')[2]}")
        return None

    def recognise_data_url(self, url: Any) -> Recognised:
        """The audio of a ``data:audio/…;base64,…`` URL; ValueError when it is anything else."""
        if not isinstance(url, str) or not url.startswith("data:audio/") or ";base64," not in url:
            raise ValueError("audio must be a data:audio/...;base64 URL or an https URL")
        try:
            audio = base64.b64decode(url.partition(";base64,")[2], validate=True)
        except binascii.Error as error:
            raise ValueError("the data URL is not valid base64") from error
        try:
            return self.recogniser.recognise_upload(audio)
        except UndecodableAudio as error:
            raise ValueError("the audio could not be decoded") from error


def chunks_of(recognised: Recognised) -> list[dict[str, Any]]:
    return [{"timestamp": [round(s.start, 2), round(s.end, 2)], "text": " " + s.text} for s in recognised.segments]


def text_of(recognised: Recognised) -> str:
    return " " + " ".join(s.text for s in recognised.segments)
