"""Hugging Face Inference Providers against local servers: the Hub's mapping, fal-ai, replicate, deepinfra."""

from __future__ import annotations

import base64
import json
import threading
import time

import numpy as np
import pytest

from app.core.audio import AudioClip
from app.core.errors import Cancelled, EngineError
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.audio_pieces import UNTIMED_NOTE
from app.engines.remote.hf_providers.engine import HuggingFaceProvidersEngine, ProviderSettings
from app.engines.remote.poll_schedule import PollSchedule
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.conftest import QUICK_HTTP
from tests.engines.remote.servers.deepinfra_server import FakeDeepInfraServer
from tests.engines.remote.servers.fake_http_server import Fault, Reply
from tests.engines.remote.servers.fal_server import FakeFalServer
from tests.engines.remote.servers.hf_server import FakeHuggingFaceServer
from tests.engines.remote.servers.hub_server import SEED_MODEL, FakeHubServer, live
from tests.engines.remote.servers.provider_server import HF_TOKEN
from tests.engines.remote.servers.replicate_server import LIST, STRING, TXT_FILE, VERSION, FakeReplicateServer
from tests.speech import word_error_rate

QUICK_POLL = PollSchedule(first_interval=0.02, longest_interval=0.1, give_up_after=30)


def engine_for(server, tmp_path, provider: str | None = None, key: str | None = None, model: str = SEED_MODEL,
               **settings) -> HuggingFaceProvidersEngine:
    """Through the router with an hf_ token; with the provider's own key, straight to it."""
    options = ProviderSettings(provider=provider or server.provider, hub_url=server.hub.root,
                               provider_url=server.base_url, poll=QUICK_POLL, cache_folder=tmp_path / "cache",
                               **settings)
    return HuggingFaceProvidersEngine(server.root, model, key or server.api_key, options, QUICK_HTTP)


def transcribe(engine, clip, statuses: list[str] | None = None):
    context = JobContext(on_status=statuses.append if statuses is not None else None)
    return run_transcription(engine, clip, TranscriptionOptions(), context)


def test_the_seeds_example_fal_ai_through_the_router(recogniser, jfk_clip, tmp_path) -> None:
    with FakeFalServer(recogniser, routed=True) as server:
        transcript = transcribe(engine_for(server, tmp_path), jfk_clip)
        [request] = server.requests
        hub_request = server.hub.requests[-1]
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert len(transcript.segments) >= 2 and transcript.segments[1].start > 0  # fal's chunks give the times
    assert request.path == "/fal-ai/fal-ai/whisper" and request.header("Authorization") == f"Bearer {HF_TOKEN}"
    data_url = server.bodies[-1]["audio_url"]
    assert data_url.startswith("data:audio/flac;base64,")
    assert base64.b64decode(data_url.partition(",")[2])[:4] == b"fLaC"
    assert hub_request.path == f"/api/models/{SEED_MODEL}"
    assert hub_request.query == {"expand[]": ["inferenceProviderMapping"]}


def test_a_providers_own_key_goes_to_it_directly_in_its_own_scheme(recogniser, jfk_clip, tmp_path) -> None:
    with FakeFalServer(recogniser) as server:
        transcript = transcribe(engine_for(server, tmp_path), jfk_clip)
        assert server.requests[-1].header("Authorization") == "Key fal-ai-own-key"
        assert server.requests[-1].path == "/fal-ai/whisper"
        assert server.hub.requests[-1].header("Authorization") is None  # the provider's key is not the Hub's
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15


def test_without_timestamps_each_piece_cut_at_silences_is_one_segment(recogniser, jfk_clip, tmp_path) -> None:
    with FakeFalServer(recogniser, routed=True, chunks=False) as server:
        transcript = transcribe(engine_for(server, tmp_path, max_piece_seconds=8.0), jfk_clip)
        pieces = len(server.requests)
    assert pieces >= 2 and len(transcript.segments) == pieces
    assert transcript.warnings == [UNTIMED_NOTE]  # said once, not once per piece
    assert all(s.end - s.start <= 8.0 + 1e-6 for s in transcript.segments)
    assert transcript.segments[-1].end == pytest.approx(jfk_clip.duration, abs=0.01)
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15  # cut at a pause, the words stay whole


def test_replicate_is_polled_until_the_prediction_succeeds(recogniser, jfk_clip, tmp_path) -> None:
    statuses: list[str] = []
    with FakeReplicateServer(recogniser, routed=True, polls_before_done=3) as server:
        transcript = transcribe(engine_for(server, tmp_path), jfk_clip, statuses)
        [create] = server.requests_to("/replicate/v1/predictions")[:1]
        polls = [r for r in server.requests if r.method == "GET"]
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert len(transcript.segments) >= 2  # openai/whisper's timed segments
    assert create.header("Prefer") == "wait" and create.json()["version"] == VERSION
    assert create.json()["input"]["audio"].startswith("data:audio/flac;base64,")
    assert [p.path for p in polls] == ["/replicate/v1/predictions/pred0001"] * 3
    assert "Replicate is starting the model" in statuses and "Replicate is transcribing" in statuses


