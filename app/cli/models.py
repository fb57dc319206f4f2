"""`earshot models list|download NAME|delete NAME|add PATH|source [URL|hub]`: the model manager on the command line."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from app.cli.argparse_language import CommandLineParser, Commands
from app.cli.display_width import display_width, pad_to_width
from app.cli.inputs import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, say
from app.core.errors import Cancelled, EarshotError
from app.core.text_translation import translatable, translated
from app.engines.installed_models import ModelOrigin, add_model_folder, delete_model, installed_models, is_downloaded
from app.engines.model_catalog import CATALOG, CatalogModel, Rating, format_size
from app.engines.model_settings import (
    checked_download_source,
    hub_endpoint,
    load_model_settings,
    save_model_settings,
)
from app.engines.model_store import BUNDLED_MODELS

SPEED_WORDS = {Rating.HIGHEST: translatable("fastest"), Rating.HIGH: translatable("fast"),
               Rating.MEDIUM: translatable("moderate"), Rating.LOW: translatable("slow")}
ACCURACY_WORDS = {Rating.LOW: translatable("basic"), Rating.MEDIUM: translatable("good"),
                  Rating.HIGH: translatable("better"), Rating.HIGHEST: translatable("best")}
COLUMN_WIDTHS = (18, 8, 12, 9, 9)  # NAME, SIZE (aligned right), LANGUAGES, SPEED, ACCURACY; then STATUS
HUB_KEYWORD = "hub"


def add_models_command(
    commands: Commands, parents: list[CommandLineParser]
) -> None:
    models = commands.add_parser("models", help=translated("list, download, delete or add recognition models"),
                                 description=translated("List, download, delete or add recognition models."),
                                 parents=parents)
    actions = models.add_subparsers(dest="models_action", metavar="ACTION", required=True)
    actions.add_parser("list", help=translated("the models, their size, languages, speed, accuracy and whether "
                                               "present"))
    download = actions.add_parser("download", help=translated("download a model (`models list` names them)"))
    download.add_argument("name", metavar="NAME", help=translated("the model's name"))
    download.add_argument("--source", default=None, metavar="URL",
                          help=translated("download from this mirror this once (default: the download source "
                                          "setting)"))
    delete = actions.add_parser("delete", help=translated("delete a downloaded model, or forget an added folder"))
    delete.add_argument("name", metavar="NAME|PATH", help=translated("the model's name, or the added folder"))
    add = actions.add_parser("add", help=translated("add a folder holding a CTranslate2 Whisper model"))
    add.add_argument("folder", type=Path, metavar="PATH", help=translated("the model's folder"))
    source = actions.add_parser("source", help=translated("show or set where models are downloaded from"))
    source.add_argument("address", nargs="?", default=None, metavar=f"URL|{HUB_KEYWORD}",
                        help=translated("a mirror's address, or `{hub}` for the Hugging Face hub (or "
                                        "HF_ENDPOINT)").format(hub=HUB_KEYWORD))


def models_command(arguments: argparse.Namespace) -> int:
    action = arguments.models_action
    try:
        if action == "list":
            return write_model_table(sys.stdout)
        if action == "download":
            return _download(arguments.name, arguments.source)
        if action == "delete":
            delete_model(arguments.name)
            print(translated("Deleted {name}.").format(name=arguments.name))
            return EXIT_OK
        if action == "add":
            print(translated("Added {name}.").format(name=add_model_folder(arguments.folder).key))
            return EXIT_OK
        return _source(arguments.address)
    except EarshotError as error:
        say(str(error))
        return EXIT_FAILED
    except (Cancelled, KeyboardInterrupt):
        say(translated("cancelled; the files downloaded so far are kept for the next attempt."))
        return EXIT_INTERRUPTED


def write_model_table(out: TextIO) -> int:
    out.write(_row(translated("NAME"), translated("SIZE"), translated("LANGUAGES"), translated("SPEED"),
                   translated("ACCURACY"), translated("STATUS")))
    for model in CATALOG.values():
        status = translated("bundled") if model.name in BUNDLED_MODELS else (
            translated("downloaded") if is_downloaded(model.name) else translated("not downloaded"))
        out.write(_row(model.name, format_size(model.size), languages_word(model), translated(SPEED_WORDS[model.speed]),
                       translated(ACCURACY_WORDS[model.accuracy]), status))
    for added in installed_models():
        if added.origin is ModelOrigin.ADDED:
            out.write(_row(added.name, "", "", "", "", translated("added: {folder}").format(folder=added.key)))
    return EXIT_OK


def _row(name: str, size: str, languages: str, speed: str, accuracy: str, status: str) -> str:
    """One line of the table, its columns aligned by terminal columns (a Chinese character takes two)."""
    name_width, size_width, languages_width, speed_width, accuracy_width = COLUMN_WIDTHS
    size_column = " " * max(0, size_width - display_width(size)) + size
    return (f"{pad_to_width(name, name_width)} {size_column}  {pad_to_width(languages, languages_width)} "
            f"{pad_to_width(speed, speed_width)} {pad_to_width(accuracy, accuracy_width)} {status}\n")


def _download(name: str, source: str | None) -> int:
    from app.engines.model_download import download_model  # huggingface_hub is imported only for downloads

    model = CATALOG.get(name)
    if model is None:
        say(translated("Unknown model “{name}”: `earshot models list` shows the models that can be downloaded.").format(
            name=name))
        return EXIT_USAGE
    if name in BUNDLED_MODELS:
        print(translated("{name} ships with Earshot: there is nothing to download.").format(name=name))
        return EXIT_OK
    chosen = checked_download_source(source) if source is not None else load_model_settings().download_source
    progress = _DownloadLine(name, sys.stderr)
    try:
        folder = download_model(model, chosen, on_progress=progress.update)
    finally:
        progress.close()
    print(translated("Downloaded {name} from {source} into {folder}.").format(
        name=name, source=hub_endpoint(chosen), folder=folder))
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
    return translated("English") if model.english_only else translated("multilingual")


class _DownloadLine:
    """A one-line progress display on standard error, only when it is a terminal."""

    def __init__(self, name: str, stream: TextIO) -> None:
        self._name = name
        self._stream = stream
        self._enabled = stream.isatty()

    def update(self, done: int, total: int) -> None:
        if self._enabled and total:
            of_size = translated("{percent} of {size}").format(percent=f"{done / total:4.0%}", size=format_size(total))
            self._stream.write(f"\r{self._name}: {of_size}   ")
            self._stream.flush()

    def close(self) -> None:
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()
