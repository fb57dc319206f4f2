"""Recognition, translation, model list and speech through the OpenAI audio API (OpenAI, Xinference, vLLM).

The engine asks for verbose_json with word and segment timestamps and takes what the
server actually returns: segments with words, words alone, or only text. Audio
over the upload limit is cut at silences and the pieces' times put back on the
file's timeline; a server with a smaller limit (413) gets smaller pieces.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.audio import SAMPLE_RATE, AudioClip
from app.core.audio_encoding import MIME_TYPES, encode_audio
from app.core.errors import EngineError
from app.core.languages import LANGUAGES
from app.core.text_translation import translated
from app.core.transcript import Segment, Word
from app.engines.base import JobContext, TranscriptionOptions
from app.engines.remote.audio_pieces import (
    AudioPiece,
    UntimedText,
    cut_into_pieces,
    recognise_pieces,
    segments_from_words,
    shifted,
    untimed_text,
    whole_clip,
)
from app.engines.remote.cancellable_request import BodyChunkListener
from app.engines.remote.remote_engine import RemoteTranscriptionEngine
from app.engines.remote.reply_shape import ReplyPart, capitalised, checked
from app.engines.remote.service_client import HttpSettings, ServiceClient, ServiceError

SERVICE_NAME = "the OpenAI-compatible server"
OPENAI_UPLOAD_LIMIT = 25 * 1024 * 1024
UPLOAD_MARGIN = 0.9  # leave room for the multipart envelope and for pieces that compress worse
SMALLEST_PIECE_SECONDS = 5.0
_LANGUAGE_CODES = {name.lower(): code for code, name in LANGUAGES.items()}


class OpenAICompatibleEngine(RemoteTranscriptionEngine):
    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None,
        max_upload_bytes: int = OPENAI_UPLOAD_LIMIT,
        http: HttpSettings | None = None,
        temperature: float = 0.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.max_upload_bytes = max_upload_bytes
        self.temperature = temperature
        self.client = ServiceClient(SERVICE_NAME, api_key, http)

    def transcribe(
        self, audio: AudioClip, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        context.report_status(translated("Sending audio to the server"))
        pieces = self._pieces_under_upload_limit(audio)
        languages: list[str] = []

        def recognise(piece: AudioPiece, piece_context: JobContext) -> list[Segment]:
            return self._recognise_piece(piece, options, piece_context, languages)

        yield from recognise_pieces(pieces, recognise, context)
        if languages:
            context.report_language(languages[0])

    def list_models(self, context: JobContext) -> list[str]:
        return models_from_response(self.client.send_for_json("GET", f"{self.base_url}/models", context))

    def check_connection(self, context: JobContext) -> str:
        models = self.list_models(context)
        if self.model and self.model not in models:
            offered = ", ".join(models[:8]) or "none"
            raise EngineError(capitalised(translated(
                "{service} answered but has no model “{model}” (it offers: {offered})."
            ).format(service=SERVICE_NAME, model=self.model, offered=offered)))
        return translated(
            "Connected: the server offers {number_of_models} model(s)."
        ).format(number_of_models=len(models))

    def synthesise_speech(
        self, text: str, voice: str, context: JobContext, audio_format: str = "mp3", speed: float = 1.0
    ) -> bytes:
        """Speech audio for ``text`` in ``audio_format`` from /audio/speech."""
        body = self._speech_request(text, voice, audio_format, speed)
        response = self.client.send(
            "POST", f"{self.base_url}/audio/speech", context, json=body, model=self.model, repeatable=True
        )
        if not response.content:
            raise EngineError(capitalised(translated(
                "{SERVICE_NAME} sent no audio."
            ).format(SERVICE_NAME=SERVICE_NAME)))
        return response.content

    def stream_speech(
        self, text: str, voice: str, context: JobContext, on_audio: BodyChunkListener, audio_format: str = "wav",
        speed: float = 1.0, ask_to_stream: bool = False,
    ) -> None:
        """Speech audio for ``text`` handed to ``on_audio`` as its bytes arrive; ``ask_to_stream`` adds
        Xinference's ``stream: true`` (a server that sends the whole file at once is read the same way)."""
        body: dict[str, Any] = self._speech_request(text, voice, audio_format, speed)
        if ask_to_stream:
            body["stream"] = True
        self.client.send("POST", f"{self.base_url}/audio/speech", context, json=body, model=self.model,
                         repeatable=True, on_body_chunk=on_audio)

    def _speech_request(self, text: str, voice: str, audio_format: str, speed: float) -> dict[str, Any]:
        if not text.strip():
            raise EngineError(translated("There is no text to speak."))
        if len(text) > 4096:
            raise EngineError(translated(
                "The server speaks at most 4096 characters at a time; choose a shorter text."
            ))
        return {"model": self.model, "input": text, "voice": voice, "response_format": audio_format, "speed": speed}

    def _pieces_under_upload_limit(self, audio: AudioClip) -> list[AudioPiece]:
        size = len(encode_audio(audio.samples, SAMPLE_RATE))
        budget = self.max_upload_bytes * UPLOAD_MARGIN
        if size <= budget:
            return [whole_clip(audio)]
        max_seconds = max(SMALLEST_PIECE_SECONDS, audio.duration * budget / size)
        return cut_into_pieces(audio.samples, max_seconds)

    def _recognise_piece(
        self, piece: AudioPiece, options: TranscriptionOptions, context: JobContext, languages: list[str]
    ) -> list[Segment]:
        try:
            document = self._post_audio(piece, options, context)
        except ServiceError as error:
            if error.status != 413 or piece.duration < 2 * SMALLEST_PIECE_SECONDS:
                raise
            context.report_status(translated("The server wants smaller pieces; splitting the audio"))
            halves = [(half, self._recognise_piece(half, options, context, languages)) for half in piece.halves()]
            joined = [shifted(segment, half.offset) for half, segments in halves for segment in segments]
            untimed = any(isinstance(segments, UntimedText) for _half, segments in halves)
            return UntimedText(joined) if untimed else joined
        language = _language_code(document.get("language")) if isinstance(document, dict) else None
        if language:
            languages.append(language)
        return segments_from_response(document, piece.duration)

    def _post_audio(self, piece: AudioPiece, options: TranscriptionOptions, context: JobContext) -> Any:
        endpoint = "translations" if options.task == "translate" else "transcriptions"
        response = self.client.send(
            "POST", f"{self.base_url}/audio/{endpoint}", context,
            files={"file": ("audio.flac", encode_audio(piece.samples, SAMPLE_RATE), MIME_TYPES["flac"])},
            data=self._form_fields(options),
            model=self.model,
            repeatable=True,  # the reply is the whole result: if it is lost, asking again is the only way to get it
        )
        if "json" not in response.headers.get("Content-Type", ""):
            return self.client.parse_text(response)  # a server that answers text whatever was asked
        return self.client.parse_json(response)

    def _form_fields(self, options: TranscriptionOptions) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "model": self.model,
            "response_format": "verbose_json",
            "temperature": f"{self.temperature:g}",
            "timestamp_granularities[]": ["word", "segment"],
        }
        if options.language and options.task != "translate":
            fields["language"] = options.language
        prompt = " ".join(p for p in (options.initial_prompt, options.hotwords) if p)
        if prompt:
            fields["prompt"] = prompt
        return fields


