"""The diarization engine: audio in, speaker turns out, with progress and cancel.

Speech regions come from the Silero VAD; each region is cut into 1.5 s windows every
0.75 s, each window gets a CAM++ speaker embedding, the windows are clustered by speaker,
and each window's label speaks for the time around its centre. Memory stays bounded on
long files: features live one region at a time and embeddings are 192 float32 per window
(about 1 MB per hour of speech).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from app.core.audio import AudioClip
from app.core.speaker_assignment import speaker_label
from app.core.speaker_turns import SpeakerCount, SpeakerTurn
from app.engines.base import JobContext
from app.engines.diarization.clustering import cluster_windows
from app.engines.diarization.embedding_windows import RegionWindows, region_windows, turns_from_labels
from app.engines.diarization.speaker_embedder import SpeakerEmbedder
from app.engines.diarization.speech_regions import speech_regions

_VAD_SHARE = 0.3  # of the progress bar; embeddings take most of the rest


@dataclass(frozen=True, slots=True)
class DiarizationOptions:
    speakers: SpeakerCount = field(default_factory=SpeakerCount)
    cpu_threads: int = 0  # 0: let onnxruntime choose


class DiarizationEngine:
    """Finds who speaks when in a recording, on this machine, with no download."""

    name = "campplus"

    def __init__(self) -> None:
        self._embedder: SpeakerEmbedder | None = None
        self._threads: int | None = None
        self._lock = threading.Lock()

    def prepare(self, options: DiarizationOptions | None = None) -> None:
        """Read and check the weights and build the network (about a second), once."""
        self._embedder_for(options or DiarizationOptions())

    def diarize(self, audio: AudioClip, options: DiarizationOptions, context: JobContext) -> list[SpeakerTurn]:
        """Speaker turns in time order, labelled "Speaker 1", "Speaker 2"… by first appearance."""
        embedder = self._embedder_for(options)
        context.check_cancelled()
        total = max(len(audio.samples), 1)

        def on_scanned(done: int) -> None:
            context.check_cancelled()
            context.report_progress(_VAD_SHARE * done / total, 1.0)

        regions = speech_regions(audio.samples, on_scanned)
        speech = sum(end - start for start, end in regions) or 1
        windows: list[RegionWindows] = []
        embeddings: list[np.ndarray] = []
        embedded = 0
        for start, end in regions:
            context.check_cancelled()
            region, features = region_windows(audio.samples, start, end)
            embeddings.append(embedder.embed(features))
            windows.append(region)
            embedded += end - start
            context.report_progress(_VAD_SHARE + (0.95 - _VAD_SHARE) * embedded / speech, 1.0)
        if not windows:
            context.report_progress(1.0, 1.0)
            return []
        labels = cluster_windows(np.concatenate(embeddings), options.speakers)
        names = [speaker_label(index) for index in range(int(labels.max()) + 1)]
        turns = turns_from_labels(windows, iter(labels.tolist()), names)
        context.report_progress(1.0, 1.0)
        return turns

    def _embedder_for(self, options: DiarizationOptions) -> SpeakerEmbedder:
        with self._lock:
            if self._embedder is None or self._threads != options.cpu_threads:
                self._embedder = SpeakerEmbedder(options.cpu_threads)
                self._threads = options.cpu_threads
            return self._embedder
