"""REST handlers under ``<base_url>/proofnb/api``: small, authenticated, authorized, validated.

Every handler runs database work in the extension's thread pool, never on the event loop.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable
from functools import partial
from importlib.resources import files
from typing import Any, NamedTuple, TypeVar

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from jupyter_server.extension.handler import ExtensionHandlerMixin
from tornado import web

from ..core.errors import OptionsError
from ..store.history import ProofStore
from . import params

T = TypeVar("T")

AUTH_RESOURCE = "proofnb"
#: Store argument names shown to HTTP clients under their query-parameter names.
_PARAMETER_NAMES = {"query": "q"}


class Encoded(NamedTuple):
    """A response body ready to send, with the ETag tornado would otherwise hash on the loop."""

    body: bytes
    etag: str


def encode(data: Any) -> Encoded:
    """UTF-8 JSON and its ETag; called in the pool so the event loop only writes bytes."""
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Encoded(body, f'"{hashlib.sha1(body).hexdigest()}"')


class ApiError(web.HTTPError):
    """An HTTP error whose ``message`` reaches the client verbatim (``%`` and all)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, message.replace("%", "%%"))
        self.message = message


def bad_request(error: OptionsError) -> ApiError:
    name = _PARAMETER_NAMES.get(error.option, error.option)
    return ApiError(400, f"{name}: {error.reason}")


class ProofnbHandler(ExtensionHandlerMixin, APIHandler):
    """Base handler: JSON errors, the shared store and the database thread pool."""

    auth_resource = AUTH_RESOURCE
    #: Whether this route waits for an admission slot (see :meth:`prepare`).
    admission_controlled = True
    _admitted = False

    async def prepare(self, *, _redirect_to_login: bool = True) -> None:
        """Wait for an admission slot, then authenticate (jupyter_server's ``prepare``).

        At most ``ProofnbApp.max_concurrent_requests`` requests are past this point at once;
        the rest wait here, in arrival order, on a cheap future. So when a hundred clients send
        at once, one pass of the event loop never runs a hundred requests' worth of
        authentication, response writing and logging: the loop stays responsive and no request
        is refused, it only queues.
        """
        if self.admission_controlled:
            await self.settings["proofnb_admission"].acquire()
            self._admitted = True
        await super().prepare()

    def on_finish(self) -> None:
        # tornado calls on_finish once for every request that reached prepare, errors included.
        if self._admitted:
            self._admitted = False
            self.settings["proofnb_admission"].release()
        super().on_finish()

    @property
    def store(self) -> ProofStore:
        store: ProofStore = self.settings["proofnb_store"]
        return store

    async def in_thread(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking database work in the pool; OptionsError becomes a 400."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                self.settings["proofnb_executor"], partial(function, *args, **kwargs)
            )
        except OptionsError as e:
            raise bad_request(e) from e

    def check_parameters(self, *allowed: str) -> None:
        try:
            params.only(self.request.query_arguments, frozenset(allowed))
        except OptionsError as e:
            raise bad_request(e) from e

    def proof_id(self, raw: str) -> int:
        try:
            value = params.integer("id", raw, -1)
        except OptionsError as e:
            raise bad_request(e) from e
        if value < 1:
            raise ApiError(400, "id: must be a positive integer")
        return value

    def write_json(self, data: Any) -> None:
        """Send JSON; an :class:`Encoded` body (made in the pool) is sent as it is."""
        encoded = data if isinstance(data, Encoded) else encode(data)
        self.set_header("Content-Type", "application/json")
        self.set_header("Etag", encoded.etag)
        # With Etag set, tornado's finish() neither hashes the body nor checks If-None-Match.
        if self.get_status() == 200 and self.check_etag_header():
            self.set_status(304)
            self.finish()
            return
        self.finish(encoded.body)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc_info = kwargs.get("exc_info")
        error = exc_info[1] if exc_info else None
        if isinstance(error, ApiError):
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps({"message": error.message, "reason": error.reason}))
            return
        super().write_error(status_code, **kwargs)


