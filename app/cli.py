"""Command line: `python -m app` opens the window; `python -m app transcribe ...` works headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli_export import (
    add_convert_command,
    add_export_arguments,
    convert_command,
    subtitle_rules,
    whole_number_at_least,
    write_outputs,
)
from app.cli_inputs import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    print_warnings,
    report_unexpected,
    run_for_each,
    say,
)
from app.cli_listen import add_listen_commands, devices_command, listen_command
from app.cli_models import add_models_command, models_command
from app.cli_progress import TerminalProgress
from app.cli_remote import (
    LOCAL,
    add_remote_arguments,
    engine_from_arguments,
    is_media_url,
    model_from_arguments,
    transcribe_media_url,
    url_file_name,
)
from app.cli_speak import add_speak_command, speak_command
from app.cli_speakers import SpeakerLabelling, add_diarize_command, add_speaker_arguments, diarize_command
from app.core.audio import AudioClip, AudioFile, decode_audio, open_audio_file
from app.core.chinese_script import CHINESE_SCRIPTS
from app.core.errors import EarshotError
from app.core.languages import language_code, language_table
from app.core.log_file import start_log_file
from app.core.transcript import Transcript
from app.engines.base import JobContext, TranscriptionEngine, TranscriptionOptions, run_transcription
from app.engines.model_store import BUNDLED_MODELS, DEFAULT_MODEL, resolve_model

COMMANDS = ("transcribe", "convert", "languages", "diarize", "devices", "listen", "speak", "models")
AUTO_LANGUAGE = "auto"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="earshot", description="Speech to an editable, timestamped transcript and subtitles."
    )
    parser.add_argument("--version", action="version", version=f"Earshot {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="open the window offscreen, transcribe a second of bundled speech, exit 0 if it worked")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="print the trace of an unexpected error")
    transcribe = commands.add_parser("transcribe", help="transcribe audio or video files", parents=[common])
    transcribe.add_argument("inputs", nargs="+", metavar="INPUT", help="audio or video files")
    transcribe.add_argument(
        "--model", default=None,
        help=f"{' | '.join(BUNDLED_MODELS)} | PATH of a CTranslate2 Whisper model (default: {DEFAULT_MODEL}); "
             "with a remote --engine, the service's model name or Xinference model UID",
    )
    add_remote_arguments(transcribe)
    transcribe.add_argument("--language", default=AUTO_LANGUAGE,
                            help="auto (detect), or a language's code or name: de, German, Deutsch "
                                 "(`languages` lists them)")
    transcribe.add_argument("--task", choices=("transcribe", "translate"), default="transcribe")
    transcribe.add_argument("--language-per-passage", action=argparse.BooleanOptionalAction, default=True,
                            help="with --language auto, detect each passage's own language (default: on)")
    add_export_arguments(transcribe, default_format="txt")
    add_speaker_arguments(transcribe)
    transcribe.add_argument("--word-timestamps", action="store_true", help="time every word")
    transcribe.add_argument("--no-vad", action="store_true", help="do not skip silence (may add hallucinated text)")
    transcribe.add_argument("--fast", action="store_true",
                            help="local engine: recognise passages in batches, quicker on long files and "
                                 "a little less accurate (no context across passages)")
    transcribe.add_argument("--threads", type=whole_number_at_least(0), default=0, metavar="N",
                            help="CPU threads (0: automatic)")
    transcribe.add_argument("--channel", type=whole_number_at_least(1), default=None, metavar="N",
                            help="transcribe only channel N of a multi-channel file (1 = left)")
    transcribe.add_argument("--prompt", default=None, help="initial prompt: names and terms to expect")
    transcribe.add_argument("--hotwords", default=None, help="words to favour")
    transcribe.add_argument("--beam-size", type=whole_number_at_least(1), default=5, metavar="N")
    transcribe.add_argument("--chinese", choices=CHINESE_SCRIPTS,
                            default="simplified", help="script for Chinese output")
    add_convert_command(commands, parents=[common])
    add_diarize_command(commands, parents=[common])
    add_models_command(commands, parents=[common])
    commands.add_parser("languages", help="list the languages, with the codes and names --language accepts")
    add_listen_commands(commands, parents=[common])
    add_speak_command(commands, parents=[common])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or not (argv[0].startswith("-") or argv[0] in COMMANDS):
        from app.ui.display_check import EXIT_NO_DISPLAY, NO_DISPLAY, display_missing

        if display_missing():  # before Qt is imported at all
            print(NO_DISPLAY, file=sys.stderr)
            return EXIT_NO_DISPLAY
        from app.ui.application import run_gui  # Qt is only imported for the window

        return run_gui([Path(a) for a in argv])
    arguments = build_parser().parse_args(argv)
    if arguments.self_test:
        from app.ui.self_test import run_self_test

        return run_self_test()
    if arguments.command == "languages":
        return languages_command()
    if arguments.command is None:
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    start_log_file()
    try:
        if arguments.command == "transcribe":
            return transcribe_command(arguments)
        if arguments.command == "diarize":
            return diarize_command(arguments)
        if arguments.command == "devices":
            return devices_command()
        if arguments.command == "listen":
            return listen_command(arguments)
        if arguments.command == "speak":
            return speak_command(arguments)
        if arguments.command == "models":
            return models_command(arguments)
        return convert_command(arguments)
    except EarshotError as error:
        say(str(error))
        return EXIT_FAILED
    except KeyboardInterrupt:
        say("cancelled.")
        return EXIT_INTERRUPTED
    except Exception as error:
        report_unexpected(error, f"The {arguments.command} command failed", arguments.debug)
        return EXIT_FAILED


def languages_command() -> int:
    for row in language_table():
        print(f"{row.code:<4} {row.english:<16} {row.native}")
    return EXIT_OK


def options_from_arguments(arguments: argparse.Namespace) -> TranscriptionOptions:
    """The options asked for; LanguageError for a language Whisper does not know."""
    language = arguments.language.strip()
    return TranscriptionOptions(
        model=model_from_arguments(arguments),
        language=None if language.casefold() in (AUTO_LANGUAGE, "") else language_code(language),
        task=arguments.task,
        language_per_passage=arguments.language_per_passage,
        fast_mode=arguments.fast,
        word_timestamps=arguments.word_timestamps,
        vad_filter=not arguments.no_vad,
        initial_prompt=arguments.prompt,
        hotwords=arguments.hotwords,
        beam_size=arguments.beam_size,
        cpu_threads=arguments.threads,
        chinese_script=arguments.chinese,
    )


def transcribe_command(arguments: argparse.Namespace) -> int:
    try:
        options = options_from_arguments(arguments)
        speakers = SpeakerLabelling.from_arguments(arguments)
    except EarshotError as error:  # an unknown language, an impossible number of speakers
        say(str(error))
        return EXIT_USAGE
    rules = subtitle_rules(arguments)
    if arguments.engine == LOCAL:
        resolve_model(options.model)  # an unknown model is refused before any input is decoded
    if speakers and not speakers.by_service:
        options.word_timestamps = True  # so a segment can be split where the speaker changes
    engine = engine_from_arguments(arguments, speakers.service_options() if speakers else {})
    diarizer = speakers.prepare() if speakers else None

    def transcribe(raw_input: str) -> None:
        input_path = Path(url_file_name(raw_input) if is_media_url(raw_input) else raw_input)
        audio = None
        if is_media_url(raw_input):
            transcript = transcribe_media_url(engine, raw_input, options, arguments.channel)
        else:
            channel = None if arguments.channel is None else arguments.channel - 1
            # Local diarization needs the samples; otherwise the engine streams the file in bounded memory.
            source = decode_audio(input_path, channel) if diarizer is not None else open_audio_file(input_path, channel)
            audio = source if isinstance(source, AudioClip) else None
            transcript = _transcribe_one(engine, source, input_path.name, options)
        if speakers:
            transcript = speakers.label(diarizer, transcript, audio, input_path.name)
        print_warnings(transcript)
        write_outputs(transcript, input_path, arguments.format, rules, arguments.output)

    return run_for_each(arguments.inputs, transcribe, arguments.debug)


def _transcribe_one(
    engine: TranscriptionEngine, audio: AudioClip | AudioFile, name: str, options: TranscriptionOptions
) -> Transcript:
    progress = TerminalProgress(name, sys.stderr)
    context = JobContext(on_progress=progress.update)
    try:
        return run_transcription(engine, audio, options, context)
    finally:
        progress.close()