def segments_from_response(document: Any, duration: float, service: str = SERVICE_NAME) -> list[Segment]:
    """Segments from whatever the server sent: verbose_json in full, words alone, or only text."""
    if isinstance(document, str):
        return untimed_text(document, duration)
    reply = checked(document, service, "a transcription")
    words = [_word(part) for part in reply.optional_items("words", "words", "word")]
    raw_segments = reply.optional_items("segments", "segments", "segment")
    if raw_segments:
        segments = [Segment(*part.span("start", "end"), part.optional_text("text", "text").strip())
                    for part in raw_segments]
        _attach_words(segments, words)
        return [s for s in segments if s.text]
    if words:
        return segments_from_words(words)
    return untimed_text(reply.optional_text("text", "text"), duration)


def models_from_response(document: Any) -> list[str]:
    reply = checked(document, SERVICE_NAME, "a model list")
    return [part.field("id", "id").text() for part in reply.field("data", "data").items("model")]


def _word(part: ReplyPart) -> Word:
    return Word(*part.span("start", "end"), part.optional_text("word", "text").strip())


def _attach_words(segments: list[Segment], words: list[Word]) -> None:
    """Give each segment the words that start inside it (the last one takes any stragglers)."""
    index = 0
    for number, segment in enumerate(segments):
        last = number == len(segments) - 1
        while index < len(words) and (last or words[index].start < segment.end):
            segment.words.append(words[index])
            index += 1


def _language_code(language: Any) -> str | None:
    if not isinstance(language, str) or not language.strip():
        return None
    value = language.strip().lower()
    return value if value in LANGUAGES else _LANGUAGE_CODES.get(value)
