"""The Remote Services dialog as a person uses it: fill a profile, test the connection, save it."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
import trustme
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QWidget

from app.core.api_keys import load_api_key
from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.ui.remote_profiles_dialog import RemoteProfilesDialog
from tests.engines.remote.servers.fal_server import FakeFalServer
from tests.engines.remote.servers.hub_server import SEED_MODEL, live
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
    assert dialog.result_label.text() == '✗ The advanced options must be JSON, for example {"attempts": 3}.'


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


def option(dialog: RemoteProfilesDialog, key: str) -> QWidget:
    widget = dialog.service_options.pages.currentWidget().findChild(QWidget, f"option_{key}")
    assert widget is not None and widget.isVisible(), key
    return widget


def test_each_service_has_its_options_as_labelled_fields(qtbot, dialog, tmp_path) -> None:
    expected = {
        "openai": ["max_upload_mb", "temperature", "connect_timeout", "read_timeout"],
        "hf": ["provider", "return_timestamps", "hub_url", "connect_timeout", "read_timeout"],
        "flash": ["max_sentence_silence_ms", "max_piece_seconds", "pieces_in_flight", "connect_timeout",
                  "read_timeout"],
        "dashscope": ["language_hints", "disfluency_removal", "diarization", "speaker_count", "connect_timeout",
                      "read_timeout"],
    }
    for kind, keys in expected.items():
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
        for key in keys:
            widget = option(dialog, key)
            assert widget.accessibleName(), f"{kind}: {key} has no accessible name"
            labels = [label for label in dialog.service_options.findChildren(QLabel) if label.buddy() is widget]
            assert (labels and labels[0].isVisible()) or (isinstance(widget, QCheckBox) and widget.text())
    assert dialog.service_options.fetch_providers_button.accessibleName()
    assert dialog.options_edit.accessibleName() == "Advanced options as JSON"

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("dashscope"))
    dialog.name_edit.setText("Paraformer")
    qtbot.keyClicks(option(dialog, "language_hints"), "zh, en")
    box = option(dialog, "diarization")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))  # on the box, not beside
    option(dialog, "speaker_count").setValue(2)
    dialog.options_edit.setPlainText('{"give_up_after_minutes": 30}')
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = RemoteProfileStore(tmp_path / "remote_profiles.json").get("Paraformer")
    assert saved.options == {"language_hints": ["zh", "en"], "diarization": True, "speaker_count": 2,
                             "give_up_after_minutes": 30}  # fields at their defaults are left out

    dialog.add_profile()
    dialog._reload(select="Paraformer")
    assert option(dialog, "language_hints").text() == "zh, en" and option(dialog, "diarization").isChecked()
    assert option(dialog, "speaker_count").value() == 2
    assert dialog.options_edit.toPlainText() == '{"give_up_after_minutes": 30}'


def test_advanced_json_is_checked_as_it_is_typed(qtbot, dialog) -> None:
    status = dialog.service_options.advanced_status
    qtbot.keyClicks(dialog.options_edit, '{"attempts": ')
    assert status.text() == '✗ The advanced options must be JSON, for example {"attempts": 3}.'
    qtbot.keyClicks(dialog.options_edit, "3}")
    assert status.text() == ""
    dialog.options_edit.setPlainText('{"read_timeout": 20}')
    assert status.text() == ("✗ “read_timeout” has its own field; set it there rather than in the advanced "
                             "options.")
    dialog.options_edit.setPlainText("[1, 2]")
    assert status.text() == '✗ The advanced options must be a JSON object, for example {"attempts": 3}.'


def test_hf_providers_are_fetched_from_the_hub_and_one_is_chosen(qtbot, dialog, local_engine, tmp_path,
                                                                 monkeypatch) -> None:
    with FakeFalServer(Recogniser(local_engine), routed=True) as router:
        monkeypatch.setenv("EARSHOT_CACHE_DIR", str(router.mapping_cache))
        router.hub.mappings[SEED_MODEL] = {"replicate": live("openai/whisper", status="staging"),
                                           "fal-ai": live("fal-ai/whisper"), "together": live("x")}
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("hf"))
        dialog.name_edit.setText("Seed example")
        dialog.url_edit.setText(router.root)
        dialog.model_combo.setEditText(SEED_MODEL)
        qtbot.keyClicks(dialog.key_edit, router.api_key)
        qtbot.keyClicks(option(dialog, "hub_url"), router.hub.root)
        options = dialog.service_options
        qtbot.mouseClick(options.fetch_providers_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(options.fetch_providers_button.isEnabled, timeout=10_000)
        assert options.providers_status.text() == (
            "The Hub lists: replicate (staging), fal-ai (live), together (live)")
        combo = options.provider_combo
        offered = [combo.itemText(i) for i in range(combo.count())]
        assert offered[:5] == ["Automatic (first live provider)", "hf-inference", "replicate (staging)",
                               "fal-ai (live)", "together (live)"]
        assert not combo.model().item(offered.index("together (live)")).isEnabled()  # Earshot cannot use it
        combo.setCurrentIndex(combo.findData("fal-ai"))
        assert run_connection_test(qtbot, dialog) == f"✓ Connected: {SEED_MODEL} answered through fal-ai (live)."
        assert router.requests[-1].path == "/fal-ai/fal-ai/whisper"
        combo.setCurrentIndex(combo.findData("replicate"))
        assert run_connection_test(qtbot, dialog) == (
            f"✗ The provider replicate offers “{SEED_MODEL}” only in staging, for its own tests; "
            "choose a live provider.")
        combo.setCurrentIndex(combo.findData("fal-ai"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = RemoteProfileStore(tmp_path / "remote_profiles.json").get("Seed example")
    assert saved.options == {"provider": "fal-ai", "hub_url": router.hub.root}
    assert load_api_key("Seed example") == router.api_key
    assert router.api_key not in (tmp_path / "remote_profiles.json").read_text()



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
