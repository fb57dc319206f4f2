"""The preference declarations: each default is allowed, and a stored value is checked before it is used."""

from __future__ import annotations

import pytest

from app.core.preferences import GROUPS, PREFERENCE_BY_KEY, PREFERENCES, Kind, checked_value, in_group


def test_every_preference_is_declared_once_with_an_allowed_default() -> None:
    assert len(PREFERENCE_BY_KEY) == len(PREFERENCES)
    for declared in PREFERENCES:
        assert checked_value(declared, declared.default) == declared.default
        assert declared.label and declared.description.endswith((".", ")"))
    assert [p for group in GROUPS for p in in_group(group)] == sorted(
        PREFERENCES, key=lambda p: GROUPS.index(p.group))


def test_values_read_back_from_an_ini_file_are_turned_into_the_declared_type() -> None:
    assert checked_value(PREFERENCE_BY_KEY["recognition/vad_filter"], "false") is False
    assert checked_value(PREFERENCE_BY_KEY["editing/autosave_seconds"], "15") == 15
    assert checked_value(PREFERENCE_BY_KEY["appearance/theme"], "dark") == "dark"


@pytest.mark.parametrize(("key", "stored"), [
    ("recognition/vad_filter", "perhaps"),
    ("recognition/vad_filter", 1),
    ("editing/autosave_seconds", "0"),
    ("editing/autosave_seconds", "99999999999999"),
    ("editing/autosave_seconds", True),
    ("recognition/cpu_threads", "two"),
    ("appearance/language", "fr"),
    ("export/format", "mp3"),
    ("export/folder", ["a", "list"]),
    ("speech/voice", "nul\0byte"),
    ("speech/voice", "x" * 5000),
])
def test_a_stored_value_the_declaration_does_not_allow_is_refused(key: str, stored: object) -> None:
    with pytest.raises(ValueError):
        checked_value(PREFERENCE_BY_KEY[key], stored)


def test_choices_cover_the_kinds_the_dialog_builds() -> None:
    kinds = {p.kind for p in PREFERENCES}
    assert kinds == set(Kind)
    for declared in PREFERENCES:
        if declared.kind is Kind.CHOICE:
            assert declared.default in {choice.value for choice in declared.choices}
        if declared.kind is Kind.INT:
            assert declared.minimum <= int(declared.default) <= declared.maximum
