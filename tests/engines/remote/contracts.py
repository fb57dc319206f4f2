"""Each remote contract as one object: its fake server, an engine pointed at it, and where faults go."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.engines.base import TranscriptionEngine
from app.engines.remote.dashscope_paraformer import DashScopeParaformerEngine, PollSchedule
from app.engines.remote.flash_asr import FlashAsrEngine
from app.engines.remote.hf_inference import HuggingFaceInferenceEngine
from app.engines.remote.hf_providers.engine import HuggingFaceProvidersEngine, ProviderSettings
from app.engines.remote.openai_compatible import OpenAICompatibleEngine
from app.engines.remote.service_client import HttpSettings
from tests.engines.remote.servers.dashscope_server import FakeDashScopeServer
from tests.engines.remote.servers.deepinfra_server import FakeDeepInfraServer
from tests.engines.remote.servers.fake_http_server import FakeServer
from tests.engines.remote.servers.fal_server import FakeFalServer
from tests.engines.remote.servers.flash_server import FakeFlashServer
from tests.engines.remote.servers.hf_server import FakeHuggingFaceServer
from tests.engines.remote.servers.openai_server import FakeOpenAIServer
from tests.engines.remote.servers.provider_server import FakeProviderServer
from tests.engines.remote.servers.recogniser import Recogniser
from tests.engines.remote.servers.replicate_server import FakeReplicateServer

QUICK_POLL = PollSchedule(first_interval=0.02, longest_interval=0.1, give_up_after=30)


@dataclass(frozen=True)
class Contract:
    kind: str
    start_server: Callable[[Recogniser], FakeServer]
    engine_for: Callable[..., TranscriptionEngine]  # (server, http settings, api key, model) -> engine
    recognition_path: str  # the request that carries the audio: where faults are injected
    model: str
    recognition_repeatable: bool = True  # False: a lost reply is not asked again (it would start a second task)

    def engine(self, server: FakeServer, http: HttpSettings, api_key: str | None = None, model: str | None = None):
        key = server.api_key if api_key is None else api_key
        return self.engine_for(server, http, key, self.model if model is None else model)


def provider_engine(server: FakeProviderServer, http: HttpSettings, key: str | None, model: str) -> TranscriptionEngine:
    """An HF model through ``server``: the router with an hf_ token, else the provider directly."""
    settings = ProviderSettings(provider=server.provider, hub_url=server.hub.root, provider_url=server.base_url,
                                poll=QUICK_POLL, cache_folder=server.mapping_cache)
    return HuggingFaceProvidersEngine(server.root, model, key, settings, http)


def routed(server_class: type[FakeProviderServer]) -> Callable[[Recogniser], FakeServer]:
    return lambda recogniser: server_class(recogniser, routed=True)


CONTRACTS = [
    Contract(
        "openai", FakeOpenAIServer,
        lambda server, http, key, model: OpenAICompatibleEngine(server.base_url, model, key, http=http),
        "/audio/transcriptions", "whisper-1",
    ),
    Contract(
        "hf", FakeHuggingFaceServer,
        lambda server, http, key, model: HuggingFaceInferenceEngine(server.endpoint, model, key, http=http),
        "/hf-inference/models/", "openai/whisper-large-v3",
    ),
    Contract(
        "flash", FakeFlashServer,
        lambda server, http, key, model: FlashAsrEngine(server.root, model, key, http=http),
        "/v1/audio/asr/flash", "asr-model-1",
    ),
    Contract(
        "dashscope", FakeDashScopeServer,
        lambda server, http, key, model: DashScopeParaformerEngine(server.base_url, model, key, poll=QUICK_POLL,
                                                                   http=http),
        "/services/audio/asr/transcription", "paraformer-v2", recognition_repeatable=False,
    ),
    Contract("hf-fal-ai", routed(FakeFalServer), provider_engine, "/fal-ai/fal-ai/whisper", "openai/whisper-large-v3"),
    Contract("hf-replicate", routed(FakeReplicateServer), provider_engine, "/replicate/v1/predictions",
             "openai/whisper-large-v3", recognition_repeatable=False),
    Contract("hf-deepinfra", FakeDeepInfraServer, provider_engine, "/v1/openai/audio/transcriptions",
             "openai/whisper-large-v3"),
]
