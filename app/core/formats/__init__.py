"""Transcript writers by format name, and atomic saving."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.atomic_write import write_text_atomically
from app.core.errors import FormatError
from app.core.formats.json_format import write_json
from app.core.formats.srt import write_srt
from app.core.formats.txt import write_txt
from app.core.formats.vtt import write_vtt
from app.core.transcript import Transcript


@dataclass(frozen=True, slots=True)
class OutputFormat:
    name: str
    extension: str
    description: str
    write: Callable[[Transcript], str]


OUTPUT_FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("txt", ".txt", "Plain text", write_txt),
        OutputFormat("srt", ".srt", "SubRip subtitles", write_srt),
        OutputFormat("vtt", ".vtt", "WebVTT subtitles", write_vtt),
        OutputFormat("json", ".json", "Earshot transcript (JSON, lossless)", write_json),
    )
}


def output_format(name: str) -> OutputFormat:
    try:
        return OUTPUT_FORMATS[name.lower()]
    except KeyError:
        known = ", ".join(OUTPUT_FORMATS)
        raise FormatError(f"Unknown format “{name}”: choose one of {known}.") from None


def format_for_path(path: str | Path) -> OutputFormat:
    suffix = Path(path).suffix.lower()
    for candidate in OUTPUT_FORMATS.values():
        if candidate.extension == suffix:
            return candidate
    return output_format(suffix.lstrip(".") or "txt")


def save_transcript(transcript: Transcript, path: str | Path, format_name: str | None = None) -> Path:
    """Write ``transcript`` to ``path`` atomically; the format follows the extension."""
    chosen = output_format(format_name) if format_name else format_for_path(path)
    return write_text_atomically(Path(path), chosen.write(transcript))
