"""Every engine keeps the text a service sent as it sent it (only whitespace at the ends goes) and its
times as the contract gives them (seconds or milliseconds, nothing made up where it gives none)."""

from __future__ import annotations

import pytest

from app.engines.remote import dashscope_paraformer, flash_asr, hf_inference, openai_compatible
from app.engines.remote.audio_pieces import UntimedText

# punctuation, casing, a filler, figures, accents, a dash, Chinese and a double space inside
ODD = "Hello,  WORLD — um… 3.5 % of the Ärzte 说了 “quoted”"


def test_openai_segments_and_words_are_kept_as_sent() -> None:
    document = {
        "text": ODD, "language": "english",
        "segments": [{"id": 0, "start": 0.013, "end": 2.5, "text": f"  {ODD} "},
                     {"id": 1, "start": 2.5, "end": 3.25, "text": " Again."}],
        "words": [{"word": " Hello,", "start": 0.013, "end": 0.4}, {"word": "Again.", "start": 2.61, "end": 3.2}],
    }
    segments = openai_compatible.segments_from_response(document, 10.0)
    assert [(s.start, s.end, s.text) for s in segments] == [(0.013, 2.5, ODD), (2.5, 3.25, "Again.")]
    assert [(w.start, w.end, w.text) for s in segments for w in s.words] == [(0.013, 0.4, "Hello,"),
                                                                          (2.61, 3.2, "Again.")]
    assert not isinstance(segments, UntimedText)


def test_openai_words_without_segments_keep_their_times() -> None:
    document = {"text": "Ask not. What", "words": [{"word": "Ask", "start": 0.5, "end": 0.8},
                                                    {"word": "not.", "start": 0.8, "end": 1.1},
                                                    {"word": "What", "start": 1.4, "end": 1.7}]}
    segments = openai_compatible.segments_from_response(document, 10.0)
    assert [(s.start, s.end, s.text) for s in segments] == [(0.5, 1.1, "Ask not."), (1.4, 1.7, "What")]


@pytest.mark.parametrize("document", [f"  {ODD}\n", {"text": f" {ODD} "}])
def test_openai_text_without_times_is_one_untimed_segment_over_the_piece(document) -> None:
    segments = openai_compatible.segments_from_response(document, 7.5)
    assert isinstance(segments, UntimedText)
    assert [(s.start, s.end, s.text) for s in segments] == [(0.0, 7.5, ODD)]


def test_hugging_face_chunks_keep_text_and_times_and_fill_only_what_the_contract_allows() -> None:
    document = {"text": ODD, "chunks": [
        {"text": f" {ODD}", "timestamp": [0.25, 2.0]},
        {"text": " middle", "timestamp": [None, 3.0]},  # no start: it came after the chunk before
        {"text": " no end", "timestamp": [3.5, None]},  # a middle end missing: the next chunk's start
        {"text": " last", "timestamp": [4.0, None]},  # the last end may be null: the piece's end
    ]}
    segments = hf_inference.segments_from_response(document, 6.0)
    assert [(s.start, s.end, s.text) for s in segments] == [
        (0.25, 2.0, ODD), (2.0, 3.0, "middle"), (3.5, 4.0, "no end"), (4.0, 6.0, "last")]
    untimed = hf_inference.segments_from_response({"text": f"{ODD}  "}, 6.0)
    assert isinstance(untimed, UntimedText) and [(s.start, s.end, s.text) for s in untimed] == [(0.0, 6.0, ODD)]


def test_flash_asr_sentences_keep_text_and_millisecond_times() -> None:
    document = {"task_id": "t", "flash_result": {"duration": 5000, "sentences": [
        {"text": f" {ODD} ", "begin_time": 120, "end_time": 2345},
        {"text": "你好。", "begin_time": 2345, "end_time": 4999},
    ]}}
    segments = flash_asr.segments_from_response(document)
    assert [(s.start, s.end, s.text) for s in segments] == [(0.12, 2.345, ODD), (2.345, 4.999, "你好。")]


def test_dashscope_sentences_and_words_keep_text_punctuation_and_times() -> None:
    document = {"transcripts": [{"channel_id": 0, "text": ODD, "sentences": [
        {"begin_time": 100, "end_time": 2450, "text": f"{ODD} ", "words": [
            {"begin_time": 100, "end_time": 480, "text": "Hello", "punctuation": ","},
            {"begin_time": 2010, "end_time": 2450, "text": "“quoted", "punctuation": "”"}]},
    ]}]}
    [segment] = dashscope_paraformer.segments_from_result(document)
    assert (segment.start, segment.end, segment.text) == (0.1, 2.45, ODD)
    assert [(w.start, w.end, w.text) for w in segment.words] == [(0.1, 0.48, "Hello,"), (2.01, 2.45, "“quoted”")]
