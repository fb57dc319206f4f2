"""CTranslate2 calls that a cancelled job stops waiting for.

Neither a model load nor a window's encoding or decoding can be interrupted, and on a loaded machine one
takes seconds (at a load average of 10 on two cores, tiny.en's encode and generate 1.5-2.8 s each, base's
4-10 s), so a cancel, or the window closing, waited that long. Here a job's calls run on a thread of an
executor while the job's own thread waits for the result or its cancel, whichever comes first: the cancel
is heard within POLL_SECONDS and the call finishes unheard, its result dropped. The executor's threads are
joined at exit, so Python waits for a call still in CTranslate2 rather than kill it (which aborts the
process), and the call holds its model until it ends, so dropping a model never waits in its destructor.

CTranslate2's own ``generate(asynchronous=True)`` was not enough: ``encode`` and ``align`` have no such
mode, and an abandoned asynchronous generation does not hold its model, whose destructor then blocks the
thread that drops it (a model change, the reload after sampling) until the generation ends.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from app.core.errors import Cancelled

if TYPE_CHECKING:
    import ctranslate2
    from faster_whisper import WhisperModel

POLL_SECONDS = 0.02  # how often a waiting job looks at its cancel; a result is taken the moment it is ready
CALL_THREADS = 2  # a call given up on and the next job's call; CTranslate2 runs one model's calls in turn anyway

Result = TypeVar("Result")


class CancellableCalls:
    """Runs calls on threads of its own; ``call`` returns the result or raises Cancelled, whichever comes first."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=CALL_THREADS, thread_name_prefix="ctranslate2-call")

    def call(self, work: Callable[[], Result], cancel: threading.Event) -> Result:
        if cancel.is_set():
            raise Cancelled()
        future = self._executor.submit(work)
        while not wait([future], timeout=POLL_SECONDS, return_when=FIRST_COMPLETED).done:
            if cancel.is_set():
                raise Cancelled()
        return future.result()


def cancellable_model(model: WhisperModel, calls: CancellableCalls, cancel: threading.Event) -> WhisperModel:
    """``model`` for one job: a shallow copy whose CTranslate2 model runs its long calls through ``calls``.

    faster-whisper reaches CTranslate2 only through ``WhisperModel.model``; the copy shares everything
    else (tokenizer, feature extractor) and leaves the engine's model as it is for other jobs.
    """
    job_model = copy.copy(model)
    job_model.model = _CancellableWhisper(model.model, calls, cancel)
    return job_model


class _CancellableWhisper:
    """A CTranslate2 Whisper model whose encode, generate and align give way to a cancel; the rest as it is."""

    def __init__(self, model: ctranslate2.models.Whisper, calls: CancellableCalls, cancel: threading.Event) -> None:
        self._model = model
        self._calls = calls
        self._cancel = cancel

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def encode(self, *args: Any, **kwargs: Any) -> Any:
        return self._calls.call(partial(self._model.encode, *args, **kwargs), self._cancel)

    def generate(self, *args: Any, **kwargs: Any) -> Any:
        return self._calls.call(partial(self._model.generate, *args, **kwargs), self._cancel)

    def align(self, *args: Any, **kwargs: Any) -> Any:
        return self._calls.call(partial(self._model.align, *args, **kwargs), self._cancel)
