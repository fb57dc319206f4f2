"""A passage encoded once: the encoding faster-whisper would make, decoded as faster-whisper decodes it,
and read for the passage's language without another pass of the encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.audio import decode_audio
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.passage_window import decode_passage, encode_passage

TINY = TranscriptionOptions(model="tiny.en")


def test_a_passage_decoded_from_its_encoding_is_what_faster_whisper_gives(local_engine, jfk_path: Path) -> None:
    model = local_engine.load_model(TINY)
    speech = decode_audio(jfk_path).samples

    ours = list(decode_passage(model, encode_passage(model, speech), "en", "", TINY))
    theirs, _info = model.transcribe(speech, language="en")  # faster-whisper's defaults, as Earshot's

    assert [(s.start, s.end, s.text) for s in ours] == [(s.start, s.end, s.text) for s in theirs]


def test_a_prompt_is_the_text_before_the_passage(local_engine, jfk_path: Path) -> None:
    model = local_engine.load_model(TINY)
    speech = decode_audio(jfk_path).samples
    encoded = encode_passage(model, speech)
    prompt = "My fellow Americans, ask not."

    ours = list(decode_passage(model, encoded, "en", prompt, TINY))
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
