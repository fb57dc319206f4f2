"""DashScope Paraformer recorded-file transcription (remote-apis.md §4, seed 004), with its temporary upload.

Routes under /api/v1: uploads?action=getPolicy, services/audio/asr/transcription
(asynchronous only), tasks/{id}. Beside them: /oss, the storage host the policy
points at (a form POST, and no Authorization header, as OSS wants), /results/{id}.json,
the signed-URL result documents, and /media/{name}, files a test publishes so a
task can name them by http URL. A task advances one state per poll: PENDING,
RUNNING, then SUCCEEDED (or FAILED when told to fail).

With ``diarization_enabled`` the server tells speakers apart with Earshot's own local
diarization (the real CAM++ engine on the audio it received), splits sentences where the
speaker changes and gives each a ``speaker_id``. The service's ids promise no order, so this
server numbers speakers backwards (the first to speak gets the highest id): a client that
names them in order of first appearance must do so itself.
"""

from __future__ import annotations

import string
import threading
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from app.core.audio import AudioClip
from app.core.speaker_assignment import assign_speakers
from app.core.speaker_turns import SpeakerCount, SpeakerTurn
from app.core.transcript import Segment
from app.engines.base import JobContext
from app.engines.diarization import DiarizationEngine, DiarizationOptions
from tests.engines.remote.servers.fake_http_server import FakeServer, ReceivedRequest, Reply, parse_multipart
from tests.engines.remote.servers.recogniser import Recogniser, UndecodableAudio, decode_upload

API = "/api/v1"
MODELS = ("paraformer-v2", "paraformer-v1", "paraformer-8k-v1", "paraformer-mtl-v1")
UPLOAD_DIR = "dashscope-instant/tests"


@dataclass
class Task:
    file_url: str
    channels: list[int]
    polls: int = 0
    output: dict[str, Any] = field(default_factory=dict)
    diarization: bool = False
    speaker_count: int | None = None


