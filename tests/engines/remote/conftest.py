"""Fixtures for the remote engines: the fake servers, decoded speech and a quick HTTP policy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.audio import AudioClip, decode_audio
from app.engines.remote.service_client import HttpSettings
from tests.engines.remote.servers.recogniser import Recogniser

# Short timeouts and retry delays: fault tests stay fast, and still exercise every wait.
QUICK_HTTP = HttpSettings(connect_timeout=2.0, read_timeout=10.0, attempts=4, first_delay=0.05, max_delay=1.0)


@pytest.fixture(scope="session")
def recogniser(local_engine) -> Recogniser:
    return Recogniser(local_engine)


@pytest.fixture(scope="session")
def jfk_clip(jfk_path) -> AudioClip:
    return decode_audio(jfk_path)


@pytest.fixture
def openai_server(recogniser) -> Iterator:
    from tests.engines.remote.servers.openai_server import FakeOpenAIServer

    with FakeOpenAIServer(recogniser) as server:
        yield server
