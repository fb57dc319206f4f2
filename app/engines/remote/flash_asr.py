"""Recognition through a Flash ASR service: short audio as the raw body, options as headers.

The service is meant for about a minute of audio: longer audio is cut at silences
into pieces under the limit, a few pieces are in flight at once, and each piece's
times are put back on the file's timeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.audio import SAMPLE_RATE, AudioClip
from app.core.audio_encoding import encode_audio
from app.core.text_translation import translated
from app.core.transcript import Segment
from app.engines.base import JobContext, TranscriptionOptions
from app.engines.remote.audio_pieces import AudioPiece, cut_into_pieces, probe_clip, recognise_pieces, whole_clip
from app.engines.remote.remote_engine import RemoteTranscriptionEngine
from app.engines.remote.reply_shape import checked
from app.engines.remote.service_client import HttpSettings, ServiceClient
from app.engines.remote.task_support import require_transcription

SERVICE_NAME = "Flash ASR"
FLASH_PATH = "/v1/audio/asr/flash"
MAX_PIECE_SECONDS = 55.0
PIECES_IN_FLIGHT = 3


class FlashAsrEngine(RemoteTranscriptionEngine):
    name = "flash"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None,
        max_sentence_silence_ms: int | None = None,
        max_piece_seconds: float = MAX_PIECE_SECONDS,
        pieces_in_flight: int = PIECES_IN_FLIGHT,
        http: HttpSettings | None = None,
    ) -> None:
        self.url = base_url.rstrip("/").removesuffix("/v1") + FLASH_PATH
        self.model = model
        self.max_sentence_silence_ms = max_sentence_silence_ms
        self.max_piece_seconds = max_piece_seconds
        self.pieces_in_flight = max(1, pieces_in_flight)
        self.client = ServiceClient(SERVICE_NAME, api_key, http)

    def transcribe(
        self, audio: AudioClip, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        require_transcription(options, SERVICE_NAME)
        pieces = cut_into_pieces(audio.samples, self.max_piece_seconds)
        context.report_status(translated(
            "Sending audio to Flash ASR in {number_of_pieces} piece(s)"
        ).format(number_of_pieces=len(pieces)))
        yield from recognise_pieces(pieces, self._recognise, context, self.pieces_in_flight)

    def check_connection(self, context: JobContext) -> str:
        self._recognise(whole_clip(probe_clip()), context)
        return translated("Connected: Flash ASR answered.")

    def request_headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/octet-stream", "format": "wav", "sample_rate": str(SAMPLE_RATE)}
        if self.max_sentence_silence_ms is not None:
            headers["max_sentence_silence"] = str(int(self.max_sentence_silence_ms))
        if self.model:
            headers["model"] = self.model
        return headers

    def _recognise(self, piece: AudioPiece, context: JobContext) -> list[Segment]:
        document = self.client.send_for_json(
            "POST", self.url, context,
            content=encode_audio(piece.samples, SAMPLE_RATE, "wav"), headers=self.request_headers(), model=self.model,
            repeatable=True,  # the reply is the whole result: if it is lost, asking again is the only way to get it
        )
        return segments_from_response(document)


def segments_from_response(document: Any) -> list[Segment]:
    result = checked(document, SERVICE_NAME, "a transcription").field("flash_result", "flash_result")
    segments = []
    for sentence in result.optional_items("sentences", "sentences", "sentence"):
        text = sentence.optional_text("text", "text").strip()
        if text:
            segments.append(Segment(*sentence.span("begin_time", "end_time", per_second=1000), text))
    return segments
