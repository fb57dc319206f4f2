"""One file of the batch queue: what it is, how it is to be recognised, and how far it has come."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any


class BatchStatus(Enum):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_pending(self) -> bool:
        return self in (BatchStatus.WAITING, BatchStatus.RUNNING)


@dataclass(slots=True)
class BatchItem:
    """A row of the queue. ``engine_choice`` is the model choice as the options bar names it (a local model
    key, or ``remote:NAME``); ``options`` the transcription options as a plain dict, taken when it was added."""

    media_path: Path
    engine_choice: str
    engine_label: str
    options: dict[str, Any]
    item_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    duration: float | None = None  # seconds, once probed
    status: BatchStatus = BatchStatus.WAITING
    failure: str | None = None  # the sentence of a failed row
    progress: float = 0.0  # fraction done while running
    seconds_left: float | None = None
    result_path: Path | None = None  # the JSON transcript of a finished row
    exported: list[Path] = field(default_factory=list)  # files auto-export wrote for it

    def reset_to_waiting(self) -> None:
        """Ready to run (again): a retry, or a job that was running when the app stopped."""
        self.status = BatchStatus.WAITING
        self.failure = None
        self.progress = 0.0
        self.seconds_left = None
