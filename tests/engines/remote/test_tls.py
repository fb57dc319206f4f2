"""Remote services over real TLS: a certificate made by the tests, cancel, trust and its failures."""

from __future__ import annotations

import ssl
import threading
import time
from dataclasses import replace

import pytest

from app.core.errors import Cancelled, EngineError
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.openai_compatible import OpenAICompatibleEngine
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.conftest import QUICK_HTTP
from tests.engines.remote.contracts import CONTRACTS
from tests.engines.remote.servers.fake_http_server import Fault
from tests.engines.remote.servers.openai_server import FakeOpenAIServer
from tests.speech import word_error_rate


def wait_until(condition, seconds: float = 2.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


@pytest.mark.parametrize("contract", CONTRACTS, ids=[c.kind for c in CONTRACTS])
def test_cancel_over_https_stops_at_once_and_closes_the_connection(contract, recogniser, server_tls, ca_file,
                                                                   jfk_clip, monkeypatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    with contract.start_server(recogniser).use_tls(server_tls) as server:
        server.inject(Fault("slow", contract.recognition_path, seconds=20.0))
        engine = contract.engine(server, replace(QUICK_HTTP, ca_certificate_file=str(ca_file)))
        cancel = threading.Event()
        threading.Timer(0.5, cancel.set).start()
        began = time.monotonic()
        with pytest.raises(Cancelled):
            run_transcription(engine, jfk_clip, TranscriptionOptions(), JobContext(cancel_event=cancel))
        assert time.monotonic() - began < 10.0  # long before the slow server (20 s) or the read timeout (30 s)
        assert wait_until(lambda: server.connections_closed_by_client == 1)


def test_a_profile_ca_certificate_file_is_trusted_and_the_client_closed_after_the_job(
    recogniser, server_tls, ca_file, jfk_clip
) -> None:
    with FakeOpenAIServer(recogniser).use_tls(server_tls) as server:
        engine = OpenAICompatibleEngine(server.base_url, "whisper-1", server.api_key,
                                        http=replace(QUICK_HTTP, ca_certificate_file=str(ca_file)))
        transcript = run_transcription(engine, jfk_clip, TranscriptionOptions(), JobContext())
        assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
        assert wait_until(lambda: server.open_connections == 0)


def test_ssl_cert_file_is_honoured(recogniser, server_tls, ca_file, monkeypatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    with FakeOpenAIServer(recogniser).use_tls(server_tls) as server:
        engine = OpenAICompatibleEngine(server.base_url, "whisper-1", server.api_key, http=QUICK_HTTP)
        assert engine.check_connection(JobContext()).startswith("Connected")


def test_an_untrusted_certificate_is_one_sentence_naming_the_host_and_not_retried(
    recogniser, server_tls, monkeypatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    statuses: list[str] = []
    with FakeOpenAIServer(recogniser).use_tls(server_tls) as server:
        engine = OpenAICompatibleEngine(server.base_url, "whisper-1", server.api_key, http=QUICK_HTTP)
        with pytest.raises(EngineError) as raised:
            engine.check_connection(JobContext(on_status=statuses.append))
    assert str(raised.value).startswith("The certificate of 127.0.0.1 is not trusted: ")
    assert "certificate authority" in str(raised.value)
    assert str(raised.value).count(". ") == 0 and str(raised.value).endswith(".")
    assert statuses == []  # a certificate will not change by retrying


def test_a_certificate_for_another_host_says_so(recogniser, certificate_authority, ca_file) -> None:
    wrong_host = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate_authority.issue_cert("transcribe.example.org").configure_cert(wrong_host)
    with FakeOpenAIServer(recogniser).use_tls(wrong_host) as server:
        engine = OpenAICompatibleEngine(server.base_url, "whisper-1", server.api_key,
                                        http=replace(QUICK_HTTP, ca_certificate_file=str(ca_file)))
        with pytest.raises(EngineError, match=r"^The certificate of 127\.0\.0\.1 is not trusted: .*127\.0\.0\.1"):
            engine.check_connection(JobContext())


def test_an_unreadable_ca_certificate_file_is_one_sentence(tmp_path) -> None:
    not_a_certificate = tmp_path / "ca.pem"
    not_a_certificate.write_text("hello")
    engine = OpenAICompatibleEngine("https://127.0.0.1:9/v1", "whisper-1", None,
                                    http=replace(QUICK_HTTP, ca_certificate_file=str(not_a_certificate)))
    with pytest.raises(EngineError, match=r"^The CA certificate file “.*ca\.pem” cannot be used: .*\.$"):
        engine.check_connection(JobContext())
