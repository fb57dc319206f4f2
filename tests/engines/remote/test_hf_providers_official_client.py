"""huggingface_hub's own InferenceClient(provider=…) pointed at the same local servers: they are faithful.

The client has no address option for providers: the router's URL template, the Hub's
endpoint and a provider's direct URL are module constants, patched here (for the
official client only). Its provider-mapping lookup is cached per process; cleared here.
"""

from __future__ import annotations

import pytest
from huggingface_hub import InferenceClient, constants
from huggingface_hub.inference._providers import PROVIDERS
from huggingface_hub.inference._providers._common import _fetch_inference_provider_mapping

from tests.conftest import JFK_REFERENCE
from tests.engines.remote.servers.deepinfra_server import FakeDeepInfraServer
from tests.engines.remote.servers.fal_server import FakeFalServer
from tests.engines.remote.servers.hub_server import SEED_MODEL
from tests.engines.remote.servers.provider_server import HF_TOKEN
from tests.engines.remote.servers.replicate_server import VERSION, FakeReplicateServer
from tests.speech import word_error_rate


@pytest.fixture
def official_client_at(monkeypatch):
    def point(server) -> None:
        monkeypatch.setattr(constants, "INFERENCE_PROXY_TEMPLATE", f"{server.root}/{{provider}}")
        monkeypatch.setattr(constants, "ENDPOINT", server.hub.root)
        monkeypatch.setattr(PROVIDERS[server.provider]["automatic-speech-recognition"], "base_url", server.root)

    _fetch_inference_provider_mapping.cache_clear()
    yield point
    _fetch_inference_provider_mapping.cache_clear()


def test_the_seeds_example_as_written(recogniser, jfk_path, official_client_at) -> None:
    with FakeFalServer(recogniser, routed=True) as server:
        official_client_at(server)
        client = InferenceClient(provider="fal-ai", api_key=HF_TOKEN)
        output = client.automatic_speech_recognition(str(jfk_path), model=SEED_MODEL)
        assert server.requests[-1].path == "/fal-ai/fal-ai/whisper"
        assert server.hub.requests[-1].query.get("expand") == ["inferenceProviderMapping"]
    assert word_error_rate(JFK_REFERENCE, output.text) < 0.15


def test_fal_ai_with_its_own_key(recogniser, jfk_path, official_client_at) -> None:
    with FakeFalServer(recogniser) as server:
        official_client_at(server)
        client = InferenceClient(provider="fal-ai", api_key=server.api_key)
        output = client.automatic_speech_recognition(jfk_path.read_bytes(), model=SEED_MODEL)
        assert server.requests[-1].header("Authorization") == f"Key {server.api_key}"
    assert word_error_rate(JFK_REFERENCE, output.text) < 0.15


def test_replicate_through_the_router(recogniser, jfk_path, official_client_at) -> None:
    with FakeReplicateServer(recogniser, routed=True) as server:
        official_client_at(server)
        output = InferenceClient(provider="replicate", api_key=HF_TOKEN).automatic_speech_recognition(
            jfk_path.read_bytes(), model=SEED_MODEL)
        assert server.bodies[-1]["version"] == VERSION
        assert server.requests[-1].header("Prefer") == "wait"
    assert word_error_rate(JFK_REFERENCE, output.text) < 0.15


def test_deepinfra_through_the_router_with_timestamps(recogniser, jfk_path, official_client_at) -> None:
    with FakeDeepInfraServer(recogniser, routed=True) as server:
        official_client_at(server)
        output = InferenceClient(provider="deepinfra", api_key=HF_TOKEN).automatic_speech_recognition(
            jfk_path.read_bytes(), model=SEED_MODEL, extra_body={"response_format": "verbose_json"})
        assert server.forms[-1]["model"] == [server.provider_id]
    assert word_error_rate(JFK_REFERENCE, output.text) < 0.15
    assert output.chunks and output.chunks[1].timestamp[0] > 0


def test_automatic_choice_takes_the_hubs_first_provider(recogniser, jfk_path, official_client_at) -> None:
    with FakeFalServer(recogniser, routed=True) as server:
        official_client_at(server)
        output = InferenceClient(provider="auto", api_key=HF_TOKEN).automatic_speech_recognition(
            jfk_path.read_bytes(), model=SEED_MODEL)
    assert word_error_rate(JFK_REFERENCE, output.text) < 0.15
