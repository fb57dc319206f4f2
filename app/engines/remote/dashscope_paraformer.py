"""Recognition of recorded files through DashScope Paraformer: upload, submit, poll, fetch.

The service reads audio from URLs only, so local audio first goes through
DashScope's temporary upload (an upload policy, then a form POST to the storage
host, giving an oss:// URL); a user may instead give an http(s) URL. The task is
polled with a growing interval until it ends; the result document is fetched
without the API key (it is a signed storage URL on another host).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from app.core.audio import SAMPLE_RATE, AudioClip
from app.core.audio_encoding import MIME_TYPES, encode_audio
from app.core.errors import Cancelled, EngineError
from app.core.speaker_assignment import speaker_label
from app.core.text_translation import translatable, translated
from app.core.transcript import Segment, Word
from app.engines.base import JobContext, TranscriptionOptions
from app.engines.remote.poll_schedule import PollSchedule
from app.engines.remote.remote_engine import RemoteTranscriptionEngine
from app.engines.remote.reply_shape import ReplyPart, checked
from app.engines.remote.service_client import MESSAGE_LIMIT, HttpSettings, ServiceClient
from app.engines.remote.task_support import require_transcription

SERVICE_NAME = "DashScope"
DEFAULT_BASE_URL = "https://dashscope.aliyuncs.com/api/v1"
DEFAULT_MODEL = "paraformer-v2"
WAITING_STATUSES = {
    "PENDING": translatable("Waiting in DashScope's queue"), "RUNNING": translatable("DashScope is transcribing"),
    "SUSPENDED": translatable("DashScope has suspended the task; waiting"),
}
UPLOAD_FILE_NAME = "audio.flac"
POLICY_FORM_FIELDS = {  # the storage form's field: the upload policy's key
    "OSSAccessKeyId": "oss_access_key_id", "Signature": "signature", "policy": "policy",
    "x-oss-object-acl": "x_oss_object_acl", "x-oss-forbid-overwrite": "x_oss_forbid_overwrite",
}


@dataclass(frozen=True, slots=True)
class UploadPolicy:
    """Where and how to post a file to DashScope's temporary storage."""

    upload_host: str
    upload_dir: str
    form_fields: dict[str, str]

    @classmethod
    def from_reply(cls, policy: ReplyPart) -> UploadPolicy:
        form_fields = {form_name: policy.field(key, key).text() for form_name, key in POLICY_FORM_FIELDS.items()}
        upload_dir = policy.field("upload_dir", "upload_dir").text()
        return cls(policy.field("upload_host", "upload_host").url(), upload_dir, form_fields)


@dataclass(frozen=True, slots=True)
class RecognitionSettings:
    language_hints: tuple[str, ...] = ()
    disfluency_removal: bool = False
    diarization: bool = False
    speaker_count: int | None = None


