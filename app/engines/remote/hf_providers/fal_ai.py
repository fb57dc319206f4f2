"""fal.ai: JSON ``{"audio_url": data URL}`` to ``/{provider id}``; ``{"text", "chunks"}`` back, HF's own shape."""

from __future__ import annotations

from app.core.transcript import Segment
from app.engines.base import JobContext
from app.engines.remote.audio_pieces import AudioPiece
from app.engines.remote.hf_inference import segments_from_response
from app.engines.remote.hf_providers.provider_contract import ProviderCall, ProviderContract, audio_data_url


def recognise(call: ProviderCall, piece: AudioPiece, context: JobContext) -> list[Segment]:
    document = call.client.send_for_json(
        "POST", f"{call.base_url}/{call.provider_id}", context, json={"audio_url": audio_data_url(piece)},
        model=call.provider_id,
        repeatable=True,  # the reply is the whole result: if it is lost, asking again is the only way to get it
    )
    return segments_from_response(document, piece.duration, call.client.service_name)


CONTRACT = ProviderContract("fal-ai", "fal.ai", "https://fal.run", recognise, auth_scheme="Key")
