"""Transcript formats by name: writing (with optional subtitle re-flow), reading, atomic saving."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.atomic_write import write_bytes_atomically
from app.core.errors import FormatError
from app.core.formats.ass import write_ass
from app.core.formats.docx_format import write_docx
from app.core.formats.json_format import read_json, write_json
from app.core.formats.reading import INPUT_EXTENSIONS, read_transcript
from app.core.formats.srt import write_srt
from app.core.formats.tsv import write_tsv
from app.core.formats.txt import write_txt, write_txt_paragraphs, write_txt_with_speakers, write_txt_with_timestamps
from app.core.formats.vtt import write_vtt
from app.core.reflow import reflow
from app.core.subtitle_rules import SubtitleRules
from app.core.text_translation import translatable, translated
from app.core.transcript import Transcript

__all__ = [
    "INPUT_EXTENSIONS", "OUTPUT_FORMATS", "OutputFormat", "export_bytes", "format_for_path", "output_file_names",
    "output_format", "output_formats", "read_json", "read_transcript", "save_transcript", "write_json",
]


@dataclass(frozen=True, slots=True)
class OutputFormat:
    name: str
    extension: str
    description: str  # English; the window shows it translated (marked for the core's catalog)
    write: Callable[[Transcript], str] | None  # text formats; None for binary ones
    write_binary: Callable[[Transcript], bytes] | None = None
    is_subtitle: bool = False  # cues on screen: re-flowed under subtitle rules

    def encode(self, transcript: Transcript) -> bytes:
        if self.write is not None:
            return self.write(transcript).encode("utf-8")
        assert self.write_binary is not None
        return self.write_binary(transcript)


OUTPUT_FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("txt", ".txt", translatable("Plain text"), write_txt),
        OutputFormat("txt-timestamps", ".txt", translatable("Plain text with timestamps"), write_txt_with_timestamps),
        OutputFormat("txt-speakers", ".txt", translatable("Plain text by speaker"), write_txt_with_speakers),
        OutputFormat("txt-paragraphs", ".txt", translatable("Plain text in paragraphs"), write_txt_paragraphs),
        OutputFormat("srt", ".srt", translatable("SubRip subtitles"), write_srt, is_subtitle=True),
        OutputFormat("vtt", ".vtt", translatable("WebVTT subtitles"), write_vtt, is_subtitle=True),
        OutputFormat("ass", ".ass", translatable("Advanced SubStation Alpha subtitles"), write_ass, is_subtitle=True),
        OutputFormat("tsv", ".tsv", translatable("Tab-separated values (milliseconds)"), write_tsv),
        OutputFormat("json", ".json", translatable("Earshot transcript (JSON, lossless)"), write_json),
        OutputFormat("docx", ".docx", translatable("Word document"), None, write_docx),
    )
}


def output_format(name: str) -> OutputFormat:
    try:
        return OUTPUT_FORMATS[name.strip().lower()]
    except KeyError:
        known = ", ".join(OUTPUT_FORMATS)
        raise FormatError(translated(
            "Unknown format “{name}”: choose one of {known}."
        ).format(name=name, known=known)) from None


def output_formats(names: str) -> list[OutputFormat]:
    """Formats named in a comma-separated list such as ``srt,vtt,txt``, each once."""
    chosen = [output_format(n) for n in names.split(",") if n.strip()]
    if not chosen:
        raise FormatError(translated("Name at least one format."))
    return list(dict.fromkeys(chosen))


def format_for_path(path: str | Path) -> OutputFormat:
    suffix = Path(path).suffix.lower()
    for candidate in OUTPUT_FORMATS.values():
        if candidate.extension == suffix:
            return candidate
    return output_format(suffix.lstrip(".") or "txt")


def output_file_names(stem: str, formats: Iterable[OutputFormat]) -> dict[str, str]:
    """A file name for each format; formats sharing an extension get their name in it too."""
    formats = list(formats)
    names = {}
    for chosen in formats:
        shared = sum(f.extension == chosen.extension for f in formats) > 1
        variant = chosen.name.split("-", 1)[1] if shared and "-" in chosen.name else ""
        names[chosen.name] = f"{stem}.{variant}{chosen.extension}" if variant else f"{stem}{chosen.extension}"
    return names


def export_bytes(transcript: Transcript, chosen: OutputFormat, rules: SubtitleRules | None = None) -> bytes:
    """The file's bytes; subtitle formats are re-flowed under ``rules`` first unless rules is None."""
    if chosen.is_subtitle and rules is not None:
        transcript = reflow(transcript, rules)
    return chosen.encode(transcript)


def save_transcript(
    transcript: Transcript, path: str | Path, format_name: str | None = None, rules: SubtitleRules | None = None
) -> Path:
    """Write ``transcript`` to ``path`` atomically; the format follows the extension unless named."""
    chosen = output_format(format_name) if format_name else format_for_path(path)
    return write_bytes_atomically(Path(path), export_bytes(transcript, chosen, rules))
