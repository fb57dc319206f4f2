"""An installed wheel looks and speaks as a checkout does: style sheet, icon and translations are package data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, compile_core_catalogs

CHECK_INSTALLED_APP = """
import sys
from pathlib import Path

import app
from PySide6.QtCore import QCoreApplication
from app.ui.application import create_application

installed = Path(sys.argv[1])
assert Path(app.__file__).is_relative_to(installed), app.__file__
qt = create_application(["earshot"])
assert qt.styleSheet() == (installed / "app" / "resources" / "style.qss").read_text(encoding="utf-8")
assert not qt.windowIcon().isNull() and 512 in [size.width() for size in qt.windowIcon().availableSizes()]
assert (installed / "app" / "resources" / "self-test-speech.flac").is_file()
assert (installed / "app" / "translations" / "earshot_zh_CN.ts").is_file()  # the live language switch reads it
print(QCoreApplication.translate("MainWindow", "&Transcribe"))
from app.core.text_translation import translated  # the core's gettext catalog, chosen with the language above
print(translated("Loading model"))
"""


@pytest.mark.slow
def test_an_installed_wheel_finds_its_style_sheet_icon_and_chinese(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO_ROOT / name, source / name)
    shutil.copytree(REPO_ROOT / "app", source / "app", ignore=shutil.ignore_patterns("__pycache__", "*.qm", "*.mo"))
    (source / "app" / "translations").mkdir(exist_ok=True)  # a fresh checkout has no compiled catalog yet
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(REPO_ROOT / "translations" / "earshot_zh_CN.ts"),
                    "-qm", str(source / "app" / "translations" / "earshot_zh_CN.qm")], check=True)
    shutil.copy(REPO_ROOT / "translations" / "earshot_zh_CN.ts", source / "app" / "translations")
    compile_core_catalogs(source / "app" / "translations")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run([*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"),
                    str(source)], check=True, capture_output=True)
    [wheel] = (tmp_path / "dist").glob("earshot-*.whl")
    installed = tmp_path / "installed"
    subprocess.run([*pip, "install", "--quiet", "--no-deps", "--target", str(installed), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(installed), "QT_QPA_PLATFORM": "offscreen",
                   "LC_ALL": "C.UTF-8", "LANGUAGE": "zh_CN"}
    result = subprocess.run([sys.executable, "-c", CHECK_INSTALLED_APP, str(installed)], cwd=elsewhere,
                            env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["开始转写(&T)", "正在加载模型"]
    assert result.stderr == ""
