"""Where the transcripts of finished batch rows are kept, so a finished one opens after a restart."""

from __future__ import annotations

import logging
from pathlib import Path

from app.core.formats import save_transcript
from app.core.paths import data_dir
from app.core.transcript import Transcript

log = logging.getLogger(__name__)


def batch_dir() -> Path:
    return data_dir() / "batch"


def queue_file_path() -> Path:
    return batch_dir() / "queue.json"


def results_dir() -> Path:
    return batch_dir() / "results"


def save_result(item_id: str, transcript: Transcript, folder: Path | None = None) -> Path:
    """The transcript as a lossless JSON transcript (it names its media), written atomically."""
    return save_transcript(transcript, (folder or results_dir()) / f"{item_id}.json", "json")


def discard_result(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove the batch result %s: %s", path, error)
