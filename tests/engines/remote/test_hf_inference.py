"""The Hugging Face Inference engine against a local server speaking the HF ASR task API."""

from __future__ import annotations

import base64

import pytest
from huggingface_hub import InferenceClient

from app.core.errors import EngineError
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.audio_pieces import UNTIMED_NOTE
from app.engines.remote.hf_inference import HuggingFaceInferenceEngine
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.conftest import QUICK_HTTP
from tests.engines.remote.servers.hf_server import FakeHuggingFaceServer
from tests.speech import word_error_rate

MODEL = "openai/whisper-large-v3"


@pytest.fixture
def hf_server(recogniser):
    with FakeHuggingFaceServer(recogniser) as server:
        yield server


def engine_for(server, **kwargs) -> HuggingFaceInferenceEngine:
    return HuggingFaceInferenceEngine(server.endpoint, MODEL, server.api_key, http=QUICK_HTTP, **kwargs)


def test_timestamps_come_from_json_with_base64_audio(hf_server, jfk_clip) -> None:
    engine = engine_for(hf_server, generation_parameters={"temperature": 0.0, "num_beams": 2})
    transcript = run_transcription(engine, jfk_clip, TranscriptionOptions(), JobContext())
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert len(transcript.segments) >= 2
    assert transcript.segments[-1].end == pytest.approx(jfk_clip.duration)  # the last chunk's end was null
    request = hf_server.requests[-1]
    assert request.path == f"/hf-inference/models/{MODEL}"
    assert request.header("Content-Type") == "application/json"
    assert base64.b64decode(request.json()["inputs"])[:4] == b"fLaC"
    assert hf_server.received_parameters[-1] == {
        "return_timestamps": True, "generation_parameters": {"temperature": 0.0, "num_beams": 2},
    }


def test_without_parameters_the_audio_is_the_raw_body(hf_server, jfk_clip) -> None:
    engine = engine_for(hf_server, return_timestamps=False)
    transcript = run_transcription(engine, jfk_clip, TranscriptionOptions(), JobContext())
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert [(s.start, s.end) for s in transcript.segments] == [(0.0, jfk_clip.duration)]
    assert transcript.warnings == [UNTIMED_NOTE]
    request = hf_server.requests[-1]
    assert request.header("Content-Type") == "audio/flac" and request.body[:4] == b"fLaC"
    assert hf_server.received_parameters[-1] is None


def test_cold_model_is_waited_out_and_shown_as_loading(recogniser, jfk_clip) -> None:
    statuses: list[str] = []
    with FakeHuggingFaceServer(recogniser, cold_requests=2, estimated_time=0.3) as server:
        context = JobContext(on_status=statuses.append)
        transcript = run_transcription(engine_for(server), jfk_clip, TranscriptionOptions(), context)
        assert len(server.requests) == 3
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert statuses.count("Model loading on Hugging Face (about 0 s)") == 2


def test_unknown_generation_parameter_is_refused_before_sending(hf_server) -> None:
    with pytest.raises(EngineError, match="“beam_width” is not a generation parameter"):
        engine_for(hf_server, generation_parameters={"beam_width": 3})
    assert hf_server.requests == []


def test_connection_check_sends_a_short_clip(hf_server) -> None:
    assert engine_for(hf_server).check_connection(JobContext()) == f"Connected: {MODEL} answered."
    assert hf_server.requests[-1].header("Content-Type") == "audio/flac"


def test_the_official_inference_client_speaks_to_the_same_server(hf_server, jfk_path) -> None:
    client = InferenceClient(base_url=f"{hf_server.endpoint}/{MODEL}", api_key=hf_server.api_key)
    plain = client.automatic_speech_recognition(jfk_path.read_bytes())
    assert word_error_rate(JFK_REFERENCE, plain.text) < 0.15
    timed = client.automatic_speech_recognition(jfk_path.read_bytes(), extra_body={"return_timestamps": True})
    assert timed.chunks and timed.chunks[0].timestamp[0] == pytest.approx(0.0, abs=0.5)
    assert hf_server.received_parameters[-1] == {"return_timestamps": True}
