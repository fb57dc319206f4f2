"""Text to speech: pyttsx3 and an OpenAI-compatible server, checked by recognising what they said."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.core.audio import decode_audio
from app.core.errors import Cancelled, SpeechOutputError
from app.core.sentences import sentence_spans
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.speech_output import LocalSpeechSynthesiser, SpeechSettings, SpokenSentence, written_speech
from app.engines.speech_playback import save_speech
from tests.speech import word_error_rate

TEXT = "The quick brown fox jumps over the lazy dog. Then it runs back home before the rain starts."


def recognised(local_engine, path: Path) -> str:
    return run_transcription(local_engine, decode_audio(path), TranscriptionOptions(model="tiny.en"),
                             JobContext()).text


def test_local_speech_saved_to_a_file_is_recognised_as_the_text(local_engine, tmp_path: Path) -> None:
    heard: list[SpokenSentence] = []
    spoken = LocalSpeechSynthesiser().synthesise(TEXT, SpeechSettings(voice="English (America)", rate=160),
                                                 on_sentence=heard.append)
    assert heard == spoken and [s.span.text for s in spoken] == [s.text for s in sentence_spans(TEXT)]
    assert TEXT[spoken[1].span.start:spoken[1].span.end] == "Then it runs back home before the rain starts."
    for suffix in (".wav", ".flac"):
        path = save_speech(spoken, tmp_path / f"speech{suffix}")
        assert word_error_rate(TEXT, recognised(local_engine, path)) < 0.25


def test_a_sentence_is_read_only_once_the_engine_has_written_all_of_it() -> None:
    """espeak-ng's pyttsx3 driver returns from runAndWait while its own thread still speaks and writes the file
    at the end: a long first sentence was read before it existed (the flaky "Format not recognised")."""
    long_sentence = "This sentence goes on " + ", ".join(f"past milestone number {n}" for n in range(40)) + "."
    spoken = LocalSpeechSynthesiser().synthesise(f"{long_sentence} Then it stops.", SpeechSettings(rate=200))
    assert [s.span.text for s in spoken] == [long_sentence, "Then it stops."]
    for sentence in spoken:
        assert sentence.seconds > 0.5 * len(sentence.span.text.split()) * 60 / 200  # words at 200 a minute


def test_an_empty_or_soundless_file_from_the_engine_is_one_sentence(tmp_path: Path) -> None:
    span = sentence_spans("Hello there.")[0]
    (tmp_path / "empty.wav").write_bytes(b"")
    soundfile.write(tmp_path / "soundless.wav", np.zeros(0, dtype=np.float32), 22050)
    with pytest.raises(SpeechOutputError, match=r"^The speech engine's audio cannot be read: .+\.$"):
        written_speech(str(tmp_path / "empty.wav"), span)
    with pytest.raises(SpeechOutputError, match=r"^The speech engine made no sound for “Hello there\.”\.$"):
        written_speech(str(tmp_path / "soundless.wav"), span)


def test_voices_are_listed_and_an_unknown_one_is_one_sentence() -> None:
    synthesiser = LocalSpeechSynthesiser()
    voices = synthesiser.voices()
    assert any("en" in v.languages or v.name.startswith("English") for v in voices)
    assert synthesiser.find_voice(voices[0].name.upper()) == voices[0]
    with pytest.raises(SpeechOutputError, match=r"^There is no voice called “Nobody” \(there are \d+"):
        synthesiser.find_voice("Nobody")


def test_stopping_local_speech_kills_the_worker_at_once() -> None:
    cancel = threading.Event()
    long_text = " ".join(f"This is sentence number {n} of a long reading." for n in range(200))
    heard: list[SpokenSentence] = []

    def first_heard_then_stop(sentence: SpokenSentence) -> None:
        heard.append(sentence)
        cancel.set()

    started = time.monotonic()
    with pytest.raises(Cancelled):
        LocalSpeechSynthesiser().synthesise(long_text, SpeechSettings(), first_heard_then_stop, cancel)
    assert time.monotonic() - started < 10 and len(heard) < 20


def test_there_is_nothing_to_speak_in_blank_text_and_speech_is_saved_only_as_wav_or_flac(tmp_path: Path) -> None:
    with pytest.raises(SpeechOutputError, match=r"^There is no text to speak\.$"):
        LocalSpeechSynthesiser().synthesise("  \n ", SpeechSettings())
    with pytest.raises(SpeechOutputError, match=r"saved as \.wav or \.flac, not “\.mp3”"):
        save_speech([], tmp_path / "speech.mp3")


def test_a_sentence_over_the_servers_limit_is_cut_at_spaces_under_4096_characters() -> None:
    long_sentence = " ".join(["word"] * 2000) + "."
    spans = sentence_spans(f"Short one. {long_sentence}", 4096)
    assert spans[0].text == "Short one." and len(spans) == 4  # 10,000 characters: three pieces
    assert all(len(s.text) <= 4096 for s in spans)
    assert " ".join(s.text for s in spans) == f"Short one. {long_sentence}"
