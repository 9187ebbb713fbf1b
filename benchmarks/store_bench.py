"""Proof history on the real Jupyter Server over loopback: page latency, load, event-loop lag.

Builds a history of 1,000,000 proofs (``--short``: 20,000) with the bulk writer, starts
``jupyter server`` with the proofnb extension and a token on 127.0.0.1, then measures:

* sequential page latency: first page, a deep offset page (skip=500,000; short: 10,000), keyset
  pages deep in the list (also filtered by verdict), a text query (cold and cached count);
* 100 concurrent clients for 30 s (short: 3 s) on a mix of list, keyset, detail, filter and
  stats requests: throughput, p50/p95/p99 and the number of failed requests. Each client is
  one keep-alive connection that keeps its login cookie (as a browser or a locust user does);
  all connect at once by default (``--spawn-rate`` ramps them up as locust does);
* the server's event-loop lag during the load (its own probe: a 10 ms periodic sleep, max
  lateness, loop-thread CPU and GC pauses), from the authenticated ``/proofnb/api/health``.

Targets (issue 5): keyset p95 < 20 ms at any depth, zero failed requests, loop lag < 50 ms.
``python benchmarks/store_bench.py [--short] [--proofs N] [--seconds S] [--clients C]``
exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tornado.httpclient import AsyncHTTPClient, HTTPClientError

from proofnb.core.model import Counterexample, ProofResult, StepResult
from proofnb.store.history import ProofStore

BASE_URL = "/bench%40proofnb/"
KEYSET_TARGET_MS = 20.0
LAG_TARGET_MS = 50.0
#: New load clients per second by default: all at once, the harshest case (a connection storm).
SPAWN_RATE = math.inf


def _templates() -> list[ProofResult]:
    """Twelve small proofs of each verdict, repeated to fill the history."""
    out = []
    for i in range(12):
        verdict = ("accepted", "review", "rejected")[i % 3]
        status = {"accepted": "proved", "review": "likely", "rejected": "refuted"}[verdict]
        steps = tuple(
            StepResult(
                index=k,
                relation="=",
                lhs=f"(a + {i})^2" if k == 0 else f"a^2 + {2 * i}a + {i * i} + {k - 1}",
                rhs=f"a^2 + {2 * i}a + {i * i} + {k}",
                status=status if k == 0 else "proved",  # type: ignore[arg-type]
                method="expand",
                seconds=0.001,
                counterexample=Counterexample("value", (("a", "1"),), "1", "2", "a = 1")
                if status == "refuted" and k == 0
                else None,
            )
            for k in range(1 + i % 3)
        )
        out.append(
            ProofResult(
                text=f"(a + {i})^2\n" + "".join(f"  = {s.rhs}\n" for s in steps),
                steps=steps,
                verdict=verdict,  # type: ignore[arg-type]
                title=f"Square of a sum {i}",
                conclusion=f"(a + {i})^2 = {steps[-1].rhs}",
            )
        )
    return out


def build(path: Path, proofs: int) -> float:
    """Fill ``path`` with ``proofs`` proofs (one per millisecond); returns seconds taken."""
    started = time.perf_counter()
    templates = _templates()
    base = 1_700_000_000.0
    with ProofStore(path) as store:
        store.add_many(
            (
                (templates[i % 12], f"course/week{i % 50}.ipynb", base + i / 1000)
                for i in range(proofs)
            ),
            chunk=50_000,
        )
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A ``jupyter server`` subprocess with only what this benchmark needs."""

    def __init__(self, db: Path, workdir: Path) -> None:
        self.token = secrets.token_hex(16)
        self.port = _free_port()
        config = workdir / "config"
        config.mkdir(exist_ok=True)
        (config / "jupyter_server_config.json").write_text(
            json.dumps({"ServerApp": {"jpserver_extensions": {"proofnb": True}}})
        )
        env = dict(
            os.environ,
            PROOFNB_DB=str(db),
            JUPYTER_CONFIG_DIR=str(config),
            JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
        )
        self.log = open(workdir / "server.log", "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyter_server",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}",
                "--ServerApp.port_retries=0",
                "--ServerApp.open_browser=False",
                f"--ServerApp.base_url={BASE_URL}",
                f"--ServerApp.root_dir={workdir}",
                f"--IdentityProvider.token={self.token}",
                "--ServerApp.allow_root=True",
            ],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=workdir,
        )
        self.logfile = workdir / "server.log"

    def target(self, route: str, **params: Any) -> str:
        """The request target (path and query) of an API route."""
        query = urlencode({k: v for k, v in params.items() if v is not None})
        return f"{BASE_URL}proofnb/api/{route}" + (f"?{query}" if query else "")

    def url(self, route: str, **params: Any) -> str:
        return f"http://127.0.0.1:{self.port}{self.target(route, **params)}"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}

    async def wait_ready(self, client: AsyncHTTPClient, within_s: float = 90) -> None:
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                await client.fetch(self.url("health"), headers=self.headers, request_timeout=5)
                return
            except (OSError, HTTPClientError):
                await asyncio.sleep(0.25)
        tail = self.logfile.read_text()[-3000:]
        raise RuntimeError(f"jupyter server did not come up:\n{tail}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _timed(client: AsyncHTTPClient, server: Server, url: str) -> tuple[float, Any]:
    started = time.perf_counter()
    response = await client.fetch(url, headers=server.headers, request_timeout=60)
    return (time.perf_counter() - started) * 1000, json.loads(response.body)


async def _series(
    client: AsyncHTTPClient, server: Server, urls: list[str]
) -> tuple[dict[str, float], Any]:
    times, body = [], None
    for url in urls:
        ms, body = await _timed(client, server, url)
        times.append(ms)
    return {"p50_ms": _pct(times, 0.5), "p95_ms": _pct(times, 0.95), "n": len(times)}, body


async def _cursor_at(client: AsyncHTTPClient, server: Server, depth: int, **filters: Any) -> str:
    _, page = await _timed(client, server, server.url("proofs", skip=depth, limit=1, **filters))
    cursor: str = page["next"]
    return cursor


async def _latency(client: AsyncHTTPClient, server: Server, proofs: int, deep: int) -> dict:
    out: dict[str, Any] = {}
    first = [server.url("proofs", limit=20)] * 50
    out["first_page"], page = await _series(client, server, first)
    assert page["total"] == proofs, page["total"]
    out["offset_deep"], page = await _series(
        client, server, [server.url("proofs", skip=deep, limit=20)] * 10
    )
    assert len(page["items"]) == 20
    cursors = [await _cursor_at(client, server, int(proofs * f)) for f in (0.1, 0.5, 0.9, 0.99)]
    urls = [server.url("proofs", limit=20, before=c) for c in cursors for _ in range(25)]
    out["keyset_deep"], page = await _series(client, server, urls)
    cursor = await _cursor_at(client, server, int(proofs / 3 * 0.9), verdict="rejected")
    urls = [server.url("proofs", limit=20, verdict="rejected", before=cursor)] * 50
    out["keyset_verdict"], page = await _series(client, server, urls)
    assert page["total"] == proofs // 3 + (1 if proofs % 3 > 2 else 0) or page["total"] > 0
    query = server.url("proofs", limit=20, q="week7.ipynb")
    out["query_cold"], page = await _series(client, server, [query])
    out["query_cached"], _ = await _series(client, server, [query] * 20)
    out["detail"], _ = await _series(
        client, server, [server.url(f"proofs/{random.randint(1, proofs)}") for _ in range(50)]
    )
    return out


class Client:
    """One keep-alive HTTP/1.1 connection that keeps its cookies, as a browser tab or a locust
    user does: the server sees one long-lived session per client, not a new socket per request.
    Any transport error or malformed response raises; the caller counts it as a failure."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.cookies: dict[str, str] = {}
        self._stream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self._stream is None:
            self._stream = await asyncio.open_connection("127.0.0.1", self.server.port)
        reader, writer = self._stream
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = (
            f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{self.server.port}\r\n"
            f"Authorization: token {self.server.token}\r\n"
            + (f"Cookie: {cookie}\r\n" if cookie else "")
            + "\r\n"
        )
        writer.write(request.encode("latin-1"))
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            status_line, *lines = head.decode("latin-1").split("\r\n")
            code = int(status_line.split(" ", 2)[1])
            length, close = 0, False
            for line in lines:
                name, _, value = line.partition(":")
                name, value = name.strip().lower(), value.strip()
                if name == "content-length":
                    length = int(value)
                elif name == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
                elif name == "transfer-encoding":
                    raise ValueError(f"unexpected transfer-encoding {value}")
                elif name == "connection" and value.lower() == "close":
                    close = True
            body = await reader.readexactly(length)
        except BaseException:
            self.close()
            raise
        if close:
            self.close()
        return code, body

    def close(self) -> None:
        if self._stream is not None:
            self._stream[1].close()
            self._stream = None


async def _load(
    client: AsyncHTTPClient,
    server: Server,
    proofs: int,
    clients: int,
    seconds: float,
    spawn_rate: float = SPAWN_RATE,
) -> dict:
    rng = random.Random(5)
    cursors = [await _cursor_at(client, server, rng.randrange(proofs - 30)) for _ in range(20)]
    routes = (
        [lambda: server.target("proofs", limit=20)] * 3
        + [lambda: server.target("proofs", limit=50, before=rng.choice(cursors))] * 3
        + [lambda: server.target(f"proofs/{rng.randint(1, proofs)}")] * 2
        + [lambda: server.target("proofs", limit=20, verdict=rng.choice(["accepted", "rejected"]))]
        + [lambda: server.target("stats")]
    )
    latencies: list[float] = []
    errors: list[str] = []
    # The lag window covers exactly the load: health's window is whole seconds, so wait for a
    # fresh second to start (the monitor buckets by wall-clock second).
    await asyncio.sleep(1 - time.time() % 1)
    stop_at = time.monotonic() + seconds

    async def worker(number: int) -> None:
        # Clients arrive at spawn_rate per second (as locust spawns users); by default all at
        # once, which makes tornado accept the whole burst of connections in one loop callback.
        await asyncio.sleep(number / spawn_rate)
        session = Client(server)
        try:
            while time.monotonic() < stop_at:
                target = rng.choice(routes)()
                started = time.perf_counter()
                try:
                    code, body = await asyncio.wait_for(session.get(target), 30)
                    if code != 200:
                        errors.append(f"{code} {target} {body[:200]!r}")
                    else:
                        json.loads(body)
                except Exception as e:  # every failure counts, whatever its kind
                    errors.append(f"{type(e).__name__}: {e} {target}")
                latencies.append((time.perf_counter() - started) * 1000)
        finally:
            session.close()

    load_started = time.time()
    started = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(clients)))
    elapsed = time.perf_counter() - started
    # Whole seconds since the load began: health then covers the buckets from that second on.
    window = max(1, int(time.time() - load_started))
    _, health = await _timed(client, server, server.url("health", window=window))
    return {
        "clients": clients,
        "spawn_rate": spawn_rate,
        "seconds": round(elapsed, 2),
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:5],
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": _pct(latencies, 0.5),
        "p95_ms": _pct(latencies, 0.95),
        "p99_ms": _pct(latencies, 0.99),
        "mean_ms": statistics.fmean(latencies) if latencies else float("nan"),
        "loop_lag_max_ms": health["loop_lag"]["max_ms"],
        "loop_busy_max_ms": health["loop_lag"]["busy_max_ms"],
        "loop_lag_samples": health["loop_lag"]["samples"],
        "gc_pause_max_ms": health["loop_lag"]["gc_max_ms"],
        "load_average": os.getloadavg()[0],
    }


async def _measure(
    server: Server, proofs: int, deep: int, clients: int, seconds: float, spawn_rate: float
) -> dict:
    AsyncHTTPClient.configure(None, max_clients=clients)
    client = AsyncHTTPClient(force_instance=True)
    try:
        await server.wait_ready(client)
        latency = await _latency(client, server, proofs, deep)
        load = await _load(client, server, proofs, clients, seconds, spawn_rate)
    finally:
        client.close()
    return {"latency": latency, "load": load}


def run(
    short: bool,
    *,
    proofs: int | None = None,
    seconds: float | None = None,
    clients: int = 100,
    spawn_rate: float = SPAWN_RATE,
    db: str | None = None,
) -> dict[str, Any]:
    """Build (or reuse ``db``), serve, measure; returns the numbers and which targets were met."""
    proofs = proofs or (20_000 if short else 1_000_000)
    seconds = seconds or (3.0 if short else 30.0)
    deep = min(10_000 if short else 500_000, proofs - 20)
    with tempfile.TemporaryDirectory(prefix="proofnb-bench-") as tmp:
        work = Path(tmp)
        path = Path(db) if db else work / "history.sqlite"
        existing = ProofStore(path).count() if path.exists() else 0
        build_s = 0.0
        if existing != proofs:
            if existing:
                raise SystemExit(f"{path} holds {existing} proofs, not {proofs}")
            build_s = build(path, proofs)
        server = Server(path, work)
        try:
            measured = asyncio.run(_measure(server, proofs, deep, clients, seconds, spawn_rate))
        finally:
            server.stop()
    latency, load = measured["latency"], measured["load"]
    keyset_p95 = max(latency["keyset_deep"]["p95_ms"], latency["keyset_verdict"]["p95_ms"])
    result: dict[str, Any] = {
        "proofs": proofs,
        "build_s": round(build_s, 1),
        "database_mb": round(path.stat().st_size / 2**20, 1) if db else None,
        "deep_skip": deep,
        **measured,
        "targets": {
            "keyset page p95": {
                "target": f"< {KEYSET_TARGET_MS:g} ms", "value": f"{keyset_p95:.1f} ms",
                "pass": keyset_p95 < KEYSET_TARGET_MS,
            },
            "failed requests under load": {
                "target": "0", "value": load["errors"], "pass": load["errors"] == 0,
            },
            "event-loop lag under load": {
                "target": f"< {LAG_TARGET_MS:g} ms", "value": f"{load['loop_lag_max_ms']:.1f} ms",
                "pass": load["loop_lag_max_ms"] < LAG_TARGET_MS,
            },
        },
    }
    result["targets_met"] = all(t["pass"] for t in result["targets"].values())
    return result


def report(result: dict[str, Any]) -> str:
    """A small text table of :func:`run`'s numbers."""
    lines = [
        f"proof history benchmark: {result['proofs']:,} proofs"
        f" (built in {result['build_s']} s), real jupyter server on 127.0.0.1",
        f"{'request':<34}{'p50 ms':>10}{'p95 ms':>10}{'n':>6}",
    ]
    names = {
        "first_page": "first page (limit 20)",
        "offset_deep": f"offset skip={result['deep_skip']:,}",
        "keyset_deep": "keyset cursor at 10/50/90/99 %",
        "keyset_verdict": "keyset, verdict=rejected, deep",
        "query_cold": "q= text search, cold count",
        "query_cached": "q= text search, cached count",
        "detail": "one proof with steps",
    }
    for key, label in names.items():
        row = result["latency"][key]
        lines.append(f"{label:<34}{row['p50_ms']:>10.2f}{row['p95_ms']:>10.2f}{row['n']:>6}")
    load = result["load"]
    lines += [
        f"load: {load['clients']} clients x {load['seconds']} s: {load['requests']:,} requests,"
        f" {load['throughput_rps']:,} req/s, p50 {load['p50_ms']:.1f} ms,"
        f" p95 {load['p95_ms']:.1f} ms, p99 {load['p99_ms']:.1f} ms, errors {load['errors']}",
        f"server event-loop lag under load: max {load['loop_lag_max_ms']:.1f} ms wall,"
        f" max {load['loop_busy_max_ms']:.1f} ms loop-thread CPU per 10 ms tick"
        f", longest GC pause {load['gc_pause_max_ms']:.1f} ms"
        f" ({load['loop_lag_samples']} samples; machine load average {load['load_average']:.1f})",
    ]
    lines += [f"  [{'ok' if t['pass'] else 'MISSED'}] {name}: {t['value']} (wanted {t['target']})"
              for name, t in result["targets"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="20,000 proofs, 3 s of load")
    parser.add_argument("--proofs", type=int, help="history size")
    parser.add_argument("--seconds", type=float, help="load duration")
    parser.add_argument("--clients", type=int, default=100, help="concurrent clients")
    parser.add_argument(
        "--spawn-rate",
        type=float,
        default=SPAWN_RATE,
        help="new clients per second (default: all at once)",
    )
    parser.add_argument("--db", help="reuse (or create) this database file")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    result = run(
        args.short,
        proofs=args.proofs,
        seconds=args.seconds,
        clients=args.clients,
        spawn_rate=args.spawn_rate,
        db=args.db,
    )
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0 if result["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
