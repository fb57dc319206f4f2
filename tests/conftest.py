"""Fixtures shared by every test: isolated app folders, the real speech samples, engines."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display on build machines

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_AUDIO = REPO_ROOT.parent / "shared" / "audio"
DEVICE_TESTS = "tests/devices/"
JFK_REFERENCE = (
    "And so my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """pytest-xdist's workers take the tests one by one, except the device tests, which are one unit run on one
    worker: they share a PulseAudio server and one real-time playback (tests/devices/conftest.py), and two playing
    at once would each take the CPU the other's real-time audio needs. (``--dist loadgroup`` with ``xdist_group``
    marks would say the same, but on pytest 9.2 it silently stops grouping: pytest-xdist issue 1386.)"""
    from xdist.scheduler import LoadScopeScheduling

    class DeviceTestsOnOneWorker(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return DEVICE_TESTS if nodeid.startswith(DEVICE_TESTS) else nodeid

    return DeviceTestsOnOneWorker(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The device tests first, so the worker that takes them starts with them at normal priority (below)."""
    items.sort(key=lambda item: not item.nodeid.startswith(DEVICE_TESTS))  # stable: the rest keep their order


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """On two workers, the one not playing real-time audio yields the CPU to the one that is: a worker lowers its
    priority at its first test that is not a device test (the device worker only after its device tests), so a
    recognition running beside the device tests cannot starve their playback and recording (ALSA underruns)."""
    if os.environ.get("PYTEST_XDIST_WORKER") and not item.nodeid.startswith(DEVICE_TESTS):
        _yield_to_real_time_tests()


_yielded = False


def _yield_to_real_time_tests() -> None:
    global _yielded
    if not _yielded and hasattr(os, "nice"):
        _yielded = True
        os.nice(10)


@pytest.fixture(scope="session", autouse=True)
def isolated_app_folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Cache, config, data and log folders of the app under a session temporary folder.

    The cache lives for the whole session so the bundled base model is joined once.
    """
    folders = {}
    for name in ("CACHE", "CONFIG", "DATA", "LOG"):
        folder = tmp_path_factory.mktemp(name.lower())
        os.environ[f"EARSHOT_{name}_DIR"] = str(folder)
        folders[name.lower()] = folder
    return folders


def compile_core_catalogs(folder: Path) -> Path:
    """The gettext catalogs of translations/*.po compiled under ``folder``, as `make translations` does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for source in (REPO_ROOT / "translations").glob("earshot_*.po"):
        language = source.stem.removeprefix("earshot_")
        target = folder / language / "LC_MESSAGES" / "earshot.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with source.open("rb") as po, target.open("wb") as mo:
            write_mo(mo, read_po(po, locale=language))
    return folder


@pytest.fixture(scope="session")
def core_catalogs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the compiled gettext catalogs of core and engines (what app/translations holds once built)."""
    return compile_core_catalogs(tmp_path_factory.mktemp("core-catalogs"))


@pytest.fixture
def chinese_sentences(core_catalogs: Path) -> Iterator[None]:
    """Core's and the engines' sentences in Chinese during the test, in English again after it."""
    from app.core.text_translation import use_language

    use_language("zh_CN", core_catalogs)
    yield
    use_language("en", core_catalogs)


@pytest.fixture(scope="session")
def jfk_path() -> Path:
    return SHARED_AUDIO / "jfk.flac"


@pytest.fixture(scope="session")
def multilingual_path() -> Path:
    return SHARED_AUDIO / "multilingual.mp3"


@pytest.fixture(scope="session")
def local_engine():
    """One faster-whisper engine for the session, so each model is loaded once."""
    from app.engines.faster_whisper_engine import FasterWhisperEngine

    return FasterWhisperEngine()


@pytest.fixture
def temporary_keyring(tmp_path: Path):
    """API keys kept in a file under the test's temporary folder, never in the user's keyring."""
    import keyring

    from tests.temporary_keyring import TemporaryFileKeyring

    ring = TemporaryFileKeyring(tmp_path / "keyring" / "keys.json")
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def locked_keyring(tmp_path: Path):
    """A keyring that keeps every caller waiting until the test unlocks it, as a locked desktop keyring does."""
    import keyring

    from tests.temporary_keyring import LockedKeyring

    ring = LockedKeyring(tmp_path / "keyring" / "keys.json")
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    yield ring
    ring.unlocked.set()
    keyring.set_keyring(previous)
