"""The package's desktop files, icons and entry points, checked without a build (scripts/check-package.sh builds)."""

from __future__ import annotations

import configparser
import re
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import app
from app.ui.application import DESKTOP_FILE_ID, ICON_SIZES
from tests.conftest import REPO_ROOT

PACKAGING = REPO_ROOT / "packaging"
ICONS = REPO_ROOT / "app" / "resources" / "icons"
DESKTOP_FILE = PACKAGING / f"{DESKTOP_FILE_ID}.desktop"
METAINFO = PACKAGING / f"{DESKTOP_FILE_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def package_data_files() -> set[Path]:
    source = REPO_ROOT / "app"
    return {path for pattern in PYPROJECT["tool"]["setuptools"]["package-data"]["app"] for path in source.glob(pattern)}


def test_the_desktop_entry_validates_and_opens_the_gui_entry_with_the_icon() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    command = desktop["Exec"].split()[0]
    assert command in PYPROJECT["project"]["gui-scripts"]
    assert desktop["TryExec"] == command
    assert desktop["Icon"] == DESKTOP_FILE_ID
    assert desktop["Terminal"] == "false"


def test_the_metainfo_validates_and_names_the_desktop_entry_icon_and_version() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    component = ElementTree.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == DESKTOP_FILE_ID
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("icon") == DESKTOP_FILE_ID
    assert component.find("releases/release").get("version") == app.__version__


def test_every_icon_size_is_rendered_at_its_size_and_ships_as_package_data() -> None:
    shipped = package_data_files()
    for size in ICON_SIZES:
        png = ICONS / f"earshot-{size}.png"
        assert png_size(png) == (size, size)
        assert png in shipped
    svg = ElementTree.parse(ICONS / "earshot.svg").getroot()
    assert svg.get("viewBox") == "0 0 512 512"
    assert ICONS / "earshot.svg" in shipped
    install_sizes = re.search(r'^SIZES="([\d ]+)"$', (PACKAGING / "install.sh").read_text(), re.MULTILINE)[1]
    assert tuple(int(size) for size in install_sizes.split()) == ICON_SIZES


def test_the_self_test_speech_ships_as_package_data() -> None:
    assert REPO_ROOT / "app" / "resources" / "self-test-speech.flac" in package_data_files()


def test_the_console_and_gui_entries_both_run_the_command_line() -> None:
    project = PYPROJECT["project"]
    assert project["scripts"] == {"earshot": "app.cli:main"}
    assert project["gui-scripts"] == {"earshot-gui": "app.cli:main"}
    assert project["optional-dependencies"]["package"] == ["pyinstaller"]



def test_every_image_the_style_sheet_names_ships_as_package_data() -> None:
    """A missing image in the sheet is no error in Qt: the combo boxes would just lose their arrows."""
    from app.ui.themes import RESOURCE_PREFIX

    sheet = (REPO_ROOT / "app" / "resources" / "style.qss").read_text(encoding="utf-8")
    named = re.findall(rf"url\({RESOURCE_PREFIX}:([^)]+)\)", sheet)
    assert "icons/arrow-down.png" in named
    shipped = package_data_files()
    for name in named:
        image = REPO_ROOT / "app" / "resources" / name
        assert image in shipped, name
        assert png_size(image) == (16, 16)
