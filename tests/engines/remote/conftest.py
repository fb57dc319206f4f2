"""Fixtures for the remote engines: the fake servers, decoded speech and a quick HTTP policy."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from app.core.audio import SAMPLE_RATE, AudioClip, decode_audio
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


@pytest.fixture(scope="session")
def long_speech(jfk_clip) -> AudioClip:
    """jfk.flac three times with a second of silence between: 35 s of real speech with pauses."""
    pause = np.zeros(SAMPLE_RATE, dtype=np.float32)
    samples = np.concatenate([jfk_clip.samples, pause, jfk_clip.samples, pause, jfk_clip.samples])
    return AudioClip(samples)


@pytest.fixture
def openai_server(recogniser) -> Iterator:
    from tests.engines.remote.servers.openai_server import FakeOpenAIServer

    with FakeOpenAIServer(recogniser) as server:
        yield server
