"""Which providers run a model, from the Hugging Face Hub, kept a day in the app's cache folder.

``GET {hub}/api/models/{model}?expand[]=inferenceProviderMapping`` answers, per provider,
the provider's own model id, a status (live, staging, error) and the task. The Hub sends
it as an object keyed by provider (or, in model lists, as a list with a ``provider``
field); both are read. A cached copy that is older than a day, or damaged, is fetched again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from app.core.atomic_write import write_text_atomically
from app.core.errors import EngineError
from app.core.paths import cache_dir
from app.engines.base import JobContext
from app.engines.remote.reply_shape import ReplyPart, checked
from app.engines.remote.service_client import HttpSettings, ServiceClient

log = logging.getLogger(__name__)

HUB_NAME = "the Hugging Face Hub"
DEFAULT_HUB_URL = "https://huggingface.co"
CACHE_SECONDS = 24 * 3600.0
CACHE_FOLDER_NAME = "hf-provider-mappings"


def default_hub_url() -> str:
    """The Hub's address; HF_ENDPOINT moves it, as it does for huggingface_hub's own client."""
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_HUB_URL).rstrip("/")


@dataclass(frozen=True, slots=True)
class ProviderMapping:
    provider: str  # "fal-ai"
    provider_id: str  # the provider's own name for the model: "fal-ai/whisper"
    status: str  # live | staging | error
    task: str  # "automatic-speech-recognition"


class ProviderMappings:
    """Looks up a model's providers on the Hub, through a one-day cache."""

    def __init__(
        self,
        hub_url: str,
        token: str | None,
        http: HttpSettings | None = None,
        cache_folder: Path | None = None,
        max_age: float = CACHE_SECONDS,
    ) -> None:
        self.hub_url = hub_url.rstrip("/")
        self.cache_folder = cache_folder or cache_dir() / CACHE_FOLDER_NAME
        self.max_age = max_age
        # Only a Hugging Face token goes to the Hub; a provider's own key is no business of it.
        self._client = ServiceClient(HUB_NAME, token if token and token.startswith("hf_") else None, http)

    def lookup(self, model: str, context: JobContext) -> list[ProviderMapping]:
        cached = self._cached(model)
        if cached is not None:
            return cached
        mappings = self.fetch(model, context)
        self._store(model, mappings)
        return mappings

    def fetch(self, model: str, context: JobContext) -> list[ProviderMapping]:
        """Straight from the Hub (what the dialog's button does; it refreshes the cache too)."""
        url = f"{self.hub_url}/api/models/{quote(model.strip('/'), safe='/')}"
        document = self._client.send_for_json(
            "GET", url, context, params={"expand[]": "inferenceProviderMapping"}, model=model
        )
        mappings = mappings_from_reply(document, HUB_NAME)
        self._store(model, mappings)
        return mappings

    def _cache_path(self, model: str) -> Path:
        name = hashlib.sha256(f"{self.hub_url}\n{model}".encode()).hexdigest()[:32]
        return self.cache_folder / f"{name}.json"

    def _cached(self, model: str) -> list[ProviderMapping] | None:
        path = self._cache_path(model)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            fresh = 0 <= time.time() - float(document["fetched_at"]) < self.max_age
            same = document["hub"] == self.hub_url and document["model"] == model
            return mappings_from_reply(document["reply"], "The cache") if fresh and same else None
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, EngineError) as error:
            log.warning("ignored a damaged provider cache %s: %s", path.name, error)
            return None

    def _store(self, model: str, mappings: list[ProviderMapping]) -> None:
        reply = {m.provider: {k: v for k, v in asdict(m).items() if k != "provider"} for m in mappings}
        for entry in reply.values():
            entry["providerId"] = entry.pop("provider_id")
        document = {"fetched_at": time.time(), "hub": self.hub_url, "model": model, "reply": {
            "inferenceProviderMapping": reply}}
        try:
            write_text_atomically(self._cache_path(model), json.dumps(document, indent=1) + "\n")
        except OSError as error:  # a cache that cannot be written costs a lookup next time, nothing more
            log.warning("could not cache the providers of %s: %s", model, error)


def mappings_from_reply(document: Any, service: str) -> list[ProviderMapping]:
    reply = checked(document, service, "a model's providers")
    mapping = reply.optional("inferenceProviderMapping", "provider mapping")
    if mapping is None:
        return []
    if isinstance(mapping.value, list):
        return [_mapping(item, item.field("provider", "provider").text()) for item in mapping.items("provider")]
    return [
        _mapping(ReplyPart(value, (f"provider {provider}",), None, mapping.subject), provider)
        for provider, value in mapping.object().items()
    ]


def _mapping(item: ReplyPart, provider: str) -> ProviderMapping:
    return ProviderMapping(
        provider=provider,
        provider_id=item.field("providerId", "provider's model id").text(),
        status=item.optional_text("status", "status") or "live",
        task=item.field("task", "task").text(),
    )
