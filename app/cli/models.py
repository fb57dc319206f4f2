"""`earshot models list|download NAME|delete NAME|add PATH|source [URL|hub]`: the model manager on the command line."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from app.cli.inputs import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, say
from app.core.errors import Cancelled, EarshotError
from app.engines.installed_models import ModelOrigin, add_model_folder, delete_model, installed_models, is_downloaded
from app.engines.model_catalog import CATALOG, CatalogModel, Rating, format_size
from app.engines.model_settings import (
    checked_download_source,
    hub_endpoint,
    load_model_settings,
    save_model_settings,
)
from app.engines.model_store import BUNDLED_MODELS

SPEED_WORDS = {Rating.HIGHEST: "fastest", Rating.HIGH: "fast", Rating.MEDIUM: "moderate", Rating.LOW: "slow"}
ACCURACY_WORDS = {Rating.LOW: "basic", Rating.MEDIUM: "good", Rating.HIGH: "better", Rating.HIGHEST: "best"}
HUB_KEYWORD = "hub"


def add_models_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    models = commands.add_parser("models", help="list, download, delete or add recognition models", parents=parents)
    actions = models.add_subparsers(dest="models_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the models, their size, languages, speed, accuracy and whether present")
    download = actions.add_parser("download", help="download a model (`models list` names them)")
    download.add_argument("name", metavar="NAME")
    download.add_argument("--source", default=None, metavar="URL",
                          help="download from this mirror this once (default: the download source setting)")
    delete = actions.add_parser("delete", help="delete a downloaded model, or forget an added folder")
    delete.add_argument("name", metavar="NAME|PATH")
    add = actions.add_parser("add", help="add a folder holding a CTranslate2 Whisper model")
    add.add_argument("folder", type=Path, metavar="PATH")
    source = actions.add_parser("source", help="show or set where models are downloaded from")
    source.add_argument("address", nargs="?", default=None, metavar=f"URL|{HUB_KEYWORD}",
                        help=f"a mirror's address, or `{HUB_KEYWORD}` for the Hugging Face hub (or HF_ENDPOINT)")


def models_command(arguments: argparse.Namespace) -> int:
    action = arguments.models_action
    try:
        if action == "list":
            return _list(sys.stdout)
        if action == "download":
            return _download(arguments.name, arguments.source)
        if action == "delete":
            delete_model(arguments.name)
            print(f"Deleted {arguments.name}.")
            return EXIT_OK
        if action == "add":
            print(f"Added {add_model_folder(arguments.folder).key}.")
            return EXIT_OK
        return _source(arguments.address)
    except EarshotError as error:
        say(str(error))
        return EXIT_FAILED
    except (Cancelled, KeyboardInterrupt):
        say("cancelled; the files downloaded so far are kept for the next attempt.")
        return EXIT_INTERRUPTED


def _list(out: TextIO) -> int:
    out.write(f"{'NAME':<18} {'SIZE':>8}  {'LANGUAGES':<12} {'SPEED':<9} {'ACCURACY':<9} STATUS\n")
    for model in CATALOG.values():
        status = "bundled" if model.name in BUNDLED_MODELS else (
            "downloaded" if is_downloaded(model.name) else "not downloaded")
        out.write(f"{model.name:<18} {format_size(model.size):>8}  {languages_word(model):<12} "
                  f"{SPEED_WORDS[model.speed]:<9} {ACCURACY_WORDS[model.accuracy]:<9} {status}\n")
    for added in installed_models():
        if added.origin is ModelOrigin.ADDED:
            out.write(f"{added.name:<18} {'':>8}  {'':<12} {'':<9} {'':<9} added: {added.key}\n")
    return EXIT_OK


def _download(name: str, source: str | None) -> int:
    from app.engines.model_download import download_model  # huggingface_hub is imported only for downloads

    model = CATALOG.get(name)
    if model is None:
        say(f"Unknown model “{name}”: `earshot models list` shows the models that can be downloaded.")
        return EXIT_USAGE
    if name in BUNDLED_MODELS:
        print(f"{name} ships with Earshot: there is nothing to download.")
        return EXIT_OK
    chosen = checked_download_source(source) if source is not None else load_model_settings().download_source
    progress = _DownloadLine(name, sys.stderr)
    try:
        folder = download_model(model, chosen, on_progress=progress.update)
    finally:
        progress.close()
    print(f"Downloaded {name} from {hub_endpoint(chosen)} into {folder}.")
    return EXIT_OK


def _source(address: str | None) -> int:
    settings = load_model_settings()
    if address is not None:
        chosen = "" if address.strip().casefold() == HUB_KEYWORD else checked_download_source(address)
        settings = replace(settings, download_source=chosen)
        save_model_settings(settings)
    print(hub_endpoint(settings.download_source))
    return EXIT_OK


def languages_word(model: CatalogModel) -> str:
    return "English" if model.english_only else "multilingual"


class _DownloadLine:
    """A one-line progress display on standard error, only when it is a terminal."""

    def __init__(self, name: str, stream: TextIO) -> None:
        self._name = name
        self._stream = stream
        self._enabled = stream.isatty()

    def update(self, done: int, total: int) -> None:
        if self._enabled and total:
            self._stream.write(f"\r{self._name}: {done / total:4.0%} of {format_size(total)}   ")
            self._stream.flush()

    def close(self) -> None:
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()
