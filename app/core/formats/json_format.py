"""The lossless JSON transcript, with a schema version so later versions can read it."""

from __future__ import annotations

import json
from typing import Any

from app.core.errors import FormatError
from app.core.json_shape import (
    ShapeError,
    list_field,
    number_field,
    object_field,
    optional_number_field,
    optional_text_field,
    parse_json,
    require_object,
    text_field,
)
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript, Word

SCHEMA = "earshot.transcript"
SCHEMA_VERSION = 1


def transcript_to_dict(transcript: Transcript) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "language": transcript.language,
        "duration": transcript.duration,
        "media_path": transcript.media_path,
        "engine": transcript.engine,
        "options": transcript.options,
        "segments": [_segment_to_dict(s) for s in transcript.segments],
    }


def write_json(transcript: Transcript) -> str:
    return json.dumps(transcript_to_dict(transcript), ensure_ascii=False, indent=2) + "\n"


def read_json(text: str, name: str = "the file") -> Transcript:
    try:
        data = parse_json(text)
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise FormatError(translated("Cannot read {name}: it is not an Earshot transcript.").format(name=name))
        version = data.get("schema_version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise ShapeError(translated("it has no valid schema version"))
        if version > SCHEMA_VERSION:
            raise FormatError(translated(
                "Cannot read {name}: it was written by a newer Earshot (schema version {version})."
            ).format(name=name, version=version))
        return transcript_from_dict(data)
    except ShapeError as error:
        raise FormatError(translated("Cannot read {name}: {error}.").format(name=name, error=error)) from error


def transcript_from_dict(data: dict[str, Any]) -> Transcript:
    """The transcript in a parsed document, every field checked; ShapeError names the first bad one."""
    return Transcript(
        segments=[
            _segment_from_dict(require_object(item, f"segment {number}"), f"segment {number}")
            for number, item in enumerate(list_field(data, "segments", "it"), start=1)
        ],
        language=optional_text_field(data, "language", "it"),
        duration=optional_number_field(data, "duration", "it"),
        media_path=optional_text_field(data, "media_path", "it"),
        engine=optional_text_field(data, "engine", "it"),
        options=dict(object_field(data, "options", "it", optional=True)),
    )


def _segment_to_dict(segment: Segment) -> dict[str, Any]:
    return {
        "start": segment.start,
        "end": segment.end,
        "text": segment.text,
        "speaker": segment.speaker,
        "language": segment.language,
        "words": [
            {"start": w.start, "end": w.end, "text": w.text, "probability": w.probability}
            for w in segment.words
        ],
    }


def _segment_from_dict(data: dict[str, Any], where: str) -> Segment:
    words = []
    for number, item in enumerate(list_field(data, "words", where, optional=True), start=1):
        word_where = f"word {number} of {where}"
        word = require_object(item, word_where)
        words.append(Word(
            start=number_field(word, "start", word_where),
            end=number_field(word, "end", word_where),
            text=text_field(word, "text", word_where),
            probability=optional_number_field(word, "probability", word_where),
        ))
    return Segment(
        start=number_field(data, "start", where),
        end=number_field(data, "end", where),
        text=text_field(data, "text", where),
        speaker=optional_text_field(data, "speaker", where),
        language=optional_text_field(data, "language", where),
        words=words,
    )

