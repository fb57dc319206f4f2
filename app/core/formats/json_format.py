"""The lossless JSON transcript, with a schema version so later versions can read it."""

from __future__ import annotations

import json
from typing import Any

from app.core.errors import FormatError
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
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"Cannot read {name}: it is not valid JSON (line {error.lineno}, column {error.colno})."
        ) from error
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise FormatError(f"Cannot read {name}: it is not an Earshot transcript.")
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise FormatError(
            f"Cannot read {name}: it was written by a newer Earshot (schema version {version})."
        )
    try:
        return transcript_from_dict(data)
    except (KeyError, TypeError, ValueError) as error:
        raise FormatError(f"Cannot read {name}: a segment is missing or has a bad field ({error}).") from error


def transcript_from_dict(data: dict[str, Any]) -> Transcript:
    return Transcript(
        segments=[_segment_from_dict(s) for s in data["segments"]],
        language=data.get("language"),
        duration=data.get("duration"),
        media_path=data.get("media_path"),
        engine=data.get("engine"),
        options=dict(data.get("options") or {}),
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


def _segment_from_dict(data: dict[str, Any]) -> Segment:
    return Segment(
        start=float(data["start"]),
        end=float(data["end"]),
        text=str(data["text"]),
        speaker=data.get("speaker"),
        language=_language_code(data.get("language")),
        words=[
            Word(float(w["start"]), float(w["end"]), str(w["text"]), w.get("probability"))
            for w in data.get("words") or []
        ],
    )


def _language_code(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > 20:
        raise ValueError(f"language {value!r} is not a language code")
    return value
