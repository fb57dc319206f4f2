"""The texts of a Qt Linguist catalog (.ts): each English source text with its finished translation.

The window uses it to switch its language while it runs: a text on screen is looked up here to find
its English source, then translated into the new language. The file ships with the app, but is
read as untrusted all the same: anything not shaped like a catalog is refused with ShapeError.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from app.core.json_shape import ShapeError
from app.core.text_translation import translated

MAX_CATALOG_BYTES = 8 * 1024 * 1024
UNFINISHED_TYPES = ("unfinished", "vanished", "obsolete")


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    context: str  # the class whose tr() asks for it
    source: str
    translation: str


def read_catalog(path: Path) -> list[CatalogEntry]:
    """Every message with a finished, non-empty translation."""
    data = path.read_bytes()
    if len(data) > MAX_CATALOG_BYTES:
        raise ShapeError(translated("{name} is too large to be a translation catalog").format(name=path.name))
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ShapeError(translated("{name} is not valid XML ({error})").format(name=path.name, error=error)) from error
    if root.tag != "TS":
        raise ShapeError(translated("{name} is not a Qt Linguist catalog").format(name=path.name))
    catalog: list[CatalogEntry] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if not source or translation is None or translation.get("type") in UNFINISHED_TYPES:
                continue
            if translation.text:
                catalog.append(CatalogEntry(name, source, translation.text))
    return catalog


def missing_translations(path: Path) -> list[str]:
    """The source texts of ``path`` with no finished translation (each once)."""
    root = ElementTree.parse(path).getroot()
    missing: list[str] = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue  # no longer in the code
        finished = translation.get("type") != "unfinished" and bool(translation.text)
        if not finished and source not in missing:
            missing.append(source)
    return missing
