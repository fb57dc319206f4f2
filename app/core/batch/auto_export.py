"""Exporting each finished file of a batch: which formats, where, under which subtitle rules, and what to do
with a file already there (asked once per batch: overwrite, skip or rename)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from app.core.atomic_write import write_bytes_atomically
from app.core.formats import export_bytes, output_file_names, output_format
from app.core.subtitle_rules import SubtitleRules
from app.core.transcript import Transcript

_NAMES_TAKEN = threading.Lock()  # files of a batch finishing at once: a name is checked and written as one step


class ConflictPolicy(Enum):
    OVERWRITE = "overwrite"
    SKIP = "skip"
    RENAME = "rename"


@dataclass(frozen=True, slots=True)
class ExportPlan:
    formats: tuple[str, ...] = ()  # none: no automatic export
    folder: Path | None = None  # None: beside each file
    rules: SubtitleRules | None = field(default_factory=SubtitleRules)  # None: subtitles written as recognised

    @property
    def enabled(self) -> bool:
        return bool(self.formats)

    def targets(self, media_path: Path) -> list[tuple[str, Path]]:
        """(format name, file) for each format: the media's name with the format's extension."""
        folder = self.folder if self.folder is not None else media_path.parent
        names = output_file_names(media_path.stem, [output_format(name) for name in self.formats])
        return [(name, folder / file_name) for name, file_name in names.items()]


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    written: list[Path]
    skipped: list[Path]
    needs_policy: bool = False  # a file is there already and the batch has not said what to do: nothing written


def export_finished(transcript: Transcript, media_path: Path, plan: ExportPlan,
                    policy: ConflictPolicy | None) -> ExportOutcome:
    """Write the plan's files for one finished transcript (atomically); FormatError with one sentence on failure.

    Safe to call from several threads at once: no two calls take the same name, and none writes over a file
    another call has just written unless ``policy`` says to overwrite."""
    contents = [(path, export_bytes(transcript, output_format(name), plan.rules)) for name, path in
                plan.targets(media_path)]
    with _NAMES_TAKEN:
        if policy is None and any(path.exists() for path, _content in contents):
            return ExportOutcome([], [], needs_policy=True)
        written, skipped = [], []
        for path, content in contents:
            if path.exists() and policy is ConflictPolicy.SKIP:
                skipped.append(path)
                continue
            if path.exists() and policy is ConflictPolicy.RENAME:
                path = free_name(path)
            written.append(write_bytes_atomically(path, content))
        return ExportOutcome(written, skipped)


def free_name(path: Path) -> Path:
    """``talk (2).srt``, ``talk (3).srt``…: the first that is not taken."""
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1
