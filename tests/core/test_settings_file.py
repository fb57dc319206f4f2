"""Settings files: a damaged one is set aside (nothing lost), the user is told in one sentence, defaults are used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.json_shape import require_object, text_field
from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.core.settings_file import read_settings, write_settings


def _check_has_name(document: dict[str, object]) -> None:
    text_field(document, "name", "it")


def test_a_missing_file_is_the_defaults(tmp_path: Path) -> None:
    read = read_settings(tmp_path / "view.json", _check_has_name)
    assert (read.document, read.notice) == ({}, None)


def test_a_good_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "view.json"
    write_settings(path, {"name": "mine", "columns": [1, 2]})
    read = read_settings(path, _check_has_name)
    assert (read.document, read.notice) == ({"name": "mine", "columns": [1, 2]}, None)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[]", "not a JSON object"),
        (b'{"name": 5}', "it has no valid name"),
        (b'{"name": "x",', "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"name": "\xff\xfe"}', "not UTF-8 text"),
    ],
)
def test_a_damaged_file_is_set_aside_and_the_defaults_used(content: bytes, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "view.json"
    path.write_bytes(content)
    read = read_settings(path, _check_has_name)
    assert read.document == {}
    assert not path.exists()
    [aside] = tmp_path.glob("view.broken-*.json")
    assert aside.read_bytes() == content
    assert read.notice is not None and "\n" not in read.notice
    assert "“view.json”" in read.notice and f"“{aside.name}”" in read.notice and reason in read.notice


def test_two_damaged_files_in_a_row_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "view.json"
    for content in (b"[]", b"[1]"):
        path.write_bytes(content)
        read_settings(path, require_object_check)
    assert sorted(p.read_bytes() for p in tmp_path.glob("view.broken-*.json")) == [b"[1]", b"[]"]


def require_object_check(document: dict[str, object]) -> None:
    require_object(document, "it")


@pytest.mark.parametrize(
    "document",
    [[], {"profiles": {}}, {"profiles": [7]}, {"profiles": [{"name": "x", "kind": "openai"}]},
     {"profiles": [{"name": "x", "kind": "openai", "base_url": "http://h/v1", "options": []}]}],
)
def test_remote_profiles_of_the_wrong_shape_are_set_aside(document: object, tmp_path: Path) -> None:
    path = tmp_path / "remote_profiles.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    store = RemoteProfileStore(path)
    assert store.load() == []
    [notice] = store.take_notices()
    assert "“remote_profiles.json”" in notice and "set aside" in notice
    assert store.take_notices() == []
    assert len(list(tmp_path.glob("remote_profiles.broken-*.json"))) == 1
    store.put(RemoteProfile("Again", "openai", "http://h/v1"))
    assert [p.name for p in store.load()] == ["Again"]



def test_a_damaged_file_is_said_in_chinese_once_chinese_is_chosen(tmp_path: Path, chinese_sentences: None) -> None:
    path = tmp_path / "view.json"
    path.write_bytes(b"[]")
    read = read_settings(path, _check_has_name)
    aside = next(tmp_path.glob("view.broken-*.json")).name
    assert read.notice == f"设置文件“view.json”已损坏（它不是 JSON 对象）：已另存为“{aside}”，将使用默认设置。"
