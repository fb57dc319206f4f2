"""Running a command over its inputs: each failure is one sentence, and the next input goes on."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

from app.core.errors import Cancelled, EarshotError
from app.core.log_file import log_file_path
from app.core.text_translation import translated
from app.core.transcript import Transcript

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
log = logging.getLogger(__name__)


def say(sentence: str) -> None:
    print(f"earshot: {sentence}", file=sys.stderr)


def run_for_each(inputs: Iterable[str], work: Callable[[str], None], debug: bool) -> int:
    """``work`` on every input in turn: expected or not, a failure is reported and the next input goes on."""
    failures = 0
    for raw_input in inputs:
        try:
            work(raw_input)
        except EarshotError as error:
            say(str(error))
            failures += 1
        except (Cancelled, KeyboardInterrupt):
            say(translated("cancelled."))
            return EXIT_INTERRUPTED
        except Exception as error:
            report_unexpected(error, input_failed(raw_input), debug)
            failures += 1
    return EXIT_FAILED if failures else EXIT_OK


def input_failed(raw_input: str) -> str:
    """The start of the sentence that says an input failed unexpectedly."""
    return translated("“{name}” failed").format(name=Path(raw_input).name or raw_input)


def report_unexpected(error: Exception, what_failed: str, debug: bool) -> None:
    """One sentence for the user; the trace goes to the log file, and to standard error with --debug."""
    log.error("%s", what_failed, exc_info=error)
    summary = f"{type(error).__name__}: {error}".splitlines()[0][:200]
    if log_file_path().is_file():
        details = translated("the details are in {log_file}").format(log_file=log_file_path())
    else:
        details = translated("--debug shows the details")
    say(translated("{what_failed} because of an unexpected error ({summary}); {details}.").format(
        what_failed=what_failed, summary=summary, details=details))
    if debug:
        traceback.print_exception(error, file=sys.stderr)


def print_warnings(transcript: Transcript) -> None:
    for warning in transcript.warnings:
        say(translated("warning: {warning}").format(warning=warning))
