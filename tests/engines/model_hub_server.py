"""A Hugging Face hub on 127.0.0.1 serving model folders as huggingface_hub 2.x asks for them.

- ``GET /api/models/{repo}[/revision/{rev}]?blobs=True`` (HfApi.model_info with files_metadata): the commit
  ``sha`` and ``siblings`` with ``rfilename``, ``size``, ``blobId`` and, for LFS files, ``lfs.sha256``/``size``.
- ``HEAD /{repo}/resolve/{rev}/{file}`` (get_hf_file_metadata): ``X-Repo-Commit``, ``ETag`` (the git blob id)
  and ``Content-Length`` for a small file; for an LFS file, as the hub does, a 302 to a storage host (here
  ``localhost`` instead of ``127.0.0.1``: another host, so huggingface_hub does not follow it and drops any
  token) with the SHA-256 in ``X-Linked-Etag`` and the size in ``X-Linked-Size``.
- ``GET`` of the file (http_get, at the resolve address or the storage one): the bytes, or with
  ``Range: bytes=N-`` a 206 with ``Content-Range``.
- An unknown repository or file: 404 with ``X-Error-Code: RepoNotFound``/``EntryNotFound``, as the hub sends.

Faults a test can ask for: drop the connection once in the middle of a file, serve a file with its bytes
changed (same size), or send slowly.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.engines.remote.servers.fake_http_server import LocalHTTPServer, QuietHandler

COMMIT = "0123456789abcdef0123456789abcdef01234567"
LFS_THRESHOLD = 1_000_000  # files from this size up are LFS files, as large files are on the hub
_CHUNK = 256 * 1024
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<revision>[^/]+)/(?P<file>.+)$")
_STORAGE = re.compile(r"^/lfs-storage/(?P<sha256>[0-9a-f]{64})$")
_API = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+?)(?:/revision/(?P<revision>[^/]+))?$")


@dataclass(frozen=True)
class ServedFile:
    path: Path
    size: int
    sha256: str
    blob_id: str

    @property
    def is_lfs(self) -> bool:
        return self.size >= LFS_THRESHOLD

    @property
    def etag(self) -> str:
        return self.sha256 if self.is_lfs else self.blob_id


def served_files(folder: Path) -> dict[str, ServedFile]:
    files = {}
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        blob_id = hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()
        files[path.name] = ServedFile(path, len(data), hashlib.sha256(data).hexdigest(), blob_id)
    return files


@dataclass
class SeenRequest:
    method: str
    path: str
    headers: dict[str, str]
    file: str | None = None  # the file whose bytes the answer carried


@dataclass
class HubFaults:
    drop_once: set[str] = field(default_factory=set)  # file names: the next full GET stops half way
    corrupted: set[str] = field(default_factory=set)  # file names served with a byte changed
    seconds_per_chunk: float = 0.0  # a slow link
    file_list: bytes | None = None  # the model API's answer instead of the real one
    refused_with: int | None = None  # an HTTP status every request is answered with (403, 429, 503…)


class FakeModelHub(LocalHTTPServer):
    def __init__(self, repositories: dict[str, dict[str, ServedFile]]) -> None:
        self.repositories = repositories
        self.faults = HubFaults()
        self.requests: list[SeenRequest] = []
        self._lock = threading.Lock()
        super().__init__(_handler_for(self))

    def lfs_file(self, sha256: str) -> tuple[str, ServedFile] | None:
        for files in self.repositories.values():
            for name, served in files.items():
                if served.is_lfs and served.sha256 == sha256:
                    return name, served
        return None

    def gets_of(self, file_name: str) -> list[SeenRequest]:
        """The requests answered with (some of) the bytes of ``file_name``."""
        return [r for r in self.requests if r.method == "GET" and r.file == file_name]

    def take_drop(self, file_name: str) -> bool:
        with self._lock:
            if file_name in self.faults.drop_once:
                self.faults.drop_once.discard(file_name)
                return True
            return False

    def model_document(self, repo: str) -> dict[str, Any]:
        siblings = []
        for name, served in self.repositories[repo].items():
            sibling: dict[str, Any] = {"rfilename": name, "size": served.size, "blobId": served.blob_id}
            if served.is_lfs:
                sibling["lfs"] = {"sha256": served.sha256, "size": served.size, "pointerSize": 134}
            siblings.append(sibling)
        siblings.append({"rfilename": "README.md", "size": 12, "blobId": "f" * 40})
        return {"_id": "id", "id": repo, "modelId": repo, "sha": COMMIT, "private": False, "siblings": siblings}


def _handler_for(hub: FakeModelHub) -> type[BaseHTTPRequestHandler]:
    class Handler(QuietHandler):
        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def _serve(self, send_body: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            seen = SeenRequest(self.command, path, {k.lower(): v for k, v in self.headers.items()})
            hub.requests.append(seen)
            if hub.faults.refused_with is not None:
                self._refuse(hub.faults.refused_with, send_body)
            elif api := _API.match(path):
                self._answer_model_info(api["repo"])
            elif resolve := _RESOLVE.match(path):
                self._answer_resolve(resolve["repo"], resolve["file"], send_body, seen)
            elif (storage := _STORAGE.match(path)) and (found := hub.lfs_file(storage["sha256"])):
                seen.file = found[0]
                self._answer_bytes(found[1], found[0], send_body, hub_headers=False)
            else:
                self._not_found("RepoNotFound", send_body)

        def _answer_model_info(self, repo: str) -> None:
            if repo not in hub.repositories:
                self._not_found("RepoNotFound", True)
                return
            body = hub.faults.file_list or json.dumps(hub.model_document(repo)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _answer_resolve(self, repo: str, name: str, send_body: bool, seen: SeenRequest) -> None:
            served = hub.repositories.get(repo, {}).get(name)
            if served is None:
                self._not_found("RepoNotFound" if repo not in hub.repositories else "EntryNotFound", send_body)
            elif served.is_lfs:
                self.send_response(302)
                self.send_header("Location", f"http://localhost:{hub.port}/lfs-storage/{served.sha256}")
                self.send_header("Content-Length", "0")
                self.send_header("X-Repo-Commit", COMMIT)
                self.send_header("ETag", f'"{served.blob_id}"')  # the pointer file's; the linked one is the content's
                self.send_header("X-Linked-Etag", f'"{served.sha256}"')
                self.send_header("X-Linked-Size", str(served.size))
                self.end_headers()
            else:
                seen.file = name
                self._answer_bytes(served, name, send_body, hub_headers=True)

        def _answer_bytes(self, served: ServedFile, name: str, send_body: bool, hub_headers: bool) -> None:
            start = _range_start(self.headers.get("Range"))
            self.send_response(206 if start else 200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(served.size - start))
            if start:
                self.send_header("Content-Range", f"bytes {start}-{served.size - 1}/{served.size}")
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("ETag", f'"{served.etag}"')
            if hub_headers:
                self.send_header("X-Repo-Commit", COMMIT)
            self.end_headers()
            if send_body:
                self._send_bytes(served, name, start)

        def _send_bytes(self, served: ServedFile, name: str, start: int) -> None:
            drop_at = served.size // 2 if start == 0 and hub.take_drop(name) else None
            with served.path.open("rb") as source:
                source.seek(start)
                position = start
                while chunk := source.read(_CHUNK):
                    if name in hub.faults.corrupted and position <= served.size // 3 < position + len(chunk):
                        index = served.size // 3 - position
                        chunk = chunk[:index] + bytes([chunk[index] ^ 0xFF]) + chunk[index + 1:]
                    if drop_at is not None and position + len(chunk) > drop_at:
                        self.wfile.write(chunk[: drop_at - position])
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    try:
                        self.wfile.write(chunk)
                    except OSError:  # the client went away (a cancelled download)
                        self.close_connection = True
                        return
                    position += len(chunk)
                    if hub.faults.seconds_per_chunk:
                        time.sleep(hub.faults.seconds_per_chunk)

        def _refuse(self, status: int, send_body: bool) -> None:
            body = json.dumps({"error": "Service unavailable, try again later"}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def _not_found(self, code: str, send_body: bool) -> None:
            message = "Repository not found" if code == "RepoNotFound" else "Entry not found"
            body = json.dumps({"error": message}).encode()
            self.send_response(404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Error-Code", code)
            self.send_header("X-Repo-Commit", COMMIT)
            self.end_headers()
            if send_body:
                self.wfile.write(body)

    return Handler


def _range_start(header: str | None) -> int:
    match = re.fullmatch(r"bytes=(\d+)-", header or "")
    return int(match[1]) if match else 0
