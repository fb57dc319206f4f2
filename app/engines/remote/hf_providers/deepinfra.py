"""DeepInfra: OpenAI-compatible multipart to ``/v1/openai/audio/transcriptions`` with its own model id."""

from __future__ import annotations

from typing import Any

from app.core.audio import SAMPLE_RATE
from app.core.audio_encoding import MIME_TYPES, encode_audio
from app.core.transcript import Segment
from app.engines.base import JobContext
from app.engines.remote.audio_pieces import AudioPiece
from app.engines.remote.hf_providers.provider_contract import ProviderCall, ProviderContract
from app.engines.remote.openai_compatible import segments_from_response


def recognise(call: ProviderCall, piece: AudioPiece, context: JobContext) -> list[Segment]:
    fields: dict[str, Any] = {"model": call.provider_id}
    if call.timestamps:
        fields["response_format"] = "verbose_json"  # segments with their times
    document = call.client.send_for_json(
        "POST", f"{call.base_url}/v1/openai/audio/transcriptions", context,
        files={"file": ("audio.flac", encode_audio(piece.samples, SAMPLE_RATE), MIME_TYPES["flac"])}, data=fields,
        model=call.provider_id,
        repeatable=True,  # the reply is the whole result: if it is lost, asking again is the only way to get it
    )
    return segments_from_response(document, piece.duration, call.client.service_name)


CONTRACT = ProviderContract("deepinfra", "DeepInfra", "https://api.deepinfra.com", recognise)
