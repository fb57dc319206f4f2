"""Speaker diarization on this machine: CAM++ embeddings of VAD speech, clustered by speaker."""

from app.engines.diarization.engine import DiarizationEngine, DiarizationOptions, SpeakerAnalysis

__all__ = ["DiarizationEngine", "DiarizationOptions", "SpeakerAnalysis"]
