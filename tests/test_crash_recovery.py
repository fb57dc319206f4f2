"""Crash recovery for real: the app edits a transcript, is killed with SIGKILL, starts again and recovers every edit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.core.editing.segment_text import edit_text, merge_with_next, split_segment
from app.core.formats import save_transcript
from app.core.project_file import load_project
from app.core.transcript import Segment, Transcript
from tests.conftest import REPO_ROOT

TRANSCRIPT = Transcript([
    Segment(0.0, 3.0, "Welcome back to the show"),
    Segment(3.5, 6.0, "Today we talk about rivers"),
    Segment(6.5, 9.0, "They shape the land"),
])


def start_app(arguments: list[str], script: list[dict], folders: dict[str, Path], tmp_path: Path,
              name: str) -> subprocess.Popen:
    script_path = tmp_path / f"{name}.json"
    script_path.write_text(json.dumps(script), encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EARSHOT_SCRIPT": str(script_path),
                   **{f"EARSHOT_{key.upper()}_DIR": str(folder) for key, folder in folders.items()}}
    with (tmp_path / f"{name}.log").open("w") as log:  # the child has its own copy of the file
        return subprocess.Popen([sys.executable, "-m", "app", *arguments], cwd=REPO_ROOT, env=environment,
                                stdout=log, stderr=subprocess.STDOUT)


def wait_for(path: Path, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


def test_edits_survive_a_kill_and_are_recovered_at_the_next_start(tmp_path: Path) -> None:
    folders = {name: tmp_path / name for name in ("cache", "config", "data", "log")}
    subtitles = save_transcript(TRANSCRIPT, tmp_path / "show.srt")
    edited_marker, saved = tmp_path / "edited", tmp_path / "recovered.earshot"
    first = start_app([str(subtitles)], [
        {"wait_rows": 3},
        {"edit_text": [1, "Today we talk about rivers and lakes"]},
        {"open_text": [0, len("Welcome back")]},
        {"trigger": "split_action"},
        {"wait_rows": 4},
        {"trigger": "merge_next_action"},
        {"wait_autosaved": True},
        {"touch": str(edited_marker)},
    ], folders, tmp_path, "first")
    try:
        wait_for(edited_marker, first, tmp_path / "first.log")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    assert first.returncode == -signal.SIGKILL

    expected = load_project_free(TRANSCRIPT)
    second = start_app([], [{"recover_first": True}, {"wait_rows": 3}, {"save_as": str(saved)}, {"quit": True}],
                       folders, tmp_path, "second")
    try:
        assert second.wait(60) == 0, (tmp_path / "second.log").read_text()
    finally:
        if second.poll() is None:
            second.kill()
    recovered = load_project(saved).transcript
    assert [(s.start, s.end, s.text) for s in recovered.segments] == [
        (s.start, s.end, s.text) for s in expected.segments]
    assert not list((folders["data"] / "recovery").glob("*.recovery"))  # saved: nothing left to recover


def load_project_free(transcript: Transcript) -> Transcript:
    """The same edits made with the core, for comparison: type, split at the cursor, merge with the next."""
    copy = Transcript(list(transcript.segments))
    for edit in (lambda t: edit_text(t, 1, "Today we talk about rivers and lakes"),
                 lambda t: split_segment(t, 0, len("Welcome back")),
                 lambda t: merge_with_next(t, 1)):
        edit(copy).apply(copy)
    return copy
