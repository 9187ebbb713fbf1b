"""Real processes against one file: SIGKILL mid-write leaves whole proofs; writers lose nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from proofnb.store.history import ProofStore

WRITER = str(Path(__file__).with_name("proofs.py"))


def _writer(db: Path, start: int, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, WRITER, str(db), str(start), str(count), *extra],
        stdout=subprocess.PIPE,
        text=True,
    )


def _assert_whole(db: Path) -> int:
    """Integrity holds and every stored proof has exactly its step rows; returns the count."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    broken = conn.execute(
        "SELECT p.id, p.step_count, count(s.idx) FROM proofs AS p"
        " LEFT JOIN steps AS s ON s.proof_id = p.id GROUP BY p.id"
        " HAVING count(s.idx) != p.step_count"
    ).fetchall()
    assert broken == []
    orphans = conn.execute(
        "SELECT count(*) FROM steps WHERE proof_id NOT IN (SELECT id FROM proofs)"
    ).fetchone()[0]
    assert orphans == 0
    n = int(conn.execute("SELECT count(*) FROM proofs").fetchone()[0])
    conn.close()
    with ProofStore(db) as store:  # counters agree with the rows
        assert store.count() == n == store.stats()["total"]
        assert store.page(limit=200).total == n
    return n


@pytest.mark.slow
def test_sigkill_mid_stream_leaves_only_whole_proofs(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    proc = _writer(db, 0, 1_000_000)
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(200)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    n = _assert_whole(db)
    assert n >= len(committed)
    with ProofStore(db) as store:
        for proof_id in committed:  # printed after commit, so durable
            assert store.get(proof_id) is not None
        # The database keeps working after the crash.
        store.add(__import__("proofs").make_proof(1))
        assert store.count() == n + 1


@pytest.mark.slow
def test_sigkill_mid_batch_leaves_only_whole_chunks(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    proc = _writer(db, 0, 1_000_000, "--bulk", "997")
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "start"
    deadline = time.monotonic() + 60
    while _count(db) < 997 * 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    n = _assert_whole(db)
    assert n >= 997 * 3 and n % 997 == 0


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM proofs").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    # Both processes also race to create and migrate the fresh file.
    procs = [
        _writer(db, 0, 300),
        _writer(db, 10_000, 300),
        _writer(db, 20_000, 3000, "--bulk", "50"),
    ]
    outputs = [p.communicate(timeout=240)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0]
    ids = [int(line) for out in outputs[:2] for line in out.split()]
    assert len(ids) == len(set(ids)) == 600
    assert _assert_whole(db) == 3600
    with ProofStore(db) as store:
        assert store.count(query="writer-0.ipynb") == 300
        assert store.count(query="writer-10000.ipynb") == 300
        assert store.count(query="writer-20000.ipynb") == 3000
