"""Atomic writes: never half a file, and the permissions an ordinary write would give."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.atomic_write import write_bytes_atomically, write_text_atomically


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_new_file_gets_the_umask_permissions(tmp_path: Path, umask_022: None) -> None:
    target = write_text_atomically(tmp_path / "talk.srt", "1\n")
    assert _mode(target) == 0o644
    assert target.read_text(encoding="utf-8") == "1\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "shared.vtt"
    target.write_bytes(b"old")
    target.chmod(0o664)
    write_bytes_atomically(target, b"new")
    assert _mode(target) == 0o664
    assert target.read_bytes() == b"new"


def test_no_temporary_file_is_left_beside_the_target(tmp_path: Path) -> None:
    write_bytes_atomically(tmp_path / "a.txt", b"one")
    write_bytes_atomically(tmp_path / "a.txt", b"two")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
