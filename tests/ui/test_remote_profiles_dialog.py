"""The Remote Services dialog as a person uses it: fill a profile, test the connection, save it."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
import trustme
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

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
    assert dialog.result_label.text() == "✓ Saved “Xinference”."
    assert [dialog.profile_list.item(i).text() for i in range(dialog.profile_list.count())] == ["Xinference"]
    saved = RemoteProfileStore(tmp_path / "remote_profiles.json").get("Xinference")
    assert (saved.kind, saved.base_url, saved.model) == ("openai", openai_server.base_url, "whisper-1")
    assert load_api_key("Xinference") == SECRET
    assert SECRET not in (tmp_path / "remote_profiles.json").read_text()
    assert dialog.key_edit.text() == "" and dialog.key_edit.placeholderText() == "Saved in the system keyring"
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
    assert [p.name for p in store.load()] == ["New"] and load_api_key("New") == SECRET
    assert load_api_key("Old") is None
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert store.load() == [] and load_api_key("New") is None


def test_bad_options_json_is_one_sentence(qtbot, dialog) -> None:
    dialog.options_edit.setPlainText("{read_timeout: 5}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == '✗ The options must be JSON, for example {"read_timeout": 120}.'


def test_a_company_certificate_authority_is_chosen_in_the_profile(qtbot, dialog, local_engine, tmp_path,
                                                                   monkeypatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    authority = trustme.CA()
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(server_side)
    ca_path = tmp_path / "company-ca.pem"
    authority.cert_pem.write_to_path(str(ca_path))
    with FakeOpenAIServer(Recogniser(local_engine), api_key=SECRET).use_tls(server_side) as server:
        fill(qtbot, dialog, "Company vLLM", server.base_url, "whisper-1", SECRET)
        assert run_connection_test(qtbot, dialog).startswith("✗ The certificate of 127.0.0.1 is not trusted: ")

        assert dialog.ca_edit.accessibleName() and dialog.ca_button.accessibleName()
        qtbot.mouseClick(dialog.ca_button, Qt.MouseButton.LeftButton)
        chooser = dialog.findChild(QFileDialog)
        qtbot.waitUntil(chooser.isVisible)
        chooser.selectFile(str(ca_path))
        chooser.accept()
        assert dialog.ca_edit.text() == str(ca_path)
        assert run_connection_test(qtbot, dialog) == "✓ Connected: the server offers 2 model(s)."

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = RemoteProfileStore(tmp_path / "remote_profiles.json").get("Company vLLM")
    assert saved.ca_certificate_file == str(ca_path)
    dialog.add_profile()
    assert dialog.ca_edit.text() == ""
    reopened = RemoteProfilesDialog(RemoteProfileStore(tmp_path / "remote_profiles.json"))
    qtbot.addWidget(reopened)
    assert reopened.name_edit.text() == "Company vLLM" and reopened.ca_edit.text() == str(ca_path)
