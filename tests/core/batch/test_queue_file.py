"""The queue file: a round trip keeps every row and the export plan; a damaged file is set aside in one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.batch.auto_export import ExportPlan
from app.core.batch.batch_queue import BatchQueue
from app.core.batch.items import BatchItem, BatchStatus
from app.core.batch.queue_file import queue_to_dict, read_queue_file, write_queue_document
from app.core.batch.results import save_result
from app.core.subtitle_rules import SUBTITLE_PROFILES
from app.core.transcript import Segment, Transcript


def saved_queue(tmp_path: Path) -> tuple[Path, BatchQueue, ExportPlan]:
    items = [BatchItem(tmp_path / f"talk {n}.mp3", "tiny.en", "Tiny, English only", {"model": "tiny.en",
                       "language": None}, duration=12.5) for n in range(4)]
    items[0].status = BatchStatus.DONE
    items[1].status, items[1].failure = BatchStatus.FAILED, "Cannot read “talk 1.mp3”: it is not audio."
    items[2].status, items[2].progress = BatchStatus.RUNNING, 0.5
    queue = BatchQueue(items, paused=True)
    plan = ExportPlan(("srt", "txt"), tmp_path / "out", SUBTITLE_PROFILES["netflix"].rules)
    path = tmp_path / "batch" / "queue.json"
    write_queue_document(path, queue_to_dict(queue, plan))
    return path, queue, plan


def test_a_saved_queue_comes_back_with_the_restore_rules(tmp_path: Path) -> None:
    path, queue, plan = saved_queue(tmp_path)
    results = tmp_path / "results"
    results.mkdir()
    (results / f"{queue[0].item_id}.json").write_text("{}")
    read = read_queue_file(path, results)
    assert read.notice is None
    assert read.plan == plan
    assert read.queue.paused
    restored = list(read.queue)
    assert [item.item_id for item in restored] == [item.item_id for item in queue]
    assert [item.status for item in restored] == [
        BatchStatus.DONE, BatchStatus.FAILED, BatchStatus.WAITING, BatchStatus.WAITING]
    assert restored[0].result_path == results / f"{queue[0].item_id}.json"
    assert restored[1].failure == queue[1].failure
    assert restored[3].media_path == queue[3].media_path and restored[3].duration == 12.5
    assert restored[3].options == {"model": "tiny.en", "language": None}


def test_no_file_is_an_empty_queue(tmp_path: Path) -> None:
    read = read_queue_file(tmp_path / "queue.json", tmp_path)
    assert (len(read.queue), read.notice, read.plan.enabled) == (0, None, False)


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d: d.update(schema="something.else"), "not an Earshot batch queue"),
    (lambda d: d.update(schema_version=99), "newer than this Earshot"),
    (lambda d: d["items"][0].update(status="exploded"), "item 1 has no valid status"),
    (lambda d: d["items"][1].update(id="../../etc/passwd"), "item 2 has no valid id"),
    (lambda d: d["items"][2].update(duration=-4), "item 3 has no valid duration"),
    (lambda d: d["items"][3]["options"].update(model={"nested": 1}), "item 4 has options that are not plain values"),
    (lambda d: d["export"].update(formats=["exe"]), "unknown format"),
    (lambda d: d["export"]["rules"].update(max_lines=0), "rules are not valid"),
    (lambda d: d["export"]["rules"].update(extra=1), "rules are not valid"),
])
def test_a_damaged_file_is_set_aside_and_told_in_one_sentence(tmp_path: Path, change, reason: str) -> None:
    path, _queue, _plan = saved_queue(tmp_path)
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))
    read = read_queue_file(path, tmp_path)
    assert len(read.queue) == 0
    assert read.notice is not None and reason in read.notice
    assert read.notice.startswith("The batch queue file “queue.json” was damaged")
    assert read.notice.endswith("the queue starts empty.")
    assert not path.exists()
    assert len(list(path.parent.glob("queue.broken-*.json"))) == 1


def test_truncated_json_is_set_aside(tmp_path: Path) -> None:
    path, _queue, _plan = saved_queue(tmp_path)
    path.write_bytes(path.read_bytes()[:40])
    read = read_queue_file(path, tmp_path)
    assert read.notice is not None and "not valid JSON" in read.notice


def test_a_damaged_file_is_said_in_chinese_once_chinese_is_chosen(tmp_path: Path, chinese_sentences: None) -> None:
    path, _queue, _plan = saved_queue(tmp_path)
    path.write_bytes(b"[]")
    read = read_queue_file(path, tmp_path)
    assert read.notice is not None and read.notice.startswith(f"批处理队列文件“{path.name}”已损坏")
    assert read.notice.endswith("，将从空队列开始。")


def test_a_row_killed_after_its_transcript_was_kept_is_done_and_does_not_run_again(tmp_path: Path) -> None:
    """The kill came after the row's transcript was written and before the (debounced) queue file said "done":
    the transcript is the proof, so the row is done at restore. A damaged one is not: that row runs again."""
    path, queue, _plan = saved_queue(tmp_path)  # row 2 was running when the file was last saved, row 3 waiting
    results = tmp_path / "results"
    transcript = Transcript([Segment(0.0, 1.5, "Ask not.")], media_path=str(queue[2].media_path))
    kept = save_result(queue[2].item_id, transcript, results)
    damaged = results / f"{queue[3].item_id}.json"
    damaged.write_bytes(b'{"schema": "earshot.transcript", "segm')
    modified = kept.stat().st_mtime_ns
    read = read_queue_file(path, results)
    restored = list(read.queue)
    assert [item.status for item in restored][2:] == [BatchStatus.DONE, BatchStatus.WAITING]
    assert restored[2].result_path == kept and restored[2].progress == 1.0
    assert kept.stat().st_mtime_ns == modified
    assert restored[3].result_path is None and not damaged.exists()
