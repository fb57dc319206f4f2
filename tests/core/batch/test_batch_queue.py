"""The batch queue's order, moves and restore rules, without Qt."""

from __future__ import annotations

from pathlib import Path

from app.core.batch.batch_queue import BatchQueue
from app.core.batch.items import BatchItem, BatchStatus


def make_queue(count: int) -> BatchQueue:
    return BatchQueue(BatchItem(Path(f"/media/{n}.wav"), "tiny.en", "Tiny", {"model": "tiny.en"})
                      for n in range(count))


def names(queue: BatchQueue) -> list[str]:
    return [item.media_path.stem for item in queue]


def test_moving_rows_keeps_their_order_and_lands_before_the_target_row() -> None:
    queue = make_queue(6)
    ids = [queue[4].item_id, queue[1].item_id]
    assert queue.move(ids, 0)
    assert names(queue) == ["1", "4", "0", "2", "3", "5"]
    assert queue.move([queue[0].item_id], len(queue))  # to the end
    assert names(queue) == ["4", "0", "2", "3", "5", "1"]


def test_moving_rows_onto_themselves_changes_nothing() -> None:
    queue = make_queue(4)
    assert not queue.move([queue[1].item_id, queue[2].item_id], 2)
    assert names(queue) == ["0", "1", "2", "3"]
    assert not queue.move(["not-there"], 0)


def test_waiting_rows_in_order_and_removal() -> None:
    queue = make_queue(4)
    queue[0].status = BatchStatus.DONE
    queue[2].status = BatchStatus.RUNNING
    assert [item.media_path.stem for item in queue.waiting()] == ["1", "3"]
    assert queue.remove(queue[1].item_id) == 1
    assert queue.remove("gone") == -1
    assert names(queue) == ["0", "2", "3"]


def test_restore_rules_run_pending_rows_again_and_keep_finished_results(tmp_path: Path) -> None:
    queue = make_queue(5)
    result = tmp_path / "kept.json"
    result.write_text("{}")
    running, done, lost, failed, waiting = queue
    running.status, running.progress = BatchStatus.RUNNING, 0.4
    done.status, done.result_path = BatchStatus.DONE, result
    lost.status, lost.result_path = BatchStatus.DONE, tmp_path / "deleted.json"
    failed.status, failed.failure = BatchStatus.FAILED, "Cannot read “3.wav”."
    queue.restore_after_restart(lambda _item_id: None)
    assert [item.status for item in queue] == [
        BatchStatus.WAITING, BatchStatus.DONE, BatchStatus.WAITING, BatchStatus.FAILED, BatchStatus.WAITING]
    assert running.progress == 0.0 and done.progress == 1.0 and done.result_path == result
    assert lost.result_path is None
    assert failed.failure == "Cannot read “3.wav”."
    assert waiting.status is BatchStatus.WAITING
