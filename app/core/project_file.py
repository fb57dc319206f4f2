"""The ``.earshot`` project file: a transcript with its words and speakers, where its media is, and the view.

JSON, UTF-8, one object::

    {"schema": "earshot.project", "schema_version": 1,
     "transcript": {... the lossless JSON transcript (app/core/formats/json_format.py),
                    with language, engine and options, without media_path ...},
     "media": {"absolute": "/home/me/talk.mp3", "relative": "../talk.mp3"} or null,
     "view": {"selected_segment": 12 or null, "playback_position": 754.2}}

On load the media is looked for relative to the project first (a folder moved or synced with its
media), then at its absolute path; when neither exists the transcript still opens and the media is
reported as moved. A file that cannot be read is reported in one sentence and never written to.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from app.core.atomic_write import write_bytes_atomically
from app.core.errors import FormatError, ProjectFileError
from app.core.formats.json_format import transcript_from_dict, transcript_to_dict
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript

PROJECT_SCHEMA = "earshot.project"
PROJECT_SCHEMA_VERSION = 1
PROJECT_EXTENSION = ".earshot"
_SEGMENTS_PER_CHUNK = 250
_PLACEHOLDER = "\u0000segments of an Earshot project\u0000"  # a string no option holds: JSON escapes NUL


@dataclass(slots=True)
class ViewState:
    selected_segment: int | None = None
    playback_position: float = 0.0


@dataclass(frozen=True, slots=True)
class MediaLocation:
    path: Path | None  # where the media was found, or where it last was when it has moved
    moved: bool = False  # saved with the project but found at neither its relative nor its absolute path


@dataclass(slots=True)
class LoadedProject:
    transcript: Transcript  # its media_path is the media found (or the last known one)
    media: MediaLocation
    view: ViewState = field(default_factory=ViewState)


def project_to_dict(transcript: Transcript, view: ViewState, project_folder: Path | None) -> dict[str, Any]:
    """The project as JSON data; the media path is made relative to ``project_folder`` where possible."""
    transcript_data = transcript_to_dict(transcript)
    transcript_data.pop("media_path", None)  # one place for it: "media"
    return {
        "schema": PROJECT_SCHEMA,
        "schema_version": PROJECT_SCHEMA_VERSION,
        "transcript": transcript_data,
        "media": _media_to_dict(transcript.media_path, project_folder),
        "view": {"selected_segment": view.selected_segment, "playback_position": view.playback_position},
    }


def _media_to_dict(media_path: str | None, project_folder: Path | None) -> dict[str, str | None] | None:
    if not media_path:
        return None
    absolute = Path(media_path).absolute()
    relative = None
    if project_folder is not None:
        try:
            relative = Path(os.path.relpath(absolute, project_folder.absolute())).as_posix()
        except ValueError:  # another drive on Windows
            relative = None
    return {"absolute": str(absolute), "relative": relative}


def project_bytes(transcript: Transcript, view: ViewState, project_folder: Path | None) -> bytes:
    """The file's content: compact UTF-8 JSON, the same as ``project_to_dict`` gives.

    Made a chunk of segments at a time, so that an autosave on a worker thread never holds the
    GIL for long: orjson holds it while it writes, and so does freeing a whole transcript's dicts.
    """
    head = project_to_dict(replace(transcript, segments=[]), view, project_folder)
    head["transcript"]["segments"] = _PLACEHOLDER
    before, after = orjson.dumps(head).split(orjson.dumps(_PLACEHOLDER), 1)
    segments = transcript.segments
    chunks = [_segments_json(segments[i:i + _SEGMENTS_PER_CHUNK]) for i in range(0, len(segments), _SEGMENTS_PER_CHUNK)]
    return b"".join([before, b"[", b",".join(chunks), b"]", after, b"\n"])


def _segments_json(segments: list[Segment]) -> bytes:
    """The segments as json_format writes them, without the brackets around the list."""
    return orjson.dumps(transcript_to_dict(Transcript(segments))["segments"], option=orjson.OPT_SERIALIZE_NUMPY)[1:-1]


def save_project(path: Path, transcript: Transcript, view: ViewState | None = None) -> Path:
    """Write the project atomically: the old file stays whole until the new one is complete."""
    path = Path(path)
    return write_bytes_atomically(path, project_bytes(transcript, view or ViewState(), path.parent))


def load_project(path: Path) -> LoadedProject:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProjectFileError(translated(
            "Cannot open “{name}”: {reason}."
        ).format(name=path.name, reason=error.strerror or error)) from error
    return project_from_bytes(raw, path.name, path.parent)


def project_from_bytes(raw: bytes, name: str, project_folder: Path | None) -> LoadedProject:
    """Parse and check a project; ProjectFileError with one sentence for anything wrong with it."""
    data = _json_object(raw, name)
    if data.get("schema") != PROJECT_SCHEMA:
        raise ProjectFileError(translated("Cannot open “{name}”: it is not an Earshot project.").format(name=name))
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectFileError(translated(
            "Cannot open “{name}”: its schema version is missing or wrong."
        ).format(name=name))
    if version > PROJECT_SCHEMA_VERSION:
        raise ProjectFileError(
            translated(
                "Cannot open “{name}”: it was saved by a newer Earshot (project version {version}); "
                "update Earshot."
            ).format(name=name, version=version)
        )
    return project_from_dict(data, name, project_folder)


def _json_object(raw: bytes, name: str) -> dict[str, Any]:
    try:
        data = orjson.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ProjectFileError(translated(
            "Cannot open “{name}”: it is not a UTF-8 text file."
        ).format(name=name)) from error
    except orjson.JSONDecodeError as error:  # also NaN, Infinity and nesting past 1,024 levels
        raise ProjectFileError(
            translated(
                "Cannot open “{name}”: it is damaged or incomplete (line {lineno}, column {colno})."
            ).format(name=name, lineno=error.lineno, colno=error.colno)
        ) from error
    if not isinstance(data, dict):
        raise ProjectFileError(translated("Cannot open “{name}”: it is not an Earshot project.").format(name=name))
    return data


def project_from_dict(data: dict[str, Any], name: str, project_folder: Path | None) -> LoadedProject:
    transcript_data = data.get("transcript")
    if not isinstance(transcript_data, dict) or not isinstance(transcript_data.get("segments"), list):
        raise ProjectFileError(translated("Cannot open “{name}”: it holds no transcript.").format(name=name))
    try:
        transcript = transcript_from_dict({**transcript_data, "media_path": None})
        _check_transcript(transcript)
        view = _view_from(data.get("view"))
        media = _media_from(data.get("media"), project_folder)
    except FormatError as error:
        raise ProjectFileError(error.message) from error
    except ValueError as error:  # json_format's shape errors and ours say which part is wrong
        raise ProjectFileError(translated("Cannot open “{name}”: {error}.").format(name=name, error=error)) from error
    except (KeyError, TypeError, AttributeError) as error:
        raise ProjectFileError(translated(
            "Cannot open “{name}”: a part of it is missing or has a bad value."
        ).format(name=name)) from error
    transcript.media_path = str(media.path) if media.path else None
    if view.selected_segment is not None and view.selected_segment >= len(transcript.segments):
        view.selected_segment = None
    return LoadedProject(transcript, media, view)


def _check_transcript(transcript: Transcript) -> None:
    """What json_format reads is typed by Python's own conversions; check what the editor relies on."""
    infinity = float("inf")
    for number, segment in enumerate(transcript.segments, start=1):
        if not 0 <= segment.start <= segment.end < infinity or not all(
            0 <= word.start < infinity and 0 <= word.end < infinity for word in segment.words
        ):
            raise ValueError(translated("segment {number} has impossible times").format(number=number))
        if segment.speaker is not None and not isinstance(segment.speaker, str):
            raise ValueError(translated("segment {number} has a speaker that is not a name").format(number=number))


def _view_from(data: object) -> ViewState:
    if data is None:
        return ViewState()
    if not isinstance(data, dict):
        raise ValueError(translated("the view state is not an object"))
    selected = data.get("selected_segment")
    if selected is not None and (not isinstance(selected, int) or isinstance(selected, bool) or selected < 0):
        raise ValueError(translated("the selected segment is not a row number"))
    position = float(data.get("playback_position") or 0.0)
    if not 0 <= position < float("inf"):
        raise ValueError(translated("the playback position is not a time"))
    return ViewState(selected, position)


def _media_from(data: object, project_folder: Path | None) -> MediaLocation:
    if data is None:
        return MediaLocation(None)
    if not isinstance(data, dict):
        raise ValueError(translated("the media is not an object"))
    absolute, relative = data.get("absolute"), data.get("relative")
    if not isinstance(absolute, str) or not (relative is None or isinstance(relative, str)):
        raise ValueError(translated("the media path is not text"))
    candidates = [Path(absolute)]
    if relative and project_folder is not None:
        candidates.insert(0, project_folder / relative)
    for candidate in candidates:
        if candidate.is_file():
            return MediaLocation(Path(os.path.normpath(candidate.absolute())))
    return MediaLocation(Path(absolute), moved=True)
