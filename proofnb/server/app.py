"""The ``proofnb`` Jupyter Server extension: opens the history and serves it."""

from __future__ import annotations

import asyncio
import gc
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
        2,
        help=(
            "Threads that run database queries, so the event loop never waits on SQLite. More "
            "than two mostly adds GIL contention with the event loop (SQLite itself is fast)."
        ),
    ).tag(config=True)

    max_concurrent_requests = Int(
        8,
        help=(
            "Requests served at once; more wait in arrival order. Bounds the work one event-loop "
            "pass can take on, so the loop stays responsive under many concurrent clients."
        ),
    ).tag(config=True)

    freeze_gc = Bool(
        True,
        help=(
            "Once the server has started, collect garbage and freeze what is left "
            "(gc.freeze()), so later full collections skip the server's long-lived objects: "
            "otherwise one can stop the event loop for ~100 ms under load."
        ),
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

    @validate("max_concurrent_requests")
    def _validate_max_concurrent_requests(self, proposal: dict[str, Any]) -> int:
        value = int(proposal["value"])
        if not 1 <= value <= 1024:
            raise TraitError("`max_concurrent_requests` must be between 1 and 1024.")
        return value

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
            proofnb_admission=asyncio.Semaphore(self.max_concurrent_requests),
        )

    def initialize_handlers(self) -> None:
        self.handlers.extend(HANDLERS)

    async def _start_jupyter_server_extension(self, serverapp: Any) -> None:
        self.settings["proofnb_lag"].start()
        if self.freeze_gc:
            # Runs after every extension has loaded: modules, traitlets and handlers are
            # permanent, so a full collection walking them is pure pause.
            gc.collect()
            gc.freeze()

    async def stop_extension(self) -> None:
        settings = self.settings
        if "proofnb_lag" in settings:
            await settings["proofnb_lag"].stop()
        if "proofnb_executor" in settings:
            settings["proofnb_executor"].shutdown(wait=True, cancel_futures=True)
        if "proofnb_store" in settings:
            settings["proofnb_store"].close()
