"""The diarization engine: audio in, speaker turns out, with progress and cancel.

Speech regions come from the Silero VAD; each region is cut into 1.5 s windows every
0.75 s, each window gets a CAM++ speaker embedding, the windows are clustered by speaker,
and each window's label speaks for the time around its centre. Memory stays bounded on
long files: features live one region at a time and embeddings are 192 float32 per window
(under 4 MB per hour of speech).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from app.core.audio import AudioClip
from app.core.speaker_assignment import speaker_label
from app.core.speaker_turns import SpeakerCount, SpeakerTurn
from app.engines.base import JobContext
from app.engines.diarization.campplus_graph import EMBEDDING_DIM
from app.engines.diarization.clustering import cluster_windows
from app.engines.diarization.embedding_windows import RegionWindows, region_windows, turns_from_labels
from app.engines.diarization.speaker_embedder import SpeakerEmbedder
from app.engines.diarization.speech_regions import speech_regions

_VAD_SHARE = 0.3  # of the progress bar; embeddings take most of the rest
_ANALYSED = 0.95  # what is left is clustering


@dataclass(frozen=True, slots=True)
class DiarizationOptions:
    speakers: SpeakerCount = field(default_factory=SpeakerCount)
    cpu_threads: int = 0  # 0: let onnxruntime choose


@dataclass(frozen=True, slots=True)
class SpeakerAnalysis:
    """Everything diarization learns before it counts speakers: a new count re-clusters in a moment."""

    regions: list[RegionWindows]
    embeddings: np.ndarray  # (windows, 192) float32, the regions' windows in order

    def turns(self, count: SpeakerCount) -> list[SpeakerTurn]:
        """Speaker turns in time order, labelled "Speaker 1", "Speaker 2"… by first appearance."""
        if not self.regions:
            return []
        labels = cluster_windows(self.embeddings, count)
        names = [speaker_label(index) for index in range(int(labels.max()) + 1)]
        return turns_from_labels(self.regions, iter(labels.tolist()), names)


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
        turns = self.analyse(audio, options, context).turns(options.speakers)
        context.report_progress(audio.duration, audio.duration)
        return turns

    def analyse(self, audio: AudioClip, options: DiarizationOptions, context: JobContext) -> SpeakerAnalysis:
        """Speech regions and their windows' speaker embeddings (progress up to 95%)."""
        embedder = self._embedder_for(options)
        context.check_cancelled()
        total = max(len(audio.samples), 1)

        def report(fraction: float) -> None:  # in seconds of audio, as recognition engines do
            context.report_progress(fraction * audio.duration, audio.duration)

        def on_scanned(done: int) -> None:
            context.check_cancelled()
            report(_VAD_SHARE * done / total)

        found = speech_regions(audio.samples, on_scanned)
        speech = sum(end - start for start, end in found) or 1
        regions: list[RegionWindows] = []
        embeddings: list[np.ndarray] = []
        embedded = 0
        for start, end in found:
            context.check_cancelled()
            region, features = region_windows(audio.samples, start, end)
            embeddings.append(embedder.embed(features, context.check_cancelled))
            regions.append(region)
            embedded += end - start
            report(_VAD_SHARE + (_ANALYSED - _VAD_SHARE) * embedded / speech)
        stacked = np.concatenate(embeddings) if embeddings else np.zeros((0, EMBEDDING_DIM), np.float32)
        return SpeakerAnalysis(regions, stacked)

    def _embedder_for(self, options: DiarizationOptions) -> SpeakerEmbedder:
        with self._lock:
            if self._embedder is None or self._threads != options.cpu_threads:
                self._embedder = SpeakerEmbedder(options.cpu_threads)
                self._threads = options.cpu_threads
            return self._embedder
