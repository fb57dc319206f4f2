"""Speaker diarization on this machine: CAM++ embeddings of VAD speech, clustered by speaker."""

from app.engines.diarization.engine import DiarizationEngine, DiarizationOptions

__all__ = ["DiarizationEngine", "DiarizationOptions"]
