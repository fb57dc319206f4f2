"""The texts app/core and app/engines show the user (errors, warnings, status), in the user's language.

Python's gettext, so core and engines stay free of Qt: each user-visible text is wrapped in
``translated()`` where it is made, with ``str.format`` placeholders filled in after translation. The
catalogs are gettext's own: translations/earshot_LANG.po (kept current by `make update-translations`),
compiled by `make translations` into app/translations/LANG/LC_MESSAGES/earshot.mo, package data. The window
chooses the language with its interface-language preference (app/ui/interface_language.py), the command
line with the locale's variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); until then texts are English.
"""

from __future__ import annotations

import gettext
import importlib.resources
import logging
import struct
from pathlib import Path

DOMAIN = "earshot"
CATALOGS = Path(str(importlib.resources.files("app") / "translations"))
ENGLISH = "en"
log = logging.getLogger(__name__)

_catalog: gettext.NullTranslations = gettext.NullTranslations()  # read by every thread, replaced whole
_language: str | None = None  # what use_language chose; None: the locale's or English
_locale_folder: Path | None = None  # where use_locale_language read the catalog in use from


def translated(text: str) -> str:
    """``text`` in the language in use (itself when the catalog lacks it)."""
    return _catalog.gettext(text)


def translatable(text: str) -> str:
    """``text`` unchanged, marked for the catalog: a constant translated where it is shown, with ``translated``."""
    return text


def use_language(language: str, directory: Path | None = None) -> None:
    """Translate into ``language`` ("zh_CN"; "en" for none) from now on; English where it has no catalog."""
    global _catalog, _language, _locale_folder
    _catalog = gettext.NullTranslations() if language == ENGLISH else _load([language], directory)
    _language, _locale_folder = language, None


def language_in_use() -> str | None:
    """The language use_language chose (None when the locale's decides), for a child process to use too."""
    return _language


def use_locale_language(directory: Path | None = None) -> None:
    """Translate into the language the locale's variables name, as gettext reads them."""
    global _catalog, _language, _locale_folder
    _catalog = _load(None, directory)
    _language, _locale_folder = None, directory or CATALOGS


def use_gettext_domain() -> None:
    """After use_locale_language, make ours gettext's global domain, so what the standard library marks for
    gettext (argparse's "usage:", "options" and its errors) is looked up in the locale's catalog too. Only when
    that catalog was read without error: gettext keeps it cached then, and never reads a damaged one again
    (which its lookups would not survive)."""
    if isinstance(_catalog, gettext.GNUTranslations) and _locale_folder is not None:
        gettext.bindtextdomain(DOMAIN, str(_locale_folder))
        gettext.textdomain(DOMAIN)


def translation_table(language: str, directory: Path | None = None) -> dict[str, str]:
    """Every text of ``language``'s catalog → its translation (empty for English or a language with no catalog),
    for the window to translate a text of core's already on screen."""
    from babel.messages.mofile import read_mo  # only the window needs it, once per language

    found = gettext.find(DOMAIN, str(directory or CATALOGS), [language]) if language != ENGLISH else None
    if found is None:
        return {}
    try:
        with open(found, "rb") as compiled:
            catalog = read_mo(compiled)
    except (OSError, ValueError, IndexError, UnicodeDecodeError, struct.error) as error:
        log.warning("the translation %s is unreadable (%s)", found, error)
        return {}
    return {str(message.id): str(message.string) for message in catalog
            if message.id and isinstance(message.id, str) and message.string}


def _load(languages: list[str] | None, directory: Path | None) -> gettext.NullTranslations:
    folder = directory or CATALOGS
    try:
        return gettext.translation(DOMAIN, str(folder), languages=languages, fallback=True)
    except (OSError, ValueError, UnicodeDecodeError, struct.error) as error:  # a damaged .mo: English, not a crash
        log.warning("the translation in %s is unreadable (%s): texts stay in English", folder, error)
        return gettext.NullTranslations()
