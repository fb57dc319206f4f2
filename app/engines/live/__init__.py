"""Live transcription while recording (no Qt): local LocalAgreement-2 passes, or remote pieces cut at pauses."""

from app.engines.live.local import LocalLiveTranscriber
from app.engines.live.session import LiveSession

__all__ = ["LiveSession", "LocalLiveTranscriber"]
