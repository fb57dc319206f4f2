"""Speakers on the command line: `transcribe --speakers` and the `diarize` command (RTTM).

`transcribe --speakers auto|N|MIN-MAX` labels who said what: by default with Earshot's own
diarization on this machine after recognition; with `--engine dashscope`, by the service's
diarization (it hears the audio anyway, and a URL input never reaches this machine), unless
`--speakers-engine local` asks for the local one. Either way speakers are named "Speaker 1",
"Speaker 2"… in order of first appearance.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.argparse_language import CommandLineParser, Commands
from app.cli.export import whole_number_at_least
from app.cli.inputs import EXIT_INTERRUPTED, EXIT_USAGE, run_for_each, say
from app.cli.progress import TerminalProgress
from app.core.atomic_write import write_bytes_atomically
from app.core.audio import AudioClip, decode_audio
from app.core.errors import EarshotError, SpeakerCountError
from app.core.formats.rttm import write_rttm
from app.core.speaker_assignment import assign_speakers
from app.core.speaker_turns import SpeakerCount, SpeakerTurn, parse_speaker_count
from app.core.text_translation import translated
from app.core.transcript import Transcript
from app.engines.base import JobContext

if TYPE_CHECKING:  # the engine (onnx, scipy) is imported only when speakers are asked for
    from app.engines.diarization import DiarizationEngine, DiarizationOptions

LOCAL = "local"
SERVICE = "service"
SERVICES_THAT_DIARIZE = ("dashscope",)
SERVICE_SPEAKER_COUNTS = range(2, 101)  # DashScope's speaker_count: a hint from 2 to 100
RTTM_SUFFIX = ".rttm"


def add_speaker_arguments(transcribe: argparse.ArgumentParser) -> None:
    transcribe.add_argument(
        "--speakers", default=None, metavar="auto|N|MIN-MAX",
        help=translated("label who said what (Speaker 1, Speaker 2… in order of first appearance): the number of "
                        "speakers, auto, exactly N, or MIN-MAX; done on this machine after recognition (word timings "
                        "turned on), or by the service itself with --engine dashscope (an exact N from 2 to 100, "
                        "or auto)"),
    )
    transcribe.add_argument(
        "--speakers-engine", choices=(SERVICE, LOCAL), default=None,
        help=translated("who tells the speakers apart: service (DashScope's own diarization; the default with "
                        "--engine dashscope) or local (this machine's; the default otherwise)"),
    )


def add_diarize_command(
    commands: Commands, parents: list[CommandLineParser]
) -> None:
    diarize = commands.add_parser(
        "diarize", parents=parents,
        help=translated("find who speaks when, on this machine, and write the turns in RTTM"),
        description=translated("Find who speaks when, on this machine, and write the turns in RTTM."),
    )
    diarize.add_argument("inputs", nargs="+", metavar="INPUT", help=translated("audio or video files"))
    diarize.add_argument("--speakers", default="auto", metavar="auto|N|MIN-MAX",
                         help=translated("the number of speakers: auto (default), N, or MIN-MAX"))
    diarize.add_argument("--channel", type=whole_number_at_least(1), default=None, metavar="N",
                         help=translated("use only channel N of a multi-channel file (1 = left)"))
    diarize.add_argument("--threads", type=whole_number_at_least(0), default=0, metavar="N",
                         help=translated("CPU threads (0: automatic)"))
    diarize.add_argument(
        "--output", default=None, metavar="FILE.rttm|DIR|-",
        help=translated("one RTTM file for every input, a folder for one file per input (default: beside each "
                        "input), or - for standard output"),
    )


@dataclass(frozen=True, slots=True)
class SpeakerLabelling:
    """What `transcribe --speakers` asked for: how many speakers, and who tells them apart."""

    count: SpeakerCount
    by_service: bool
    cpu_threads: int = 0

    @classmethod
    def from_arguments(cls, arguments: argparse.Namespace) -> SpeakerLabelling | None:
        """None without --speakers; an EarshotError (a usage error) for a count or engine that cannot be."""
        if arguments.speakers is None:
            if arguments.speakers_engine:
                raise EarshotError(translated("--speakers-engine needs --speakers."))
            return None
        count = parse_speaker_count(arguments.speakers)
        service_can = arguments.engine in SERVICES_THAT_DIARIZE
        by_service = arguments.speakers_engine == SERVICE or (arguments.speakers_engine is None and service_can)
        if by_service and not service_can:
            raise EarshotError(translated(
                "Only {services} tells speakers apart itself; use --speakers-engine {local} with --engine {engine}."
            ).format(services=", ".join(SERVICES_THAT_DIARIZE), local=LOCAL, engine=arguments.engine))
        if by_service and count != SpeakerCount() and count.exact not in SERVICE_SPEAKER_COUNTS:
            raise EarshotError(translated(
                "DashScope takes auto or an exact number of speakers from 2 to 100, not “{count}”; "
                "use --speakers-engine {local} for that."
            ).format(count=count, local=LOCAL))
        return cls(count, by_service, arguments.threads)

    def service_options(self) -> dict[str, Any]:
        """The remote profile's options that turn the service's diarization on."""
        if not self.by_service:
            return {}
        return {"diarization": True, **({"speaker_count": self.count.exact} if self.count.exact else {})}

    def prepare(self) -> DiarizationEngine | None:
        """The local engine, its weights read and checked before any input is decoded (None: the service's)."""
        if self.by_service:
            return None
        from app.engines.diarization import DiarizationEngine

        engine = DiarizationEngine()
        engine.prepare(self._options())
        return engine

    def label(self, engine: DiarizationEngine | None, transcript: Transcript, audio: AudioClip | None,
              name: str) -> Transcript:
        """``transcript`` with its speakers: the service already named them; locally, diarize ``audio``."""
        if engine is None:
            return transcript
        if audio is None:
            raise EarshotError(translated("Speakers in “{name}” can be told apart on this machine only from a file; "
                                          "download it first or leave out --speakers-engine local.").format(name=name))
        turns = diarize_with_progress(engine, audio, self._options(),
                                      translated("{name} (speakers)").format(name=name))
        transcript.segments = assign_speakers(transcript.segments, turns)
        return transcript

    def _options(self) -> DiarizationOptions:
        from app.engines.diarization import DiarizationOptions

        return DiarizationOptions(self.count, self.cpu_threads)


def diarize_with_progress(
    engine: DiarizationEngine, audio: AudioClip, options: DiarizationOptions, label: str
) -> list[SpeakerTurn]:
    progress = TerminalProgress(label, sys.stderr)
    try:
        return engine.diarize(audio, options, JobContext(on_progress=progress.update))
    finally:
        progress.close()


def diarize_command(arguments: argparse.Namespace) -> int:
    try:
        count = parse_speaker_count(arguments.speakers)
    except SpeakerCountError as error:
        say(str(error))
        return EXIT_USAGE
    from app.engines.diarization import DiarizationEngine, DiarizationOptions

    options = DiarizationOptions(count, arguments.threads)
    engine = DiarizationEngine()
    engine.prepare(options)  # missing or damaged weights: one sentence before any input is decoded
    destination = RttmDestination(arguments.output)

    def diarize(raw_input: str) -> None:
        path = Path(raw_input)
        audio = decode_audio(path, None if arguments.channel is None else arguments.channel - 1)
        destination.add(path, write_rttm(diarize_with_progress(engine, audio, options, path.name), path.stem))

    status = run_for_each(arguments.inputs, diarize, arguments.debug)
    if status != EXIT_INTERRUPTED:
        destination.finish()
    return status


class RttmDestination:
    """Where `diarize` writes: standard output, one RTTM file for every input, or one file per input."""

    def __init__(self, output: str | None) -> None:
        self._output = output
        self._single_file = (
            Path(output) if output and output != "-" and output.lower().endswith(RTTM_SUFFIX)
            and not Path(output).is_dir() else None
        )
        self._collected: list[str] = []

    def add(self, input_path: Path, rttm: str) -> None:
        if self._output == "-":
            sys.stdout.write(rttm)
            sys.stdout.flush()
        elif self._single_file is not None:
            self._collected.append(rttm)
        else:
            folder = Path(self._output) if self._output else input_path.parent
            write_bytes_atomically(folder / f"{input_path.stem}{RTTM_SUFFIX}", rttm.encode("utf-8"))

    def finish(self) -> None:
        """Writes the single file, when one was asked for and any input was diarized."""
        if self._single_file is not None and self._collected:
            write_bytes_atomically(self._single_file, "".join(self._collected).encode("utf-8"))

