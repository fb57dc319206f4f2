"""The command line in the locale's language: its help (argparse's own words too), progress and messages in
Chinese under a Chinese locale, laid out by terminal columns; every text of app/cli marked for the catalog."""

from __future__ import annotations

import argparse
import ast
import io
import os
import pty
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from app.cli.argparse_language import ARGPARSE_TEXTS
from app.cli.batch_progress import BatchProgress, Outcome
from app.cli.display_width import CLOSING, OPENING, cut_to_width, display_width, pad_to_width, wrap_to_width
from app.core.text_translation import use_language
from tests.conftest import REPO_ROOT, compile_core_catalogs

COLUMNS = 100
# argparse's texts only a developer meets (a parser built wrongly), left out of the catalog
ARGPARSE_DEVELOPER_TEXTS = {
    ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
    'argument "-" with mode %r', "can't open '%(filename)s': %(error)s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals", "dest= is required for options like %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "invalid conflict_resolution value: %r", "conflicting option string: %s",
    "mutually exclusive arguments must be optional", "cannot have multiple subparser arguments", "%r is not callable",
    "expected %s argument",  # only for nargs=N with N > 1, which no option uses
}
MESSAGE_TAKERS = {"say", "ArgumentTypeError"}  # besides the exceptions named …Error


@pytest.fixture(scope="module")
def built_core_catalogs() -> Path:
    """app/translations as `make translations` leaves it: the command line reads the package's own catalogs."""
    return compile_core_catalogs(REPO_ROOT / "app" / "translations")


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    use_language("en")


def run_app(*arguments: str | Path, language: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, arguments)], cwd=REPO_ROOT, capture_output=True, text=True,
        timeout=180, env={**os.environ, "LANGUAGE": language, "COLUMNS": str(COLUMNS)},
    )


def test_the_help_is_chinese_under_a_chinese_locale_and_fits_the_terminal(built_core_catalogs: Path) -> None:
    main_help = run_app("--help", language="zh_CN")
    assert main_help.returncode == 0, main_help.stderr
    assert main_help.stdout.startswith("用法：earshot [-h]")
    assert "把语音变成可编辑、带时间戳的转写稿和字幕。" in main_help.stdout  # the description
    assert "转写音频或视频文件" in main_help.stdout  # a command's help
    assert "位置参数" in main_help.stdout and "选项" in main_help.stdout  # argparse's own headings
    transcribe_help = run_app("transcribe", "--help", language="zh_CN")
    assert transcribe_help.returncode == 0, transcribe_help.stderr
    text = transcribe_help.stdout
    assert text.startswith("用法：earshot transcribe [-h]")
    assert "  -h, --help            显示此帮助信息并退出\n" in text
    assert "为每个词标注时间" in text and "剩余" not in text
    lines = text.splitlines()
    assert max(display_width(line) for line in lines) <= COLUMNS - 2  # wrapped by columns, not characters
    continued = lines[1]  # the usage's second line starts under the first one's first option
    assert display_width(continued) - display_width(continued.lstrip()) == display_width("用法：earshot transcribe ")
    english = run_app("transcribe", "--help", language="en")
    assert english.stdout.startswith("usage: earshot transcribe [-h]")
    assert "show this help message and exit" in english.stdout
    assert not re.search(r"[\u4e00-\u9fff]", english.stdout)


def test_argparse_errors_are_chinese_too(built_core_catalogs: Path) -> None:
    wrong = run_app("transcribe", "talk.wav", "--task", "sing", language="zh_CN")
    assert wrong.returncode == 2
    assert wrong.stderr.endswith("earshot transcribe：错误：参数 --task：无效的选择：'sing'（可选：'transcribe', "
                                 "'translate'）\n")
    missing = run_app("transcribe", language="zh_CN")
    assert missing.stderr.endswith("earshot transcribe：错误：缺少以下必需参数：INPUT\n")
    not_whole = run_app("transcribe", "talk.wav", "--threads", "two", language="zh_CN")
    assert not_whole.stderr.endswith("错误：参数 --threads：“two”不是不小于 0 的整数\n")


def test_the_progress_on_a_terminal_is_chinese(jfk_path: Path, tmp_path: Path, built_core_catalogs: Path) -> None:
    """transcribe with standard error on a terminal (a pseudo-terminal here): each input's line in Chinese."""
    drawn, status = _run_on_a_terminal(["transcribe", str(jfk_path), str(tmp_path / "absent.flac"),
                                        "--model", "tiny.en", "--output", str(tmp_path)])
    assert status == 1  # one input failed
    assert "jfk.flac: 等待中" in drawn and "absent.flac: 等待中" in drawn
    assert re.search(r"jfk\.flac: +\d+%  剩余约 \d+ 秒", drawn)
    assert "jfk.flac: 完成" in drawn and "absent.flac: 失败" in drawn
    assert drawn.endswith("earshot: 无法打开“absent.flac”：文件不存在。\r\n")
    assert (tmp_path / "jfk.txt").is_file()


