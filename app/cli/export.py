"""Command-line export: the format and subtitle-rule options, writing outputs, and `convert`."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from app.cli.argparse_language import CommandLineParser, Commands
from app.cli.inputs import print_warnings, run_for_each
from app.core.atomic_write import write_bytes_atomically
from app.core.errors import EarshotError
from app.core.formats import INPUT_EXTENSIONS, OUTPUT_FORMATS, OutputFormat, export_bytes, output_file_names
from app.core.formats import output_formats as parse_output_formats
from app.core.formats.reading import read_transcript
from app.core.project_file import PROJECT_EXTENSION, load_project
from app.core.subtitle_rules import (
    DEFAULT_PROFILE,
    SUBTITLE_PROFILES,
    SubtitleRules,
    profile_rules,
    rules_with_overrides,
)
from app.core.text_translation import translated
from app.core.transcript import Transcript

KEEP_CUES = "none"


def add_export_arguments(parser: argparse.ArgumentParser, default_format: str) -> None:
    parser.add_argument(
        "--format", default=default_format, type=_format_list, metavar="FORMAT[,FORMAT...]",
        help=translated("output formats, comma separated: {formats} (default: {default})").format(
            formats=", ".join(OUTPUT_FORMATS), default=default_format),
    )
    parser.add_argument(
        "--subtitle-profile", default=DEFAULT_PROFILE, choices=(*SUBTITLE_PROFILES, KEEP_CUES), metavar="NAME",
        help=translated("re-flow subtitles under a house style: {profiles}, or {keep} to keep the cues as they are "
                        "(default: {default})").format(profiles=", ".join(SUBTITLE_PROFILES), keep=KEEP_CUES,
                                                       default=DEFAULT_PROFILE),
    )
    parser.add_argument("--max-chars", type=_positive, default=None, metavar="N",
                        help=translated("at most N characters per subtitle line (overrides the profile)"))
    parser.add_argument("--max-lines", type=_positive, default=None, metavar="N",
                        help=translated("at most N lines per subtitle cue (overrides the profile)"))
    parser.add_argument(
        "--output", default=None, metavar="DIR|-",
        help=translated("folder for the output files (default: beside each input), or - for standard output"),
    )


def add_convert_command(
    commands: Commands, parents: list[CommandLineParser]
) -> None:
    convert = commands.add_parser("convert", help=translated("convert and re-flow existing subtitles or transcripts"),
                                  description=translated("Convert and re-flow existing subtitles or transcripts."),
                                  parents=parents)
    convert.add_argument("inputs", nargs="+", metavar="INPUT",
                         help=translated("{extensions} files").format(
                             extensions=" | ".join((*INPUT_EXTENSIONS, PROJECT_EXTENSION))))
    add_export_arguments(convert, "srt")


def subtitle_rules(arguments: argparse.Namespace) -> SubtitleRules | None:
    """The rules chosen on the command line; None keeps cues as they are. Exits 2 on a conflict, as argparse."""
    if arguments.subtitle_profile == KEEP_CUES:
        if arguments.max_chars or arguments.max_lines:
            print("earshot: " + translated("error: --max-chars and --max-lines need a subtitle profile other "
                                           "than “none”."), file=sys.stderr)
            raise SystemExit(2)
        return None
    return rules_with_overrides(profile_rules(arguments.subtitle_profile), arguments.max_chars, arguments.max_lines)


def write_outputs(
    transcript: Transcript, input_path: Path, formats: list[OutputFormat],
    rules: SubtitleRules | None, output: str | None,
) -> None:
    if output == "-":
        if len(formats) > 1:
            raise EarshotError(translated("Choose one format to write to standard output."))
        sys.stdout.flush()
        sys.stdout.buffer.write(export_bytes(transcript, formats[0], rules))
        sys.stdout.buffer.flush()
        return
    folder = Path(output) if output else input_path.parent
    names = output_file_names(input_path.stem, formats)
    for chosen in formats:
        target = folder / names[chosen.name]
        if target.resolve() == input_path.resolve():
            raise EarshotError(translated("Writing {format} would overwrite “{name}”: choose --output.").format(
                format=chosen.name, name=input_path.name))
        write_bytes_atomically(target, export_bytes(transcript, chosen, rules))


def convert_command(arguments: argparse.Namespace) -> int:
    rules = subtitle_rules(arguments)

    def convert(raw_input: str) -> None:
        transcript = read_transcript_or_project(Path(raw_input))
        print_warnings(transcript)
        write_outputs(transcript, Path(raw_input), arguments.format, rules, arguments.output)

    return run_for_each(arguments.inputs, convert, arguments.debug)


def read_transcript_or_project(path: Path) -> Transcript:
    """A subtitle or transcript file's cues, or an Earshot project's transcript."""
    if path.suffix.lower() == PROJECT_EXTENSION:
        return load_project(path).transcript
    return read_transcript(path)


def _format_list(text: str) -> list[OutputFormat]:
    try:
        return parse_output_formats(text)
    except EarshotError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def whole_number_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number no smaller than ``minimum``."""

    def whole_number(text: str) -> int:
        if not re.fullmatch(r"-?\d+", text.strip()) or int(text) < minimum:
            raise argparse.ArgumentTypeError(translated("“{text}” is not a whole number of at least {minimum}").format(
                text=text, minimum=minimum))
        return int(text)

    return whole_number


_positive = whole_number_at_least(1)