def test_a_cancelled_job_cancels_its_prediction_so_it_is_not_billed_on(recogniser, jfk_clip, tmp_path) -> None:
    cancel = threading.Event()
    with FakeReplicateServer(recogniser, routed=True, polls_before_done=10_000) as server:
        def cancel_while_polling() -> None:
            while not any(r.method == "GET" for r in server.requests):
                time.sleep(0.02)
            cancel.set()

        threading.Thread(target=cancel_while_polling, daemon=True).start()
        with pytest.raises(Cancelled):
            run_transcription(engine_for(server, tmp_path), jfk_clip, TranscriptionOptions(),
                              JobContext(cancel_event=cancel))
        assert server.predictions["pred0001"].canceled
        assert server.requests[-1].path == "/replicate/v1/predictions/pred0001/cancel"


@pytest.mark.parametrize("shape", [STRING, LIST, TXT_FILE])
def test_replicate_outputs_without_times_give_one_segment_per_piece(recogniser, jfk_clip, tmp_path, shape) -> None:
    with FakeReplicateServer(recogniser, output=shape) as server:
        transcript = transcribe(engine_for(server, tmp_path), jfk_clip)
        files = server.requests_to("/files/")
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert [(s.start, s.end) for s in transcript.segments] == [(0.0, pytest.approx(jfk_clip.duration))]
    assert transcript.warnings == [UNTIMED_NOTE]
    if shape == TXT_FILE:
        assert len(files) == 1 and files[0].header("Authorization") is None  # the key stays with Replicate


def test_replicate_model_without_a_version_uses_the_models_route(recogniser, jfk_clip, tmp_path) -> None:
    with FakeReplicateServer(recogniser) as server:
        server.hub.mappings[SEED_MODEL] = {"replicate": live("openai/whisper")}
        transcribe(engine_for(server, tmp_path), jfk_clip)
        assert server.requests[0].path == "/v1/models/openai/whisper/predictions"
        assert "version" not in server.bodies[-1]


def test_a_failed_prediction_is_one_sentence(recogniser, jfk_clip, tmp_path) -> None:
    with FakeReplicateServer(recogniser, routed=True, fail_with="CUDA out of memory.") as server, \
            pytest.raises(EngineError, match=r"^Hugging Face \(Replicate\) could not transcribe the audio: "
                                             r"CUDA out of memory\.$"):
        transcribe(engine_for(server, tmp_path), jfk_clip)


def test_deepinfra_sends_its_own_model_id_and_reads_timed_segments(recogniser, jfk_clip, tmp_path) -> None:
    with FakeDeepInfraServer(recogniser, routed=True) as server:
        server.hub.mappings[SEED_MODEL] = {"deepinfra": live("openai/whisper-large-v3-turbo-di")}
        server.provider_id = "openai/whisper-large-v3-turbo-di"
        transcript = transcribe(engine_for(server, tmp_path), jfk_clip)
        assert server.requests[-1].path == "/deepinfra/v1/openai/audio/transcriptions"
        assert server.forms[-1]["model"] == ["openai/whisper-large-v3-turbo-di"]
        assert server.forms[-1]["response_format"] == ["verbose_json"]
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert len(transcript.segments) >= 2 and transcript.segments[1].start > 0


def test_automatic_takes_the_first_live_provider_for_speech(recogniser, jfk_clip, tmp_path) -> None:
    with FakeDeepInfraServer(recogniser, routed=True) as server:
        server.hub.mappings[SEED_MODEL] = {
            "fal-ai": live("fal-ai/whisper", status="staging"),
            "together": live("openai/whisper-large-v3"),  # a provider Earshot does not speak to
            "novita": live("x", task="text-generation"),
            "deepinfra": live("openai/whisper-large-v3"),
        }
        engine = engine_for(server, tmp_path, provider="auto")
        assert engine.check_connection(JobContext()) == f"Connected: {SEED_MODEL} answered through deepinfra (live)."
        assert word_error_rate(JFK_REFERENCE, transcribe(engine, jfk_clip).text) < 0.15


