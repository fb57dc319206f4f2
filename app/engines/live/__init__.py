"""Live transcription while recording (no Qt): local LocalAgreement-2 passes, or remote pieces cut at pauses."""

from app.engines.live.local import LocalLiveTranscriber
from app.engines.live.session import LiveListeners, LiveSession

__all__ = ["LiveListeners", "LiveSession", "LocalLiveTranscriber"]
