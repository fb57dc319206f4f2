"""The sentences of core, engines and the command line in the user's language: every one marked, every one
translated, and the catalog used once a language is chosen (gettext, app/core/text_translation.py)."""

from __future__ import annotations

import ast
import gettext
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.core import text_translation
from app.core.audio import decode_audio
from app.core.errors import AudioDecodeError
from app.core.text_translation import (
    translated,
    translation_table,
    use_gettext_domain,
    use_language,
    use_locale_language,
)
from tests.conftest import REPO_ROOT

CATALOG = REPO_ROOT / "translations" / "earshot_zh_CN.po"
MARKS = {"translated": None, "translatable": None}
SENTENCE_TAKERS = {"report_status", "report_note", "capitalised"}  # besides the user-facing exceptions
NOT_FOR_THE_USER = {"RuntimeError", "IndexError", "TypeError", "ValueError", "KeyError", "AssertionError",
                    "UnpicklingError"}  # bugs, or caught and said again in a sentence
JUNK = bytes(range(256)) * 40


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    use_language("en")
    gettext.textdomain("messages")  # gettext's own default


def marked_texts() -> set[str]:
    return {message for folder in ("app/core", "app/engines", "app/cli")
            for _file, _line, message, _comments, _context in extract_from_dir(REPO_ROOT / folder, keywords=MARKS)}


def placeholders(text: str) -> set[tuple[str, str]]:
    return {(field, spec or "") for _, field, spec, _ in string.Formatter().parse(text) if field is not None}


def test_every_text_of_core_engines_and_the_command_line_has_a_finished_chinese_translation() -> None:
    with CATALOG.open("rb") as source:
        catalog = {message.id: message for message in read_po(source) if message.id}
    texts = marked_texts()
    assert sorted(texts - catalog.keys()) == []  # run `make update-translations` and translate what it added
    assert sorted(text for text in texts if not catalog[text].string or catalog[text].fuzzy) == []
    assert sorted(text for text in texts if placeholders(text) != placeholders(str(catalog[text].string))) == []
    assert sorted(text for text in texts if catalog[text].string == text) == []  # not left in English


def test_no_sentence_for_the_user_is_left_unmarked() -> None:
    """An error or status written as a bare string or f-string would reach a Chinese user in English."""
    unmarked = []
    for path in sorted([*(REPO_ROOT / "app" / "core").rglob("*.py"), *(REPO_ROOT / "app" / "engines").rglob("*.py")]):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call) or not call.args or not _takes_a_sentence(call):
                continue
            first = call.args[0]
            if isinstance(first, ast.JoinedStr) or (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                unmarked.append(f"{path.relative_to(REPO_ROOT)}:{call.lineno}")
    assert unmarked == []


def test_no_sentence_is_built_in_english_before_it_reaches_the_user() -> None:
    """A sentence put together as an f-string and handed on (to a helper that raises it, a progress line, a
    notice) escapes the test above: every f-string of words in core and engines is in a translated() call, a
    log call, a developer's error, or names no words a user reads."""
    unmarked = []
    for path in sorted([*(REPO_ROOT / "app" / "core").rglob("*.py"), *(REPO_ROOT / "app" / "engines").rglob("*.py")]):
        if path.parent.name == "formats":  # the files' own syntax (RTTM's columns), not sentences
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and _words(node) >= 3 and not _inside_an_exempt_call(node, parents):
                unmarked.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno}")
    assert unmarked == []


def _words(text: ast.JoinedStr) -> int:
    literal = "".join(part.value for part in text.values if isinstance(part, ast.Constant))
    return sum(1 for word in literal.split() if word.strip(".,;:()“”'").isalpha())


def _inside_an_exempt_call(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    exempt = {"translated", "debug", "info", "warning", "error", "exception", "SystemExit"} | NOT_FOR_THE_USER
    while (node := parents.get(node)) is not None:  # type: ignore[assignment]
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in exempt:
                return True
    return False


def _takes_a_sentence(call: ast.Call) -> bool:
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    if name in SENTENCE_TAKERS:
        return True
    return name not in NOT_FOR_THE_USER and (name.endswith("Error") or name == "KeyringUnavailable")


def test_a_file_that_cannot_be_read_is_said_in_chinese_once_chinese_is_chosen(tmp_path: Path,
                                                                              core_catalogs: Path) -> None:
    broken = tmp_path / "bad.mp3"
    broken.write_bytes(JUNK)
    use_language("zh_CN", core_catalogs)
    with pytest.raises(AudioDecodeError) as chinese:
        decode_audio(broken)
    assert str(chinese.value) == "无法读取“bad.mp3”：本应用无法解码此文件，它不是音频或视频文件。"
    use_language("en", core_catalogs)
    with pytest.raises(AudioDecodeError) as english:
        decode_audio(broken)
    assert str(english.value) == "Cannot read “bad.mp3”: it is not an audio or video file this app can decode."


def test_the_locale_chooses_the_language(monkeypatch: pytest.MonkeyPatch, core_catalogs: Path) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    use_locale_language(core_catalogs)
    assert translated("Loading model") == "正在加载模型"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # no German catalog: English
    use_locale_language(core_catalogs)
    assert translated("Loading model") == "Loading model"


def test_the_standard_library_asks_the_same_catalog(monkeypatch: pytest.MonkeyPatch, core_catalogs: Path,
                                                      tmp_path: Path) -> None:
    """argparse's "usage:" comes through gettext's global domain: ours once a readable catalog is in use."""
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    use_locale_language(core_catalogs)
    use_gettext_domain()
    assert gettext.gettext("usage: ") == "用法："
    gettext.textdomain("messages")
    damaged = tmp_path / "zh_CN" / "LC_MESSAGES" / f"{text_translation.DOMAIN}.mo"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"\x95\x04\x12\xde" + JUNK)  # gettext's magic number, then nonsense
    use_locale_language(tmp_path)
    use_gettext_domain()  # not for a catalog gettext could not read: its lookups would raise
    assert gettext.textdomain() == "messages"
    assert gettext.gettext("usage: ") == "usage: "


def test_a_damaged_catalog_leaves_the_texts_in_english(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    damaged = tmp_path / "zh_CN" / "LC_MESSAGES" / f"{text_translation.DOMAIN}.mo"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(JUNK)
    use_language("zh_CN", tmp_path)
    assert translated("Loading model") == "Loading model"
    assert translation_table("zh_CN", tmp_path) == {}  # the window's view of it: nothing either
    assert "unreadable" in caplog.text


def test_the_window_reads_the_same_catalog(core_catalogs: Path) -> None:
    table = translation_table("zh_CN", core_catalogs)
    assert table["Loading model"] == "正在加载模型"
    assert translation_table("en", core_catalogs) == {}