class DashScopeParaformerEngine(RemoteTranscriptionEngine):
    name = "dashscope"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None,
        recognition: RecognitionSettings | None = None,
        poll: PollSchedule | None = None,
        http: HttpSettings | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model or DEFAULT_MODEL
        self.recognition = recognition or RecognitionSettings()
        self.poll = poll or PollSchedule()
        self.client = ServiceClient(SERVICE_NAME, api_key, http)

    def transcribe(
        self, audio: AudioClip, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        require_transcription(options, SERVICE_NAME)
        context.report_status(translated("Uploading audio to DashScope"))
        file_url = self.upload(encode_audio(audio.samples, SAMPLE_RATE), context)
        yield from self.transcribe_url(file_url, options, context)

    def transcribe_url(
        self, file_url: str, options: TranscriptionOptions, context: JobContext, channel: int = 0
    ) -> Iterator[Segment]:
        """Segments of channel ``channel`` of the audio at ``file_url`` (http, https or oss)."""
        require_transcription(options, SERVICE_NAME)
        task_id = self._submit(file_url, channel, options, context)
        result = self._result_document(self._wait_for(task_id, context), context)
        if options.language:
            context.report_language(options.language)
        yield from segments_from_result(result, channel)

    def check_connection(self, context: JobContext) -> str:
        self._upload_policy(context)
        return translated("Connected: DashScope accepts the key for {model}.").format(model=self.model)

    def upload(self, data: bytes, context: JobContext) -> str:
        """Put ``data`` in DashScope's temporary storage; its oss:// URL."""
        policy = self._upload_policy(context)
        key = f"{policy.upload_dir}/{UPLOAD_FILE_NAME}"
        form = {**policy.form_fields, "key": key, "success_action_status": "200",
                "x-oss-content-type": MIME_TYPES["flac"]}
        self.client.send(
            "POST", policy.upload_host, context, authorised=False, repeatable=False,  # the key may not be overwritten
            data=form, files={"file": (UPLOAD_FILE_NAME, data, MIME_TYPES["flac"])},
        )
        return f"oss://{key}"

    def submission(self, file_url: str, channel: int, options: TranscriptionOptions) -> dict[str, Any]:
        parameters: dict[str, Any] = {"channel_id": [channel]}
        hints = list(self.recognition.language_hints) or ([options.language] if options.language else [])
        if hints:
            parameters["language_hints"] = hints
        if self.recognition.disfluency_removal:
            parameters["disfluency_removal_enabled"] = True
        if self.recognition.diarization:
            parameters["diarization_enabled"] = True
            if self.recognition.speaker_count:
                parameters["speaker_count"] = self.recognition.speaker_count
        return {"model": self.model, "input": {"file_urls": [file_url]}, "parameters": parameters}

    def _upload_policy(self, context: JobContext) -> UploadPolicy:
        document = self.client.send_for_json(
            "GET", f"{self.base_url}/uploads", context, params={"action": "getPolicy", "model": self.model},
            model=self.model,
        )
        return UploadPolicy.from_reply(checked(document, SERVICE_NAME, "an upload policy").field("data", "data"))

    def _submit(self, file_url: str, channel: int, options: TranscriptionOptions, context: JobContext) -> str:
        headers = {"X-DashScope-Async": "enable"}
        if file_url.startswith("oss://"):
            headers["X-DashScope-OssResourceResolve"] = "enable"
        document = self.client.send_for_json(
            "POST", f"{self.base_url}/services/audio/asr/transcription", context,
            json=self.submission(file_url, channel, options), headers=headers, model=self.model,
            repeatable=False,  # each submit starts a billed task
        )
        return _output(document).field("task_id", "task id").text()

    def _wait_for(self, task_id: str, context: JobContext) -> ReplyPart:
        """The output of the finished task, polling with a growing interval."""
        waited = 0.0
        for interval in self.poll.intervals():
            task_url = f"{self.base_url}/tasks/{quote(task_id, safe='')}"
            output = _output(self.client.send_for_json("GET", task_url, context))
            status = output.field("task_status", "task status").text()
            if status == "SUCCEEDED":
                return output
            if status not in WAITING_STATUSES:
                raise EngineError(translated(
                    "{SERVICE_NAME} could not transcribe the audio: {failure_reason}."
                ).format(SERVICE_NAME=SERVICE_NAME, failure_reason=_failure_reason(output)))
            if waited >= self.poll.give_up_after:
                raise EngineError(translated(
                    "{SERVICE_NAME} did not finish within {give_up_after:g} minutes."
                ).format(SERVICE_NAME=SERVICE_NAME, give_up_after=self.poll.give_up_after / 60))
            context.report_status(translated(WAITING_STATUSES[status]))
            if context.cancel_event.wait(interval):
                raise Cancelled()
            waited += interval
        raise AssertionError("unreachable: the poll schedule never ends")

    def _result_document(self, output: ReplyPart, context: JobContext) -> Any:
        results = output.optional_items("results", "results", "result")
        if not results:
            raise EngineError(translated(
                "{SERVICE_NAME} finished the task but sent no result."
            ).format(SERVICE_NAME=SERVICE_NAME))
        result = results[0]
        status = result.optional_text("subtask_status", "subtask status") or "SUCCEEDED"
        if status != "SUCCEEDED" or not result.has("transcription_url"):
            raise EngineError(translated(
                "{SERVICE_NAME} could not transcribe the audio: {failure_reason}."
            ).format(SERVICE_NAME=SERVICE_NAME, failure_reason=_failure_reason(result)))
        url = result.field("transcription_url", "transcription address").url()
        return self.client.send_for_json("GET", url, context, authorised=False)


def segments_from_result(document: Any, channel: int = 0) -> list[Segment]:
    """The chosen channel's sentences; words carry their punctuation.

    With diarization each sentence has a ``speaker_id``; the ids carry no order, so speakers are
    named "Speaker 1", "Speaker 2"… in order of first appearance, as local diarization names them.
    """
    transcripts = checked(document, SERVICE_NAME, "a transcription").optional_items(
        "transcripts", "transcripts", "transcript"
    )
    chosen = next((t for t in transcripts if t.object().get("channel_id") == channel),
                  transcripts[0] if transcripts else None)
    segments = []
    speaker_names: dict[float, str] = {}
    for sentence in chosen.optional_items("sentences", "sentences", "sentence") if chosen else []:
        text = sentence.optional_text("text", "text").strip()
        if not text:
            continue
        speaker_id = sentence.optional("speaker_id", "speaker")
        speaker = None
        if speaker_id is not None:
            speaker = speaker_names.setdefault(speaker_id.number(), speaker_label(len(speaker_names)))
        segments.append(Segment(
            *sentence.span("begin_time", "end_time", per_second=1000),
            text=text,
            speaker=speaker,
            words=[_word(w) for w in sentence.optional_items("words", "words", "word")],
        ))
    return segments


def _word(part: ReplyPart) -> Word:
    text = part.optional_text("text", "text").strip() + part.optional_text("punctuation", "punctuation")
    return Word(*part.span("begin_time", "end_time", per_second=1000), text)  # "Hello " + "," -> "Hello,"


def _output(document: Any) -> ReplyPart:
    return checked(document, SERVICE_NAME, "an answer").field("output", "output")


def _failure_reason(item: ReplyPart) -> str:
    """The service's code and message, from the task or else from its first subtask."""
    subtasks = [r for r in item.optional_items("results", "results", "result") if isinstance(r.value, dict)]
    if not item.has("message") and subtasks:
        item = subtasks[0]
    message = _loose_text(item, "message").rstrip(".")
    code = _loose_text(item, "code")
    if code and message:
        return f"{message} ({code})"
    return message or code or "no reason given"


def _loose_text(item: ReplyPart, key: str) -> str:
    """A field shown to the user as it is, whatever its type, kept short."""
    value = item.object().get(key)
    return "" if value is None else str(value)[:MESSAGE_LIMIT]
