"""The ``proofnb`` Jupyter Server extension: opens the history and serves it."""

from __future__ import annotations

import os
import pathlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from jupyter_server.extension.application import ExtensionApp
from traitlets import Bool, Int, TraitError, Unicode, default, validate

from ..store.history import ProofStore
from ..store.paths import DATABASE_ENV, default_database_path
from .handlers import HANDLERS
from .lag import LoopLagMonitor


class ProofnbApp(ExtensionApp):
    """Serves the proof history at ``<base_url>/proofnb/api/...`` (see ``openapi.json``)."""

    name = "proofnb"
    description = "Proof history API for proofnb"
    load_other_extensions = True

    database_filepath = Unicode(
        help=(
            "The SQLite proof history (created when missing). Defaults to $PROOFNB_DB, else "
            "<jupyter data dir>/proofnb/history.sqlite: the same file kernels write to."
        ),
    ).tag(config=True)

    database_threads = Int(
        4, help="Threads that run database queries, so the event loop never waits on SQLite."
    ).tag(config=True)

    export_database_env = Bool(
        True,
        help=(
            "Export the resolved path as $PROOFNB_DB so that kernels this server starts "
            "write to the database it serves."
        ),
    ).tag(config=True)

    @default("database_filepath")
    def _default_database_filepath(self) -> str:
        return default_database_path()

    @validate("database_filepath")
    def _validate_database_filepath(self, proposal: dict[str, Any]) -> str:
        value = str(proposal["value"])
        if not value or value == ":memory:":
            raise TraitError("`database_filepath` must be a file path shared with the kernels.")
        path = pathlib.Path(value).expanduser()
        if path.exists():
            if path.is_dir():
                raise TraitError(
                    "`database_filepath` expected a file path, but the given path is a directory."
                )
            with open(path, "rb") as f:
                header = f.read(100)
            if not header.startswith(b"SQLite format 3") and header != b"":
                raise TraitError("The given file is not an SQLite database file.")
        return str(path.absolute())

    @validate("database_threads")
    def _validate_database_threads(self, proposal: dict[str, Any]) -> int:
        value = int(proposal["value"])
        if not 1 <= value <= 64:
            raise TraitError("`database_threads` must be between 1 and 64.")
        return value

    def initialize_settings(self) -> None:
        store = ProofStore(self.database_filepath)
        if self.export_database_env:
            os.environ[DATABASE_ENV] = store.path
        self.log.info("proofnb: serving proof history from %s", store.path)
        self.settings.update(
            proofnb_store=store,
            proofnb_executor=ThreadPoolExecutor(
                self.database_threads, thread_name_prefix="proofnb-db"
            ),
            proofnb_lag=LoopLagMonitor(),
        )

    def initialize_handlers(self) -> None:
        self.handlers.extend(HANDLERS)

    async def _start_jupyter_server_extension(self, serverapp: Any) -> None:
        self.settings["proofnb_lag"].start()

    async def stop_extension(self) -> None:
        settings = self.settings
        if "proofnb_lag" in settings:
            await settings["proofnb_lag"].stop()
        if "proofnb_executor" in settings:
            settings["proofnb_executor"].shutdown(wait=True, cancel_futures=True)
        if "proofnb_store" in settings:
            settings["proofnb_store"].close()
