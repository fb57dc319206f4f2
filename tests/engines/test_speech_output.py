"""Text to speech: pyttsx3 and an OpenAI-compatible server, checked by recognising what they said."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from app.core.audio import decode_audio
from app.core.errors import Cancelled, SpeechOutputError
from app.core.sentences import sentence_spans
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.speech_output import LocalSpeechSynthesiser, SpeechSettings, SpokenSentence
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
