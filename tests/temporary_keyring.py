"""A keyring backend for tests: keys in a JSON file under the test's temporary folder.

It lives in the tests only, so the app can never pick it: on a machine without a
secure keyring the app refuses to store keys rather than write them in plain text.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class TemporaryFileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._lock = threading.Lock()  # the app calls the keyring from background threads

    def _read(self) -> dict[str, str]:
        return json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}

    def _write(self, keys: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps(keys), encoding="utf-8")
        partial.replace(self.path)  # a reader on another thread never sees half a file

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._write({**self._read(), f"{service}\n{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            keys = self._read()
            if keys.pop(f"{service}\n{username}", None) is None:
                raise PasswordDeleteError("no such key")
            self._write(keys)


class LockedKeyring(TemporaryFileKeyring):
    """A keyring whose every call waits for the user to unlock it (a desktop prompt), at most ``patience`` s.

    It records which threads called it: the window must never be the one waiting.
    """

    def __init__(self, path: Path, patience: float = 3.0) -> None:
        super().__init__(path)
        self.unlocked = threading.Event()
        self.patience = patience
        self.calling_threads: list[threading.Thread] = []

    def _wait_for_unlock(self) -> None:
        self.calling_threads.append(threading.current_thread())
        self.unlocked.wait(self.patience)

    def get_password(self, service: str, username: str) -> str | None:
        self._wait_for_unlock()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._wait_for_unlock()
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._wait_for_unlock()
        super().delete_password(service, username)

    def called_on_the_gui_thread(self) -> bool:
        return any(thread is threading.main_thread() for thread in self.calling_threads)
