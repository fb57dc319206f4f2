"""Passages: speech chunks grouped up to 30 s, and times mapped back to the whole recording."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from app.engines.passages import (
    SAMPLE_RATE,
    Passage,
    PassageReader,
    SpeechChunk,
    detect_speech,
    group_into_passages,
    quiet_pieces,
)


def _chunk(start_s: float, end_s: float) -> SpeechChunk:
    return SpeechChunk(int(start_s * SAMPLE_RATE), int(end_s * SAMPLE_RATE))


def test_chunks_are_grouped_while_their_speech_fits_in_thirty_seconds() -> None:
    chunks = [_chunk(0, 10), _chunk(12, 22), _chunk(25, 34), _chunk(40, 60), _chunk(61, 62)]
    passages = group_into_passages(chunks)
    assert [len(p.chunks) for p in passages] == [3, 2]
    assert all(sum(c.length for c in p.chunks) <= 30 * SAMPLE_RATE for p in passages)
    assert [c for p in passages for c in p.chunks] == [_chunk(0, 10), *chunks[1:3], _chunk(39, 60), chunks[4]]
    # the second passage starts a second earlier, in the pause before it (the first is at the file's start)


def test_a_passage_starts_in_the_pause_before_it_but_never_in_the_passage_before() -> None:
    lead = [p.chunks[0] for p in group_into_passages([_chunk(0.7, 20), _chunk(20.5, 45), _chunk(45.3, 70)])]
    assert lead == [_chunk(0, 20), _chunk(20, 45), _chunk(45, 70)]  # 0.7 s, 0.5 s, 0.3 s of pause: all taken
    second = group_into_passages([_chunk(0.7, 20), _chunk(20.5, 45), _chunk(45.3, 70)])[1]
    assert second.original_seconds(0.0, at_start=True) == 20.5  # a time in the lead-in is the speech's start
    assert second.original_seconds(1.5) == 21.5
    long_passage = group_into_passages([_chunk(5, 10), _chunk(40, 68.5)])[1].chunks[0]
    assert long_passage == _chunk(39.5, 68.5)  # 28.5 s of speech: led in only up to 29 s
    reading = group_into_passages([_chunk(5, 10), _chunk(40, 160)])[1].chunks[0]
    assert reading == _chunk(39, 160)  # over several windows anyway: led in as bare faster-whisper starts a file


def test_a_reading_takes_in_the_passage_that_starts_less_than_a_window_before_it() -> None:
    """As bare faster-whisper hears a title and the reading after it in one window: pauses and all."""
    title_then_reading = group_into_passages([_chunk(0.4, 1.6), _chunk(3.1, 53.0)])
    assert [p.chunks for p in title_then_reading] == [(_chunk(0.0, 53.0),)]
    assert title_then_reading[0].original_seconds(2.0) == 2.0  # one chunk: times are the file's
    far_before = group_into_passages([_chunk(5, 10), _chunk(40, 160)])
    assert [len(p.chunks) for p in far_before] == [1, 1]  # the passage starts 35 s before: decoded alone
    after_a_reading = group_into_passages([_chunk(0, 92), _chunk(93.4, 146)])
    assert len(after_a_reading) == 2  # a reading is not taken into the next one


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


def test_long_speech_is_cut_into_chunks_no_longer_than_a_passage_in_fast_mode(jfk_path) -> None:
    from app.core.audio import decode_audio

    speech = decode_audio(jfk_path).samples
    long_speech = np.concatenate([speech] * 6)  # 66 s without a two-second pause
    chunks, total = detect_speech(long_speech, readings=False)
    assert total == len(long_speech)
    assert chunks and all(c.length <= 30 * SAMPLE_RATE for c in chunks)
    assert sum(c.length for c in chunks) == pytest.approx(len(long_speech), rel=0.25)


def test_a_reading_is_one_passage_unless_in_fast_mode(jfk_path) -> None:
    """Over a window (30 s) of speech without a two-second pause is decoded across windows as bare faster-whisper
    decodes a file; fast mode's batches take passages of one window."""
    from app.core.audio import decode_audio

    speech = decode_audio(jfk_path).samples
    for times in (3, 9):  # 33 s, 99 s
        chunks, _total = detect_speech(np.concatenate([speech] * times))
        assert len(chunks) == 1 and chunks[0].length > 10.5 * times * SAMPLE_RATE
        assert len(group_into_passages(chunks)) == 1
    reading = np.concatenate([speech] * 9)
    batched, _total = detect_speech(reading, readings=False)
    assert len(batched) > 3 and all(c.length <= 30 * SAMPLE_RATE for c in batched)


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


def test_without_voice_activity_the_recording_is_cut_at_its_quietest_moments() -> None:
    """Every piece is decoded as one window: cut at a pause near its 30 s limit, so no word is cut in half."""
    rng = np.random.default_rng(7)
    audio = rng.normal(0, 0.1, 75 * SAMPLE_RATE + 7).astype(np.float32)  # 75 s of "speech"
    for pause in (24.0, 51.5):  # two short pauses, where a reader breathes
        audio[int(pause * SAMPLE_RATE):int((pause + 0.4) * SAMPLE_RATE)] = 0.0

    pieces, total = quiet_pieces(_stream(audio, SAMPLE_RATE))

    assert total == len(audio)
    assert pieces[0].start == 0 and pieces[-1].end == total
    assert all(a.end == b.start for a, b in itertools.pairwise(pieces))
    assert all(p.length <= 30 * SAMPLE_RATE for p in pieces)
    cuts = [p.end / SAMPLE_RATE for p in pieces[:-1]]
    assert len(cuts) == 2 and 24.0 < cuts[0] < 24.4 and 51.5 < cuts[1] < 51.9  # inside each pause


def test_a_blip_in_music_is_not_speech_but_a_lone_word_is(tmp_path) -> None:
    """The plucked tones have 0.1 s the filter calls speech: decoded, base made "Oh" of it. A word said alone
    (0.3 s and more of speech) is still found."""
    from app.core.audio import decode_audio
    from tests.speech import hallucination_signals, synthesise_speech

    tones = hallucination_signals()["tones"]
    assert detect_speech(tones)[0] == []

    word = decode_audio(synthesise_speech("Yes.", tmp_path / "yes.wav")).samples
    pause = np.zeros(3 * SAMPLE_RATE, dtype=np.float32)
    chunks, _total = detect_speech(np.concatenate([pause, word, pause]))
    assert len(chunks) == 1 and chunks[0].start < 3.4 * SAMPLE_RATE < chunks[0].end
