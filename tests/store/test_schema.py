"""Migrations, WAL, path resolution and refusal of files that are not a history."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from proofnb.core.errors import OptionsError
from proofnb.store.history import ProofStore
from proofnb.store.paths import default_database_path
from proofnb.store.schema import SCHEMA_VERSION


def test_fresh_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "h.sqlite"
    ProofStore(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"proofs", "steps", "counters", "proofs_created", "proofs_verdict_created"} <= names
    conn.close()


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite"
    with ProofStore(path) as s:
        s.add(__import__("proofs").make_proof(1))
    with ProofStore(path) as s:
        assert s.count() == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite"
    ProofStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(OptionsError) as e:
        ProofStore(path)
    assert e.value.option == "path" and "newer" in e.value.reason


def test_partial_migration_is_completed(tmp_path: Path) -> None:
    """A database at version 0 with nothing in it gets every migration."""
    path = tmp_path / "h.sqlite"
    sqlite3.connect(path).close()
    with ProofStore(path) as s:
        assert s.count() == 0


def test_not_a_database_and_directories_are_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all, just some text" * 100)
    with pytest.raises(OptionsError) as e:
        ProofStore(junk)
    assert e.value.option == "path"
    with pytest.raises(OptionsError):
        ProofStore(tmp_path)
    with pytest.raises(OptionsError):
        ProofStore(":memory:")


def test_default_path_follows_env_and_jupyter_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROOFNB_DB", str(tmp_path / "x.sqlite"))
    assert default_database_path() == str(tmp_path / "x.sqlite")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PROOFNB_DB", "rel.sqlite")
    assert default_database_path() == str(tmp_path / "rel.sqlite")
    monkeypatch.delenv("PROOFNB_DB")
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))
    assert default_database_path() == str(tmp_path / "data" / "proofnb" / "history.sqlite")


def test_store_imports_no_jupyter_server_and_no_pandas() -> None:
    code = (
        "import sys, proofnb.store.history, proofnb.store\n"
        "print(sorted(m for m in ('tornado', 'jupyter_server', 'pandas', 'jupyter_core')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_history_entry_point_uses_env(history_path: Path) -> None:
    import proofnb

    with proofnb.history() as s:
        assert Path(s.path) == history_path
        assert history_path.exists()
