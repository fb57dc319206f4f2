"""Folder scans: media files only, recursively, in name order, each once."""

from __future__ import annotations

from pathlib import Path

from app.core.batch.folder_scan import media_files_in, media_files_under


def test_a_folder_is_scanned_recursively_for_media_only(tmp_path: Path) -> None:
    for name in ("b.mp3", "a.WAV", "notes.txt", "cover.jpg", "season/ep2.m4a", "season/ep1.mkv",
                 "season/deeper/x.flac", "season/ep1.srt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    found = [p.relative_to(tmp_path).as_posix() for p in media_files_under(tmp_path)]
    assert found == ["a.WAV", "b.mp3", "season/ep1.mkv", "season/ep2.m4a", "season/deeper/x.flac"]


def test_files_and_folders_given_together_each_once(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    clip = tmp_path / "in" / "clip.ogg"
    clip.write_bytes(b"")
    (tmp_path / "readme.md").write_text("")
    assert media_files_in([clip, tmp_path / "in", tmp_path / "readme.md"]) == [clip]
