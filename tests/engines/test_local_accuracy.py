"""The local engine on real speech: each passage in its own language, no words on silence,
noise or tones, no repetition loop on a long reading, and the same text every time."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.audio import AudioClip, decode_audio
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from tests.conftest import SHARED_AUDIO
from tests.speech import (
    GERMAN_START_SECONDS,
    MIT_LICENCE_ENGLISH,
    MIT_LICENCE_GERMAN,
    hallucination_signals,
    most_repeated_ngram,
    word_error_rate,
)

BASE = TranscriptionOptions(model="base")
SPANISH = SHARED_AUDIO / "dev" / "es_mls_13697_11991_000000.opus"
SPANISH_LAST_SECONDS = 11.0  # from here to the end (3.9 s), tiny.en samples every window, as on the whole file
DANISH_READING = SHARED_AUDIO / "dev" / "da_librivox_udhr_preamble.mp3"


def _halves(transcript) -> tuple[list, list]:
    english = [s for s in transcript.segments if s.start < GERMAN_START_SECONDS]
    german = [s for s in transcript.segments if s.start >= GERMAN_START_SECONDS]
    return english, german


@pytest.mark.slow
def test_the_mixed_recording_comes_out_in_english_then_german(local_engine, multilingual_path: Path) -> None:
    transcript = run_transcription(local_engine, decode_audio(multilingual_path), BASE, JobContext())

    english, german = _halves(transcript)
    assert {s.language for s in english} == {"en"} and {s.language for s in german} == {"de"}
    assert transcript.language == "en"
    assert word_error_rate(MIT_LICENCE_ENGLISH, " ".join(s.text for s in english)) < 0.15
    assert word_error_rate(MIT_LICENCE_GERMAN, " ".join(s.text for s in german)) < 0.45


@pytest.mark.slow
def test_translating_the_mixed_recording_gives_english_throughout(local_engine, multilingual_path: Path) -> None:
    options = TranscriptionOptions(model="base", task="translate")
    transcript = run_transcription(local_engine, decode_audio(multilingual_path), options, JobContext())

    english, german = _halves(transcript)
    assert {s.language for s in german} == {"de"}  # the source language of the passage
    translation = " ".join(s.text for s in german)
    # all of the German half, not its last sentence: a window that ended its text early on a single timestamp
    # made faster-whisper's seek skip 25 s of it
    assert len(translation.split()) > len(MIT_LICENCE_GERMAN.split()) * 0.6
    translated = set(translation.lower().replace(",", " ").split())
    assert len(translated & {"the", "and", "software", "to", "of", "rights"}) >= 4
    assert len(translated & {"der", "die", "und", "zu", "recht", "diese"}) <= 1
    assert word_error_rate(MIT_LICENCE_ENGLISH, " ".join(s.text for s in english)) < 0.15


@pytest.mark.parametrize("signal", ["silence", "noise", "tones"])
def test_silence_noise_and_tones_give_no_words(local_engine, signal: str) -> None:
    clip = AudioClip(hallucination_signals()[signal])
    transcript = run_transcription(local_engine, clip, TranscriptionOptions(model="tiny.en"), JobContext())
    assert transcript.text == ""


@pytest.mark.slow
def test_a_long_reading_that_loops_with_context_comes_out_without_a_loop(local_engine) -> None:
    """Bare faster-whisper with context loops on this reading ("frihed og frihed for frihed…", WER 0.77)."""
    transcript = run_transcription(local_engine, decode_audio(DANISH_READING), BASE, JobContext())
    assert transcript.language == "da"
    assert len(transcript.text.split()) > 150
    assert most_repeated_ngram(transcript.text, 5) <= 2


def test_the_same_file_gives_the_same_segments_even_after_a_sampling_fallback(
    local_engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = TranscriptionOptions(model="tiny.en")
    spanish = decode_audio(SPANISH).samples
    clip = AudioClip(spanish[int(SPANISH_LAST_SECONDS * 16_000):])  # the least sampling to pay for
    model = local_engine.load_model(options)
    temperatures: list[float] = []
    decode_window = model.generate_segments

    def decode_noting_temperatures(*arguments, **keywords):  # the engine's own decoding, observed
        for segment in decode_window(*arguments, **keywords):
            temperatures.append(segment.temperature or 0.0)
            yield segment

    monkeypatch.setattr(model, "generate_segments", decode_noting_temperatures)

    first = run_transcription(local_engine, clip, options, JobContext())
    # English-only tiny.en on Spanish speech: greedy decoding fails its checks, so it samples
    assert any(temperature > 0 for temperature in temperatures)
    second = run_transcription(local_engine, clip, options, JobContext())

    assert first.segments and first.segments == second.segments


def test_a_window_that_falls_back_to_sampling_after_a_prompt_is_decoded_again_without_it(
    local_engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window whose text fails faster-whisper's checks at temperature 0 with a prompt is decoded again
    without the prompt (the French read-along's last window: "les langues étudiants" sampled at 1.0 after its
    prompt, "le ReadAlong-Studio" at 0 without), and the transcript holds that second decoding."""
    options = TranscriptionOptions(  # greedy: the same fallback at half the cost
        model="tiny.en", beam_size=1, initial_prompt="The minutes of the meeting of the committee."
    )
    clip = AudioClip(decode_audio(SPANISH).samples[int(SPANISH_LAST_SECONDS * 16_000):])
    model = local_engine.load_model(options)
    decodings: list[tuple[str | None, list[float], str]] = []  # prompt, temperatures, text
    decode_window = model.generate_segments

    def decode_noting_prompts(features, tokenizer, whisper_options, *arguments):  # the engine's decoding, observed
        segments = list(decode_window(features, tokenizer, whisper_options, *arguments))
        decodings.append((
            whisper_options.initial_prompt,
            [segment.temperature or 0.0 for segment in segments],
            " ".join(segment.text.strip() for segment in segments),
        ))
        yield from segments

    monkeypatch.setattr(model, "generate_segments", decode_noting_prompts)
    transcript = run_transcription(local_engine, clip, options, JobContext())

    (first_prompt, first_temperatures, _text), *again = decodings
    assert first_prompt == options.initial_prompt and any(t > 0 for t in first_temperatures)  # it sampled
    assert [prompt for prompt, _temperatures, _text in again] == [None]
    assert transcript.text == again[0][2]
