"""The .earshot project: a lossless round trip, media found where it went, and damaged files refused untouched."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from app.core.errors import ProjectFileError
from app.core.formats.json_format import transcript_from_dict, transcript_to_dict
from app.core.project_file import (
    PROJECT_SCHEMA_VERSION,
    LoadedProject,
    ViewState,
    load_project,
    save_project,
)
from app.core.transcript import Transcript
from tests.core.editing.samples import interview, timed_segment


@pytest.fixture
def media(tmp_path: Path) -> Path:
    path = tmp_path / "audio" / "bread.flac"
    path.parent.mkdir()
    shutil.copy(Path(__file__).resolve().parents[2].parent / "shared" / "audio" / "jfk.flac", path)
    return path


def saved_interview(project: Path, media: Path | None) -> Transcript:
    transcript = interview()
    transcript.media_path = str(media) if media else None
    save_project(project, transcript, ViewState(selected_segment=2, playback_position=6.25))
    return transcript


def as_json_keeps_it(transcript: Transcript) -> Transcript:
    """What the lossless JSON transcript keeps of ``transcript``: the project must keep the same."""
    return transcript_from_dict(transcript_to_dict(transcript))


def test_round_trip_keeps_words_speakers_engine_options_media_and_view(tmp_path: Path, media: Path) -> None:
    project = tmp_path / "projects" / "bread.earshot"
    original = saved_interview(project, media)
    loaded = load_project(project)
    assert isinstance(loaded, LoadedProject)
    assert loaded.transcript == as_json_keeps_it(original)
    assert loaded.transcript.segments[1].words == original.segments[1].words  # probabilities included
    assert [s.speaker for s in loaded.transcript.segments] == ["Ann", "Bo", "Ann", "Bo"]
    assert (loaded.transcript.engine, loaded.transcript.options) == ("faster-whisper", original.options)
    assert (loaded.media.path, loaded.media.moved) == (media, False)
    assert loaded.view == ViewState(2, 6.25)
    data = json.loads(project.read_text(encoding="utf-8"))
    assert (data["schema"], data["schema_version"]) == ("earshot.project", PROJECT_SCHEMA_VERSION)
    assert data["media"] == {"absolute": str(media), "relative": "../audio/bread.flac"}
    assert "media_path" not in data["transcript"]


def test_each_segments_language_is_kept(tmp_path: Path) -> None:
    transcript = interview()
    for segment, language in zip(transcript.segments, ["en", "de", None, "en"], strict=True):
        segment.language = language
    save_project(tmp_path / "mixed.earshot", transcript)
    loaded = load_project(tmp_path / "mixed.earshot")
    assert [s.language for s in loaded.transcript.segments] == ["en", "de", None, "en"]


def test_media_is_found_beside_a_moved_folder_or_at_its_absolute_path(tmp_path: Path, media: Path) -> None:
    project = tmp_path / "projects" / "bread.earshot"
    saved_interview(project, media)
    moved = tmp_path / "elsewhere"
    shutil.copytree(tmp_path / "projects", moved / "projects")
    assert load_project(moved / "projects" / "bread.earshot").media.path == media  # only the project moved
    shutil.copytree(tmp_path / "audio", moved / "audio")
    media.unlink()
    found = load_project(moved / "projects" / "bread.earshot")
    assert (found.media.path, found.media.moved) == (moved / "audio" / "bread.flac", False)
    assert found.transcript.media_path == str(moved / "audio" / "bread.flac")


def test_missing_media_is_reported_moved_and_the_transcript_still_opens(tmp_path: Path, media: Path) -> None:
    project = tmp_path / "bread.earshot"
    original = saved_interview(project, media)
    media.unlink()
    loaded = load_project(project)
    assert (loaded.media.path, loaded.media.moved) == (media, True)
    assert loaded.transcript.segments == original.segments


@pytest.mark.parametrize("count", [0, 1, 250, 251, 1000])
def test_segments_written_in_chunks_read_back_whole(tmp_path: Path, count: int) -> None:
    transcript = Transcript([timed_segment(i * 3.0, f"Segment {i} says “hello”.", "Ann") for i in range(count)],
                            options={"prompt": "segments", "hotwords": ["a", "b"]})
    project = tmp_path / "many.earshot"
    save_project(project, transcript)
    assert load_project(project).transcript == as_json_keeps_it(transcript)
    assert json.loads(project.read_text(encoding="utf-8"))["transcript"]["options"] == transcript.options


def test_a_selected_row_past_the_end_is_dropped(tmp_path: Path) -> None:
    project = tmp_path / "short.earshot"
    save_project(project, Transcript(interview().segments[:1]), ViewState(selected_segment=3))
    assert load_project(project).view == ViewState(None, 0.0)


def test_a_project_without_media(tmp_path: Path) -> None:
    project = tmp_path / "notes.earshot"
    saved_interview(project, None)
    loaded = load_project(project)
    assert (loaded.media.path, loaded.media.moved, loaded.transcript.media_path) == (None, False, None)


def valid_project(tmp_path: Path) -> dict:
    project = tmp_path / "valid.earshot"
    saved_interview(project, None)
    return json.loads(project.read_text(encoding="utf-8"))


def with_change(data: dict, path: tuple, value: object) -> dict:
    changed = json.loads(json.dumps(data))
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


@pytest.mark.parametrize(("change", "reason"), [
    ((("schema_version",), PROJECT_SCHEMA_VERSION + 1), "saved by a newer Earshot (project version 2); update Earshot"),
    ((("schema",), "earshot.transcript"), "it is not an Earshot project"),
    ((("schema_version",), "1"), "schema version is missing or wrong"),
    ((("transcript",), None), "it holds no transcript"),
    ((("transcript", "segments", 1, "start"), "soon"), ""),  # json_format's own sentence names the field
    ((("transcript", "segments", 0, "end"), -1.0), "segment 1 has impossible times"),
    ((("transcript", "segments", 0, "words", 0, "start"), -0.5), "segment 1 has impossible times"),
    ((("transcript", "segments", 0, "words", 0, "end"), float("nan")), "damaged or incomplete"),  # not JSON
    ((("view",), [1]), "the view state is not an object"),
    ((("view", "selected_segment"), -3), "the selected segment is not a row number"),
    ((("media",), {"absolute": 5}), "the media path is not text"),
])
def test_a_wrong_shape_is_one_sentence_and_the_file_stays_untouched(tmp_path: Path, change: tuple,
                                                                     reason: str) -> None:
    project = tmp_path / "broken.earshot"
    raw = json.dumps(with_change(valid_project(tmp_path), *change)).encode()
    project.write_bytes(raw)
    with pytest.raises(ProjectFileError) as raised:
        load_project(project)
    message = str(raised.value)
    assert message.startswith("Cannot open “broken.earshot”: ") and reason in message
    assert message.endswith(".") and "\n" not in message
    assert project.read_bytes() == raw


@pytest.mark.parametrize(("raw", "reason"), [
    (b"", "damaged or incomplete (line 1, column 1)"),
    (b"\xff\xfe{", "not a UTF-8 text file"),
    (b"[1, 2]", "not an Earshot project"),
    (b"[" * 100_000, "damaged or incomplete"),
])
def test_unreadable_bytes_are_one_sentence(tmp_path: Path, raw: bytes, reason: str) -> None:
    project = tmp_path / "odd.earshot"
    project.write_bytes(raw)
    with pytest.raises(ProjectFileError, match=re.escape(reason)):
        load_project(project)


def test_a_truncated_project_is_refused_and_never_overwritten(tmp_path: Path) -> None:
    project = tmp_path / "cut.earshot"
    saved_interview(project, None)
    raw = project.read_bytes()[: len(project.read_bytes()) // 2]
    project.write_bytes(raw)
    with pytest.raises(ProjectFileError, match="damaged or incomplete"):
        load_project(project)
    assert project.read_bytes() == raw


def test_a_missing_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match=re.escape("Cannot open “gone.earshot”: No such file or directory.")):
        load_project(tmp_path / "gone.earshot")


def test_saving_replaces_the_file_whole(tmp_path: Path) -> None:
    project = tmp_path / "bread.earshot"
    saved_interview(project, None)
    shorter = Transcript(interview().segments[:1])
    save_project(project, shorter)
    assert load_project(project).transcript.segments == shorter.segments
    assert [p.name for p in tmp_path.iterdir()] == ["bread.earshot"]


def test_times_as_numpy_floats_save(tmp_path: Path) -> None:
    """faster-whisper's word timings are numpy.float64: a project of them saves and reads back as floats."""
    import numpy as np

    from app.core.transcript import Segment, Word

    words = [Word(np.float64(0.5), np.float64(0.9), "Hello", 0.9)]
    transcript = Transcript(segments=[Segment(np.float64(0.5), np.float64(0.9), "Hello", words=words)])
    loaded = load_project(save_project(tmp_path / "numpy.earshot", transcript))
    assert loaded.transcript.segments[0].start == pytest.approx(0.5)
    assert loaded.transcript.segments[0].words[0].end == pytest.approx(0.9)
