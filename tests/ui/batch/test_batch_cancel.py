"""Cancel one running file of the batch: its row says cancelled at once, and the queue goes on with the next."""

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
