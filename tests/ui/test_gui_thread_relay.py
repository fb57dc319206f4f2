"""The GUI-thread relay: callbacks posted from any thread run on the GUI thread, each one whatever the others do."""

from __future__ import annotations

import threading

from app.gui_thread_relay import GuiThreadRelay


def test_a_failing_callback_does_not_abandon_the_ones_queued_after_it(qtbot) -> None:
    relay = GuiThreadRelay()
    ran: list[tuple[str, bool]] = []

    def failing() -> None:
        raise ValueError("a handler with a bug")

    def healthy(name: str) -> None:
        ran.append((name, threading.current_thread() is threading.main_thread()))

    def post_from_a_worker() -> None:
        relay.post(healthy, "before")
        relay.post(failing)
        relay.post(healthy, "after")

    with qtbot.capture_exceptions() as exceptions:
        worker = threading.Thread(target=post_from_a_worker)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(ran) == 2, timeout=2000)
    assert ran == [("before", True), ("after", True)]
    assert [type(error) for error, *_ in [e[1:] for e in exceptions]] == [ValueError]
