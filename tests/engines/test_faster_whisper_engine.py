"""Real recognition with faster-whisper on the bundled models and real speech."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from app.core.audio import AudioClip, decode_audio
from app.core.errors import Cancelled, ModelError
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from tests.conftest import JFK_REFERENCE
from tests.speech import synthesise_speech, word_error_rate

TINY = TranscriptionOptions(model="tiny.en")
LICENCE_OPENING = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software "
    "and associated documentation files"
)


@pytest.fixture(scope="module")
def jfk_clip(jfk_path: Path) -> AudioClip:
    return decode_audio(jfk_path)


def test_jfk_with_tiny_en_is_within_the_word_error_bound(local_engine, jfk_clip) -> None:
    progress: list[float] = []
    context = JobContext(on_progress=lambda fraction, _total: progress.append(fraction))

    transcript = run_transcription(local_engine, jfk_clip, TINY, context)

    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert transcript.language == "en"
    assert transcript.duration == pytest.approx(11.0, abs=0.1)
    assert transcript.media_path and transcript.media_path.endswith("jfk.flac")
    starts = [s.start for s in transcript.segments]
    assert starts == sorted(starts)
    assert all(0 <= s.start < s.end <= 11.1 for s in transcript.segments)
    assert progress == sorted(progress) and progress[-1] == 1.0


def test_word_timestamps_lie_inside_their_segments(local_engine, jfk_clip) -> None:
    options = TranscriptionOptions(model="tiny.en", word_timestamps=True)
    transcript = run_transcription(local_engine, jfk_clip, options, JobContext())
    words = [w for s in transcript.segments for w in s.words]
    assert len(words) >= 18
    for segment in transcript.segments:
        for word in segment.words:
            assert segment.start - 0.01 <= word.start <= word.end <= segment.end + 0.01
            assert 0.0 <= word.probability <= 1.0
    assert word_error_rate(JFK_REFERENCE, " ".join(w.text for w in words)) < 0.15


def test_synthesised_speech_is_recognised(local_engine, tmp_path: Path) -> None:
    text = "The quick brown fox jumps over the lazy dog. Please call me back tomorrow morning."
    clip = decode_audio(synthesise_speech(text, tmp_path / "speech.wav"))
    transcript = run_transcription(local_engine, clip, TINY, JobContext())
    assert word_error_rate(text, transcript.text) < 0.35


def test_silence_and_noise_give_no_hallucinated_text(local_engine) -> None:
    noise = np.random.default_rng(7).normal(0, 0.003, 16_000 * 40).astype(np.float32)
    transcript = run_transcription(local_engine, AudioClip(noise), TINY, JobContext())
    assert transcript.segments == []


def test_the_loaded_model_is_reused_by_later_jobs(local_engine) -> None:
    first = local_engine.load_model(TINY)
    assert local_engine.load_model(TINY) is first


def test_cancel_stops_between_segments(local_engine, jfk_clip) -> None:
    cancel = threading.Event()
    seen = []

    def cancel_after_first(segment) -> None:
        seen.append(segment)
        cancel.set()

    with pytest.raises(Cancelled):
        run_transcription(local_engine, jfk_clip, TINY, JobContext(cancel_event=cancel), cancel_after_first)
    assert len(seen) == 1  # of the two sentences tiny.en makes of JFK


def test_english_only_model_refuses_to_translate(local_engine, jfk_clip) -> None:
    options = TranscriptionOptions(model="tiny.en", task="translate")
    with pytest.raises(ModelError, match="only knows English and cannot translate"):
        run_transcription(local_engine, jfk_clip, options, JobContext())


@pytest.fixture(scope="module")
def german_clip(multilingual_path: Path) -> AudioClip:
    samples = decode_audio(multilingual_path).samples
    return AudioClip(samples[16_000 * 33: 16_000 * 44])  # eleven seconds of the German reading


@pytest.mark.slow
def test_base_detects_german(local_engine, german_clip) -> None:
    options = TranscriptionOptions(model="base")
    context = JobContext()
    transcript = run_transcription(local_engine, german_clip, options, context)
    assert transcript.language == "de"
    assert context.language_probability > 0.5
    assert "software" in transcript.text.lower()


@pytest.mark.slow
def test_base_translates_german_into_english(local_engine, german_clip) -> None:
    options = TranscriptionOptions(model="base", task="translate", language="de")
    transcript = run_transcription(local_engine, german_clip, options, JobContext())
    english_words = {"the", "and", "software", "to", "of"}
    assert len(english_words & set(transcript.text.lower().split())) >= 3


@pytest.mark.slow
def test_base_transcribes_the_english_part(local_engine, multilingual_path: Path) -> None:
    clip = AudioClip(decode_audio(multilingual_path).samples[: 16_000 * 12])
    transcript = run_transcription(local_engine, clip, TranscriptionOptions(model="base"), JobContext())
    assert transcript.language == "en"
    spoken = " ".join(transcript.text.split()[: len(LICENCE_OPENING.split())])
    assert word_error_rate(LICENCE_OPENING, spoken) < 0.25
