"""Recognition jobs: load a model ahead of time, transcribe a media file, transcribe a passage of one.

A local engine's jobs share the local lane (one at a time: recognition uses every core); a remote
engine's go to the remote lane, several at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app.core.audio import decode_audio_range, open_audio_file
from app.core.editing.passage import placed_in_passage
from app.core.errors import EarshotError
from app.core.transcript import Transcript
from app.engines.base import TranscriptionEngine, TranscriptionOptions, run_transcription
from app.jobs.job import Job, JobReport, LaneKind

log = logging.getLogger(__name__)


def engine_lane(engine: TranscriptionEngine) -> LaneKind:
    return LaneKind.LOCAL if engine.runs_locally else LaneKind.REMOTE


@dataclass(frozen=True, slots=True)
class ModelPrepared:
    """A PrepareModelJob's result: the model (as the options name it) is loaded."""

    model: str


class PrepareModelJob(Job[ModelPrepared]):
    """Load an engine's model ahead of time (loading holds the GIL for a moment: do it early).

    A newer choice for the same engine makes the older loads still waiting pointless.
    """

    what = "Loading the model"

    def __init__(self, engine: TranscriptionEngine, options: TranscriptionOptions) -> None:
        super().__init__()
        self.engine = engine
        self.options = options

    @property
    def lane(self) -> LaneKind:
        return engine_lane(self.engine)

    def makes_pointless(self, waiting: Job[object]) -> bool:
        return isinstance(waiting, PrepareModelJob) and waiting.engine is self.engine

    def run(self, report: JobReport) -> ModelPrepared:
        try:
            self.engine.prepare(self.options, report.engine_context())
        except EarshotError as error:  # the transcription that needs it reports it to the user too
            log.warning("could not prepare %s: %s", self.engine.name, error)
            raise
        return ModelPrepared(self.options.model)


class TranscribeFileJob(Job[Transcript]):
    """A media file's transcript; each segment is also posted as it comes (SegmentRecognised) unless
    ``streams_segments`` is False: a batch row shows only its progress, and every post wakes the GUI thread."""

    what = "Transcription"

    def __init__(self, media_path: Path, engine: TranscriptionEngine, options: TranscriptionOptions,
                 channel: int | None = None, streams_segments: bool = True) -> None:
        super().__init__()
        self.media_path = media_path
        self.engine = engine
        self.options = options
        self.channel = channel
        self.streams_segments = streams_segments

    @property
    def lane(self) -> LaneKind:
        return engine_lane(self.engine)

    def run(self, report: JobReport) -> Transcript:
        report.status("Reading audio")
        audio = open_audio_file(self.media_path, self.channel)  # decoded by the engine, streamed where it can
        report.check_cancelled()
        report.restart_clock()
        on_segment = report.segment if self.streams_segments else None
        return run_transcription(self.engine, audio, self.options, report.engine_context(), on_segment=on_segment)


class TranscribePassageJob(TranscribeFileJob):
    """Recognise ``start``..``end`` seconds of a media file alone (only that range is decoded); the result's
    segments are at their times in the whole file."""

    what = "Re-transcribing the passage"

    def __init__(self, media_path: Path, start: float, end: float, engine: TranscriptionEngine,
                 options: TranscriptionOptions, channel: int | None = None) -> None:
        super().__init__(media_path, engine, options, channel)
        self.start = start
        self.end = end

    def run(self, report: JobReport) -> Transcript:
        report.status("Reading audio")
        clip = decode_audio_range(self.media_path, self.start, self.end, self.channel)
        report.check_cancelled()
        report.restart_clock()
        transcript = run_transcription(self.engine, clip, self.options, report.engine_context())
        transcript.segments = placed_in_passage(transcript.segments, self.start, self.end)
        transcript.duration = None
        return transcript
