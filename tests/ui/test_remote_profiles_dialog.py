"""The Remote Services dialog as a person uses it: fill a profile, test the connection, save it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.api_keys import load_api_key
from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.ui.remote_profiles_dialog import RemoteProfilesDialog
from tests.engines.remote.servers.openai_server import FakeOpenAIServer
from tests.engines.remote.servers.recogniser import Recogniser

SECRET = "sk-dialog-SECRET-777"


@pytest.fixture
def openai_server(local_engine):
    with FakeOpenAIServer(Recogniser(local_engine), api_key=SECRET) as server:
        yield server


@pytest.fixture
def dialog(qtbot, tmp_path, temporary_keyring) -> RemoteProfilesDialog:
    shown = RemoteProfilesDialog(RemoteProfileStore(tmp_path / "remote_profiles.json"))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def fill(qtbot, dialog: RemoteProfilesDialog, name: str, url: str, model: str, key: str) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("openai"))
    for edit, text in ((dialog.name_edit, name), (dialog.url_edit, url), (dialog.key_edit, key)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    dialog.model_combo.setEditText(model)


def run_connection_test(qtbot, dialog: RemoteProfilesDialog) -> str:
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    return dialog.result_label.text()


def test_new_profile_tested_and_saved_with_its_key_in_the_keyring(qtbot, dialog, openai_server, tmp_path) -> None:
    assert dialog.name_edit.text() == "Remote service 1"  # an empty list starts a new profile
    fill(qtbot, dialog, "Xinference", openai_server.base_url, "whisper-1", SECRET)
    assert run_connection_test(qtbot, dialog) == "✓ Connected: the server offers 2 model(s)."
    assert [dialog.model_combo.itemText(i) for i in range(dialog.model_combo.count())] == ["whisper-1", "tts-1"]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.text() == "✓ Saved “Xinference”.", timeout=5000)
    assert [dialog.profile_list.item(i).text() for i in range(dialog.profile_list.count())] == ["Xinference"]
    saved = RemoteProfileStore(tmp_path / "remote_profiles.json").get("Xinference")
    assert (saved.kind, saved.base_url, saved.model) == ("openai", openai_server.base_url, "whisper-1")
    assert load_api_key("Xinference") == SECRET
    assert SECRET not in (tmp_path / "remote_profiles.json").read_text()
    assert dialog.key_edit.text() == ""
    qtbot.waitUntil(lambda: dialog.key_edit.placeholderText() == "Saved in the system keyring", timeout=5000)
    dialog.grab().save(str(Path(tmp_path) / "remote-profiles-dialog.png"))


def test_failures_are_reported_exactly(qtbot, dialog, openai_server) -> None:
    fill(qtbot, dialog, "Wrong key", openai_server.base_url, "whisper-1", "sk-typo-1234")
    assert run_connection_test(qtbot, dialog) == (
        "✗ The OpenAI-compatible server rejected the API key: Incorrect API key provided: •••."
    )
    fill(qtbot, dialog, "Wrong model", openai_server.base_url, "whisper-9", SECRET)
    assert run_connection_test(qtbot, dialog) == (
        "✗ The OpenAI-compatible server answered but has no model “whisper-9” (it offers: whisper-1, tts-1)."
    )
    fill(qtbot, dialog, "Nobody home", "http://127.0.0.1:9/v1", "whisper-1", SECRET)
    assert run_connection_test(qtbot, dialog).startswith("✗ Cannot reach the OpenAI-compatible server at 127.0.0.1: ")


def test_rename_moves_the_key_and_remove_deletes_it(qtbot, dialog, tmp_path) -> None:
    store = RemoteProfileStore(tmp_path / "remote_profiles.json")
    store.put(RemoteProfile("Old", "hf", "https://router.huggingface.co/hf-inference/models", "openai/whisper-tiny"))
    dialog._reload(select="Old")
    qtbot.keyClicks(dialog.key_edit, SECRET)
    dialog.name_edit.setText("New")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=5000)
    assert [p.name for p in store.load()] == ["New"] and load_api_key("New") == SECRET
    assert load_api_key("Old") is None
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert store.load() == []
    qtbot.waitUntil(lambda: load_api_key("New") is None, timeout=5000)


def test_bad_options_json_is_one_sentence(qtbot, dialog) -> None:
    dialog.options_edit.setPlainText("{read_timeout: 5}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == '✗ The options must be JSON, for example {"read_timeout": 120}.'


def test_the_dialog_never_waits_for_a_locked_keyring(qtbot, tmp_path, locked_keyring) -> None:
    store = RemoteProfileStore(tmp_path / "remote_profiles.json")
    store.put(RemoteProfile("Saved", "openai", "http://127.0.0.1:9/v1", "whisper-1"))
    locked_keyring.set_password("Earshot remote services", "profile:Saved", SECRET)
    locked_keyring.calling_threads.clear()
    shown = RemoteProfilesDialog(store)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.keyClicks(shown.key_edit, "sk-new-key")
    qtbot.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
    assert not locked_keyring.called_on_the_gui_thread()
    locked_keyring.unlocked.set()
    qtbot.waitUntil(lambda: shown.result_label.text() == "✓ Saved “Saved”.", timeout=5000)
    qtbot.waitUntil(lambda: shown.key_edit.placeholderText() == "Saved in the system keyring", timeout=5000)
    assert locked_keyring.calling_threads and not locked_keyring.called_on_the_gui_thread()
    assert load_api_key("Saved") == "sk-new-key"


def test_closing_the_dialog_while_the_connection_test_runs_touches_nothing(
    qtbot, tmp_path, temporary_keyring, openai_server, monkeypatch
) -> None:
    import threading

    from tests.engines.remote.servers.fake_http_server import Fault

    thread_errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda arguments: thread_errors.append(arguments.exc_value))
    openai_server.inject(Fault("slow", "/models", seconds=1.0))
    shown = RemoteProfilesDialog(RemoteProfileStore(tmp_path / "remote_profiles.json"))
    shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    shown.show()
    fill(qtbot, shown, "Slow", openai_server.base_url, "whisper-1", SECRET)
    qtbot.mouseClick(shown.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(openai_server.requests_to("/models")), timeout=5000)
    gone: list[bool] = []
    shown.destroyed.connect(lambda: gone.append(True))
    shown.reject()
    qtbot.waitUntil(lambda: bool(gone), timeout=2000)
    qtbot.wait(1500)  # the test's thread ends and posts its result after the dialog is gone
    assert thread_errors == []
