"""The batch queue on disk: JSON, written atomically, its shape checked field by field when read back.

    {"schema": "earshot.batch-queue", "schema_version": 1, "paused": false,
     "export": {"formats": ["srt"], "folder": null, "rules": {...SubtitleRules...} or null},
     "items": [{"id": "9f…", "media": "/home/me/ep1.mp3", "engine_choice": "base", "engine_label": "Base…",
                "options": {...}, "duration": 61.2, "status": "done", "failure": null, "exported": [...]}]}

A finished row's transcript is ``results/ID.json`` beside the queue file: its path is never read from the
file (a damaged or hostile file cannot name another file for the app to open or delete). A file of the wrong
shape is set aside and told in one sentence, as the settings files are; the queue then starts empty.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.core.batch.auto_export import ExportPlan
from app.core.batch.batch_queue import BatchQueue
from app.core.batch.items import BatchItem, BatchStatus
from app.core.batch.results import kept_result, result_path
from app.core.errors import FormatError
from app.core.formats import OUTPUT_FORMATS
from app.core.json_shape import (
    ShapeError,
    list_field,
    number_field,
    object_field,
    optional_number_field,
    optional_text_field,
    require_object,
    text_field,
)
from app.core.settings_file import read_settings, write_settings
from app.core.subtitle_rules import SubtitleRules
from app.core.text_translation import translatable, translated

QUEUE_SCHEMA = "earshot.batch-queue"
QUEUE_SCHEMA_VERSION = 1
_ITEM_ID = re.compile(r"[0-9a-f]{32}")


@dataclass(slots=True)
class QueueRead:
    queue: BatchQueue = field(default_factory=BatchQueue)
    plan: ExportPlan = field(default_factory=ExportPlan)
    notice: str | None = None  # one sentence when the file was set aside


def queue_to_dict(queue: BatchQueue, plan: ExportPlan) -> dict[str, Any]:
    return {
        "schema": QUEUE_SCHEMA,
        "schema_version": QUEUE_SCHEMA_VERSION,
        "paused": queue.paused,
        "export": {
            "formats": list(plan.formats),
            "folder": str(plan.folder) if plan.folder is not None else None,
            "rules": asdict(plan.rules) if plan.rules is not None else None,
        },
        "items": [_item_to_dict(item) for item in queue],
    }


def _item_to_dict(item: BatchItem) -> dict[str, Any]:
    return {
        "id": item.item_id,
        "media": str(item.media_path),
        "engine_choice": item.engine_choice,
        "engine_label": item.engine_label,
        "options": item.options,
        "duration": item.duration,
        "status": item.status.value,
        "failure": item.failure,
        "exported": [str(path) for path in item.exported],
    }


def write_queue_document(path: Path, document: dict[str, Any]) -> None:
    """Write a document made by ``queue_to_dict`` (taken on the GUI thread; written on any)."""
    write_settings(path, document)


def read_queue_file(path: Path, results_folder: Path) -> QueueRead:
    """The queue saved in ``path`` with the restore rules applied; an empty queue when there is none."""
    read = read_settings(path, _check, kind=translatable("batch queue file"),
                         fallback=translatable("the queue starts empty"))
    if not read.document:
        return QueueRead(notice=read.notice)
    queue, plan = queue_from_dict(read.document, results_folder)
    queue.restore_after_restart(lambda item_id: kept_result(item_id, results_folder))
    return QueueRead(queue, plan)


def _check(document: dict[str, Any]) -> None:
    queue_from_dict(document, Path())


def queue_from_dict(document: dict[str, Any], results_folder: Path) -> tuple[BatchQueue, ExportPlan]:
    """ShapeError naming what is wrong, for anything that is not a queue this version wrote."""
    if document.get("schema") != QUEUE_SCHEMA:
        raise ShapeError(translated("it is not an Earshot batch queue"))
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= QUEUE_SCHEMA_VERSION:
        raise ShapeError(translated("its schema version is missing, wrong or newer than this Earshot"))
    paused = document.get("paused", False)
    if not isinstance(paused, bool):
        raise ShapeError(translated("“paused” is not true or false"))
    items = [_item_from(require_object(data, f"item {number}"), f"item {number}", results_folder)
             for number, data in enumerate(list_field(document, "items", "it"), start=1)]
    if len({item.item_id for item in items}) != len(items):
        raise ShapeError(translated("two items have the same id"))
    return BatchQueue(items, paused), _plan_from(object_field(document, "export", "it", optional=True))


def _item_from(data: dict[str, Any], where: str, results_folder: Path) -> BatchItem:
    item_id = text_field(data, "id", where)
    if not _ITEM_ID.fullmatch(item_id):
        raise ShapeError(translated("{where} has no valid id").format(where=where))
    try:
        status = BatchStatus(text_field(data, "status", where))
    except ValueError:
        raise ShapeError(translated("{where} has no valid status").format(where=where)) from None
    duration = optional_number_field(data, "duration", where)
    if duration is not None and duration < 0:
        raise ShapeError(translated("{where} has no valid duration").format(where=where))
    media = text_field(data, "media", where)
    if not media:
        raise ShapeError(translated("{where} has no valid media").format(where=where))
    options = object_field(data, "options", where)
    if not all(isinstance(value, str | int | float | bool) or value is None for value in options.values()):
        raise ShapeError(translated("{where} has options that are not plain values").format(where=where))
    exported = list_field(data, "exported", where, optional=True)
    if not all(isinstance(path, str) for path in exported):
        raise ShapeError(translated("{where} has no valid exported").format(where=where))
    return BatchItem(
        media_path=Path(media),
        engine_choice=text_field(data, "engine_choice", where),
        engine_label=text_field(data, "engine_label", where),
        options=options,
        item_id=item_id,
        duration=duration,
        status=status,
        failure=optional_text_field(data, "failure", where),
        result_path=result_path(item_id, results_folder) if status is BatchStatus.DONE else None,
        exported=[Path(path) for path in exported],
    )


def _plan_from(data: dict[str, Any]) -> ExportPlan:
    if not data:
        return ExportPlan()
    formats = list_field(data, "formats", "the export", optional=True)
    if not all(isinstance(name, str) and name in OUTPUT_FORMATS for name in formats):
        raise ShapeError(translated("the export names an unknown format"))
    folder = optional_text_field(data, "folder", "the export")
    rules_data = data.get("rules")
    rules = None
    if rules_data is not None:
        rules_data = require_object(rules_data, "the export's rules")
        for key in rules_data:
            number_field(rules_data, key, "the export's rules")  # finite numbers only: no NaN, no true/false
        try:
            rules = SubtitleRules(**rules_data).validated()
        except (TypeError, ValueError, FormatError) as error:  # unknown keys, values of the wrong kind or range
            raise ShapeError(translated("the export's subtitle rules are not valid")) from error
    return ExportPlan(tuple(formats), Path(folder) if folder else None, rules)
