"""What every provider module gives the engine: its address, how it is signed, how it recognises one piece."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass

from app.core.audio import SAMPLE_RATE
from app.core.audio_encoding import MIME_TYPES, encode_audio
from app.core.transcript import Segment
from app.engines.base import JobContext
from app.engines.remote.audio_pieces import AudioPiece, untimed_text
from app.engines.remote.poll_schedule import PollSchedule
from app.engines.remote.service_client import ServiceClient


@dataclass(frozen=True, slots=True)
class ProviderCall:
    """One provider reached one way: through the router with a Hugging Face token, or directly with its own key."""

    client: ServiceClient
    base_url: str  # https://router.huggingface.co/fal-ai, or https://fal.run
    provider_id: str  # the provider's own name for the model
    timestamps: bool  # ask for timestamps where the provider can be asked
    poll: PollSchedule  # for providers that work in the background (replicate)


PieceRecogniser = Callable[[ProviderCall, AudioPiece, JobContext], list[Segment]]


@dataclass(frozen=True, slots=True)
class ProviderContract:
    name: str  # as the Hub names it: "fal-ai"
    label: str  # as people know it: "fal.ai"
    direct_url: str  # where its own keys are accepted
    recognise: PieceRecogniser  # segments on the piece's own timeline
    auth_scheme: str = "Bearer"  # of its own keys; a Hugging Face token is always "Bearer"


def audio_data_url(piece: AudioPiece) -> str:
    """The piece as a data: URL of FLAC, which fal.ai and Replicate take in place of an https URL."""
    encoded = base64.b64encode(encode_audio(piece.samples, SAMPLE_RATE)).decode("ascii")
    return f"data:{MIME_TYPES['flac']};base64,{encoded}"


def single_segment(text: str, piece: AudioPiece) -> list[Segment]:
    """A provider that gives no times: the piece's text spans the piece."""
    return untimed_text(text, piece.duration)