def _run_on_a_terminal(arguments: list[str]) -> tuple[str, int]:
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "app", *arguments], cwd=REPO_ROOT, stdout=subprocess.DEVNULL,
                               stderr=terminal, env={**os.environ, "LANGUAGE": "zh_CN", "COLUMNS": str(COLUMNS)})
    os.close(terminal)
    received: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(controller, 4096)
            except OSError:  # the process ended: the terminal is gone
                return
            if not data:
                return
            received.append(data)

    reader = threading.Thread(target=read)
    reader.start()
    status = process.wait(timeout=180)
    reader.join(10)
    os.close(controller)
    return b"".join(received).decode("utf-8"), status


def test_the_plain_progress_lines_follow_the_language(core_catalogs: Path) -> None:
    use_language("zh_CN", core_catalogs)
    log = io.StringIO()
    progress = BatchProgress(["一.mp3", "two.mp3"], log)
    progress.ended(0, Outcome.DONE)
    progress.ended(1, Outcome.CANCELLED)
    assert log.getvalue() == "earshot: 一.mp3: 完成 (1/2)\nearshot: two.mp3: 已取消 (2/2)\n"


def test_the_models_table_is_aligned_by_columns_in_chinese(core_catalogs: Path) -> None:
    from app.cli.models import write_model_table

    use_language("zh_CN", core_catalogs)
    table = io.StringIO()
    write_model_table(table)
    header, *rows = table.getvalue().splitlines()
    assert header.split() == ["名称", "大小", "语言", "速度", "准确度", "状态"]
    tiny_en = next(row for row in rows if row.startswith("tiny.en "))
    assert tiny_en.split()[-4:] == ["英语", "最快", "一般", "随附"]
    for word in ("大小", "语言", "状态"):  # each header ends (大小, right-aligned) or starts where its column does
        column = display_width(header[: header.index(word)])
        if word == "大小":
            assert display_width(tiny_en[: tiny_en.index(" MB") + 3]) == column + display_width(word)
        else:
            assert display_width(tiny_en[: tiny_en.index({"语言": "英语", "状态": "随附"}[word])]) == column


def test_argparse_texts_in_the_catalog_are_argparse_own() -> None:
    """A newer Python that changes or adds a text argparse shows users fails here: list it in ARGPARSE_TEXTS."""
    asked = {message for _line, message, _comments, _context
             in extract_from_file("python", argparse.__file__, keywords={"_": None, "ngettext": (1, 2)})}
    singular = {message if isinstance(message, str) else message[0] for message in asked}
    assert set(ARGPARSE_TEXTS) <= singular
    assert sorted(singular - set(ARGPARSE_TEXTS) - ARGPARSE_DEVELOPER_TEXTS) == []


def test_no_message_or_help_of_the_command_line_is_left_unmarked() -> None:
    """A help text or a message written as a bare string or f-string would reach a Chinese user in English."""
    unmarked = []
    for path in sorted((REPO_ROOT / "app" / "cli").glob("*.py")):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
            texts = [keyword.value for keyword in call.keywords if keyword.arg in ("help", "description")]
            if call.args and (name in MESSAGE_TAKERS or name.endswith("Error")):
                texts.append(call.args[0])
            if any(_is_bare_text(text) for text in texts):
                unmarked.append(f"{path.relative_to(REPO_ROOT)}:{call.lineno}")
    assert unmarked == []


def _is_bare_text(node: ast.expr) -> bool:
    if isinstance(node, ast.BinOp):
        return _is_bare_text(node.left) or _is_bare_text(node.right)
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def test_text_is_wrapped_and_cut_by_terminal_columns() -> None:
    sentence = "配合 --language auto，逐段检测各自的语言（默认：开启），每一段按其自身的语言识别。"
    lines = wrap_to_width(sentence, 20)
    assert "".join(lines).replace(" ", "") == sentence.replace(" ", "")  # nothing lost
    assert all(display_width(line) <= 20 for line in lines)
    assert not any(line[0] in CLOSING for line in lines)  # closing punctuation stays with what it closes
    assert not any(line[-1] in OPENING for line in lines)  # opening punctuation with what it opens
    assert wrap_to_width("本地、hf（Hugging Face）", 9) == ["本地、hf", "（Hugging", "Face）"]
    assert wrap_to_width("with --language auto, detect each passage's own language", 30) == [
        "with --language auto, detect", "each passage's own language"]
    assert cut_to_width("转写音频或视频文件", 9) == "转写音频…"
    assert cut_to_width("short", 9) == "short"
    assert pad_to_width("语言", 6) == "语言  "


def test_each_command_in_the_main_help_shares_its_line_with_what_it_does() -> None:
    """argparse measures sub-commands one indent short of where it lists them, so the longest ("transcribe")
    went alone on its line, its help under it; the formatter measures them where they are shown."""
    from app.cli.commands import build_parser

    for language in ("en", "zh_CN"):
        use_language(language)
        lines = build_parser().format_help().splitlines()
        for command in ("transcribe", "convert", "diarize", "models", "listen", "speak"):
            line = next(line for line in lines if line.strip().split(" ")[0] == command)
            assert line.strip() != command, f"{language}: {command}'s help is not on its line"
