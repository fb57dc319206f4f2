"""The one small interface every recognition engine implements.

An engine takes decoded audio (or a media file to stream, AudioFile) and options and yields
segments as it recognises them. It reports progress and the detected language through a JobContext and stops
(raising Cancelled) when the context says the user cancelled. Engines know nothing
about Qt or threads.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from app.core.audio import AudioClip, AudioFile
from app.core.chinese_script import ChineseScript, convert_segment, is_chinese
from app.core.errors import Cancelled
from app.core.transcript import Segment, Transcript

Task = Literal["transcribe", "translate"]


@dataclass(slots=True)
class TranscriptionOptions:
    model: str = "base"
    language: str | None = None  # None: detect
    task: Task = "transcribe"
    word_timestamps: bool = False
    vad_filter: bool = True
    initial_prompt: str | None = None
    hotwords: str | None = None
    beam_size: int = 5
    cpu_threads: int = 0  # 0: let the engine choose
    condition_on_previous_text: bool = True  # context across windows; a loop guard catches repetition
    language_per_passage: bool = True  # with language None: detect each passage's own language
    chinese_script: ChineseScript = "simplified"
    fast_mode: bool = False  # local engine: passages decoded in batches, without context (quicker, less accurate)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class JobContext:
    """What an engine may tell the outside world, and how it learns it must stop."""

    def __init__(
        self,
        on_progress: Callable[[float, float], None] | None = None,
        on_status: Callable[[str], None] | None = None,
        cancel_event: threading.Event | None = None,
    ) -> None:
        self._on_progress = on_progress
        self._on_status = on_status
        self.cancel_event = cancel_event or threading.Event()
        self.language: str | None = None
        self.language_probability: float | None = None
        self.notes: list[str] = []  # what the user should know about how the transcript was made
        self._notes_lock = threading.Lock()  # remote pieces are recognised on several threads

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def check_cancelled(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled()

    def report_progress(self, done_seconds: float, total_seconds: float) -> None:
        if self._on_progress and total_seconds > 0:
            self._on_progress(min(1.0, max(0.0, done_seconds / total_seconds)), total_seconds)

    def report_status(self, message: str) -> None:
        if self._on_status:
            self._on_status(message)

    def report_language(self, language: str | None, probability: float | None = None) -> None:
        self.language = language
        self.language_probability = probability

    def report_note(self, sentence: str) -> None:
        """One sentence for the transcript's warnings (each said once), e.g. that a service gave no times."""
        with self._notes_lock:
            if sentence not in self.notes:
                self.notes.append(sentence)


class TranscriptionEngine(ABC):
    """Audio and options in, segments out."""

    name: str = "engine"
    runs_locally: bool = True  # False: a service does the work, so several jobs may run at once

    def prepare(self, options: TranscriptionOptions, context: JobContext) -> None:  # noqa: B027 - optional hook
        """Load what ``options`` need before the first job, so it starts at once (default: nothing)."""

    @abstractmethod
    def transcribe(
        self, audio: AudioClip, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        """Yield segments in time order as they are recognised."""

    def transcribe_file(
        self, audio: AudioFile, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        """The same from a media file; by default decoded whole first, an engine that can stream it overrides this."""
        clip = audio.decode()
        context.check_cancelled()
        yield from self.transcribe(clip, options, context)


def run_transcription(
    engine: TranscriptionEngine,
    audio: AudioClip | AudioFile,
    options: TranscriptionOptions,
    context: JobContext,
    on_segment: Callable[[Segment], None] | None = None,
) -> Transcript:
    """Run ``engine`` to the end and collect its segments into a Transcript (an AudioFile: as the engine reads it)."""
    transcript = Transcript(
        duration=audio.duration,
        media_path=str(audio.source) if audio.source else None,
        engine=engine.name,
        options=options.as_dict(),
    )
    context.check_cancelled()
    if isinstance(audio, AudioFile):
        segments = engine.transcribe_file(audio, options, context)
    else:
        segments = engine.transcribe(audio, options, context)
    for segment in segments:
        if is_chinese(segment.language or context.language):
            convert_segment(segment, options.chinese_script)
        transcript.segments.append(segment)
        if on_segment:
            on_segment(segment)
        context.check_cancelled()
    transcript.language = context.language or options.language
    transcript.warnings.extend(context.notes)
    context.report_progress(1.0, 1.0)
    return transcript
