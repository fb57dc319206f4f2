"""Passages: speech chunks grouped up to 30 s, and times mapped back to the whole recording."""

from __future__ import annotations

import numpy as np
import pytest

from app.engines.passages import (
    SAMPLE_RATE,
    Passage,
    PassageReader,
    SpeechChunk,
    detect_speech,
    fixed_pieces,
    group_into_passages,
)


def _chunk(start_s: float, end_s: float) -> SpeechChunk:
    return SpeechChunk(int(start_s * SAMPLE_RATE), int(end_s * SAMPLE_RATE))


def test_chunks_are_grouped_while_their_speech_fits_in_thirty_seconds() -> None:
    chunks = [_chunk(0, 10), _chunk(12, 22), _chunk(25, 34), _chunk(40, 60), _chunk(61, 62)]
    passages = group_into_passages(chunks)
    assert [len(p.chunks) for p in passages] == [3, 2]
    assert all(sum(c.length for c in p.chunks) <= 30 * SAMPLE_RATE for p in passages)
    assert [c for p in passages for c in p.chunks] == chunks


def test_a_time_in_the_joined_speech_maps_back_to_the_recording() -> None:
    passage = Passage((_chunk(5, 10), _chunk(20, 25)))
    assert passage.original_seconds(0.0, at_start=True) == 5.0
    assert passage.original_seconds(2.5) == 7.5
    assert passage.original_seconds(5.0) == 10.0  # the seam: end of the first chunk
    assert passage.original_seconds(5.0, at_start=True) == 20.0  # or start of the second
    assert passage.original_seconds(7.0) == 22.0
    assert passage.original_seconds(99.0) == 25.0


def test_joined_samples_leave_out_the_pauses() -> None:
    audio = np.arange(30 * SAMPLE_RATE, dtype=np.float32)
    passage = Passage((_chunk(1, 2), _chunk(3, 4)))
    joined = passage.samples(audio)
    assert len(joined) == 2 * SAMPLE_RATE
    assert joined[0] == SAMPLE_RATE and joined[SAMPLE_RATE] == 3 * SAMPLE_RATE


def test_long_speech_is_cut_into_chunks_no_longer_than_a_passage(jfk_path) -> None:
    from app.core.audio import decode_audio

    speech = decode_audio(jfk_path).samples
    long_speech = np.concatenate([speech] * 6)  # 66 s without a two-second pause
    chunks, total = detect_speech(long_speech)
    assert total == len(long_speech)
    assert chunks and all(c.length <= 30 * SAMPLE_RATE for c in chunks)
    assert sum(c.length for c in chunks) == pytest.approx(len(long_speech), rel=0.25)


def _stream(samples: np.ndarray, chunk_samples: int):
    for offset in range(0, len(samples), chunk_samples):
        yield samples[offset:offset + chunk_samples]


def test_the_reader_cuts_passages_out_of_a_stream_holding_only_a_window() -> None:
    audio = np.arange(600 * SAMPLE_RATE, dtype=np.float32)  # ten minutes, numbered samples
    passages = [Passage((_chunk(1, 20), _chunk(200, 205))), Passage((_chunk(205, 235),)), Passage((_chunk(590, 600),))]
    reader = PassageReader(_stream(audio, SAMPLE_RATE))

    for passage in passages:
        assert np.array_equal(reader.samples(passage), passage.samples(audio))

    assert reader.most_samples_held <= 31 * SAMPLE_RATE  # one chunk of speech and one chunk of the stream
    with pytest.raises(ValueError, match="time order"):
        reader.samples(Passage((_chunk(100, 101),)))


def test_without_voice_activity_the_recording_is_cut_into_thirty_second_pieces() -> None:
    pieces = fixed_pieces(75 * SAMPLE_RATE + 7)
    assert [(p.start, p.end) for p in pieces] == [
        (0, 30 * SAMPLE_RATE), (30 * SAMPLE_RATE, 60 * SAMPLE_RATE), (60 * SAMPLE_RATE, 75 * SAMPLE_RATE + 7)
    ]
