"""Autosaved copies of unsaved documents, so a crash or a kill loses at most the last moments of work.

One file per open document in the recovery folder under the app's data folder, replaced
atomically at each autosave and deleted when the document is saved or closed. What is left there
at the next start was not saved: those documents are offered for recovery.

A recovery file is a header line (JSON: who, what, when) and then the project (project_file.py),
so the list at start-up reads only the first line of each file. This module is file logic only;
when and on which thread to autosave is the Qt layer's choice.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.core import paths
from app.core.atomic_write import write_bytes_atomically
from app.core.errors import ProjectFileError
from app.core.project_file import LoadedProject, ViewState, project_bytes, project_from_bytes
from app.core.text_translation import translated
from app.core.transcript import Transcript

RECOVERY_SCHEMA = "earshot.recovery"
RECOVERY_SCHEMA_VERSION = 1
RECOVERY_SUFFIX = ".recovery"
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RecoverableDocument:
    document_id: str
    title: str  # what the window called it: the project's or the media's name, or "Untitled"
    project_path: Path | None  # the project it was opened from, if any
    saved_at: datetime  # the last autosave, UTC
    file: Path


class RecoveryStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else paths.data_dir() / "recovery"

    @staticmethod
    def new_document_id() -> str:
        return uuid.uuid4().hex

    def file_for(self, document_id: str) -> Path:
        if not document_id.isalnum():
            raise ValueError(f"Not a document id: {document_id!r}")
        return self.folder / f"{document_id}{RECOVERY_SUFFIX}"

    def save(self, document_id: str, transcript: Transcript, view: ViewState, title: str,
             project_path: Path | None = None) -> Path:
        """Write the document's autosave atomically (give it a snapshot when called off the GUI thread)."""
        header = {
            "schema": RECOVERY_SCHEMA,
            "schema_version": RECOVERY_SCHEMA_VERSION,
            "document_id": document_id,
            "title": title,
            "project_path": str(project_path) if project_path else None,
            "saved_at": datetime.now(UTC).isoformat(),
            "process_id": os.getpid(),
        }
        folder = project_path.parent if project_path else None
        header_line = json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n"
        return write_bytes_atomically(self.file_for(document_id), header_line + project_bytes(transcript, view, folder))

    def discard(self, document_id: str) -> None:
        """After a save or a close: nothing of this document is left to recover."""
        self.file_for(document_id).unlink(missing_ok=True)

    def recoverable(self) -> list[RecoverableDocument]:
        """Documents left by an earlier run that ended without saving them, newest first.

        Files of a still running Earshot (another window) are not offered; unreadable files are skipped.
        """
        found = []
        for file in sorted(self.folder.glob(f"*{RECOVERY_SUFFIX}")):
            header = _header(file)
            if header is None or _process_is_running(header.get("process_id")):
                continue
            try:
                project_path = header.get("project_path")
                found.append(RecoverableDocument(
                    document_id=str(header["document_id"]),
                    title=str(header.get("title") or file.stem),
                    project_path=Path(project_path) if isinstance(project_path, str) else None,
                    saved_at=datetime.fromisoformat(str(header["saved_at"])),
                    file=file,
                ))
            except (KeyError, ValueError):
                log.warning("Skipping the recovery file %s: its header is damaged", file)
        return sorted(found, key=lambda document: document.saved_at, reverse=True)

    def load(self, document: RecoverableDocument) -> LoadedProject:
        """The recovered transcript, media and view; ProjectFileError in one sentence if it cannot be read."""
        try:
            raw = document.file.read_bytes()
        except OSError as error:
            raise ProjectFileError(translated(
                "Cannot recover “{title}”: {reason}."
            ).format(title=document.title, reason=error.strerror or error)) from error
        _header_line, _newline, body = raw.partition(b"\n")
        folder = document.project_path.parent if document.project_path else None
        return project_from_bytes(body, document.title, folder)


def _header(file: Path) -> dict[str, object] | None:
    try:
        with file.open("rb") as stream:
            line = stream.readline(64 * 1024)
        header = json.loads(line.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        log.warning("Skipping the recovery file %s: it cannot be read", file)
        return None
    if not isinstance(header, dict) or header.get("schema") != RECOVERY_SCHEMA:
        log.warning("Skipping the recovery file %s: it is not an Earshot recovery file", file)
        return None
    version = header.get("schema_version")
    if not isinstance(version, int) or version > RECOVERY_SCHEMA_VERSION:
        log.warning("Skipping the recovery file %s: it was written by a newer Earshot", file)
        return None
    return header


def _process_is_running(process_id: object) -> bool:
    """True when an Earshot process with this id may still be running (this one included)."""
    if not isinstance(process_id, int) or isinstance(process_id, bool) or process_id <= 0:
        return False
    if process_id == os.getpid():
        return True
    if os.name != "posix":
        return False  # no cheap check; offering a live window's copy is harmless, hiding a crash's is not
    try:
        os.kill(process_id, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
