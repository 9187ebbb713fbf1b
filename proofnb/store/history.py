"""The proof history: one SQLite file shared by every kernel (writers) and the server (reader)."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from ..core.errors import OptionsError
from ..core.model import VERDICTS, ProofResult
from . import codec
from .cursor import decode_cursor, encode_cursor
from .paths import default_database_path
from .schema import migrate

if TYPE_CHECKING:
    import pandas

T = TypeVar("T")

#: Largest page a caller may ask for.
MAX_LIMIT = 200
#: Longest text query accepted.
MAX_QUERY = 200
#: Seconds SQLite waits for another writer before reporting SQLITE_BUSY.
BUSY_TIMEOUT = 30.0
#: Extra attempts when SQLITE_BUSY still escapes (e.g. a WAL snapshot became stale).
BUSY_RETRIES = 8
#: Filtered counts remembered per database generation.
COUNT_CACHE_SIZE = 256

_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
_SUMMARY_SELECT = f"SELECT {', '.join(codec.SUMMARY_COLUMNS)} FROM proofs"
_STEP_SELECT = f"SELECT {', '.join(codec.STEP_COLUMNS)} FROM steps"
_PROOF_SELECT = f"SELECT created_us, notebook, {', '.join(codec.PROOF_COLUMNS)} FROM proofs"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of proof summaries, newest first.

    ``total`` is the true number of proofs matching the filters (it ignores ``skip`` and
    ``before``); ``next`` is the cursor for the page after this one, or None at the end.
    """

    items: list[dict[str, Any]]
    total: int
    skip: int
    limit: int
    next: str | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape the server returns."""
        return {
            "items": self.items,
            "total": self.total,
            "skip": self.skip,
            "limit": self.limit,
            "next": self.next,
        }


def _is_busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _BUSY_CODES
    return "locked" in str(error) or "busy" in str(error)


def _fold(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """Case-fold text for a search with non-ASCII letters (SQLite's LIKE folds only A-Z)."""
    return value.casefold() if isinstance(value, str) else value


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ProofStore:
    """The SQLite proof history (WAL mode; safe for several processes and threads).

    Each thread gets its own connection; every proof is written in one transaction, so a
    process killed mid-write leaves only whole proofs. ``path`` defaults to
    :func:`~proofnb.store.paths.default_database_path`; missing folders are created.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        raw = default_database_path() if path is None else os.fspath(path)
        if not raw or raw == ":memory:" or raw.startswith("file:"):
            raise OptionsError("path", "give a file path (the history is shared between processes)")
        self.path = os.path.abspath(os.path.expanduser(raw))
        if os.path.isdir(self.path):
            raise OptionsError("path", f"{self.path} is a directory, expected a file path")
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._counts: OrderedDict[tuple[str | None, str | None], tuple[int, int]] = OrderedDict()
        self._stats: tuple[int, dict[str, Any]] | None = None
        self._closed = False
        try:
            conn = self._connection()
            self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
            self._retry(lambda: migrate(conn, self.path))
        except sqlite3.DatabaseError as e:
            self.close()
            if isinstance(e, sqlite3.OperationalError) and _is_busy(e):
                raise
            raise OptionsError("path", f"{self.path} is not a proofnb history: {e}") from e
        except BaseException:
            self.close()
            raise

    # -- connections -------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self._closed:
            raise sqlite3.ProgrammingError("the proof store is closed")
        # Autocommit mode: transactions are explicit BEGIN/COMMIT below. Each connection is
        # used only by the thread that made it; check_same_thread=False lets close() reach all.
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function("proofnb_fold", 1, _fold, deterministic=True)
        # WAL + NORMAL survives any process crash; only an OS crash may lose the last commits.
        conn.execute("PRAGMA synchronous = NORMAL")
        with self._lock:
            self._connections.append(conn)
        self._local.conn = conn
        return conn

    def _retry(self, action: Callable[[], T]) -> T:
        for attempt in range(BUSY_RETRIES + 1):
            try:
                return action()
            except sqlite3.OperationalError as e:
                if not _is_busy(e) or attempt == BUSY_RETRIES:
                    raise
                time.sleep(min(0.05 * 2**attempt, 1.0))
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def _transaction(self, mode: str = "DEFERRED") -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        conn.execute(f"BEGIN {mode}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        """Close every connection this store opened (from any thread)."""
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()

    def __enter__(self) -> ProofStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def add(
        self, result: ProofResult, notebook: str | None = None, *, created: float | None = None
    ) -> int:
        """Store one checked proof (proof row and step rows in one transaction); returns its id."""
        encoded = codec.encode(result)
        created_us = self._created_us(created)

        def write() -> int:
            with self._transaction("IMMEDIATE") as conn:
                cur = conn.execute(codec.INSERT_PROOF, (None, created_us, notebook, *encoded.proof))
                proof_id = cur.lastrowid
                assert proof_id is not None
                conn.executemany(codec.INSERT_STEP, [(proof_id, *s) for s in encoded.steps])
            return proof_id

        return self._retry(write)

    def add_many(
        self,
        records: Iterable[tuple[ProofResult, str | None, float | None]],
        *,
        chunk: int = 20_000,
    ) -> int:
        """Store many ``(result, notebook, created)`` records fast; returns how many.

        Records are written with ``executemany`` in transactions of ``chunk`` proofs, so an
        interruption leaves whole proofs only. The same result object repeated is encoded once.
        """
        if chunk < 1:
            raise OptionsError("chunk", "must be at least 1")
        encoded: dict[int, tuple[ProofResult, codec.EncodedProof]] = {}
        batch: list[tuple[codec.EncodedProof, str | None, int]] = []
        written = 0
        for result, notebook, created in records:
            hit = encoded.get(id(result))
            if hit is None or hit[0] is not result:
                hit = encoded[id(result)] = (result, codec.encode(result))
            batch.append((hit[1], notebook, self._created_us(created)))
            if len(batch) >= chunk:
                written += self._retry(partial(self._write_batch, batch))
                batch = []
        if batch:
            written += self._retry(partial(self._write_batch, batch))
        return written

    def _write_batch(self, batch: list[tuple[codec.EncodedProof, str | None, int]]) -> int:
        with self._transaction("IMMEDIATE") as conn:
            # Ids are assigned here (under the write lock) so step rows can go in one executemany.
            row = conn.execute(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'proofs'), 0),"
                " coalesce((SELECT max(id) FROM proofs), 0))"
            ).fetchone()
            first = int(row[0]) + 1
            conn.executemany(
                codec.INSERT_PROOF,
                (
                    (first + i, created_us, notebook, *enc.proof)
                    for i, (enc, notebook, created_us) in enumerate(batch)
                ),
            )
            conn.executemany(
                codec.INSERT_STEP,
                ((first + i, *step) for i, (enc, _, _) in enumerate(batch) for step in enc.steps),
            )
        return len(batch)

    @staticmethod
    def _created_us(created: float | None) -> int:
        if created is None:
            return codec.to_us(time.time())
        if not isinstance(created, int | float) or not 0 <= created < 1e11:
            raise OptionsError("created", "must be seconds since the epoch (a non-negative number)")
        return codec.to_us(created)

    def delete(self, proof_id: int) -> bool:
        """Remove a proof and its steps; False when there was no such proof."""
        proof_id = self._proof_id(proof_id)

        def write() -> bool:
            with self._transaction("IMMEDIATE") as conn:
                conn.execute("DELETE FROM steps WHERE proof_id = ?", (proof_id,))
                return conn.execute("DELETE FROM proofs WHERE id = ?", (proof_id,)).rowcount > 0

        return self._retry(write)

    # -- reading -----------------------------------------------------------------------

    @staticmethod
    def _proof_id(proof_id: int) -> int:
        if isinstance(proof_id, bool) or not isinstance(proof_id, int) or proof_id < 0:
            raise OptionsError("id", "must be a non-negative integer")
        return proof_id

    def get(self, proof_id: int) -> dict[str, Any] | None:
        """One proof with its steps: ``ProofResult.to_dict()`` plus ``id``, ``created``
        (ISO 8601 UTC), ``created_epoch`` and ``notebook``; None when there is no such proof."""
        proof_id = self._proof_id(proof_id)

        def read() -> dict[str, Any] | None:
            with self._transaction() as conn:
                row = conn.execute(f"{_PROOF_SELECT} WHERE id = ?", (proof_id,)).fetchone()
                if row is None:
                    return None
                step_rows = conn.execute(
                    f"{_STEP_SELECT} WHERE proof_id = ? ORDER BY idx", (proof_id,)
                ).fetchall()
            steps = tuple(codec.decode_step(tuple(s)) for s in step_rows)
            created_us, notebook = int(row[0]), row[1]
            data: dict[str, Any] = {
                "id": proof_id,
                "created": codec.iso(created_us),
                "created_epoch": created_us / 1_000_000,
                "notebook": notebook,
            }
            data.update(codec.decode_proof(tuple(row[2:]), steps).to_dict())
            return data

        return self._retry(read)

    @staticmethod
    def _filters(
        verdict: str | None, query: str | None
    ) -> tuple[list[str], list[Any], str | None, str | None]:
        if verdict is not None and verdict not in VERDICTS:
            raise OptionsError("verdict", f"must be one of {', '.join(VERDICTS)}")
        if query is not None and not isinstance(query, str):
            raise OptionsError("query", "must be text")
        query = query.strip() if query else None
        if query and len(query) > MAX_QUERY:
            raise OptionsError("query", f"must be at most {MAX_QUERY} characters")
        where: list[str] = []
        args: list[Any] = []
        if verdict is not None:
            where.append("verdict = ?")
            args.append(verdict)
        if query:
            # LIKE folds ASCII case; the pattern escapes % and _ so they match literally.
            # A query with other letters (Übung, équation) compares case-folded text.
            pattern = _like_pattern(query if query.isascii() else query.casefold())
            fold = "%s" if query.isascii() else "proofnb_fold(%s)"
            columns = (fold % name for name in ("title", "text", "coalesce(notebook, '')"))
            where.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
            args.extend((pattern, pattern, pattern))
        return where, args, verdict, query or None

    def _generation(self, conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT value FROM counters WHERE name = 'generation'").fetchone()
        return int(row[0])

    def _count(
        self,
        conn: sqlite3.Connection,
        where: list[str],
        args: list[Any],
        verdict: str | None,
        query: str | None,
    ) -> int:
        if query is None:
            # Kept exact by triggers: no table scan, whatever the size.
            if verdict is None:
                sql = "SELECT coalesce(sum(value), 0) FROM counters WHERE name LIKE 'verdict:%'"
                return int(conn.execute(sql).fetchone()[0])
            row = conn.execute(
                "SELECT value FROM counters WHERE name = ?", (f"verdict:{verdict}",)
            ).fetchone()
            return int(row[0]) if row else 0
        generation = self._generation(conn)
        key = (verdict, query)
        with self._lock:
            hit = self._counts.get(key)
        if hit is not None and hit[0] == generation:
            return hit[1]
        sql = f"SELECT count(*) FROM proofs WHERE {' AND '.join(where)}"
        total = int(conn.execute(sql, args).fetchone()[0])
        with self._lock:
            self._counts[key] = (generation, total)
            self._counts.move_to_end(key)
            while len(self._counts) > COUNT_CACHE_SIZE:
                self._counts.popitem(last=False)
        return total

    def count(self, verdict: str | None = None, query: str | None = None) -> int:
        """How many proofs match: ``verdict`` exactly and ``query`` as case-insensitive text."""
        where, args, verdict, query = self._filters(verdict, query)

        def read() -> int:
            with self._transaction() as conn:
                return self._count(conn, where, args, verdict, query)

        return self._retry(read)

    def page(
        self,
        limit: int = 20,
        skip: int = 0,
        verdict: str | None = None,
        query: str | None = None,
        before: str | None = None,
    ) -> Page:
        """Proof summaries, newest first (ties broken by id), and the true ``total``.

        ``skip`` is an offset; ``before`` is a keyset cursor (a previous page's ``next``) and
        stays fast at any depth. ``query`` matches title, text or notebook, case-insensitively
        for ASCII letters. Items and total come from one consistent snapshot.
        """
        for name, value in (("limit", limit), ("skip", skip)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise OptionsError(name, "must be an integer")
        if not 1 <= limit <= MAX_LIMIT:
            raise OptionsError("limit", f"must be between 1 and {MAX_LIMIT}")
        if skip < 0:
            raise OptionsError("skip", "must not be negative")
        where, args, verdict, query = self._filters(verdict, query)
        item_where, item_args = list(where), list(args)
        if before is not None:
            created_us, proof_id = decode_cursor(before)
            item_where.append("(created_us, id) < (?, ?)")
            item_args.extend((created_us, proof_id))
        sql = _SUMMARY_SELECT
        if item_where:
            sql += " WHERE " + " AND ".join(item_where)
        sql += " ORDER BY created_us DESC, id DESC LIMIT ? OFFSET ?"

        def read() -> Page:
            with self._transaction() as conn:
                rows = conn.execute(sql, (*item_args, limit + 1, skip)).fetchall()
                total = self._count(conn, where, args, verdict, query)
            more = len(rows) > limit
            rows = rows[:limit]
            cursor = encode_cursor(int(rows[-1][1]), int(rows[-1][0])) if more else None
            return Page([codec.summary(tuple(r)) for r in rows], total, skip, limit, cursor)

        return self._retry(read)

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts per verdict, the total, and the ``top`` most often refuted steps."""
        if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= 1000:
            raise OptionsError("top", "must be an integer between 1 and 1000")

        def read() -> dict[str, Any]:
            with self._transaction() as conn:
                generation = self._generation(conn)
                with self._lock:
                    cached = self._stats
                if cached is not None and cached[0] == generation and cached[1]["top"] >= top:
                    data = cached[1]
                else:
                    rows = conn.execute(
                        "SELECT lhs, relation, rhs, count(*) AS n FROM steps"
                        " WHERE status = 'refuted' GROUP BY lhs, relation, rhs"
                        " ORDER BY n DESC, lhs, relation, rhs LIMIT ?",
                        (top,),
                    ).fetchall()
                    counts = dict.fromkeys(VERDICTS, 0)
                    for name, value in conn.execute(
                        "SELECT name, value FROM counters WHERE name LIKE 'verdict:%'"
                    ):
                        counts[name.removeprefix("verdict:")] = int(value)
                    data = {
                        "top": top,
                        "verdicts": counts,
                        "refuted": [
                            {"lhs": r[0], "relation": r[1], "rhs": r[2], "count": int(r[3])}
                            for r in rows
                        ],
                    }
                    with self._lock:
                        self._stats = (generation, data)
            verdicts = dict(data["verdicts"])
            return {
                "total": sum(verdicts.values()),
                "verdicts": verdicts,
                "refuted_steps": [dict(r) for r in data["refuted"][:top]],
            }

        return self._retry(read)

    def to_frame(self, per: str = "proof") -> pandas.DataFrame:
        """The whole history as a pandas DataFrame, one row per ``"proof"`` or per ``"step"``."""
        if per not in ("proof", "step"):
            raise OptionsError("per", "must be 'proof' or 'step'")
        import pandas as pd

        if per == "proof":
            columns = ["id", "created_us", "notebook", *codec.PROOF_COLUMNS]
            sql = f"SELECT {', '.join(columns)} FROM proofs ORDER BY created_us, id"
        else:
            proof_columns = ["created_us", "notebook", "title", "verdict"]
            columns = ["proof_id", *proof_columns, *codec.STEP_COLUMNS]
            sql = (
                f"SELECT s.proof_id, {', '.join('p.' + c for c in proof_columns)},"
                f" {', '.join('s.' + c for c in codec.STEP_COLUMNS)}"
                " FROM steps AS s JOIN proofs AS p ON p.id = s.proof_id"
                " ORDER BY p.created_us, p.id, s.idx"
            )

        def read() -> list[Any]:
            with self._transaction() as conn:
                return conn.execute(sql).fetchall()

        frame = pd.DataFrame.from_records(self._retry(read), columns=columns)
        frame.insert(1, "created", pd.to_datetime(frame.pop("created_us"), unit="us", utc=True))
        for name in ("flags", "assume", "notes"):
            if name in frame.columns:
                frame[name] = [json.loads(v) for v in frame[name]]
        if per == "step":
            frame = frame.rename(columns={"idx": "index", "seconds": "step_seconds"})
            frame["counterexample"] = [
                str(json.loads(ce).get("text", "")) if isinstance(ce, str) else None
                for ce in frame["counterexample"]
            ]
        return frame

    def __repr__(self) -> str:
        return f"ProofStore({self.path!r})"
