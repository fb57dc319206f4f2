"""Reading and writing the app's JSON settings files, one way for all of them.

A file that cannot be read as the expected shape must never keep the app from starting: it is
set aside beside itself as ``NAME.broken-DATE.json`` (nothing is lost), the caller gets one
sentence to tell the user, and the defaults are used.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.core.atomic_write import write_text_atomically
from app.core.json_shape import ShapeError, parse_json
from app.core.text_translation import translatable, translated

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SettingsRead:
    document: dict[str, Any] = field(default_factory=dict)  # empty: use the defaults
    notice: str | None = None  # one sentence for the user when the file was set aside or unreadable


def read_settings(path: Path, check: Callable[[dict[str, Any]], None], *,
                  kind: str = translatable("settings file"),
                  fallback: str = translatable("the defaults are used")) -> SettingsRead:
    """The JSON object in ``path`` ({} when there is none); ``check`` raises ShapeError for a wrong shape.

    ``kind`` and ``fallback`` (texts marked translatable, translated here) word the sentence: "The {kind} “NAME"
    was damaged …: …, and {fallback}."
    """
    kind, fallback = translated(kind), translated(fallback)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return SettingsRead()
    except OSError as error:
        reason = error.strerror or str(error)
        log.warning("settings file %s unreadable: %s", path, reason)
        return SettingsRead(notice=translated("Cannot read the {kind} “{name}” ({reason}); {fallback}.").format(
            kind=kind, name=path.name, reason=reason, fallback=fallback))
    try:
        document = _document(data)
        check(document)
    except ShapeError as error:
        return SettingsRead(notice=_set_aside(path, str(error), kind, fallback))
    return SettingsRead(document)


def write_settings(path: Path, document: dict[str, Any]) -> None:
    write_text_atomically(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _document(data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ShapeError(translated("it is not UTF-8 text")) from error
    document = parse_json(text)
    if not isinstance(document, dict):
        raise ShapeError(translated("it is not a JSON object"))
    return document


def _set_aside(path: Path, reason: str, kind: str, fallback: str) -> str:
    aside = _free_name(path, datetime.now().strftime("%Y%m%d-%H%M%S"))
    try:
        path.rename(aside)
    except OSError as error:
        log.warning("%s %s damaged (%s) and not set aside: %s", kind, path, reason, error)
        return translated(
            "The {kind} “{name}” is damaged ({reason}) and could not be set aside ({error}); {fallback}."
        ).format(kind=kind, name=path.name, reason=reason, error=error.strerror or error, fallback=fallback)
    log.warning("%s %s damaged (%s): set aside as %s", kind, path, reason, aside)
    return translated(
        "The {kind} “{name}” was damaged ({reason}): it was set aside as “{aside}” and {fallback}."
    ).format(kind=kind, name=path.name, reason=reason, aside=aside.name, fallback=fallback)


def _free_name(path: Path, date: str) -> Path:
    candidate = path.with_name(f"{path.stem}.broken-{date}{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.broken-{date}-{number}{path.suffix}")
        number += 1
    return candidate
