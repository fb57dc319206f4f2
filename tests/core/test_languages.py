"""Language names and codes as a user types them on the command line."""

from __future__ import annotations

import pytest
from faster_whisper.tokenizer import _LANGUAGE_CODES

from app.core.languages import LANGUAGES, LanguageError, language_code, language_table


def test_the_table_is_whispers() -> None:
    assert set(LANGUAGES) == set(_LANGUAGE_CODES)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("de", "de"), ("DE", "de"), ("German", "de"), ("german", "de"), ("Deutsch", "de"), ("français", "fr"),
     ("francais", "fr"), ("中文", "zh"), ("Mandarin", "zh"), ("Castilian", "es"), ("Burmese", "my"),
     (" Japanese ", "ja"), ("日本語", "ja"), ("Javanese", "jw"), ("Cantonese", "yue"), ("español", "es")],
)
def test_names_and_codes_are_accepted(typed: str, code: str) -> None:
    assert language_code(typed) == code


@pytest.mark.parametrize("typed", ["xx", "Klingon", "", "english please"])
def test_an_unknown_language_is_one_short_sentence(typed: str) -> None:
    with pytest.raises(LanguageError) as caught:
        language_code(typed)
    message = str(caught.value)
    assert message.startswith(f"Unknown language “{typed}”") and "languages" in message
    assert len(message) < 120 and "\n" not in message


def test_the_table_lists_every_code_with_its_english_and_own_name() -> None:
    table = language_table()
    assert [row.code for row in table] == sorted(LANGUAGES, key=lambda code: LANGUAGES[code])
    german = next(row for row in table if row.code == "de")
    assert (german.english, german.native) == ("German", "Deutsch")
