"""Untrusted JSON: parsed without a RecursionError escaping, and read field by field with its shape checked.

Every failure names where it happened ("segment 3 has no valid start") so the caller can turn it
into one sentence that also names the file.
"""

from __future__ import annotations

import json
import math
from typing import Any

from app.core.text_translation import translated


class ShapeError(ValueError):
    """A JSON document is not valid or not of the expected shape; ``str()`` says where."""


def parse_json(text: str) -> Any:
    """The document in ``text``; ShapeError for invalid JSON or nesting too deep to parse."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ShapeError(translated(
            "it is not valid JSON (line {lineno}, column {colno})"
        ).format(lineno=error.lineno, colno=error.colno)) from error
    except RecursionError as error:
        raise ShapeError(translated("it is nested too deeply to be a real document")) from error


def require_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ShapeError(translated("{where} is not an object").format(where=where))
    return value


def number_field(item: dict[str, Any], key: str, where: str) -> float:
    """A finite number: NaN, Infinity and true/false are refused."""
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ShapeError(translated("{where} has no valid {key}").format(where=where, key=key))
    return float(value)


def optional_number_field(item: dict[str, Any], key: str, where: str) -> float | None:
    return None if item.get(key) is None else number_field(item, key, where)


def text_field(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str):
        raise ShapeError(translated("{where} has no valid {key}").format(where=where, key=key))
    return value


def optional_text_field(item: dict[str, Any], key: str, where: str) -> str | None:
    return None if item.get(key) is None else text_field(item, key, where)


def list_field(item: dict[str, Any], key: str, where: str, *, optional: bool = False) -> list[Any]:
    """A list; an absent optional one is empty."""
    value = item.get(key)
    if value is None and optional:
        return []
    if not isinstance(value, list):
        raise ShapeError(translated("{where} has no valid {key}").format(where=where, key=key))
    return value


def object_field(item: dict[str, Any], key: str, where: str, *, optional: bool = False) -> dict[str, Any]:
    """An object; an absent optional one is empty."""
    value = item.get(key)
    if value is None and optional:
        return {}
    if not isinstance(value, dict):
        raise ShapeError(translated("{where} has no valid {key}").format(where=where, key=key))
    return value
