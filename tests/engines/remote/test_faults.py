"""Every contract's server injects the faults of the issue; each ends in a correct transcript or one sentence."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest

from app.core.errors import Cancelled, EngineError
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.conftest import QUICK_HTTP
from tests.engines.remote.contracts import CONTRACTS, Contract
from tests.engines.remote.servers.fake_http_server import Fault, Reply
from tests.speech import word_error_rate

pytestmark = pytest.mark.parametrize("contract", CONTRACTS, ids=[c.kind for c in CONTRACTS])


@pytest.fixture
def started(contract: Contract, recogniser):
    with contract.start_server(recogniser) as server:
        yield server


def transcribe(engine, clip, statuses: list[str] | None = None, cancel: threading.Event | None = None):
    context = JobContext(on_status=(statuses.append if statuses is not None else None), cancel_event=cancel)
    return run_transcription(engine, clip, TranscriptionOptions(), context)


def assert_jfk(transcript) -> None:
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15


def test_rate_limit_with_retry_after_then_success(contract, started, jfk_clip) -> None:
    started.inject(Fault("status", contract.recognition_path, 429, "Rate limit reached", {"Retry-After": "0.2"}))
    statuses: list[str] = []
    began = time.monotonic()
    assert_jfk(transcribe(contract.engine(started, QUICK_HTTP), jfk_clip, statuses))
    assert time.monotonic() - began >= 0.2  # Retry-After was honoured, not the 0.05 s backoff
    assert len(started.requests_to(contract.recognition_path)) == 2
    assert any("rate-limiting" in s for s in statuses)


def test_unavailable_then_success(contract, started, jfk_clip) -> None:
    started.inject(Fault("status", contract.recognition_path, 503, "Service temporarily unavailable",
                         {"Retry-After": "0.1"}))
    assert_jfk(transcribe(contract.engine(started, QUICK_HTTP), jfk_clip))
    assert len(started.requests_to(contract.recognition_path)) == 2


def test_server_error_is_one_sentence_with_its_message_and_not_retried(contract, started, jfk_clip) -> None:
    started.inject(Fault("status", contract.recognition_path, 500, "decoder crashed on batch 7"))
    engine = contract.engine(started, QUICK_HTTP)
    with pytest.raises(EngineError) as raised:
        transcribe(engine, jfk_clip)
    assert "server error (HTTP 500): decoder crashed on batch 7." in str(raised.value)
    assert str(raised.value).count(". ") == 0
    assert len(started.requests_to(contract.recognition_path)) == 1
    assert_jfk(transcribe(engine, jfk_clip))  # the same engine works again: the app stays usable


def test_connection_dropped_mid_response_is_retried_unless_that_could_cost_twice(contract, started, jfk_clip) -> None:
    started.inject(Fault("drop", contract.recognition_path))
    if not contract.recognition_repeatable:
        with pytest.raises(EngineError, match=r"broke off before it answered; the request may have arrived, so it "
                                              r"was not sent again\.$"):
            transcribe(contract.engine(started, QUICK_HTTP), jfk_clip)
        assert len(started.requests_to(contract.recognition_path)) == 1
        return
    assert_jfk(transcribe(contract.engine(started, QUICK_HTTP), jfk_clip))
    assert len(started.requests_to(contract.recognition_path)) == 2


def test_connection_dropping_every_time_gives_up_with_a_sentence(contract, started, jfk_clip) -> None:
    started.inject(Fault("drop", contract.recognition_path), times=QUICK_HTTP.attempts)
    with pytest.raises(EngineError, match=r"kept breaking off; try again later|so it was not sent again"):
        transcribe(contract.engine(started, QUICK_HTTP), jfk_clip)


def test_malformed_json(contract, started, jfk_clip) -> None:
    started.inject(Fault("malformed", contract.recognition_path))
    with pytest.raises(EngineError, match="sent a reply that is not valid JSON"):
        transcribe(contract.engine(started, QUICK_HTTP), jfk_clip)


def test_empty_reply(contract, started, jfk_clip) -> None:
    started.inject(Fault("empty", contract.recognition_path))
    with pytest.raises(EngineError, match="sent an empty reply"):
        transcribe(contract.engine(started, QUICK_HTTP), jfk_clip)


SIGN_IN_PAGE = b"<!DOCTYPE html>\n<html><head><title>Proxy</title></head><body>Sign in to continue</body></html>"
UNREADABLE_REPLIES = {
    "html-page": (Reply(200, SIGN_IN_PAGE, "text/html; charset=utf-8"), r"answered with a web page instead of data"),
    "html-labelled-json": (Reply(200, SIGN_IN_PAGE, "application/json"), r"answered with a web page instead of data"),
    "html-labelled-text": (Reply(200, SIGN_IN_PAGE, "text/plain"), r"answered with a web page instead of data"),
    "invalid-utf8": (Reply(200, b'{"text": "caf\xe9 au lait"}'),
                     r"sent a reply that is not valid UTF-8 \(at byte 13\)\.$"),
    "nan": (Reply(200, b'{"text": "x", "duration": NaN}'), r"sent a number that is not finite \(NaN\)\.$"),
    "infinity": (Reply(200, b'{"text": "x", "duration": 1e999}'), r"sent a number that is not finite \(1e999\)\.$"),
    "deep-nesting": (Reply(200, b"[" * 100_000 + b"]" * 100_000), r"sent a reply nested too deeply to read\.$"),
}


@pytest.mark.parametrize("name", UNREADABLE_REPLIES)
def test_an_unreadable_reply_is_one_sentence_and_never_the_transcript(contract, started, jfk_clip, name) -> None:
    reply, sentence = UNREADABLE_REPLIES[name]
    started.inject(Fault("reply", contract.recognition_path, reply=reply))
    with pytest.raises(EngineError, match=sentence) as raised:
        transcribe(contract.engine(started, QUICK_HTTP), jfk_clip)
    assert "Sign in" not in str(raised.value)
    assert len(started.requests_to(contract.recognition_path)) == 1


def test_an_unreadable_error_body_still_gives_the_status_in_one_sentence(contract, started, jfk_clip) -> None:
    nested = b'{"error": ' * 50_000 + b'"deep"' + b"}" * 50_000
    started.inject(Fault("reply", contract.recognition_path, reply=Reply(500, nested)))
    with pytest.raises(EngineError, match=r"failed with a server error \(HTTP 500\)\.$"):
        transcribe(contract.engine(started, QUICK_HTTP), jfk_clip)


def test_a_reply_over_the_size_cap_is_refused(contract, started, jfk_clip) -> None:
    huge = b'{"text": "' + b"la " * 400_000 + b'"}'
    started.inject(Fault("reply", contract.recognition_path, reply=Reply(200, huge)))
    with pytest.raises(EngineError, match=r"sent a reply larger than 1 MB; it cannot be what was asked for\.$"):
        transcribe(contract.engine(started, replace(QUICK_HTTP, max_reply_bytes=2**20)), jfk_clip)


def test_slowness_past_the_read_timeout(contract, started, jfk_clip) -> None:
    started.inject(Fault("slow", contract.recognition_path, seconds=5.0))
    impatient = replace(QUICK_HTTP, read_timeout=0.4)
    began = time.monotonic()
    with pytest.raises(EngineError, match=r"did not answer within 0\.4 seconds\.$"):
        transcribe(contract.engine(started, impatient), jfk_clip)
    assert time.monotonic() - began < 3


def test_bad_key_is_named_and_never_repeated(contract, started, jfk_clip) -> None:
    wrong_key = "sk-wrong-0123456789abcdef"
    with pytest.raises(EngineError, match="rejected the API key") as raised:
        transcribe(contract.engine(started, QUICK_HTTP, api_key=wrong_key), jfk_clip)
    assert wrong_key not in str(raised.value)
    assert "Incorrect API key provided: •••" in str(raised.value)  # the server echoed it; the app masked it
    assert len(started.requests) == 1  # a 401 will fail again: not retried


def test_unknown_model(contract, started, jfk_clip) -> None:
    with pytest.raises(EngineError, match=r"does not know the model “no-such-model”|Model not exist: no-such-model"):
        transcribe(contract.engine(started, QUICK_HTTP, model="no-such-model"), jfk_clip)


def test_persistent_rate_limit_gives_up(contract, started, jfk_clip) -> None:
    started.inject(Fault("status", contract.recognition_path, 429, "quota exceeded", {"Retry-After": "0"}),
                   times=QUICK_HTTP.attempts)
    with pytest.raises(EngineError, match=r"is limiting requests .*: quota exceeded"):
        transcribe(contract.engine(started, QUICK_HTTP), jfk_clip)
    assert len(started.requests_to(contract.recognition_path)) == QUICK_HTTP.attempts


def test_unreachable_server(contract, recogniser, jfk_clip) -> None:
    with contract.start_server(recogniser) as server:
        engine = contract.engine(server, replace(QUICK_HTTP, attempts=2))
    with pytest.raises(EngineError, match=r"^Cannot reach .* at 127\.0\.0\.1: "):
        transcribe(engine, jfk_clip)


def test_cancel_stops_a_slow_request_at_once_and_closes_the_connection(contract, started, jfk_clip) -> None:
    started.inject(Fault("slow", contract.recognition_path, seconds=20.0))
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    began = time.monotonic()
    with pytest.raises(Cancelled):
        transcribe(contract.engine(started, QUICK_HTTP), jfk_clip, cancel=cancel)
    assert time.monotonic() - began < 10.0  # long before the slow server (20 s) or the read timeout (30 s)
    deadline = time.monotonic() + 2
    while started.connections_closed_by_client == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert started.connections_closed_by_client == 1


def test_only_the_openai_api_translates(contract, started, jfk_clip) -> None:
    options = TranscriptionOptions(task="translate")
    if contract.kind == "openai":
        transcript = run_transcription(contract.engine(started, QUICK_HTTP), jfk_clip, options, JobContext())
        assert_jfk(transcript)
        assert started.requests[-1].path.endswith("/audio/translations")
        return
    with pytest.raises(EngineError, match=r"cannot translate; choose Transcribe, or an OpenAI-compatible service"):
        run_transcription(contract.engine(started, QUICK_HTTP), jfk_clip, options, JobContext())
    assert started.requests == []