def _encode_found(data: Any) -> Encoded | None:
    return None if data is None else encode(data)


class ProofsHandler(ProofnbHandler):
    """``GET /proofnb/api/proofs``: one page of summaries and the true total."""

    @web.authenticated
    @authorized
    async def get(self) -> None:
        self.check_parameters("skip", "limit", "verdict", "q", "before")
        arg = self.get_query_argument
        try:
            skip = params.integer("skip", arg("skip", None), 0)
            limit = params.integer("limit", arg("limit", None), 20)
        except OptionsError as e:
            raise bad_request(e) from e
        store = self.store
        page = await self.in_thread(
            lambda: encode(
                store.page(
                    limit=limit,
                    skip=skip,
                    verdict=params.text(arg("verdict", None)),
                    query=params.text(arg("q", None)),
                    before=params.text(arg("before", None)),
                ).to_dict()
            )
        )
        self.write_json(page)


class ProofHandler(ProofnbHandler):
    """``GET`` / ``DELETE /proofnb/api/proofs/<id>``."""

    @web.authenticated
    @authorized
    async def get(self, proof_id: str) -> None:
        self.check_parameters()
        number = self.proof_id(proof_id)
        store = self.store
        proof = await self.in_thread(lambda: _encode_found(store.get(number)))
        if proof is None:
            raise ApiError(404, f"no proof with id {number}")
        self.write_json(proof)

    @web.authenticated
    @authorized
    async def delete(self, proof_id: str) -> None:
        self.check_parameters()
        number = self.proof_id(proof_id)
        if not await self.in_thread(self.store.delete, number):
            raise ApiError(404, f"no proof with id {number}")
        self.set_status(204)
        self.finish()


class StatsHandler(ProofnbHandler):
    """``GET /proofnb/api/stats``: counts per verdict and the most often refuted steps."""

    @web.authenticated
    @authorized
    async def get(self) -> None:
        self.check_parameters("top")
        try:
            top = params.integer("top", self.get_query_argument("top", None), 10)
        except OptionsError as e:
            raise bad_request(e) from e
        store = self.store
        self.write_json(await self.in_thread(lambda: encode(store.stats(top))))


class HealthHandler(ProofnbHandler):
    """``GET /proofnb/api/health``: liveness, proof count and the event loop's recent lag."""

    admission_controlled = False  # the probe answers even when the queue is long

    @web.authenticated
    @authorized
    async def get(self) -> None:
        self.check_parameters("window")
        try:
            window = params.integer("window", self.get_query_argument("window", None), 60)
        except OptionsError as e:
            raise bad_request(e) from e
        if not 1 <= window <= 3600:
            raise ApiError(400, "window: must be between 1 and 3600 seconds")
        monitor = self.settings["proofnb_lag"]
        monitor.start()
        total = await self.in_thread(self.store.count)
        self.write_json({"status": "ok", "proofs": total, "loop_lag": monitor.report(window)})


class OpenAPIHandler(ProofnbHandler):
    """``GET /proofnb/api/openapi``: this API's OpenAPI 3 document."""

    @web.authenticated
    @authorized
    async def get(self) -> None:
        self.check_parameters()
        self.write_json(openapi_document())


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document shipped inside the package."""
    data: dict[str, Any] = json.loads(
        files("proofnb.server").joinpath("openapi.json").read_text(encoding="utf-8")
    )
    return data


#: Routes relative to the server's base URL.
HANDLERS: list[tuple[str, type[ProofnbHandler]]] = [
    (r"proofnb/api/proofs", ProofsHandler),
    (r"proofnb/api/proofs/([^/]+)", ProofHandler),
    (r"proofnb/api/stats", StatsHandler),
    (r"proofnb/api/health", HealthHandler),
    (r"proofnb/api/openapi", OpenAPIHandler),
]
