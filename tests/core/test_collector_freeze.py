"""A large document's objects are frozen out of full collections; the next document thaws them."""

from __future__ import annotations

import gc
import weakref

from app.core.collector_freeze import FREEZE_FROM_SEGMENTS, collector_paused, settle_collector_after_loading


class Node:
    def __init__(self) -> None:
        self.partner: Node | None = None


def cyclic_garbage() -> weakref.ref[Node]:
    first, second = Node(), Node()
    first.partner, second.partner = second, first
    return weakref.ref(first)


def test_a_large_document_collects_once_then_freezes_and_the_next_one_thaws() -> None:
    try:
        garbage = cyclic_garbage()
        settle_collector_after_loading(FREEZE_FROM_SEGMENTS)
        assert garbage() is None  # collected before the freeze: load garbage is not kept
        assert gc.get_freeze_count() > 0
        kept_cycle = cyclic_garbage()  # made after the freeze: still collectable
        gc.collect()
        assert kept_cycle() is None
        settle_collector_after_loading(10)
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()


def test_a_small_document_freezes_nothing() -> None:
    settle_collector_after_loading(FREEZE_FROM_SEGMENTS - 1)
    assert gc.get_freeze_count() == 0


def test_no_collection_runs_while_paused_and_the_collector_is_as_it_was_after() -> None:
    """Qt polishing every widget again must not have one deleted under it by a collection."""
    with collector_paused():
        garbage = cyclic_garbage()
        kept = [Node() for _ in range(10_000)]  # allocations that would start collections
        assert garbage() is not None
        del kept
    assert gc.isenabled()
    gc.collect()
    assert garbage() is None
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()
