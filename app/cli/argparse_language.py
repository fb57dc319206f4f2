"""argparse in the user's language: its own words ("usage:", "options", its errors) and help wrapped by columns.

argparse asks gettext's global domain for its words (``gettext.gettext``), so once ours is that domain
(``use_gettext_domain``, app/core/text_translation.py) they come from our catalog. Its texts are listed
below, marked, so the catalog's extraction keeps them (tests/test_cli_language.py checks the list against
the argparse in use). The formatter wraps help by terminal columns: a Chinese character takes two, which
argparse's textwrap does not know.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterable
from typing import TypeAlias

from app.cli.display_width import display_width, wrap_to_width
from app.core.text_translation import translatable

# What argparse says to a user (developers' errors, such as a conflicting option string, are left out).
ARGPARSE_TEXTS = (
    translatable("usage: "),
    translatable("positional arguments"),
    translatable("options"),
    translatable("show this help message and exit"),
    translatable("%(prog)s: error: %(message)s\n"),
    translatable("argument %(argument_name)s: %(message)s"),
    translatable("the following arguments are required: %s"),
    translatable("one of the arguments %s is required"),
    translatable("unrecognized arguments: %s"),
    translatable("not allowed with argument %s"),
    translatable("ignored explicit argument %r"),
    translatable("expected one argument"),
    translatable("expected at most one argument"),
    translatable("expected at least one argument"),
    translatable("ambiguous option: %(option)s could match %(matches)s"),
    translatable("unexpected option string: %s"),
    translatable("invalid %(type)s value: %(value)r"),
    translatable("invalid choice: %(value)r (choose from %(choices)s)"),
    translatable("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


class ColumnWrappingHelpFormatter(argparse.HelpFormatter):
    """argparse's help, its lines wrapped by terminal columns rather than by characters."""

    def add_argument(self, action: argparse.Action) -> None:
        """As argparse's, but the sub-commands measured at the indent they are listed at: argparse measures
        them one indent short, so the longest ("transcribe") went alone on its line, its help under it."""
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            for subaction in self._iter_indented_subactions(action):
                shown_length = len(self._format_action_invocation(subaction)) + self._current_indent
                self._action_max_length = max(self._action_max_length, shown_length)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_to_width(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_to_width(text, width - len(indent)))

    def _format_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None) -> str:
        """The usage lines aligned under the first one's options even when "usage:" is wider than it is long
        ("用法：" takes six columns): argparse lays them out after a stand-in of the prefix's width."""
        if prefix is None:
            prefix = gettext.gettext("usage: ")  # as argparse itself asks
        stand_in = " " * display_width(prefix)
        return prefix + super()._format_usage(usage, actions, groups, stand_in)[len(stand_in):]


class CommandLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose help wraps by columns; its sub-commands' parsers are made of this class too."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", ColumnWrappingHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


Commands: TypeAlias = "argparse._SubParsersAction[CommandLineParser]"  # the sub-commands of a CommandLineParser