def test_automatic_can_fall_on_hf_inference(recogniser, jfk_clip, tmp_path) -> None:
    with FakeHuggingFaceServer(recogniser) as router, \
            FakeHubServer({SEED_MODEL: {"hf-inference": live(SEED_MODEL)}}) as hub:
        settings = ProviderSettings(provider="auto", hub_url=hub.root, cache_folder=tmp_path)
        engine = HuggingFaceProvidersEngine(f"{router.root}/hf-inference/models", SEED_MODEL, router.api_key,
                                            settings, QUICK_HTTP)
        transcript = transcribe(engine, jfk_clip)
        assert router.requests[-1].path == f"/hf-inference/models/{SEED_MODEL}"
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15


MAPPING_ERRORS = {
    "no provider": ({}, "fal-ai", rf"^No inference provider serves “{SEED_MODEL}”; choose another model\.$"),
    "not listed": ({"replicate": live("openai/whisper")}, "fal-ai",
                   rf"^The provider fal-ai does not serve “{SEED_MODEL}”; it is served by replicate\.$"),
    "other task": ({"fal-ai": live("fal-ai/x", task="text-to-speech")}, "fal-ai",
                   rf"^The provider fal-ai serves “{SEED_MODEL}” for text-to-speech, not for speech recognition\.$"),
    "staging": ({"fal-ai": live("fal-ai/whisper", status="staging")}, "fal-ai",
                rf"^The provider fal-ai offers “{SEED_MODEL}” only in staging, for its own tests; "
                r"choose a live provider\.$"),
    "none live": ({"fal-ai": live("fal-ai/whisper", status="staging")}, "auto",
                  rf"^No provider serves “{SEED_MODEL}” live for speech recognition \(the Hub lists fal-ai "
                  r"\(staging\)\)\.$"),
}


@pytest.mark.parametrize("case", MAPPING_ERRORS)
def test_what_the_hub_lists_decides_in_one_sentence_before_any_audio_is_sent(recogniser, jfk_clip, tmp_path,
                                                                            case) -> None:
    mapping, provider, sentence = MAPPING_ERRORS[case]
    with FakeFalServer(recogniser, routed=True) as server:
        server.hub.mappings[SEED_MODEL] = mapping
        with pytest.raises(EngineError, match=sentence):
            transcribe(engine_for(server, tmp_path, provider=provider), jfk_clip)
        assert server.requests == []


def test_an_unknown_model_is_the_hubs_404(recogniser, jfk_clip, tmp_path) -> None:
    with FakeFalServer(recogniser, routed=True) as server, \
            pytest.raises(EngineError, match=r"^The Hugging Face Hub does not know the model “openai/whisper-x”, "
                                             r"or the address is wrong: Repository not found\.$"):
        transcribe(engine_for(server, tmp_path, model="openai/whisper-x"), jfk_clip)


def test_automatic_needs_a_hugging_face_token(recogniser, tmp_path) -> None:
    with FakeFalServer(recogniser) as server, pytest.raises(EngineError, match=r"needs a Hugging Face token"):
        engine_for(server, tmp_path, provider="auto")


def test_the_routers_own_errors_are_one_sentence(recogniser, jfk_clip, tmp_path) -> None:
    credits = "You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO."
    with FakeFalServer(recogniser, routed=True) as server:
        server.inject(Fault("reply", "/fal-ai/", reply=Reply.of_json({"error": credits}, 402)))
        with pytest.raises(EngineError, match=r"^Hugging Face \(fal\.ai\) refused the request \(HTTP 402\): You "
                                              r"have exceeded your monthly included credits"):
            transcribe(engine_for(server, tmp_path), jfk_clip)


def test_a_bad_body_is_fals_own_error_shape_in_one_sentence(recogniser, tmp_path) -> None:
    with FakeFalServer(recogniser, routed=True) as server, pytest.raises(EngineError) as raised:
        transcribe(engine_for(server, tmp_path), AudioClip(np.zeros(0, dtype=np.float32)))  # no audio to decode
    assert str(raised.value) == ("Hugging Face (fal.ai) refused the request (HTTP 422): "
                                 "the audio could not be decoded.")


def test_the_mapping_is_cached_for_a_day(recogniser, jfk_clip, tmp_path) -> None:
    with FakeFalServer(recogniser, routed=True) as server:
        transcribe(engine_for(server, tmp_path), jfk_clip)
        transcribe(engine_for(server, tmp_path), jfk_clip)  # a new engine, as for the next job
        assert len(server.hub.requests) == 1
        [cached] = (tmp_path / "cache").iterdir()
        document = json.loads(cached.read_text())
        document["fetched_at"] = time.time() - 24 * 3600 - 1
        cached.write_text(json.dumps(document))
        transcribe(engine_for(server, tmp_path), jfk_clip)
        assert len(server.hub.requests) == 2
        cached.write_text('{"fetched_at": "garbage"')  # damaged: looked up again, not a failure
        transcribe(engine_for(server, tmp_path), jfk_clip)
        assert len(server.hub.requests) == 3
