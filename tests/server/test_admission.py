"""Admission control, ETags made off the loop, and the loop-lag probe's GC pauses."""

from __future__ import annotations

import asyncio
import gc
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from jupyter_server.utils import url_path_join
from tornado.httpclient import HTTPClientError
from traitlets.config import Config

from proofnb.server.lag import LoopLagMonitor
from proofnb.store.history import ProofStore

API = ("proofnb", "api")
SLOTS = 2


@pytest.fixture
def jp_server_config(history_path: Path) -> Config:
    return Config(
        {
            "ServerApp": {"jpserver_extensions": {"proofnb": True}},
            "ProofnbApp": {
                "database_filepath": str(history_path),
                "max_concurrent_requests": SLOTS,
            },
        }
    )


async def _code(jp_fetch: Any, *parts: str, **params: Any) -> int:
    try:
        response = await jp_fetch(*API, *parts, params=params)
    except HTTPClientError as e:
        return e.code
    page = json.loads(response.body)
    assert not isinstance(page, dict) or "message" not in page
    return int(response.code)


async def test_many_concurrent_requests_queue_and_all_answer(
    jp_fetch: Any,
    filled: ProofStore,
    proofnb_app: Any,
    http_server_client: Any,
    jp_base_url: str,
) -> None:
    # Far more requests than slots, with errors mixed in: every one gets its own answer, and
    # every slot comes back (a leaked slot would hang the last requests or the check below).
    expected: list[tuple[Any, int]] = []
    for i in range(15):
        expected.append((_code(jp_fetch, "proofs", limit=5, skip=i), 200))
        expected.append((_code(jp_fetch, "proofs", str(1000 + i)), 404))
        expected.append((_code(jp_fetch, "proofs", limit=0), 400))
        anonymous = http_server_client.fetch(
            url_path_join(jp_base_url, "proofnb/api/stats"), raise_error=False
        )
        expected.append((_status(anonymous), 403))
    codes = await asyncio.wait_for(asyncio.gather(*(c for c, _ in expected)), 60)
    assert list(codes) == [code for _, code in expected]
    admission: asyncio.Semaphore = proofnb_app.settings["proofnb_admission"]
    for _ in range(SLOTS):
        await asyncio.wait_for(admission.acquire(), 1)
    assert admission.locked()
    for _ in range(SLOTS):
        admission.release()


async def _status(response: Any) -> int:
    return int((await response).code)


async def test_health_answers_while_every_slot_is_taken(jp_fetch: Any, proofnb_app: Any) -> None:
    admission: asyncio.Semaphore = proofnb_app.settings["proofnb_admission"]
    for _ in range(SLOTS):
        await admission.acquire()
    try:
        health = await asyncio.wait_for(jp_fetch(*API, "health"), 10)
        assert json.loads(health.body)["status"] == "ok"
        queued = asyncio.ensure_future(jp_fetch(*API, "stats"))
        await asyncio.sleep(0.3)
        assert not queued.done()  # waits for a slot instead of failing
    finally:
        for _ in range(SLOTS):
            admission.release()
    assert (await asyncio.wait_for(queued, 10)).code == 200


async def test_etag_is_the_body_hash_and_revalidates(jp_fetch: Any, filled: ProofStore) -> None:
    response = await jp_fetch(*API, "proofs", params={"limit": 3})
    etag = response.headers["Etag"]
    assert etag == f'"{hashlib.sha1(response.body).hexdigest()}"'
    try:
        again = await jp_fetch(*API, "proofs", params={"limit": 3}, headers={"If-None-Match": etag})
        code = again.code
    except HTTPClientError as e:
        code = e.code
    assert code == 304
    other = await jp_fetch(*API, "proofs", params={"limit": 4})
    assert other.headers["Etag"] != etag


async def test_lag_monitor_records_gc_pauses() -> None:
    monitor = LoopLagMonitor()
    monitor.start()
    try:
        garbage = []
        for _ in range(200_000):
            cycle: list[Any] = []
            cycle.append(cycle)
            garbage.append(cycle)
        del garbage
        gc.collect()
        await asyncio.sleep(0.05)
        report = monitor.report(5)
    finally:
        await monitor.stop()
    assert report["gc_max_ms"] > 0 and report["samples"] >= 1
    assert monitor._on_gc not in gc.callbacks
