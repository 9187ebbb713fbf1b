"""The REST API on a real in-process Jupyter Server (pytest-jupyter), over HTTP."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from tornado.httpclient import HTTPClientError

from proofnb.store.history import ProofStore

API = ("proofnb", "api")


async def get_json(jp_fetch: Any, *parts: str, **params: Any) -> Any:
    response = await jp_fetch(*API, *parts, params=params)
    assert response.code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    return json.loads(response.body)


async def error_of(jp_fetch: Any, *parts: str, method: str = "GET", **params: Any) -> Any:
    with pytest.raises(HTTPClientError) as e:
        await jp_fetch(*API, *parts, params=params, method=method)
    assert e.value.response is not None
    return e.value.code, json.loads(e.value.response.body)["message"]


def _schema_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


async def test_extension_creates_a_missing_database(jp_fetch: Any, history_path: Path) -> None:
    # Nothing made the file or its folder before the server started (no store fixture here).
    page = await get_json(jp_fetch, "proofs")
    assert page == {"items": [], "total": 0, "skip": 0, "limit": 20, "next": None}
    assert _schema_version(history_path) >= 1


async def test_offset_page_true_total_and_right_ten(jp_fetch: Any, filled: ProofStore) -> None:
    page = await get_json(jp_fetch, "proofs", skip=50, limit=10)
    assert len(page["items"]) == 10 and page["total"] == 100
    assert page["skip"] == 50 and page["limit"] == 10
    assert [item["id"] for item in page["items"]] == list(range(50, 40, -1))
    assert [item["title"] for item in page["items"]][0] == "Proof number 49"
    assert page["next"]


async def test_filters_change_total(jp_fetch: Any, filled: ProofStore) -> None:
    rejected = await get_json(jp_fetch, "proofs", verdict="rejected", limit=200)
    assert rejected["total"] == 33 == len(rejected["items"])
    assert {item["verdict"] for item in rejected["items"]} == {"rejected"}
    found = await get_json(jp_fetch, "proofs", q="proof NUMBER 1", limit=5)
    assert found["total"] == 11 and len(found["items"]) == 5
    both = await get_json(jp_fetch, "proofs", q="nb0.ipynb", verdict="accepted")
    assert both["total"] == len([i for i in range(100) if i % 2 == 0 and i % 3 == 0])
    assert (await get_json(jp_fetch, "proofs", verdict=""))["total"] == 100


async def test_page_past_the_end(jp_fetch: Any, filled: ProofStore) -> None:
    page = await get_json(jp_fetch, "proofs", skip=500, limit=10)
    assert page["items"] == [] and page["total"] == 100 and page["next"] is None
    review = await get_json(jp_fetch, "proofs", skip=33, verdict="review")
    assert review["items"] == [] and review["total"] == 33


async def test_keyset_pages_cover_everything(jp_fetch: Any, filled: ProofStore) -> None:
    seen: list[int] = []
    params: dict[str, Any] = {"limit": 30}
    while True:
        page = await get_json(jp_fetch, "proofs", **params)
        assert page["total"] == 100
        seen += [item["id"] for item in page["items"]]
        if page["next"] is None:
            break
        params["before"] = page["next"]
    assert seen == list(range(100, 0, -1))


async def test_one_proof_with_steps_and_delete(jp_fetch: Any, filled: ProofStore) -> None:
    proof = await get_json(jp_fetch, "proofs", "3")
    assert proof["id"] == 3 and proof["title"] == "Proof number 2"
    assert proof["verdict"] == "rejected" and len(proof["steps"]) == 3
    assert proof["steps"][0]["counterexample"]["point"] == {"x": "-1"}
    assert proof == filled.get(3)
    response = await jp_fetch(*API, "proofs", "3", method="DELETE")
    assert response.code == 204
    assert await error_of(jp_fetch, "proofs", "3") == (404, "no proof with id 3")
    assert (await error_of(jp_fetch, "proofs", "3", method="DELETE"))[0] == 404
    assert (await get_json(jp_fetch, "proofs"))["total"] == 99


async def test_missing_proof_is_404_json(jp_fetch: Any, filled: ProofStore) -> None:
    assert await error_of(jp_fetch, "proofs", "123456") == (404, "no proof with id 123456")


async def test_stats(jp_fetch: Any, filled: ProofStore) -> None:
    stats = await get_json(jp_fetch, "stats", top=2)
    assert stats["total"] == 100
    assert stats["verdicts"] == {"accepted": 34, "review": 33, "rejected": 33}
    assert len(stats["refuted_steps"]) == 2 and stats["refuted_steps"][0]["count"] == 1


@pytest.mark.parametrize(
    ("parts", "params", "name"),
    [
        (("proofs",), {"skip": "-1"}, "skip"),
        (("proofs",), {"skip": "1.5"}, "skip"),
        (("proofs",), {"skip": "ten"}, "skip"),
        (("proofs",), {"limit": "0"}, "limit"),
        (("proofs",), {"limit": "201"}, "limit"),
        (("proofs",), {"limit": "1e2"}, "limit"),
        (("proofs",), {"limit": "99999999999999999999999"}, "limit"),
        (("proofs",), {"verdict": "maybe"}, "verdict"),
        (("proofs",), {"before": "garbage!"}, "before"),
        (("proofs",), {"q": "x" * 300}, "q"),
        (("proofs",), {"sort": "id"}, "sort"),
        (("proofs", "abc"), {}, "id"),
        (("proofs", "0"), {}, "id"),
        (("proofs", "1"), {"verbose": "1"}, "verbose"),
        (("stats",), {"top": "0"}, "top"),
        (("health",), {"window": "0"}, "window"),
    ],
)
async def test_bad_parameters_are_400_naming_them(
    jp_fetch: Any, parts: tuple[str, ...], params: dict[str, str], name: str
) -> None:
    code, message = await error_of(jp_fetch, *parts, **params)
    assert code == 400
    assert message.startswith(f"{name}: ")


async def test_jupyterlab_cache_buster_is_accepted(jp_fetch: Any, filled: ProofStore) -> None:
    # ServerConnection.makeRequest appends a bare timestamp parameter to every GET.
    page = await get_json(jp_fetch, "proofs", limit=5, **{"1732800000000": ""})
    assert len(page["items"]) == 5 and page["total"] == 100


async def test_health_reports_loop_lag(jp_fetch: Any) -> None:
    health = await get_json(jp_fetch, "health", window=5)
    assert health["status"] == "ok" and health["proofs"] == 0
    assert health["loop_lag"]["window_s"] == 5 and health["loop_lag"]["max_ms"] >= 0


async def test_openapi_documents_every_route(jp_fetch: Any, proofnb_app: Any) -> None:
    doc = await get_json(jp_fetch, "openapi")
    assert doc["openapi"].startswith("3.")
    documented = {path.strip("/") for path in doc["paths"]}
    routes = {pattern.replace("([^/]+)", "{id}") for pattern, *_ in proofnb_app.handlers}
    assert documented == routes
    summary = doc["components"]["schemas"]["Summary"]
    assert set(summary["required"]) == set(summary["properties"])
