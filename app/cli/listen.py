"""The `devices` and `listen` commands: audio inputs, and live transcription from one of them.

`listen` records from the chosen input (into --record, else a temporary file) and prints each
committed line with its time as it comes, until --duration or Ctrl+C; then it recognises what is
still waiting, prints the rest, and writes --output. A second Ctrl+C skips that last part.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from app.cli.argparse_language import CommandLineParser, Commands
from app.cli.inputs import EXIT_FAILED, EXIT_OK, say
from app.cli.remote import LOCAL, add_remote_arguments, engine_from_arguments, model_from_arguments
from app.core.formats import save_transcript
from app.core.formats.timecode import short_clock
from app.core.languages import language_code
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript
from app.engines.base import TranscriptionOptions
from app.engines.model_store import BUNDLED_MODELS, DEFAULT_MODEL

if TYPE_CHECKING:  # PortAudio and faster-whisper load only when a command needs them
    from app.core.recording import Recorder
    from app.engines.live import LiveSession

LISTEN_FORMATS = ("txt", "srt", "vtt", "json")


def add_listen_commands(
    commands: Commands, parents: list[CommandLineParser]
) -> None:
    commands.add_parser("devices", help=translated("list the audio inputs `listen --device` accepts"),
                        parents=parents)
    listen = commands.add_parser("listen", help=translated("transcribe live from a microphone or other input"),
                                 description=translated("Transcribe live from a microphone or other input; "
                                                        "Ctrl+C stops."), parents=parents)
    listen.add_argument("--device", default=None, metavar="NAME|INDEX",
                        help=translated("the input (default: the one last chosen in the window, else the system's)"))
    listen.add_argument("--model", default=None,
                        help=translated("{bundled} | PATH (default: {default}); with a remote --engine, the "
                                        "service's model name").format(bundled=" | ".join(BUNDLED_MODELS),
                                                                       default=DEFAULT_MODEL))
    add_remote_arguments(listen)
    listen.add_argument("--language", default="auto",
                        help=translated("auto (detect), or a language's code or name"))
    listen.add_argument("--record", type=Path, default=None, metavar="FILE.flac",
                        help=translated("keep the audio in FILE.flac"))
    listen.add_argument("--duration", type=_positive_seconds, default=None, metavar="SECONDS",
                        help=translated("stop after this long (default: until Ctrl+C)"))
    listen.add_argument("--format", choices=LISTEN_FORMATS, default=None,
                        help=translated("format of --output (default: from its extension)"))
    listen.add_argument("--output", type=Path, default=None, metavar="FILE",
                        help=translated("write the transcript here too"))
    listen.add_argument("--beam-size", type=int, default=1, metavar="N",
                        help=translated("beam size of each live pass (default 1: fastest)"))


def devices_command() -> int:
    from app.core.errors import RecordingError
    from app.core.recording import list_input_devices

    devices = list_input_devices()
    if not devices:
        raise RecordingError(translated("There is no microphone or other audio input on this computer."))
    for device in devices:
        mark = "*" if device.is_default else " "
        print(f"{mark}{device.index:>3}  {device.name}  ({device.host_api}, {device.channels} ch, "
              f"{device.default_sample_rate} Hz)")
    return EXIT_OK


def listen_command(arguments: argparse.Namespace) -> int:
    from app.core.recording import Recorder, find_input_device, remembered_or_default_device

    language = arguments.language.strip()
    options = TranscriptionOptions(
        model=model_from_arguments(arguments),
        language=None if language.casefold() in ("auto", "") else language_code(language),
        beam_size=max(1, arguments.beam_size),
    )
    device = find_input_device(arguments.device) if arguments.device else remembered_or_default_device()
    printer = CommittedLinePrinter()
    live = _live_session(arguments, options, printer)
    with tempfile.TemporaryDirectory(prefix="earshot-listen-") as scratch:
        path = arguments.record or Path(scratch) / "listen.flac"
        recorder = Recorder(path, device, sample_rate=16000, on_audio=live.feed)
        live.start()
        recorder.start()
        say(translated("listening on “{device}”; Ctrl+C stops.").format(device=device.name))
        _wait_for_the_end(recorder, arguments.duration)
        result = recorder.stop()
        transcript = _finish(live)
        printer.close()
    if arguments.output:
        chosen = arguments.format or None
        save_transcript(transcript, arguments.output, chosen)
    if arguments.record:
        say(translated("recording kept in “{path}” ({seconds} s).").format(path=result.path,
                                                                            seconds=f"{result.seconds:.1f}"))
    for problem in (result.error, live.error):
        if problem is not None:
            say(str(problem))
    return EXIT_FAILED if result.error or live.error else EXIT_OK


def _live_session(arguments: argparse.Namespace, options: TranscriptionOptions,
                  printer: CommittedLinePrinter) -> LiveSession:
    from app.engines.live import LiveListeners

    listeners = LiveListeners(on_committed=printer.committed, on_tentative=printer.tentative)
    if arguments.engine == LOCAL:
        from app.engines.faster_whisper_engine import FasterWhisperEngine
        from app.engines.live import LocalLiveTranscriber

        model = FasterWhisperEngine().load_model(options)
        return LocalLiveTranscriber(model, options, listeners)
    from app.engines.live.remote import RemoteLiveTranscriber

    return RemoteLiveTranscriber(engine_from_arguments(arguments), options, listeners)


def _wait_for_the_end(recorder: Recorder, duration: float | None) -> None:
    """Until the duration is recorded, the recording fails, or Ctrl+C."""
    try:
        while recorder.running and (duration is None or recorder.elapsed_seconds < duration):
            time.sleep(0.05)
    except KeyboardInterrupt:
        pass


def _finish(live: LiveSession) -> Transcript:
    """Recognise what is still waiting; a second Ctrl+C gives up on it and keeps what is committed."""
    previous = signal.getsignal(signal.SIGINT)
    is_main = threading.current_thread() is threading.main_thread()

    def give_up(_number: int, _frame: FrameType | None) -> None:
        live.cancel_event.set()

    if is_main:
        signal.signal(signal.SIGINT, give_up)
    try:
        return live.stop()
    finally:
        if is_main:
            signal.signal(signal.SIGINT, previous)


class CommittedLinePrinter:
    """Committed lines to standard output as they come; the tentative tail on standard error's terminal."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._show_tentative = sys.stderr.isatty()

    def committed(self, segments: list[Segment]) -> None:
        with self._lock:
            self._clear_tentative()
            for segment in segments:
                print(f"[{short_clock(segment.start)}] {segment.text}", flush=True)

    def tentative(self, text: str) -> None:
        if self._show_tentative:
            with self._lock:
                sys.stderr.write(f"\r\033[K… {text[-70:]}")
                sys.stderr.flush()

    def close(self) -> None:
        with self._lock:
            self._clear_tentative()

    def _clear_tentative(self) -> None:
        if self._show_tentative:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _positive_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(translated("“{text}” is not a positive number of seconds").format(text=text))
    return seconds

