"""A cancelled job stops waiting for a CTranslate2 call at once; the call finishes unheard."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from app.core.errors import Cancelled
from app.engines.base import TranscriptionOptions
from app.engines.cancellable_calls import CancellableCalls, cancellable_model

TINY = TranscriptionOptions(model="tiny.en")


def test_a_cancel_ends_the_wait_before_the_call_ends() -> None:
    calls, cancel = CancellableCalls(), threading.Event()
    release, finished = threading.Event(), threading.Event()

    def uninterruptible() -> str:  # a call that notices no cancel, as CTranslate2's do not
        cancel.set()
        release.wait(30)
        finished.set()
        return "too late"

    with pytest.raises(Cancelled):
        calls.call(uninterruptible, cancel)
    assert not finished.is_set()  # the job heard its cancel while the call was still running
    release.set()
    assert finished.wait(30)


def test_a_calls_result_and_its_error_come_back_to_the_job() -> None:
    calls, cancel = CancellableCalls(), threading.Event()

    def failing() -> None:
        raise ValueError("bad features")

    assert calls.call(lambda: 42, cancel) == 42
    with pytest.raises(ValueError, match="bad features"):
        calls.call(failing, cancel)
    cancel.set()
    with pytest.raises(Cancelled):
        calls.call(lambda: 42, cancel)  # a job already cancelled starts no call


def test_a_jobs_model_encodes_as_the_engines_and_stops_on_its_cancel(local_engine) -> None:
    model = local_engine.load_model(TINY)
    features = model.feature_extractor(np.zeros(16_000, np.float32), padding=480_000)[:, :3000]
    cancel = threading.Event()
    job_model = cancellable_model(model, CancellableCalls(), cancel)

    assert np.array_equal(np.array(job_model.encode(features)), np.array(model.encode(features)))
    assert job_model.model.is_multilingual is False and model.model is not job_model.model
    cancel.set()
    with pytest.raises(Cancelled):
        job_model.encode(features)
