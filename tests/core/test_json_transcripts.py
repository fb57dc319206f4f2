"""Earshot's JSON transcripts from untrusted files: one sentence naming the file and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.errors import FormatError
from app.core.formats import read_transcript


def _document(**segment_fields: object) -> dict[str, object]:
    segment = {"start": 1.0, "end": 2.0, "text": "Hello", "speaker": None, "words": []}
    segment.update(segment_fields)
    return {"schema": "earshot.transcript", "schema_version": 1, "language": "en", "duration": 2.0,
            "segments": [{"start": 0.0, "end": 1.0, "text": "First"}, segment]}


def _read(tmp_path: Path, text: str) -> str:
    path = tmp_path / "talk.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_transcript(path)
    message = str(caught.value)
    assert "“talk.json”" in message and "\n" not in message
    return message


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"start": float("nan")}, "segment 2 has no valid start"),
        ({"end": float("inf")}, "segment 2 has no valid end"),
        ({"start": "soon"}, "segment 2 has no valid start"),
        ({"start": True}, "segment 2 has no valid start"),
        ({"text": ["Hello"]}, "segment 2 has no valid text"),
        ({"speaker": 7}, "segment 2 has no valid speaker"),
        ({"words": {"start": 1}}, "segment 2 has no valid words"),
        ({"words": [{"start": 1.0, "end": float("-inf"), "text": "Hi"}]}, "word 1 of segment 2 has no valid end"),
        ({"words": [{"start": 1.0, "end": 1.5, "text": "Hi", "probability": "high"}]},
         "word 1 of segment 2 has no valid probability"),
    ],
)
def test_a_bad_field_is_named(fields: dict[str, object], expected: str, tmp_path: Path) -> None:
    assert expected in _read(tmp_path, json.dumps(_document(**fields)))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"segments": {"0": {}}}, "no valid segments"),
        ({"segments": [1, 2]}, "segment 1 is not an object"),
        ({"duration": float("nan")}, "no valid duration"),
        ({"language": ["en"]}, "no valid language"),
        ({"options": []}, "no valid options"),
    ],
)
def test_a_bad_top_level_field_is_named(change: dict[str, object], expected: str, tmp_path: Path) -> None:
    document = _document()
    document.update(change)
    assert expected in _read(tmp_path, json.dumps(document))


def test_deep_nesting_is_one_sentence(tmp_path: Path) -> None:
    nested = "[" * 200_000 + "]" * 200_000
    text = '{"schema": "earshot.transcript", "schema_version": 1, "segments": [], "options": {"x": ' + nested + "}}"
    assert "nested too deeply" in _read(tmp_path, text)


def test_the_schema_version_must_be_a_whole_number(tmp_path: Path) -> None:
    document = _document()
    document["schema_version"] = float("nan")
    assert "schema version" in _read(tmp_path, json.dumps(document))
