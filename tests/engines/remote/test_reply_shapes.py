"""Every engine's reader of replies: a wrong shape is one sentence naming the part; bad times are repaired."""

from __future__ import annotations

import logging

import pytest

from app.core.errors import EngineError
from app.engines.remote import dashscope_paraformer, flash_asr, hf_inference, openai_compatible


def openai_segment(start, end, text="hello") -> dict:
    return {"id": 0, "start": start, "end": end, "text": text}


@pytest.mark.parametrize(("document", "sentence"), [
    ({"segments": [openai_segment(0, 1), openai_segment(1, 2), {"end": 3.0, "text": "x"}]},
     "The OpenAI-compatible server sent a transcription in an unknown shape: segment 3 has no start time."),
    ({"segments": [openai_segment("0.5", 1)]},
     "The OpenAI-compatible server sent a transcription in an unknown shape: segment 1's start time is not a number."),
    ({"segments": {"start": 0, "end": 1}},
     "The OpenAI-compatible server sent a transcription in an unknown shape: segments is not a list."),
    ({"segments": [openai_segment(0, 1), "not a segment"]},
     "The OpenAI-compatible server sent a transcription in an unknown shape: segment 2 is not an object."),
    ({"segments": [openai_segment(0, 1, ["hello"])]},
     "The OpenAI-compatible server sent a transcription in an unknown shape: segment 1's text is not text."),
    ({"text": "hi", "words": [{"word": "hi", "start": 0, "end": True}]},
     "The OpenAI-compatible server sent a transcription in an unknown shape: word 1's end time is not a number."),
    ({"segments": [openai_segment(0, 10**400)]},
     "The OpenAI-compatible server sent a transcription in an unknown shape: "
     "segment 1's end time is not a finite number."),
    ({"text": 42}, "The OpenAI-compatible server sent a transcription in an unknown shape: text is not text."),
    ([{"text": "hi"}],
     "The OpenAI-compatible server sent a transcription in an unknown shape: the reply is not an object."),
])
def test_openai_shapes_are_named(document, sentence) -> None:
    with pytest.raises(EngineError) as raised:
        openai_compatible.segments_from_response(document, 10.0)
    assert str(raised.value) == sentence


@pytest.mark.parametrize(("document", "sentence"), [
    ({"text": "a b", "chunks": [{"timestamp": [0.0, 1.0], "text": "a"}, {"timestamp": ["1.0", 2.0], "text": "b"}]},
     "Hugging Face Inference sent a transcription in an unknown shape: chunk 2's start time is not a number."),
    ({"text": "a", "chunks": [{"text": "a"}]},
     "Hugging Face Inference sent a transcription in an unknown shape: chunk 1 has no timestamp."),
    ({"text": "a", "chunks": [{"timestamp": 3.0, "text": "a"}]},
     "Hugging Face Inference sent a transcription in an unknown shape: chunk 1's timestamp is not a list."),
    ({"text": ["a"]}, "Hugging Face Inference sent a transcription in an unknown shape: text is not text."),
    ({"chunks": []}, "Hugging Face Inference sent a transcription in an unknown shape: the reply has no text."),
])
def test_hf_shapes_are_named(document, sentence) -> None:
    with pytest.raises(EngineError) as raised:
        hf_inference.segments_from_response(document, 10.0)
    assert str(raised.value) == sentence


@pytest.mark.parametrize(("document", "sentence"), [
    ({"flash_result": {"sentences": [{"text": "a", "end_time": 900}]}},
     "Flash ASR sent a transcription in an unknown shape: sentence 1 has no start time."),
    ({"flash_result": {"sentences": [{"text": "a", "begin_time": "0", "end_time": 900}]}},
     "Flash ASR sent a transcription in an unknown shape: sentence 1's start time is not a number."),
    ({"flash_result": {"sentences": "a"}},
     "Flash ASR sent a transcription in an unknown shape: sentences is not a list."),
    ({"result": {}}, "Flash ASR sent a transcription in an unknown shape: the reply has no flash_result."),
])
def test_flash_shapes_are_named(document, sentence) -> None:
    with pytest.raises(EngineError) as raised:
        flash_asr.segments_from_response(document)
    assert str(raised.value) == sentence


def dashscope_sentence(begin=0, end=900, words=None) -> dict:
    return {"begin_time": begin, "end_time": end, "text": "Hello.", "words": words or []}


@pytest.mark.parametrize(("document", "sentence"), [
    ({"transcripts": [{"channel_id": 0, "sentences": [
        dashscope_sentence(), dashscope_sentence(words=[{"begin_time": 0, "text": "Hello", "punctuation": "."}])]}]},
     "DashScope sent a transcription in an unknown shape: transcript 1's sentence 2's word 1 has no end time."),
    ({"transcripts": {"channel_id": 0}},
     "DashScope sent a transcription in an unknown shape: transcripts is not a list."),
    ({"transcripts": [{"channel_id": 0, "sentences": [{"begin_time": 0, "end_time": None, "text": "x"}]}]},
     "DashScope sent a transcription in an unknown shape: transcript 1's sentence 1 has no end time."),
])
def test_dashscope_shapes_are_named(document, sentence) -> None:
    with pytest.raises(EngineError) as raised:
        dashscope_paraformer.segments_from_result(document)
    assert str(raised.value) == sentence


def test_negative_and_reversed_times_are_repaired_and_logged(caplog) -> None:
    document = {"segments": [openai_segment(-0.4, 1.0, "first"), openai_segment(3.0, 2.0, "second")]}
    with caplog.at_level(logging.WARNING):
        segments = openai_compatible.segments_from_response(document, 10.0)
    assert [(s.start, s.end, s.text) for s in segments] == [(0.0, 1.0, "first"), (2.0, 3.0, "second")]
    assert "segment 1" in caplog.text and "segment 2" in caplog.text

    flash = {"flash_result": {"sentences": [{"text": "a", "begin_time": 1500, "end_time": -20}]}}
    with caplog.at_level(logging.WARNING):
        assert [(s.start, s.end) for s in flash_asr.segments_from_response(flash)] == [(0.0, 1.5)]


def test_model_list_entries_need_an_id() -> None:
    with pytest.raises(EngineError, match=r"a model list in an unknown shape: model 2 has no id\.$"):
        openai_compatible.models_from_response({"data": [{"id": "whisper-1"}, {"object": "model"}]})