class FakeDashScopeServer(FakeServer):
    def __init__(self, recogniser: Recogniser, polls_before_done: int = 2, api_key: str | None = "sk-dash") -> None:
        super().__init__(api_key)
        self.recogniser = recogniser
        self.polls_before_done = polls_before_done
        self.fail_tasks_with: tuple[str, str] | None = None
        self.stored: dict[str, bytes] = {}  # oss key -> uploaded bytes
        self.media: dict[str, bytes] = {}  # name -> bytes served at /media/name
        self.tasks: dict[str, Task] = {}
        self.results: dict[str, dict[str, Any]] = {}
        self.submissions: list[dict[str, Any]] = []
        self.task_id_prefix = ""  # task ids are opaque: a test may give them characters a URL path must escape

    @property
    def base_url(self) -> str:
        return f"{self.root}{API}"

    def publish(self, name: str, data: bytes) -> str:
        self.media[name] = data
        return f"{self.root}/media/{name}"

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        code = {400: "InvalidParameter", 401: "InvalidApiKey", 404: "ModelNotFound", 429: "Throttling"}
        document = {"code": code.get(status, "InternalError"), "message": message, "request_id": str(uuid.uuid4())}
        return Reply.of_json({**document, **(extra or {})}, status)

    def route(self, request: ReceivedRequest) -> Reply:
        if request.path.startswith(("/oss", "/results/", "/media/")):
            return self._storage(request)
        if denied := self.check_bearer(request):
            return denied
        if request.method == "GET" and request.path == f"{API}/uploads":
            return self._upload_policy(request)
        if request.method == "POST" and request.path == f"{API}/services/audio/asr/transcription":
            return self._submit(request)
        task_id = request.path.removeprefix(f"{API}/tasks/")
        if request.method == "GET" and request.path.startswith(f"{API}/tasks/") and "/" not in task_id:
            return self._poll(unquote(task_id))
        return self.error_reply(404, f"No route for {request.method} {request.path}")

    # ---- storage host: uploads, result documents, published media ----------------
    def _storage(self, request: ReceivedRequest) -> Reply:
        if request.header("Authorization"):
            return Reply(400, b"<Error><Code>InvalidArgument</Code><Message>Unsupported Authorization Type"
                              b"</Message></Error>", "application/xml")
        if request.path == "/oss" and request.method == "POST":
            return self._store_upload(request)
        result_name = unquote(request.path.removeprefix("/results/"))
        if request.path.startswith("/results/") and result_name in self.results:
            return Reply.of_json(self.results[result_name])
        name = request.path.removeprefix("/media/")
        if request.path.startswith("/media/") and name in self.media:
            return Reply(200, self.media[name], "application/octet-stream")
        return Reply(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")

    def _upload_policy(self, request: ReceivedRequest) -> Reply:
        model = request.query.get("model", [""])[0]
        if request.query.get("action") != ["getPolicy"]:
            return self.error_reply(400, "action must be getPolicy")
        if model not in MODELS:
            return self.error_reply(400, f"Model not exist: {model}")
        policy = {
            "policy": "eyJleHBpcmF0aW9uIjoi", "signature": "c2lnbmF0dXJl", "upload_dir": UPLOAD_DIR,
            "upload_host": f"{self.root}/oss", "expire_in_seconds": 300, "max_file_size_mb": 100,
            "capacity_limit_mb": 999999, "oss_access_key_id": "LTAI-test", "x_oss_object_acl": "private",
            "x_oss_forbid_overwrite": "true",
        }
        return Reply.of_json({"request_id": str(uuid.uuid4()), "data": policy})

    def _store_upload(self, request: ReceivedRequest) -> Reply:
        fields, files = parse_multipart(request)
        required = ("OSSAccessKeyId", "Signature", "policy", "key", "success_action_status")
        missing = [name for name in required if name not in fields]
        key = fields.get("key", [""])[0]
        if missing or "file" not in files or not key.startswith(UPLOAD_DIR + "/"):
            return Reply(400, f"<Error><Code>InvalidArgument</Code><Message>{missing}</Message></Error>".encode(),
                         "application/xml")
        self.stored[key] = files["file"].data
        return Reply(200, b"", "application/xml")

    # ---- the asynchronous task -------------------------------------------------------
    def _submit(self, request: ReceivedRequest) -> Reply:
        if request.header("X-DashScope-Async") != "enable":
            return self.error_reply(400, "current user api does not support synchronous calls")
        body = request.json()
        self.submissions.append({"headers": request.headers, "body": body})
        problem = _submission_problem(body, request.header("X-DashScope-OssResourceResolve"))
        if problem:
            return self.error_reply(400, problem)
        task_id = self.task_id_prefix + str(uuid.uuid4())
        parameters = body.get("parameters", {})
        self.tasks[task_id] = Task(body["input"]["file_urls"][0], parameters.get("channel_id", [0]),
                                   diarization=parameters.get("diarization_enabled", False),
                                   speaker_count=parameters.get("speaker_count"))
        output = {"task_id": task_id, "task_status": "PENDING"}
        return Reply.of_json({"request_id": str(uuid.uuid4()), "output": output})

    def _poll(self, task_id: str) -> Reply:
        task = self.tasks.get(task_id)
        if task is None:
            return self.error_reply(404, f"task {task_id} not found")
        task.polls += 1
        if not task.output:
            if task.polls <= self.polls_before_done:
                status = "PENDING" if task.polls == 1 else "RUNNING"
                return Reply.of_json({"request_id": str(uuid.uuid4()),
                                      "output": {"task_id": task_id, "task_status": status}, "usage": None})
            task.output = self._finish(task_id, task)
        return Reply.of_json({"request_id": str(uuid.uuid4()), "output": task.output, "usage": {"duration": 11}})

    def _finish(self, task_id: str, task: Task) -> dict[str, Any]:
        if self.fail_tasks_with:
            code, message = self.fail_tasks_with
            return _failed(task_id, task.file_url, code, message)
        try:
            document = self._recognise(task)
        except (OSError, UndecodableAudio) as error:
            reason = f"The audio file cannot be read: {error}"
            return _failed(task_id, task.file_url, "InvalidFile.DownloadFailed", reason)
        self.results[f"{task_id}.json"] = document
        result = {"file_url": task.file_url, "transcription_url": f"{self.root}/results/{quote(task_id, safe='')}.json",
                  "subtask_status": "SUCCEEDED"}
        return {"task_id": task_id, "task_status": "SUCCEEDED", "results": [result]}

    def _recognise(self, task: Task) -> dict[str, Any]:
        data = self._fetch(task.file_url)
        transcripts = []
        for channel in task.channels:
            audio = decode_upload(data, Path(task.file_url).suffix or ".bin", channel)
            recognised = self.recogniser.recognise(audio)
            segments = recognised.segments
            if task.diarization:
                segments = _with_speaker_ids(segments, _speaker_turns(audio, task.speaker_count))
            transcripts.append({
                "channel_id": channel, "content_duration_in_milliseconds": round(recognised.duration * 1000),
                "text": " ".join(s.text for s in segments),
                "sentences": [_sentence(s) for s in segments],
            })
        properties = {"audio_format": "flac", "channels": task.channels, "original_sampling_rate": 16000,
                      "original_duration_in_milliseconds": round(recognised.duration * 1000)}
        return {"file_url": task.file_url, "properties": properties, "transcripts": transcripts}

    def _fetch(self, file_url: str) -> bytes:
        if file_url.startswith("oss://"):
            key = file_url.removeprefix("oss://")
            if key not in self.stored:
                raise OSError(f"no object {key}")
            return self.stored[key]
        with urllib.request.urlopen(file_url, timeout=5) as response:
            return response.read()


def _submission_problem(body: Any, oss_resolve: str | None) -> str | None:
    if not isinstance(body, dict) or body.get("model") not in MODELS:
        return f"Model not exist: {body.get('model') if isinstance(body, dict) else body}"
    urls = (body.get("input") or {}).get("file_urls")
    if not isinstance(urls, list) or not 1 <= len(urls) <= 100:
        return "input.file_urls must list 1 to 100 URLs"
    for url in urls:
        if url.startswith("oss://") and oss_resolve != "enable":
            return "oss:// URLs need the header X-DashScope-OssResourceResolve: enable"
        if not url.startswith(("oss://", "http://", "https://")):
            return f"unsupported URL {url}"
    parameters = body.get("parameters") or {}
    channels = parameters.get("channel_id", [0])
    if not isinstance(channels, list) or not all(isinstance(c, int) and c >= 0 for c in channels):
        return "parameters.channel_id must be a list of channel numbers"
    if not isinstance(parameters.get("diarization_enabled", False), bool):
        return "parameters.diarization_enabled must be true or false"
    count = parameters.get("speaker_count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or not 2 <= count <= 100):
        return "parameters.speaker_count must be a whole number from 2 to 100"  # Alibaba's documented range
    return None


_diarizer_lock = threading.Lock()
_diarizer: list[DiarizationEngine] = []  # one engine for every server, made on first use


def _speaker_turns(audio: AudioClip, speaker_count: int | None) -> list[SpeakerTurn]:
    with _diarizer_lock:
        if not _diarizer:
            _diarizer.append(DiarizationEngine())
        count = SpeakerCount.exactly(speaker_count) if speaker_count else SpeakerCount()
        return _diarizer[0].diarize(audio, DiarizationOptions(count), JobContext())


def _with_speaker_ids(segments: list[Segment], turns: list[SpeakerTurn]) -> list[Segment]:
    """Sentences split where the speaker changes, each with the service's numeric id in ``speaker``."""
    assigned = assign_speakers(segments, turns)
    labels = sorted({s.speaker for s in assigned if s.speaker}, key=lambda label: int(label.split()[-1]))
    backwards = {label: len(labels) - 1 - index for index, label in enumerate(labels)}
    for segment in assigned:
        segment.speaker = None if segment.speaker is None else str(backwards[segment.speaker])
    return assigned


def _failed(task_id: str, file_url: str, code: str, message: str) -> dict[str, Any]:
    result = {"file_url": file_url, "code": code, "message": message, "subtask_status": "FAILED"}
    return {"task_id": task_id, "task_status": "FAILED", "results": [result]}


def _sentence(segment) -> dict[str, Any]:
    """Paraformer's sentence: words with their punctuation apart, and always an end mark (it predicts one)."""
    words = []
    for word in segment.words:
        core = word.text.strip().rstrip(string.punctuation)
        words.append({"begin_time": round(word.start * 1000), "end_time": round(word.end * 1000),
                      "text": core + " ", "punctuation": word.text.strip()[len(core):]})
    text = segment.text.strip()
    if words and not words[-1]["punctuation"]:
        words[-1]["punctuation"] = "."
        text += "."
    sentence = {"begin_time": round(segment.start * 1000), "end_time": round(segment.end * 1000),
                "text": text, "words": words}
    if segment.speaker is not None:
        sentence["speaker_id"] = int(segment.speaker)
    return sentence
