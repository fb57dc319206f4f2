"""Opening existing subtitles and transcripts: SRT, WebVTT, ASS and Earshot's JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.core.errors import FormatError
from app.core.formats.ass import read_ass
from app.core.formats.json_format import read_json
from app.core.formats.srt import read_srt
from app.core.formats.text_encoding import decode_text
from app.core.formats.vtt import read_vtt
from app.core.text_translation import translated
from app.core.transcript import Transcript

READERS: dict[str, Callable[[str, str], Transcript]] = {
    ".srt": read_srt,
    ".vtt": read_vtt,
    ".ass": read_ass,
    ".ssa": read_ass,
    ".json": read_json,
}
INPUT_EXTENSIONS = tuple(READERS)


def read_transcript_text(text: str, extension: str, name: str = "the file") -> Transcript:
    try:
        reader = READERS[extension.lower()]
    except KeyError:
        known = ", ".join(INPUT_EXTENSIONS)
        raise FormatError(translated(
            "Cannot open {name}: Earshot reads {known} files."
        ).format(name=name, known=known)) from None
    return reader(text, name)


def read_transcript(path: str | Path) -> Transcript:
    """The transcript in a subtitle or JSON file, or a FormatError naming the file and the line."""
    path = Path(path)
    name = f"“{path.name}”"
    if path.suffix.lower() not in READERS:
        read_transcript_text("", path.suffix, name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(translated(
            "Cannot open {name}: {reason}."
        ).format(name=name, reason=error.strerror or error)) from error
    return read_transcript_text(decode_text(data, name), path.suffix, name)
