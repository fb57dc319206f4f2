"""The commands of the command line: their arguments, and which function runs each."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.cli.argparse_language import CommandLineParser
from app.cli.export import add_convert_command, add_export_arguments, convert_command, whole_number_at_least
from app.cli.inputs import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, report_unexpected, say
from app.cli.listen import add_listen_commands, devices_command, listen_command
from app.cli.models import add_models_command, models_command
from app.cli.remote import add_remote_arguments
from app.cli.speak import add_speak_command, speak_command
from app.cli.speakers import add_diarize_command, add_speaker_arguments, diarize_command
from app.cli.transcribe import AUTO_LANGUAGE, options_from_arguments, transcribe_command
from app.core.chinese_script import CHINESE_SCRIPTS
from app.core.errors import EarshotError
from app.core.languages import language_table
from app.core.log_file import start_log_file
from app.core.text_translation import translated
from app.engines.model_store import BUNDLED_MODELS, DEFAULT_MODEL

__all__ = ["build_parser", "options_from_arguments", "run_command"]


def build_parser() -> argparse.ArgumentParser:
    parser = CommandLineParser(
        prog="earshot", description=translated("Speech to an editable, timestamped transcript and subtitles.")
    )
    parser.add_argument("--version", action="version", version=f"Earshot {__version__}",
                        help=translated("show the version and exit"))
    parser.add_argument("--self-test", action="store_true",
                        help=translated("open the window offscreen, transcribe a second of bundled speech, "
                                        "exit 0 if it worked"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = CommandLineParser(add_help=False)
    common.add_argument("--debug", action="store_true", help=translated("print the trace of an unexpected error"))
    transcribe = commands.add_parser("transcribe", help=translated("transcribe audio or video files"),
                                     description=translated("Transcribe audio or video files into transcripts "
                                                            "and subtitles."), parents=[common])
    transcribe.add_argument("inputs", nargs="+", metavar="INPUT", help=translated("audio or video files"))
    transcribe.add_argument(
        "--model", default=None,
        help=translated("{bundled} | PATH of a CTranslate2 Whisper model (default: {default}); with a remote "
                        "--engine, the service's model name or Xinference model UID").format(
            bundled=" | ".join(BUNDLED_MODELS), default=DEFAULT_MODEL),
    )
    add_remote_arguments(transcribe)
    transcribe.add_argument("--language", default=AUTO_LANGUAGE,
                            help=translated("auto (detect), or a language's code or name: de, German, Deutsch "
                                            "(`languages` lists them)"))
    transcribe.add_argument("--task", choices=("transcribe", "translate"), default="transcribe",
                            help=translated("transcribe in the language spoken, or translate into English "
                                            "(default: transcribe)"))
    transcribe.add_argument("--language-per-passage", action=argparse.BooleanOptionalAction, default=True,
                            help=translated("with --language auto, detect each passage's own language "
                                            "(default: on)"))
    add_export_arguments(transcribe, default_format="txt")
    add_speaker_arguments(transcribe)
    transcribe.add_argument("--word-timestamps", action="store_true", help=translated("time every word"))
    transcribe.add_argument("--no-vad", action="store_true",
                            help=translated("do not skip silence (may add hallucinated text)"))
    transcribe.add_argument("--fast", action="store_true",
                            help=translated("local engine: recognise passages in batches, quicker on long files "
                                            "and a little less accurate (no context across passages)"))
    transcribe.add_argument("--threads", type=whole_number_at_least(0), default=0, metavar="N",
                            help=translated("CPU threads (0: automatic)"))
    transcribe.add_argument("--jobs", type=whole_number_at_least(1), default=4, metavar="N",
                            help=translated("with a remote --engine, transcribe N inputs at a time (default 4); "
                                            "local recognition uses every core and runs one at a time"))
    transcribe.add_argument("--channel", type=whole_number_at_least(1), default=None, metavar="N",
                            help=translated("transcribe only channel N of a multi-channel file (1 = left)"))
    transcribe.add_argument("--prompt", default=None, help=translated("initial prompt: names and terms to expect"))
    transcribe.add_argument("--hotwords", default=None, help=translated("words to favour"))
    transcribe.add_argument("--beam-size", type=whole_number_at_least(1), default=5, metavar="N",
                            help=translated("how many candidate texts each passage's search keeps (default 5)"))
    transcribe.add_argument("--chinese", choices=CHINESE_SCRIPTS,
                            default="simplified", help=translated("script for Chinese output (default: simplified)"))
    add_convert_command(commands, parents=[common])
    add_diarize_command(commands, parents=[common])
    add_models_command(commands, parents=[common])
    commands.add_parser("languages",
                        help=translated("list the languages, with the codes and names --language accepts"))
    add_listen_commands(commands, parents=[common])
    add_speak_command(commands, parents=[common])
    return parser


def run_command(argv: Sequence[str]) -> int:
    """Run one command of the command line (argv without the program name); its exit status."""
    arguments = build_parser().parse_args(list(argv))
    if arguments.self_test:
        from app.ui.self_test import run_self_test

        return run_self_test()
    if arguments.command is None:
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    if arguments.command != "languages":
        start_log_file()
    try:
        return _commands[arguments.command](arguments)
    except BrokenPipeError:  # the reader left (`earshot languages | head`): nobody is there to be told
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the flush at exit would fail again
        return EXIT_FAILED
    except EarshotError as error:
        say(str(error))
        return EXIT_FAILED
    except KeyboardInterrupt:
        say(translated("cancelled."))
        return EXIT_INTERRUPTED
    except Exception as error:
        what_failed = translated("The {command} command failed").format(command=arguments.command)
        report_unexpected(error, what_failed, arguments.debug)
        return EXIT_FAILED


def languages_command() -> int:
    for row in language_table():
        print(f"{row.code:<4} {row.english:<16} {row.native}")
    return EXIT_OK


_commands: dict[str, Callable[[argparse.Namespace], int]] = {
    "languages": lambda _arguments: languages_command(),
    "transcribe": transcribe_command,
    "convert": convert_command,
    "diarize": diarize_command,
    "devices": lambda _arguments: devices_command(),
    "listen": listen_command,
    "speak": speak_command,
    "models": models_command,
}
