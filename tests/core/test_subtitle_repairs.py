"""Subtitle files as players read them: an arrow in the text is text, a missing blank line is repaired and reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.formats import read_transcript


def _read(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_transcript(path)


def test_an_arrow_in_srt_text_is_text(tmp_path: Path) -> None:
    transcript = _read(tmp_path, "arrow.srt", "1\n00:00:01,000 --> 00:00:02,000\ntabs beat spaces --> forever\n")
    assert [s.text for s in transcript.segments] == ["tabs beat spaces --> forever"]
    assert transcript.warnings == []


def test_an_arrow_in_vtt_text_is_text(tmp_path: Path) -> None:
    transcript = _read(tmp_path, "arrow.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nleft --> right\n")
    assert [s.text for s in transcript.segments] == ["left --> right"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("numbered.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n"),
        ("unnumbered.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello\n00:00:03,000 --> 00:00:04,000\nWorld\n"),
        ("cues.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n00:00:03.000 --> 00:00:04.000\nWorld\n"),
    ],
)
def test_a_missing_blank_line_starts_a_new_cue_with_a_warning(name: str, text: str, tmp_path: Path) -> None:
    transcript = _read(tmp_path, name, text)
    assert [(s.start, s.end, s.text) for s in transcript.segments] == [(1.0, 2.0, "Hello"), (3.0, 4.0, "World")]
    assert len(transcript.warnings) == 1
    warning = transcript.warnings[0]
    assert f"“{name}”" in warning and "blank line" in warning and "\n" not in warning


def test_every_repair_is_reported_once(tmp_path: Path) -> None:
    cues = "".join(f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},500\nCue {n}\n" for n in range(1, 6))
    transcript = _read(tmp_path, "packed.srt", cues)
    assert [s.text for s in transcript.segments] == [f"Cue {n}" for n in range(1, 6)]
    assert len(transcript.warnings) == 4
    assert "line 4" in transcript.warnings[0]
