"""What the batch does for each row beyond recognising it, kept small: the queue file is not rewritten for every
row the run finishes, and a row's segments are not handed one by one to the GUI thread, which shows none of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import soundfile

from app.core.audio import decode_audio
from app.core.batch.items import BatchItem, BatchStatus
from app.core.batch.results import save_result
from app.core.transcript import Segment, Transcript
from app.jobs.events import JobFinished, SegmentRecognised
from app.ui.batch import batch_controller
from app.ui.main_window import MainWindow


def saved_statuses(queue_file: Path) -> list[str]:
    return [row["status"] for row in json.loads(queue_file.read_text(encoding="utf-8"))["items"]]


def test_rows_the_run_finishes_are_saved_together_and_a_cancel_at_once(
        qtbot, batch_window: MainWindow, data_folder: Path, tmp_path: Path, monkeypatch) -> None:
    batch = batch_window.batch
    batch.set_paused(True)
    rows = [BatchItem(tmp_path / f"episode {n}.flac", "tiny.en", "Tiny", {"model": "tiny.en"}) for n in range(5)]
    batch.add_items(rows)
    queue_file = data_folder / "batch" / "queue.json"
    qtbot.waitUntil(queue_file.is_file)
    writes: list[list[str]] = []
    write = batch_controller.write_queue_document

    def counted(path: Path, document: dict[str, Any]) -> None:
        writes.append([row["status"] for row in document["items"]])
        write(path, document)

    monkeypatch.setattr(batch_controller, "write_queue_document", counted)
    for row in rows[:4]:  # four files finishing 0.4 s apart, as short ones do
        kept = save_result(row.item_id, Transcript([Segment(0.0, 1.0, "Ask not.")], media_path=str(row.media_path)))
        batch.finish(row.item_id, kept, [])
        qtbot.wait(400)
    qtbot.waitUntil(lambda: saved_statuses(queue_file)[:4] == ["done"] * 4, timeout=5000)
    assert len(writes) <= 2  # one every RUN_SAVE_INTERVAL_MS at most, not one per row

    batch.fail(rows[4].item_id, "Cannot read “episode 4.flac”.")  # the run's: the next save of the run's changes
    batch.retry([rows[4]])  # the user's: saved in a moment, the failure with it
    qtbot.waitUntil(lambda: saved_statuses(queue_file)[4] == "waiting", timeout=1500)  # not after the run's 2 s


def test_a_batch_row_s_segments_stay_in_its_job_until_it_finishes(
        qtbot, batch_window: MainWindow, manager, jfk_path: Path, tmp_path: Path) -> None:
    clip = tmp_path / "ask not.flac"
    soundfile.write(clip, decode_audio(jfk_path).samples[:3 * 16_000], 16_000)
    events: list[object] = []
    manager.job_event.connect(lambda _job_id, event: events.append(event))
    batch = batch_window.batch
    batch.adding.add_files([clip])
    qtbot.waitUntil(lambda: batch.queue[0].status is BatchStatus.DONE, timeout=60_000)
    # the window may also load its model meanwhile: a job whose result is no transcript
    finished = [event for event in events if isinstance(event, JobFinished) and isinstance(event.result, Transcript)]
    assert finished and finished[0].result.segments  # recognised, with its segments in the result
    assert not [event for event in events if isinstance(event, SegmentRecognised)]
