"""The Flash ASR engine against a local server: raw body, header options, pieces under a minute."""

from __future__ import annotations

import time

import pytest
import requests

from app.core.errors import EngineError
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.flash_asr import FlashAsrEngine
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.conftest import QUICK_HTTP
from tests.engines.remote.servers.fake_http_server import Fault
from tests.engines.remote.servers.flash_server import FakeFlashServer
from tests.speech import word_error_rate


def test_headers_carry_the_options_and_the_body_is_the_wav(recogniser, jfk_clip) -> None:
    with FakeFlashServer(recogniser) as server:
        engine = FlashAsrEngine(
            server.root, "asr-model-1", server.api_key, max_sentence_silence_ms=800, http=QUICK_HTTP
        )
        transcript = run_transcription(engine, jfk_clip, TranscriptionOptions(), JobContext())
        request = server.requests[-1]
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert request.path == "/v1/audio/asr/flash" and request.body[:4] == b"RIFF"
    assert (request.header("format"), request.header("sample_rate")) == ("wav", "16000")
    assert (request.header("max_sentence_silence"), request.header("model")) == ("800", "asr-model-1")


def test_long_audio_goes_in_pieces_under_the_limit_a_few_at_a_time(recogniser, jfk_clip) -> None:
    progress: list[float] = []
    with FakeFlashServer(recogniser, max_seconds=4.5) as server:  # a one-minute limit, scaled down
        for _ in range(3):  # slow the first answers so the pieces visibly overlap
            server.inject(Fault("slow", "/asr/flash", seconds=0.3))
        engine = FlashAsrEngine(server.root, "", server.api_key, max_piece_seconds=4.0, pieces_in_flight=2,
                                http=QUICK_HTTP)
        context = JobContext(on_progress=lambda fraction, _total: progress.append(fraction))
        transcript = run_transcription(engine, jfk_clip, TranscriptionOptions(), context)
    assert len(server.durations) == 3 and max(server.durations) <= 4.0
    assert server.most_in_flight == 2
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.25
    starts = [s.start for s in transcript.segments]
    assert starts == sorted(starts) and transcript.segments[-1].end > 9.0
    assert progress == sorted(progress) and progress[-1] == 1.0


def test_the_seeds_requests_example_works_against_the_same_server(recogniser, jfk_clip) -> None:
    """Flash ASR has no official client; the seed documents a plain `requests` call."""
    from app.core.audio_encoding import encode_audio

    with FakeFlashServer(recogniser) as server:
        headers = {"Authorization": f"Bearer {server.api_key}", "format": "wav", "sample_rate": "16000",
                   "max_sentence_silence": "2000", "model": "asr-model-1"}
        response = requests.post(f"{server.root}/v1/audio/asr/flash", headers=headers,
                                 data=encode_audio(jfk_clip.samples, 16000, "wav"), timeout=30)
        unsupported = requests.post(f"{server.root}/v1/audio/asr/flash", headers={**headers, "format": "amr"},
                                    data=b"#!AMR\n", timeout=30)
    result = response.json()["flash_result"]
    assert result["duration"] == 11000 and result["sentences"][0]["begin_time"] >= 0
    assert word_error_rate(JFK_REFERENCE, " ".join(s["text"] for s in result["sentences"])) < 0.15
    assert unsupported.status_code == 415 and unsupported.json()["error"]["httpCode"] == 415


def test_a_failed_piece_ends_the_job_at_once_and_closes_the_pieces_still_in_flight(recogniser, jfk_clip) -> None:
    with FakeFlashServer(recogniser) as server:
        server.inject(Fault("slow", "/asr/flash", seconds=20.0), times=2)
        server.inject(Fault("status", "/asr/flash", 500, "decoder crashed"))
        engine = FlashAsrEngine(server.root, "", server.api_key, max_piece_seconds=4.0, pieces_in_flight=3,
                                http=QUICK_HTTP)
        began = time.monotonic()
        with pytest.raises(EngineError, match=r"server error \(HTTP 500\): decoder crashed\.$"):
            run_transcription(engine, jfk_clip, TranscriptionOptions(), JobContext())
        assert time.monotonic() - began < 10.0  # not the slow pieces (20 s) nor the read timeout (30 s)
        deadline = time.monotonic() + 2
        while server.open_connections and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server.connections_closed_by_client == 2 and server.open_connections == 0
