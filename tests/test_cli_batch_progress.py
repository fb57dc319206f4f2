"""The transcribe command's line per input: rewritten in place on a terminal, plain lines elsewhere."""

from __future__ import annotations

import io

from app.cli.batch_progress import BatchProgress, Outcome


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_each_input_has_its_line_rewritten_in_place_and_messages_wait() -> None:
    terminal = Terminal()
    progress = BatchProgress(["one.mp3", "two.mp3", "three.mp3"], terminal)
    assert terminal.getvalue() == "one.mp3: waiting\ntwo.mp3: waiting\nthree.mp3: waiting\n"
    progress.started(1)
    progress.update(1, 0.5)
    progress.ended(0, Outcome.FAILED)
    progress.tell(lambda: terminal.write("earshot: Cannot read “one.mp3”.\n"))
    drawn = terminal.getvalue()
    assert "\x1b[2A\rtwo.mp3:  50%  about " in drawn  # two lines up, the line redrawn, back down
    assert "\x1b[3A\rone.mp3: failed\x1b[K\x1b[3B\r" in drawn
    assert "Cannot read" not in drawn  # not inside the block
    progress.close()
    assert terminal.getvalue().endswith("earshot: Cannot read “one.mp3”.\n")


def test_elsewhere_a_plain_line_when_each_input_ends_and_nothing_for_a_single_input() -> None:
    log = io.StringIO()
    progress = BatchProgress(["one.mp3", "two.mp3"], log)
    progress.started(0)
    progress.update(0, 0.5)
    progress.ended(0, Outcome.DONE)
    progress.ended(1, Outcome.FAILED)
    assert log.getvalue() == "earshot: one.mp3: done (1/2)\nearshot: two.mp3: failed (2/2)\n"
    single = io.StringIO()
    alone = BatchProgress(["one.mp3"], single)
    alone.started(0)
    alone.ended(0, Outcome.DONE)
    assert single.getvalue() == ""
