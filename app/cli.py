"""Command line: `python -m app` opens the window; `python -m app transcribe ...` works headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from app import __version__
from app.cli_export import add_convert_command, add_export_arguments, convert_command, subtitle_rules, write_outputs
from app.cli_remote import (
    add_remote_arguments,
    engine_from_arguments,
    is_media_url,
    model_from_arguments,
    transcribe_media_url,
    url_file_name,
)
from app.core.audio import decode_audio
from app.core.chinese_script import CHINESE_SCRIPTS
from app.core.errors import Cancelled, EarshotError
from app.core.time_left import TimeLeftEstimator, format_time_left
from app.core.transcript import Transcript
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.model_store import BUNDLED_MODELS, DEFAULT_MODEL

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
COMMANDS = ("transcribe", "convert")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="earshot", description="Speech to an editable, timestamped transcript and subtitles."
    )
    parser.add_argument("--version", action="version", version=f"Earshot {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    transcribe = commands.add_parser("transcribe", help="transcribe audio or video files")
    transcribe.add_argument("inputs", nargs="+", metavar="INPUT", help="audio or video files")
    transcribe.add_argument(
        "--model", default=None,
        help=f"{' | '.join(BUNDLED_MODELS)} | PATH of a CTranslate2 Whisper model (default: {DEFAULT_MODEL}); "
             "with a remote --engine, the service's model name or Xinference model UID",
    )
    add_remote_arguments(transcribe)
    transcribe.add_argument("--language", default="auto", help="auto (detect) or a language code such as en")
    transcribe.add_argument("--task", choices=("transcribe", "translate"), default="transcribe")
    transcribe.add_argument("--language-per-passage", action=argparse.BooleanOptionalAction, default=True,
                            help="with --language auto, detect each passage's own language (default: on)")
    add_export_arguments(transcribe, default_format="txt")
    transcribe.add_argument("--word-timestamps", action="store_true", help="time every word")
    transcribe.add_argument("--no-vad", action="store_true", help="do not skip silence (may add hallucinated text)")
    transcribe.add_argument("--threads", type=int, default=0, metavar="N", help="CPU threads (0: automatic)")
    transcribe.add_argument("--channel", type=int, default=None, metavar="N",
                            help="transcribe only channel N of a multi-channel file (1 = left)")
    transcribe.add_argument("--prompt", default=None, help="initial prompt: names and terms to expect")
    transcribe.add_argument("--hotwords", default=None, help="words to favour")
    transcribe.add_argument("--beam-size", type=int, default=5, metavar="N")
    transcribe.add_argument("--chinese", choices=CHINESE_SCRIPTS,
                            default="simplified", help="script for Chinese output")
    add_convert_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or not (argv[0].startswith("-") or argv[0] in COMMANDS):
        from app.ui.application import run_gui  # Qt is only imported for the window

        return run_gui([Path(a) for a in argv])
    arguments = build_parser().parse_args(argv)
    if arguments.command == "transcribe":
        return transcribe_command(arguments)
    if arguments.command == "convert":
        return convert_command(arguments)
    build_parser().print_help(sys.stderr)
    return EXIT_USAGE


def options_from_arguments(arguments: argparse.Namespace) -> TranscriptionOptions:
    return TranscriptionOptions(
        model=model_from_arguments(arguments),
        language=None if arguments.language in ("auto", "") else arguments.language,
        task=arguments.task,
        language_per_passage=arguments.language_per_passage,
        word_timestamps=arguments.word_timestamps,
        vad_filter=not arguments.no_vad,
        initial_prompt=arguments.prompt,
        hotwords=arguments.hotwords,
        beam_size=arguments.beam_size,
        cpu_threads=arguments.threads,
        chinese_script=arguments.chinese,
    )


def transcribe_command(arguments: argparse.Namespace) -> int:
    options = options_from_arguments(arguments)
    try:
        engine = engine_from_arguments(arguments)
    except EarshotError as error:
        print(f"earshot: {error}", file=sys.stderr)
        return EXIT_FAILED
    rules = subtitle_rules(arguments)
    failures = 0
    for raw_input in arguments.inputs:
        input_path = Path(url_file_name(raw_input) if is_media_url(raw_input) else raw_input)
        try:
            if is_media_url(raw_input):
                transcript = transcribe_media_url(engine, raw_input, options, arguments.channel)
            else:
                transcript = _transcribe_one(engine, input_path, options, arguments.channel)
            write_outputs(transcript, input_path, arguments.format, rules, arguments.output)
        except EarshotError as error:
            print(f"earshot: {error}", file=sys.stderr)
            failures += 1
        except (Cancelled, KeyboardInterrupt):
            print("earshot: cancelled.", file=sys.stderr)
            return EXIT_INTERRUPTED
    return EXIT_FAILED if failures else EXIT_OK


def _transcribe_one(engine, input_path: Path, options: TranscriptionOptions, channel: int | None) -> Transcript:
    audio = decode_audio(input_path, None if channel is None else channel - 1)
    progress = TerminalProgress(input_path.name, sys.stderr)
    context = JobContext(on_progress=progress.update)
    try:
        return run_transcription(engine, audio, options, context)
    finally:
        progress.close()


class TerminalProgress:
    """A one-line progress display on standard error, only when it is a terminal."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self._label = label
        self._stream = stream
        self._enabled = stream.isatty()
        self._estimator = TimeLeftEstimator()

    def update(self, fraction: float, _total_seconds: float) -> None:
        if not self._enabled:
            return
        left = format_time_left(self._estimator.seconds_left(fraction)) or "?"
        self._stream.write(f"\r{self._label}: {fraction:4.0%}  about {left} left   ")
        self._stream.flush()

    def close(self) -> None:
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()
