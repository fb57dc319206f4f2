"""packaging/install.sh on an unpacked tarball's layout: the app, its link, menu entry and icons in the XDG folders."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from app.ui.application import DESKTOP_FILE_ID, ICON_SIZES
from tests.conftest import REPO_ROOT

PACKAGING = REPO_ROOT / "packaging"


def unpacked_tarball(folder: Path) -> Path:
    """What scripts/build-package.sh puts in the tarball, with a one-line program in place of the built app."""
    folder.mkdir()
    app_folder = folder / "earshot"
    shutil.copytree(REPO_ROOT / "app" / "resources" / "icons", app_folder / "_internal" / "app" / "resources" / "icons")
    program = app_folder / "earshot"
    program.write_text("#!/bin/sh\necho earshot ran \"$@\"\n", encoding="utf-8")
    program.chmod(0o755)
    for name in ("install.sh", f"{DESKTOP_FILE_ID}.desktop", f"{DESKTOP_FILE_ID}.metainfo.xml"):
        shutil.copy2(PACKAGING / name, folder / name)
    return folder


def run_install(tarball: Path, home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": os.environ["PATH"], "HOME": str(home)}  # XDG_DATA_HOME unset: ~/.local/share
    return subprocess.run(["sh", str(tarball / "install.sh"), *arguments], env=environment,
                          capture_output=True, text=True, timeout=60)


DESKTOP_CACHES = {"mimeinfo.cache", "icon-theme.cache"}  # update-desktop-database's and GTK's own indexes


def installed_files(home: Path) -> set[Path]:
    return {
        path.relative_to(home) for path in home.rglob("*")
        if (path.is_file() or path.is_symlink()) and path.name not in DESKTOP_CACHES
    }


def test_install_puts_the_app_link_menu_entry_and_icons_in_the_users_folders(tmp_path: Path) -> None:
    tarball = unpacked_tarball(tmp_path / "earshot-0.1.0-linux-x86_64")
    home = tmp_path / "home"
    home.mkdir()
    result = run_install(tarball, home)
    assert result.returncode == 0, result.stderr
    data = home / ".local" / "share"
    app_folder = data / "earshot"
    link = home / ".local" / "bin" / "earshot"
    ran = subprocess.run([str(link), "transcribe"], capture_output=True, text=True)
    assert ran.stdout == "earshot ran transcribe\n"
    desktop_file = data / "applications" / f"{DESKTOP_FILE_ID}.desktop"
    validation = subprocess.run(["desktop-file-validate", str(desktop_file)], capture_output=True, text=True)
    assert validation.returncode == 0, validation.stdout
    entry = desktop_file.read_text(encoding="utf-8")
    assert f'Exec="{app_folder}/earshot" %F' in entry.splitlines()
    assert f"TryExec={app_folder}/earshot" in entry.splitlines()
    for size in ICON_SIZES:
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_FILE_ID}.png"
        assert icon.read_bytes() == (REPO_ROOT / "app" / "resources" / "icons" / f"earshot-{size}.png").read_bytes()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_FILE_ID}.svg").is_file()
    assert (data / "metainfo" / f"{DESKTOP_FILE_ID}.metainfo.xml").is_file()
    shutil.rmtree(tarball)  # the installed copy does not need the unpacked tarball
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout == "earshot ran\n"


def test_installing_again_replaces_the_app_and_uninstall_removes_everything(tmp_path: Path) -> None:
    tarball = unpacked_tarball(tmp_path / "unpacked")
    home = tmp_path / "home"
    home.mkdir()
    assert run_install(tarball, home).returncode == 0
    first = installed_files(home)
    stale = home / ".local" / "share" / "earshot" / "_internal" / "left-from-an-older-version"
    stale.write_text("old", encoding="utf-8")
    assert run_install(tarball, home).returncode == 0
    assert installed_files(home) == first
    result = run_install(tarball, home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert installed_files(home) == set()


def test_install_outside_an_unpacked_tarball_says_so_in_one_sentence(tmp_path: Path) -> None:
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copy2(PACKAGING / "install.sh", lonely / "install.sh")
    home = tmp_path / "home"
    home.mkdir()
    result = run_install(lonely, home)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "install.sh: run me from the unpacked Earshot folder (earshot/earshot is missing beside me)."
    )
    assert installed_files(home) == set()
