"""Auto-export's question about files already there: asked once for the batch however many files meet one, its
answer applied to all of them, and asked again for the next batch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.core.batch.auto_export import ConflictPolicy, ExportPlan
from app.core.batch.items import BatchStatus
from app.ui.main_window import MainWindow
from tests.ui.batch.conftest import make_speech_folder

MINE = "1\n00:00:00,000 --> 00:00:01,000\nMine.\n"


def test_the_overwrite_question_is_asked_once_per_batch(qtbot, batch_window: MainWindow, tmp_path: Path,
                                                        jfk_path: Path) -> None:
    batch = batch_window.batch
    files = make_speech_folder(tmp_path / "season", jfk_path)
    clips = [files[f"clip-0{number}"] for number in range(4)]
    for clip in clips[:2]:
        clip.with_suffix(".srt").write_text(MINE)
    batch.set_plan(ExportPlan(("srt",)))
    batch.adding.add_files(clips[:3])
    qtbot.waitUntil(lambda: batch.results.policy_box is not None, timeout=60_000)
    asked = batch.results.policy_box
    qtbot.waitUntil(lambda: batch.queue.count(BatchStatus.DONE) == 3, timeout=60_000)
    assert batch.results.policy_box is asked  # the second file already there waits for the same answer
    assert [box for box in batch_window.findChildren(QMessageBox, "batchPolicyBox") if box.isVisible()] == [asked]
    assert clips[2].with_suffix(".srt").is_file()  # no file there: exported without a question
    batch.results.policy_buttons[ConflictPolicy.RENAME].click()
    for clip in clips[:2]:
        qtbot.waitUntil(lambda clip=clip: clip.with_name(f"{clip.stem} (2).srt").is_file())
        assert clip.with_suffix(".srt").read_text() == MINE  # never overwritten

    clips[3].with_suffix(".srt").write_text(MINE)
    batch.adding.add_files([clips[3]])  # the queue ran dry: a new batch, asked again
    qtbot.waitUntil(lambda: batch.results.policy_box is not None, timeout=60_000)
    batch.results.policy_buttons[ConflictPolicy.SKIP].click()
    qtbot.waitUntil(lambda: batch.queue.count(BatchStatus.DONE) == 4, timeout=60_000)
    assert clips[3].with_suffix(".srt").read_text() == MINE
    assert not clips[3].with_name(f"{clips[3].stem} (2).srt").exists()
