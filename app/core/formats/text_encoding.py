"""Bytes of a subtitle or transcript file to text: UTF-8 with or without BOM, UTF-16, legacy code pages.

charset-normalizer alone misreads short legacy files (French in cp1252 comes back as Baltic cp1257,
Turkish as Big5), so each common code page is also tried and the decoding whose words look like
one real language wins; charset-normalizer's guess breaks ties, then the code pages' order.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata

import charset_normalizer

from app.core.errors import FormatError
from app.core.text_translation import translated

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Most common first: ties go to the earlier one.
LEGACY_ENCODINGS = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "koi8_r", "cp1255", "cp1256")
_LANGUAGE_LETTERS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíñóúü",  # Spanish
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóù",  # Italian
        "åæøäöéáðþýí",  # Nordic
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "ăâîșțşţ",  # Romanian
        "čćđšž",  # Croatian, Slovene
        "çğıöşüâî",  # Turkish
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "äõöüšž",  # Estonian
    )
)
_SCRIPTS = ("CYRILLIC", "GREEK", "HEBREW", "ARABIC", "THAI", "CJK", "HIRAGANA", "KATAKANA", "HANGUL")
_WORD = re.compile(r"[^\W\d_]+")
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, name: str = "the file") -> str:
    """The file's text with line breaks as read, or a FormatError for empty or binary files."""
    if not data.strip():
        raise FormatError(translated("Cannot read {name}: the file is empty.").format(name=name))
    text = _decoded(data, name)
    _check_is_text(text, name)
    if not text.strip():
        raise FormatError(translated("Cannot read {name}: the file is empty.").format(name=name))
    return text


def _decoded(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, name)
    if b"\x00" in data:
        return _strict(data, _utf16_byte_order(data), name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _legacy(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError(translated(
            "Cannot read {name}: it is not a text file (binary data on line {line})."
        ).format(name=name, line=line)) from error


def _utf16_byte_order(data: bytes) -> str:
    """UTF-16 without a BOM: ASCII characters leave their zero byte second (LE) or first (BE)."""
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    return "utf-16-be" if even_zeros > odd_zeros else "utf-16-le"


def _legacy(data: bytes, name: str) -> str:
    guess = charset_normalizer.from_bytes(data).best()
    guessed = codecs.lookup(guess.encoding).name if guess else None
    candidates = {codecs.lookup(e).name: None for e in (*LEGACY_ENCODINGS, *([guessed] if guessed else []))}
    scored = []
    for order, encoding in enumerate(candidates):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(text), encoding == guessed, -order, text))
    if not scored:
        raise FormatError(translated(
            "Cannot read {name}: it is not a text file, or its encoding is unknown."
        ).format(name=name))
    return max(scored)[3]


def _plausibility(text: str) -> int:
    """How much the text's non-ASCII words look like one language: letters that fit, minus oddities."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    best = max((_fit(words, letters) for letters in _LANGUAGE_LETTERS), default=0)
    scripts = sum(_script_fit(w) for w in words)
    return max(best, scripts) - 2 * _case_oddities(words) - 2 * _symbols_inside_words(text)


def _fit(words: list[str], letters: frozenset[str]) -> int:
    score = 0
    for word in words:
        foreign = [c for c in word.lower() if not c.isascii()]
        score += len(foreign) if all(c in letters for c in foreign) else -len(foreign)
    return score


def _script_fit(word: str) -> int:
    """Letters of a non-Latin word all from one script score; mixed scripts count against."""
    scripts = {_script(c) for c in word}
    return len(word) if len(scripts) == 1 and scripts != {"LATIN"} else -len(word)


def _script(character: str) -> str:
    name = unicodedata.name(character, "")
    return next((s for s in _SCRIPTS if name.startswith(s)), "LATIN")


def _case_oddities(words: list[str]) -> int:
    """Capitals after small letters inside a word: the mark of a wrong Cyrillic code page."""
    return sum(1 for w in words for a, b in itertools.pairwise(w) if a.islower() and b.isupper())


def _symbols_inside_words(text: str) -> int:
    return sum(
        1
        for a, b, c in zip(text, text[1:], text[2:], strict=False)
        if a.isalpha() and c.isalpha() and not b.isascii() and not b.isalpha() and b not in "’‘·-"
    )


def _check_is_text(text: str, name: str) -> None:
    found = _BINARY.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise FormatError(translated(
            "Cannot read {name}: it is not a text file (binary data on line {line})."
        ).format(name=name, line=line))
