"""The queue survives a crash: the app is killed mid-queue, starts again, and goes on where it stopped."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import soundfile

from app.core.audio import decode_audio
from tests.test_crash_recovery import start_app

FILES = 8


def queue_rows(queue_file: Path) -> list[dict]:
    try:
        return json.loads(queue_file.read_text(encoding="utf-8"))["items"]
    except (OSError, ValueError):
        return []  # not written yet


def test_the_queue_is_restored_after_a_kill_and_finishes(tmp_path: Path, jfk_path: Path) -> None:
    folders = {name: tmp_path / name for name in ("config", "data", "log")}
    folders["cache"] = Path(os.environ["EARSHOT_CACHE_DIR"])  # the session's: its models are ready
    samples = decode_audio(jfk_path).samples
    season = tmp_path / "season"
    season.mkdir()
    for number in range(FILES):
        soundfile.write(season / f"part-{number}.flac", samples[number * 16_000:number * 16_000 + 24_000], 16_000)
    queue_file = folders["data"] / "batch" / "queue.json"

    first = start_app([], [{"choose_model": "tiny.en"}, {"batch_add": [str(season)]}], folders, tmp_path, "first")
    try:
        deadline = time.monotonic() + 120
        while sum(row["status"] == "done" for row in queue_rows(queue_file)) < 2:
            assert first.poll() is None, (tmp_path / "first.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "first.log").read_text()
            time.sleep(0.05)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    at_kill = queue_rows(queue_file)
    done_at_kill = {row["id"] for row in at_kill if row["status"] == "done"}
    assert len(at_kill) == FILES and len(done_at_kill) < FILES  # killed mid-queue
    results = {path.name: path.stat().st_mtime_ns for path in (folders["data"] / "batch" / "results").glob("*.json")}
    assert {f"{item_id}.json" for item_id in done_at_kill} <= set(results)

    restored_report, final_report = tmp_path / "restored.json", tmp_path / "final.json"
    second = start_app([], [{"batch_report": str(restored_report)}, {"wait_batch_done": FILES},
                            {"batch_report": str(final_report)}, {"quit": True}], folders, tmp_path, "second")
    try:
        assert second.wait(180) == 0, (tmp_path / "second.log").read_text()
    finally:
        if second.poll() is None:
            second.kill()
    restored = json.loads(restored_report.read_text(encoding="utf-8"))
    assert [row["file"] for row in restored] == [f"part-{number}.flac" for number in range(FILES)]
    for row, saved in zip(restored, at_kill, strict=True):
        if saved["id"] in done_at_kill:
            assert row["status"] == "done" and Path(row["result"]).name == f"{saved['id']}.json"
        else:
            assert row["status"] in ("waiting", "running")  # pending and running rows run (again)
    final = json.loads(final_report.read_text(encoding="utf-8"))
    assert [row["status"] for row in final] == ["done"] * FILES
    assert all(row["shown"][3] == "Done" for row in final)
    for name, modified in results.items():  # a row finished before the kill was not run again
        assert (folders["data"] / "batch" / "results" / name).stat().st_mtime_ns == modified
