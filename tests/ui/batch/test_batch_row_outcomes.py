"""How single rows end without holding up the rest: one cancelled while it runs, an empty file failing in one
sentence, a silent one done with no text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile

from app.core.audio import decode_audio
from app.core.batch.items import BatchStatus
from app.ui.main_window import MainWindow
from tests.conftest import JFK_REFERENCE
from tests.speech import word_error_rate


def test_a_running_row_cancelled_stops_and_the_next_one_runs(qtbot, batch_window: MainWindow, tmp_path: Path,
                                                             jfk_path: Path) -> None:
    batch = batch_window.batch
    samples = decode_audio(jfk_path).samples
    long_one, short_one = tmp_path / "two minutes.wav", tmp_path / "jfk.wav"
    soundfile.write(long_one, np.tile(samples, 11), 16_000)
    soundfile.write(short_one, samples, 16_000)
    batch.adding.add_files([long_one, short_one])
    running = batch.queue[0]
    qtbot.waitUntil(lambda: running.status is BatchStatus.RUNNING and bool(batch._jobs), timeout=10_000)
    batch.panel.table.selectRow(0)
    batch.actions.cancel_rows.trigger()
    assert running.status is BatchStatus.CANCELLED and running.result_path is None  # at once
    qtbot.waitUntil(lambda: batch.queue[1].status is BatchStatus.DONE, timeout=60_000)
    assert running.status is BatchStatus.CANCELLED  # nothing the cancelled job still said changed it
    assert batch.panel.summary_label.text() == "1 of 2 done"
    done = batch.queue[1]
    assert done.result_path is not None
    batch.open_result([done])
    qtbot.waitUntil(lambda: bool(batch_window.document.transcript.segments))
    assert word_error_rate(JFK_REFERENCE, batch_window.document.transcript.text) < 0.2


def test_an_empty_file_fails_its_row_in_one_sentence_and_silence_is_done(qtbot, batch_window: MainWindow,
                                                                         tmp_path: Path, jfk_path: Path) -> None:
    batch = batch_window.batch
    empty, silent, speech = tmp_path / "empty.mp3", tmp_path / "silence.wav", tmp_path / "speech.wav"
    empty.write_bytes(b"")
    soundfile.write(silent, np.zeros(3 * 16_000, dtype=np.float32), 16_000)
    soundfile.write(speech, decode_audio(jfk_path).samples, 16_000)
    batch.adding.add_files([empty, silent, speech])
    qtbot.waitUntil(lambda: not batch.queue.waiting() and not batch.queue.running(), timeout=60_000)
    assert [item.status for item in batch.queue] == [BatchStatus.FAILED, BatchStatus.DONE, BatchStatus.DONE]
    failure = batch.queue[0].failure
    assert failure is not None and "empty.mp3" in failure and "empty" in failure.replace("empty.mp3", "")
    assert failure.endswith(".") and "\n" not in failure and "Traceback" not in failure
    assert batch.panel.summary_label.text() == "2 of 3 done · 1 failed"
