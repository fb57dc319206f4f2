"""The transcribe command: recognise each input and write its transcript in the chosen formats."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from app.cli.batch_progress import BatchProgress
from app.cli.export import subtitle_rules, write_outputs
from app.cli.inputs import EXIT_USAGE, print_warnings, say
from app.cli.lane_inputs import Progress, run_in_lane
from app.cli.remote import (
    LOCAL,
    engine_from_arguments,
    is_media_url,
    model_from_arguments,
    transcribe_media_url,
    url_file_name,
)
from app.cli.speakers import SpeakerLabelling
from app.core.audio import AudioClip, decode_audio, open_audio_file
from app.core.errors import EarshotError
from app.core.languages import language_code
from app.core.transcript import Transcript
from app.engines.base import JobContext, TranscriptionEngine, TranscriptionOptions, run_transcription
from app.engines.model_store import resolve_model

AUTO_LANGUAGE = "auto"


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

    def transcribe(raw_input: str, on_progress: Progress, cancel_event: threading.Event) -> tuple[Transcript, Path]:
        input_path = Path(url_file_name(raw_input) if is_media_url(raw_input) else raw_input)
        audio = None
        if is_media_url(raw_input):
            transcript = transcribe_media_url(engine, raw_input, options, arguments.channel)
        else:
            channel = None if arguments.channel is None else arguments.channel - 1
            # Local diarization needs the samples; otherwise the engine streams the file in bounded memory.
            source = decode_audio(input_path, channel) if diarizer is not None else open_audio_file(input_path, channel)
            audio = source if isinstance(source, AudioClip) else None
            context = JobContext(on_progress=lambda fraction, _total: on_progress(fraction), cancel_event=cancel_event)
            transcript = run_transcription(engine, source, options, context)
        if speakers:
            transcript = speakers.label(diarizer, transcript, audio, input_path.name)
        return transcript, input_path

    def write(_raw_input: str, result: tuple[Transcript, Path]) -> None:
        transcript, input_path = result
        print_warnings(transcript)
        write_outputs(transcript, input_path, arguments.format, rules, arguments.output)

    inputs = list(arguments.inputs)
    progress = BatchProgress([_label(raw_input) for raw_input in inputs], sys.stderr)
    return run_in_lane(inputs, transcribe, write, jobs_at_once(arguments, engine, diarizer), progress, arguments.debug)


def jobs_at_once(arguments: argparse.Namespace, engine: TranscriptionEngine, diarizer: object | None) -> int:
    """--jobs for a remote engine; local recognition (and local diarization) use every core: one at a time."""
    if engine.runs_locally or diarizer is not None:
        return 1
    return int(arguments.jobs)


def _label(raw_input: str) -> str:
    return url_file_name(raw_input) if is_media_url(raw_input) else Path(raw_input).name or raw_input
