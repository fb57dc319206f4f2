"""Fixtures for the remote engines: the fake servers, decoded speech and a quick HTTP policy."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.audio import AudioClip, decode_audio
from app.engines.remote.service_client import HttpSettings
from tests.engines.remote.servers.recogniser import Recogniser

# Short retry delays: fault tests stay fast, and still exercise every wait. The read timeout leaves room
# for the servers' own recognition on a loaded 2-core machine.
QUICK_HTTP = HttpSettings(connect_timeout=2.0, read_timeout=30.0, attempts=4, first_delay=0.05, max_delay=1.0)


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


@pytest.fixture(scope="session")
def certificate_authority():
    """A certificate authority made for the tests (trustme), trusted only where a test says so."""
    import trustme

    return trustme.CA()


@pytest.fixture(scope="session")
def server_tls(certificate_authority) -> ssl.SSLContext:
    """The servers' side of TLS: a certificate for 127.0.0.1 signed by the tests' authority."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate_authority.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@pytest.fixture
def ca_file(certificate_authority, tmp_path) -> Path:
    path = tmp_path / "company-ca.pem"
    certificate_authority.cert_pem.write_to_path(str(path))
    return path
