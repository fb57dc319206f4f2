"""A remote service's reply is untrusted input: one place turns its bytes into checked values.

``parse_json_reply`` and ``parse_text_reply`` turn a body into a document or refuse it in
one sentence (empty, a web page, invalid UTF-8, not JSON, a non-finite number, nesting
deep enough to exhaust the parser). ``checked`` wraps the document in a ``ReplyPart``
that an engine walks field by field; any part of the wrong shape becomes one sentence
naming it ("… in an unknown shape: segment 3 has no start time."). Times that are
merely wrong (negative, or an end before its start) are repaired and logged.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from typing import Any

from app.core.errors import EngineError
from app.core.text_translation import translated

log = logging.getLogger(__name__)

TOP_LEVEL = "the reply"


class UnknownShape(EngineError):
    """A reply parsed, but its content is not what the service's contract describes."""


def capitalised(sentence: str) -> str:
    """A sentence that may begin with a service name such as "the OpenAI-compatible server"."""
    return sentence[:1].upper() + sentence[1:]


def parse_json_reply(body: bytes, content_type: str, service: str) -> Any:
    """The JSON document in ``body``; EngineError with one sentence if it is anything else."""
    text = parse_text_reply(body, content_type, service)
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except _NotFinite as error:
        raise EngineError(capitalised(translated(
            "{service} sent a number that is not finite ({error})."
        ).format(service=service, error=error))) from None
    except RecursionError:
        raise EngineError(capitalised(translated(
            "{service} sent a reply nested too deeply to read."
        ).format(service=service))) from None
    except ValueError:
        raise EngineError(capitalised(translated(
            "{service} sent a reply that is not valid JSON."
        ).format(service=service))) from None


def parse_text_reply(body: bytes, content_type: str, service: str) -> str:
    """``body`` as text, refusing an empty body, a web page and invalid UTF-8."""
    if not body.strip():
        raise EngineError(capitalised(translated("{service} sent an empty reply.").format(service=service)))
    if is_web_page(body, content_type):
        raise EngineError(capitalised(
            translated(
                "{service} answered with a web page instead of data (perhaps a proxy's sign-in page); "
                "check the address."
            ).format(service=service)
        ))
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EngineError(capitalised(translated(
            "{service} sent a reply that is not valid UTF-8 (at byte {start})."
        ).format(service=service, start=error.start))) \
            from None


def is_web_page(body: bytes, content_type: str) -> bool:
    start = body[:256].lstrip().lower()
    return "html" in content_type.lower() or start.startswith((b"<!doctype html", b"<html"))


def checked(document: Any, service: str, what: str) -> ReplyPart:
    """``document`` ready to be walked; ``what`` names it in sentences ("a transcription")."""
    return ReplyPart(document, (), None, _Subject(service, what))


@dataclass(frozen=True, slots=True)
class _Subject:
    service: str
    what: str


@dataclass(frozen=True, slots=True)
class ReplyPart:
    """One value inside a reply, with what names it for the user: the items it is in, and its field."""

    value: Any
    items_path: tuple[str, ...]  # ("segment 3",), ("transcript 1", "sentence 2"); () at the top
    name: str | None
    subject: _Subject

    @property
    def label(self) -> str:
        return "'s ".join((*self.items_path, self.name) if self.name else self.items_path) or TOP_LEVEL

    def failure(self, problem: str) -> UnknownShape:
        subject = self.subject
        return UnknownShape(capitalised(translated(
            "{service} sent {what} in an unknown shape: {label} {problem}."
        ).format(service=subject.service, what=subject.what, label=self.label, problem=problem)))

    def object(self) -> dict[str, Any]:
        if not isinstance(self.value, dict):
            raise self.failure(translated("is not an object"))
        return self.value

    def has(self, key: str) -> bool:
        return self.object().get(key) is not None

    def field(self, key: str, name: str) -> ReplyPart:
        """The part at ``key``, which must be there (``name`` says what it is: "start time")."""
        value = self.object().get(key)
        if value is None:
            raise self.failure(translated("has no {name}").format(name=name))
        return ReplyPart(value, self.items_path, name, self.subject)

    def optional(self, key: str, name: str) -> ReplyPart | None:
        """The part at ``key``, or None when it is missing or null."""
        return self.field(key, name) if self.has(key) else None

    def items(self, item_name: str) -> list[ReplyPart]:
        """This list's items, each named "``item_name`` N" (counting from 1)."""
        if not isinstance(self.value, list):
            raise self.failure(translated("is not a list"))
        return [ReplyPart(item, (*self.items_path, f"{item_name} {n}"), None, self.subject)
                for n, item in enumerate(self.value, 1)]

    def element(self, index: int, name: str) -> ReplyPart | None:
        """Item ``index`` of this list, named ``name`` beside the list; None when missing or null."""
        if not isinstance(self.value, list):
            raise self.failure(translated("is not a list"))
        value = self.value[index] if index < len(self.value) else None
        return None if value is None else ReplyPart(value, self.items_path, name, self.subject)

    def optional_items(self, key: str, name: str, item_name: str) -> list[ReplyPart]:
        """The items of the list at ``key``; none when it is missing or null."""
        part = self.optional(key, name)
        return part.items(item_name) if part else []

    def text(self) -> str:
        if not isinstance(self.value, str):
            raise self.failure(translated("is not text"))
        return self.value

    def optional_text(self, key: str, name: str) -> str:
        part = self.optional(key, name)
        return part.text() if part else ""

    def number(self) -> float:
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise self.failure(translated("is not a number"))
        try:
            value = float(self.value)
        except OverflowError:  # an integer of hundreds of digits
            value = math.inf
        if not math.isfinite(value):
            raise self.failure(translated("is not a finite number"))
        return value

    def url(self) -> str:
        """An http(s) address; any other scheme (file:, a bare path) is refused."""
        text = self.text()
        if not text.startswith(("http://", "https://")):
            raise self.failure(translated("is not an http(s) address"))
        return text

    def span(self, start_key: str, end_key: str, per_second: float = 1.0) -> tuple[float, float]:
        """Start and end times in seconds, from ``per_second`` units a second (1000: milliseconds), repaired.

        Divided, not multiplied by 0.001: 2010 ms is 2.01 s, not 2.0100000000000002.
        """
        start = self.field(start_key, "start time").number() / per_second
        end = self.field(end_key, "end time").number() / per_second
        return repaired_times(start, end, self.label)


def repaired_times(start: float, end: float, where: str) -> tuple[float, float]:
    """Negative times clamped to zero and the two put in order; a repair is logged, not refused."""
    repaired = sorted((max(0.0, start), max(0.0, end)))
    if (start, end) != (repaired[0], repaired[1]):
        log.warning("repaired the times of %s: %g–%g became %g–%g", where, start, end, *repaired)
    return repaired[0], repaired[1]


class _NotFinite(ValueError):
    pass


def _refuse_constant(name: str) -> float:
    raise _NotFinite(name)


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _NotFinite(literal if len(literal) <= 20 else literal[:20] + "…")
    return value
