"""Keeping the cyclic garbage collector's full passes short while a large transcript is open.

A full collection examines every object the collector tracks: with a 10,000-segment transcript open
about 160,000, some 100 ms on whichever thread triggers it, holding the GIL, so the window stalls
mid-playback even when a worker triggered it. gc.freeze() moves every object alive into a permanent
generation that collections skip. The trade-off: a reference cycle among frozen objects is never
freed while they stay frozen (objects freed by their reference count go as usual). So each new
document first undoes the last freeze, and a large one is collected once (its load's garbage goes,
one pause while the user waits for the file to open) before everything alive is frozen.
"""

from __future__ import annotations

import gc

FREEZE_FROM_SEGMENTS = 2_000  # below this a full collection is short anyway


def settle_collector_after_loading(segment_count: int) -> None:
    """Call when a document becomes the open one (on the thread that owns it)."""
    if gc.get_freeze_count():
        gc.unfreeze()  # the previous document's cycles can be collected again
    if segment_count >= FREEZE_FROM_SEGMENTS:
        gc.collect()
        gc.freeze()
