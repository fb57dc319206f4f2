"""Command line: `earshot` (or `python -m app`) opens the window; `earshot transcribe ...` works headless.

Only what the chosen path needs is imported: the window never loads the commands' modules, and a
command never loads Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

COMMANDS = ("transcribe", "convert", "languages", "diarize", "devices", "listen", "speak", "models")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or not (argv[0].startswith("-") or argv[0] in COMMANDS):
        from app.ui.display_check import EXIT_NO_DISPLAY, NO_DISPLAY, display_missing

        if display_missing():  # before Qt is imported at all
            print(NO_DISPLAY, file=sys.stderr)
            return EXIT_NO_DISPLAY
        from app.ui.application import run_gui  # Qt is only imported for the window

        return run_gui([Path(a) for a in argv])
    from app.cli.commands import run_command
    from app.core.text_translation import use_gettext_domain, use_locale_language

    use_locale_language()  # the command line speaks the locale's language (the window has its own preference)
    use_gettext_domain()  # argparse's own words ("usage:", "options", its errors) too
    return run_command(argv)
