"""File ▸ Open Recent's list: newest first, no repeats, at most ten, and a damaged file set aside."""

from __future__ import annotations

from pathlib import Path

from app.core.recent_files import MAX_RECENT_FILES, RecentFiles


def test_newest_first_without_repeats_and_kept_between_runs(tmp_path: Path) -> None:
    recent = RecentFiles(tmp_path / "recent.json")
    for number in range(MAX_RECENT_FILES + 2):
        recent.add(tmp_path / f"{number}.earshot")
    recent.add(tmp_path / "5.earshot")
    again = RecentFiles(tmp_path / "recent.json").paths()
    assert again[0] == tmp_path / "5.earshot"
    assert len(again) == MAX_RECENT_FILES and len(set(again)) == MAX_RECENT_FILES
    assert tmp_path / "0.earshot" not in again


def test_a_damaged_list_is_set_aside_with_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "recent.json").write_text('{"files": [3]}')
    recent = RecentFiles(tmp_path / "recent.json")
    assert recent.paths() == []
    assert recent.notice and "set aside" in recent.notice
