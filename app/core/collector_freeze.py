"""Keeping the cyclic garbage collector's full passes short while a large transcript is open.

A full collection examines every object the collector tracks: with a 10,000-segment transcript open
about 160,000, some 100 ms on whichever thread triggers it, holding the GIL, so the window stalls
mid-playback even when a worker triggered it. gc.freeze() moves every object alive into a permanent
generation that collections skip. The trade-off: a reference cycle among frozen objects is never
freed while they stay frozen (objects freed by their reference count go as usual). So each new
document first undoes the last freeze, and a large one is collected once (its load's garbage goes,
one pause while the user waits for the file to open) before everything alive is frozen.

And no collection at all while Qt walks every widget (a new style or style sheet polishes each one
again, calling our Python overrides): a collection started there by an allocation could delete a
widget whose last reference was a cycle, under Qt's walk (a segfault seen in a theme test's teardown).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FREEZE_FROM_SEGMENTS = 2_000  # below this a full collection is short anyway


def settle_collector_after_loading(segment_count: int) -> None:
    """Call when a document becomes the open one (on the thread that owns it)."""
    if gc.get_freeze_count():
        gc.unfreeze()  # the previous document's cycles can be collected again
    if segment_count >= FREEZE_FROM_SEGMENTS:
        gc.collect()
        gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting frees as usual); as it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
