"""A passage encoded once: the encoding faster-whisper would make, decoded as faster-whisper decodes it,
and read for the passage's language without another pass of the encoder."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from app.core.audio import AudioClip, decode_audio, decode_audio_range
from app.core.errors import Cancelled
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.passage_window import decode_passage, encode_passage, window_in_silence
from app.engines.passages import SAMPLE_RATE
from tests.conftest import SHARED_AUDIO
from tests.speech import word_error_rate

TINY = TranscriptionOptions(model="tiny.en")
TINY_GREEDY = TranscriptionOptions(model="tiny.en", beam_size=1)  # a reading's four windows at a third of the cost
UDHR = SHARED_AUDIO / "dev" / "en_librivox_udhr_preamble.mp3"
SONNET_2 = SHARED_AUDIO / "dev" / "en_librivox_sonnet002.mp3"
SWEDISH = SHARED_AUDIO / "dev" / "sv_nst_se10x016-08071999-1334_u0016004.wav"
SWEDISH_REFERENCE = (
    "Vår husläkare börjar i och för sig bli gammal och skröplig, men han har ju ett sådant trevligt sätt!"
)


def test_a_passage_decoded_from_its_encoding_is_what_faster_whisper_gives_when_silence_follows(
    local_engine, jfk_path: Path
) -> None:
    """A passage's window is its speech then silence: faster-whisper's first window of the speech
    followed by 30 s of silence, decoded with faster-whisper's defaults, as Earshot's."""
    model = local_engine.load_model(TINY)
    speech = decode_audio(jfk_path).samples

    windows = decode_passage(model, encode_passage(model, speech), "en", "", TINY)
    ours = [s for window in windows for s in window.segments]
    theirs, _info = model.transcribe(np.pad(speech, (0, 30 * SAMPLE_RATE)), language="en")
    first_window = [s for s in theirs if s.seek == 0]

    assert ours and [(s.start, s.end, s.text) for s in ours] == [(s.start, s.end, s.text) for s in first_window]


def test_the_window_after_a_short_passage_holds_silence_not_zeros(local_engine, jfk_path: Path) -> None:
    """faster-whisper pads a short window's log-Mel features with 0, a level Whisper never heard after speech;
    Whisper was trained (and OpenAI's code decodes) with the audio padded, whose features are the floor."""
    model = local_engine.load_model(TINY)
    speech = decode_audio(jfk_path).samples  # 11 s: the window's last 19 s are padding
    with EncoderInputs(model) as encoder:
        encode_passage(model, speech)
    window = encoder.inputs[0]

    padding = window[:, 1200:]
    assert window.shape == (80, 3000)
    assert np.all(padding == window.min())  # the floor: the loudest value less 8 (log10), scaled as Whisper does
    assert padding.max() < 0  # faster-whisper would have left 0 here


@pytest.mark.slow
def test_a_short_clip_is_decoded_better_with_silence_after_it(local_engine) -> None:
    """The Swedish clip: 4 words of 19 wrong with the features padded with zeros (0.21), 2 with silence."""
    clip = decode_audio(SWEDISH)
    transcript = run_transcription(local_engine, clip, TranscriptionOptions(model="base"), JobContext())
    assert word_error_rate(SWEDISH_REFERENCE, transcript.text) <= 0.11


class EncoderInputs:
    """Keeps the features a model's encoder is given while it is installed."""

    def __init__(self, model) -> None:
        self.inputs: list[np.ndarray] = []
        self._model, self._encode = model, model.encode

    def __enter__(self) -> EncoderInputs:
        def kept(features):
            self.inputs.append(np.array(features))
            return self._encode(features)

        self._model.encode = kept
        return self

    def __exit__(self, *_exc) -> None:
        del self._model.encode  # the class's own method again


def test_a_readings_short_last_window_is_its_own_audio_then_silence_as_a_passage_of_one_window(local_engine) -> None:
    """faster-whisper pads a reading's last window (shorter than 30 s) with zero features; Earshot encodes it as it
    encodes a passage of one window: the window's own audio followed by silence, its features the floor after it."""
    model = local_engine.load_model(TINY_GREEDY)
    speech = decode_audio_range(UDHR, 0, 34).samples  # two windows: 30 s, then what is left
    encoded = encode_passage(model, speech)
    with EncoderInputs(model) as encoder:
        windows = list(decode_passage(model, encoded, "en", "", TINY_GREEDY))
    last = encoder.inputs[-1]

    seek = windows[-1].segments[0].seek
    own_audio = speech[seek * model.feature_extractor.hop_length:]
    assert len(windows) == 2 and seek > 0 and len(own_audio) < 20 * SAMPLE_RATE
    assert np.array_equal(last, encode_passage_features(model, own_audio))
    after_audio = last[:, len(own_audio) // 160 + 3:]  # past the frames whose STFT window reaches into the audio
    assert np.all(after_audio == last.min()) and last.min() < 0  # silence, not faster-whisper's zeros


def test_a_window_that_holds_its_passages_end_leaves_no_speech_for_a_window_after_it(local_engine) -> None:
    """The end of a reading then silence: beam search's best hypothesis stops after "when thou art old," on a pair of
    timestamps, as if the line ran on past the window, and faster-whisper would decode the rest in a second window
    ("to see thy blood…"); the passage ends there, so the best hypothesis that ends its text in the window is taken.
    (Where the best stops moves with the samples: a sample less and it ends in the window anyway.)"""
    model = local_engine.load_model(TINY)
    speech = decode_audio(SONNET_2).samples[-(26 * SAMPLE_RATE + 1):]  # the sonnet's last 26 s and a sample

    windows = list(decode_passage(model, encode_passage(model, speech), "en", "", TINY))

    assert len(windows) == 1
    assert windows[0].text.endswith("see thy blood warm and thou fields it cold.")


def encode_passage_features(model, speech: np.ndarray) -> np.ndarray:
    """The features a passage of one window is encoded from (encode_passage's first window)."""
    with EncoderInputs(model) as encoder:
        encode_passage(model, speech)
    return encoder.inputs[0]


def test_a_prompt_is_the_text_before_the_passage(local_engine, jfk_path: Path) -> None:
    model = local_engine.load_model(TINY)
    speech = decode_audio(jfk_path).samples
    encoded = encode_passage(model, speech)
    prompt = "My fellow Americans, ask not."

    ours = [s for window in decode_passage(model, encoded, "en", prompt, TINY) for s in window.segments]
    theirs, _info = model.transcribe(speech, language="en", initial_prompt=prompt)

    assert [s.text for s in ours] == [s.text for s in theirs]


class EncoderPasses:
    """Counts the passes of a model's encoder (the costly part of a window) while it is installed."""

    def __init__(self, model) -> None:
        self.count = 0
        self._model, self._encode = model, model.encode

    def __enter__(self) -> EncoderPasses:
        def counted(features):
            self.count += 1
            return self._encode(features)

        self._model.encode = counted
        return self

    def __exit__(self, *_exc) -> None:
        del self._model.encode  # the class's own method again


@pytest.mark.slow
def test_language_per_passage_costs_no_extra_pass_of_the_encoder(local_engine, jfk_path: Path) -> None:
    """Detection reads the encoding the passage is decoded from (it cost 1.3 times the CPU when it encoded again)."""
    clip = decode_audio(jfk_path)
    passes = {}
    for per_passage in (True, False):
        options = TranscriptionOptions(model="base", language_per_passage=per_passage)
        context = JobContext()
        with EncoderPasses(local_engine.load_model(options)) as encoder:
            transcript = run_transcription(local_engine, clip, options, context)
        passes[per_passage] = encoder.count
        assert transcript.language == "en" and context.language_probability > 0.5
    assert passes[True] == passes[False] == 1  # JFK's eleven seconds: one passage, one window


def test_a_reading_is_decoded_across_windows_as_faster_whisper_decodes_it(
    local_engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stretch of speech longer than READING_SECONDS without a two-second pause is one passage, decoded over
    several windows, each starting where the text before it ended and prompted with it: from the same samples,
    the text bare faster-whisper gives with the same options (greedy, for speed), window for window up to the
    last, which holds less than 30 s and which Earshot encodes in silence rather than in zero features (the test
    above): there the same words, give or take one. The threshold is lowered to 25 s so the reading (the first
    34 s of the English UDHR preamble) takes two windows rather than four."""
    from app.engines import passages

    monkeypatch.setattr(passages, "READING_SECONDS", 25.0)
    samples = decode_audio_range(UDHR, 0, 34).samples
    (passage,) = passages.group_into_passages(passages.detect_speech(samples)[0])
    model = local_engine.load_model(TINY_GREEDY)

    ours = run_transcription(local_engine, AudioClip(samples), TINY_GREEDY, JobContext())
    theirs, _info = model.transcribe(passage.samples(samples), language="en", beam_size=1)
    their_segments = list(theirs)

    last_seek = their_segments[-1].seek
    before_last = " ".join(s.text.strip() for s in their_segments if s.seek != last_seek)
    their_last = " ".join(s.text.strip() for s in their_segments if s.seek == last_seek)
    assert passage.chunks[0].length > 30 * SAMPLE_RATE
    assert last_seek > 0  # several windows
    assert ours.text.startswith(before_last + " ")
    assert word_error_rate(their_last, ours.text.removeprefix(before_last)) <= 1 / len(their_last.split())


def test_a_readings_segments_come_window_by_window_and_a_cancel_stops_it_between_windows(
    local_engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first window's segments are given out before the reading's later windows are decoded, and a cancel
    then stops the decoding at the next window, not at the end of the 93 s passage."""
    samples = decode_audio_range(UDHR, 0, 93).samples
    model = local_engine.load_model(TINY_GREEDY)
    windows_decoded: set[int] = set()
    decode_windows = model.generate_segments

    def decode_noting_windows(*arguments, **keywords):  # the engine's own decoding, observed
        for segment in decode_windows(*arguments, **keywords):
            windows_decoded.add(segment.seek)
            yield segment

    monkeypatch.setattr(model, "generate_segments", decode_noting_windows)
    cancel = threading.Event()
    seen: list[float] = []

    def cancel_at_first(segment) -> None:
        seen.append(segment.start)
        cancel.set()

    with pytest.raises(Cancelled):
        run_transcription(
            local_engine, AudioClip(samples), TINY_GREEDY, JobContext(cancel_event=cancel), cancel_at_first
        )
    assert len(seen) == 1 and seen[0] < 30
    assert len(windows_decoded) <= 2  # the first window, and the next (which closes the first): not all four


def test_each_window_of_a_reading_comes_with_its_own_encoding(local_engine) -> None:
    """faster-whisper encodes a reading's later windows as its seek moves; each decoded window comes with the
    encoding it was decoded from (its language is read from it), not the one of the window before or after: a
    window of 30 s cut from the reading's features, the last (shorter) one its own audio followed by silence."""
    model = local_engine.load_model(TINY_GREEDY)
    speech = decode_audio_range(UDHR, 0, 34).samples
    encoded = encode_passage(model, speech)
    windows = list(decode_passage(model, encoded, "en", "", TINY_GREEDY))

    content_frames = encoded.features.shape[-1] - 1  # as faster-whisper counts them
    assert len(windows) >= 2 and windows[1].start > 0
    for window in windows:
        seek = window.segments[0].seek
        if content_frames - seek >= 3000:
            features = encoded.features[:, seek:seek + 3000]
        else:
            features = window_in_silence(model, speech[seek * model.feature_extractor.hop_length:])
        assert np.array_equal(np.array(window.encoder_output), np.array(model.encode(features)))


def test_a_window_decoded_again_from_its_encoding_costs_no_encoder_pass(local_engine) -> None:
    """After a loop or a change of language a reading is decoded again from a window's start: given the encoding
    that window came with, the same segments as when faster-whisper encodes it again, one encoder pass fewer."""
    model = local_engine.load_model(TINY_GREEDY)
    encoded = encode_passage(model, decode_audio_range(UDHR, 0, 34).samples)
    second = list(decode_passage(model, encoded, "en", "", TINY_GREEDY))[1]

    decoded = {}
    for encoding in (None, second.encoder_output):
        with EncoderPasses(model) as encoder:
            windows = list(decode_passage(model, encoded, "en", "", TINY_GREEDY, second.start, encoding))
        decoded[encoding is None] = [(s.start, s.end, s.text) for w in windows for s in w.segments], encoder.count

    (encoded_again, passes), (reused, passes_reusing) = decoded[True], decoded[False]
    assert reused == encoded_again and reused[0][0] >= second.start
    assert passes_reusing == passes - 1
