"""Where the transcripts of finished batch rows are kept, so a finished one opens after a restart.

A row's kept transcript is the proof that it finished: the queue file is saved a moment after a
change, so a kill in between leaves a row the file calls running whose transcript is already here.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.core.errors import EarshotError
from app.core.formats import read_transcript, save_transcript
from app.core.paths import data_dir
from app.core.transcript import Transcript

log = logging.getLogger(__name__)


def batch_dir() -> Path:
    return data_dir() / "batch"


def queue_file_path() -> Path:
    return batch_dir() / "queue.json"


def results_dir() -> Path:
    return batch_dir() / "results"


def result_path(item_id: str, folder: Path | None = None) -> Path:
    return (folder or results_dir()) / f"{item_id}.json"


def save_result(item_id: str, transcript: Transcript, folder: Path | None = None) -> Path:
    """The transcript as a lossless JSON transcript (it names its media), written atomically."""
    return save_transcript(transcript, result_path(item_id, folder), "json")


def kept_result(item_id: str, folder: Path) -> Path | None:
    """The row's transcript when a readable one is there; a damaged one is removed (the row runs again)."""
    path = result_path(item_id, folder)
    if not path.is_file():
        return None
    try:
        read_transcript(path)
    except EarshotError as error:
        log.warning("the batch result %s is damaged, its row runs again: %s", path.name, error)
        discard_result(path)
        return None
    return path


def discard_result(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove the batch result %s: %s", path, error)
