"""The languages Whisper recognises, by ISO code, with their English names and their own (from Babel's CLDR data).

A user may name a language by its code (de), its English name (German) or its own name (Deutsch).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import babel

from app.core.errors import EarshotError
from app.core.text_translation import translated

LANGUAGES: dict[str, str] = {
    "en": "English", "zh": "Chinese", "de": "German", "es": "Spanish", "ru": "Russian",
    "ko": "Korean", "fr": "French", "ja": "Japanese", "pt": "Portuguese", "tr": "Turkish",
    "pl": "Polish", "ca": "Catalan", "nl": "Dutch", "ar": "Arabic", "sv": "Swedish",
    "it": "Italian", "id": "Indonesian", "hi": "Hindi", "fi": "Finnish", "vi": "Vietnamese",
    "he": "Hebrew", "uk": "Ukrainian", "el": "Greek", "ms": "Malay", "cs": "Czech",
    "ro": "Romanian", "da": "Danish", "hu": "Hungarian", "ta": "Tamil", "no": "Norwegian",
    "th": "Thai", "ur": "Urdu", "hr": "Croatian", "bg": "Bulgarian", "lt": "Lithuanian",
    "la": "Latin", "mi": "Maori", "ml": "Malayalam", "cy": "Welsh", "sk": "Slovak",
    "te": "Telugu", "fa": "Persian", "lv": "Latvian", "bn": "Bengali", "sr": "Serbian",
    "az": "Azerbaijani", "sl": "Slovenian", "kn": "Kannada", "et": "Estonian", "mk": "Macedonian",
    "br": "Breton", "eu": "Basque", "is": "Icelandic", "hy": "Armenian", "ne": "Nepali",
    "mn": "Mongolian", "bs": "Bosnian", "kk": "Kazakh", "sq": "Albanian", "sw": "Swahili",
    "gl": "Galician", "mr": "Marathi", "pa": "Punjabi", "si": "Sinhala", "km": "Khmer",
    "sn": "Shona", "yo": "Yoruba", "so": "Somali", "af": "Afrikaans", "oc": "Occitan",
    "ka": "Georgian", "be": "Belarusian", "tg": "Tajik", "sd": "Sindhi", "gu": "Gujarati",
    "am": "Amharic", "yi": "Yiddish", "lo": "Lao", "uz": "Uzbek", "fo": "Faroese",
    "ht": "Haitian Creole", "ps": "Pashto", "tk": "Turkmen", "nn": "Nynorsk", "mt": "Maltese",
    "sa": "Sanskrit", "lb": "Luxembourgish", "my": "Myanmar", "bo": "Tibetan", "tl": "Tagalog",
    "mg": "Malagasy", "as": "Assamese", "tt": "Tatar", "haw": "Hawaiian", "ln": "Lingala",
    "ha": "Hausa", "ba": "Bashkir", "jw": "Javanese", "su": "Sundanese", "yue": "Cantonese",
}


def language_name(code: str | None) -> str:
    if not code:
        return ""
    return LANGUAGES.get(code, code)


# Other English names Whisper itself accepts.
_WHISPER_ALIASES = {
    "burmese": "my", "valencian": "ca", "flemish": "nl", "haitian": "ht", "letzeburgesch": "lb", "pushto": "ps",
    "panjabi": "pa", "moldavian": "ro", "moldovan": "ro", "sinhalese": "si", "castilian": "es", "mandarin": "zh",
}
_CLDR_CODES = {"jw": "jv"}  # Whisper's code for Javanese predates ISO 639-1's


class LanguageError(EarshotError):
    """A language name or code that Whisper does not know."""


@dataclass(frozen=True, slots=True)
class LanguageRow:
    code: str
    english: str
    native: str


def language_code(typed: str) -> str:
    """The code of a language given by code, English name or its own name, in any case and with or without accents."""
    key = _folded(typed)
    code = _codes_by_english_name().get(key) or _codes_by_own_name().get(key)
    if code is None:
        raise LanguageError(translated(
            "Unknown language “{typed}”: `python -m app languages` lists them."
        ).format(typed=typed))
    return code


def language_table() -> list[LanguageRow]:
    """Every language, by English name: code, English name, own name."""
    return [
        LanguageRow(code, name, _own_name(code))
        for code, name in sorted(LANGUAGES.items(), key=lambda item: item[1])
    ]


@functools.cache
def language_names_in(interface_language: str) -> dict[str, str]:
    """Each language's English name → its name in ``interface_language`` ("zh_CN"), from Babel's CLDR data;
    empty for English or a locale CLDR does not know."""
    if interface_language == "en":
        return {}
    try:
        names = babel.Locale.parse(interface_language).languages
    except (babel.UnknownLocaleError, ValueError):
        return {}
    found = {english: str(names.get(_CLDR_CODES.get(code, code), "")) for code, english in LANGUAGES.items()}
    return {english: name for english, name in found.items() if name}


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _codes_by_english_name() -> dict[str, str]:
    codes = {_folded(alias): code for alias, code in _WHISPER_ALIASES.items()}
    codes.update({_folded(name): code for code, name in LANGUAGES.items()})
    codes.update({code: code for code in LANGUAGES})
    return codes


@functools.cache
def _codes_by_own_name() -> dict[str, str]:
    """Loads every language's CLDR data (under a second), so only when a name is not English."""
    codes: dict[str, str] = {}
    for code in LANGUAGES:
        codes.setdefault(_folded(_own_name(code)), code)
        codes.setdefault(_folded(_english_cldr_name(code)), code)
    return codes


@functools.cache
def _own_name(code: str) -> str:
    cldr_code = _CLDR_CODES.get(code, code)
    try:
        locale = babel.Locale.parse(cldr_code)
    except (babel.UnknownLocaleError, ValueError):
        return LANGUAGES[code]
    return str(locale.languages.get(locale.language) or LANGUAGES[code])


def _english_cldr_name(code: str) -> str:
    return str(babel.Locale("en").languages.get(_CLDR_CODES.get(code, code), LANGUAGES[code]))
