"""The database schema as an ordered list of migrations, applied by ``PRAGMA user_version``.

Migration ``n`` (1-based) takes a database from ``user_version = n - 1`` to ``n``. Never edit a
released migration; append a new one.
"""

from __future__ import annotations

import sqlite3

from ..core.errors import OptionsError

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE proofs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_us INTEGER NOT NULL,
            notebook TEXT,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            first_line TEXT NOT NULL,
            conclusion TEXT NOT NULL,
            verdict TEXT NOT NULL,
            flags TEXT NOT NULL,
            assume TEXT NOT NULL,
            domain TEXT NOT NULL,
            seed INTEGER NOT NULL,
            seconds REAL NOT NULL,
            expect TEXT,
            message TEXT NOT NULL,
            step_count INTEGER NOT NULL,
            refuted_count INTEGER NOT NULL
        )
        """,
        # Newest-first pages, plain and filtered by verdict, walk these indexes.
        "CREATE INDEX proofs_created ON proofs (created_us, id)",
        "CREATE INDEX proofs_verdict_created ON proofs (verdict, created_us, id)",
        """
        CREATE TABLE steps (
            proof_id INTEGER NOT NULL REFERENCES proofs (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            relation TEXT NOT NULL,
            lhs TEXT NOT NULL,
            rhs TEXT NOT NULL,
            status TEXT NOT NULL,
            method TEXT NOT NULL,
            seconds REAL NOT NULL,
            counterexample TEXT,
            notes TEXT NOT NULL,
            message TEXT NOT NULL,
            lhs_latex TEXT NOT NULL,
            rhs_latex TEXT NOT NULL,
            line INTEGER NOT NULL,
            flags TEXT NOT NULL,
            seed INTEGER,
            PRIMARY KEY (proof_id, idx)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX steps_refuted ON steps (lhs, relation, rhs) WHERE status = 'refuted'",
        # Counts per verdict kept by triggers, so an unfiltered total never scans the table;
        # 'generation' changes on every write and keys the cache of filtered counts.
        "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT INTO counters (name, value) VALUES ('generation', 0)",
        """
        CREATE TRIGGER proofs_count_insert AFTER INSERT ON proofs BEGIN
            INSERT INTO counters (name, value) VALUES ('verdict:' || NEW.verdict, 1)
                ON CONFLICT (name) DO UPDATE SET value = value + 1;
            UPDATE counters SET value = value + 1 WHERE name = 'generation';
        END
        """,
        """
        CREATE TRIGGER proofs_count_delete AFTER DELETE ON proofs BEGIN
            UPDATE counters SET value = value - 1 WHERE name = 'verdict:' || OLD.verdict;
            UPDATE counters SET value = value + 1 WHERE name = 'generation';
        END
        """,
    ),
)

#: The schema version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION`; returns the version found before.

    Runs under ``BEGIN IMMEDIATE`` so that two processes opening a fresh file at once
    apply each migration exactly once. ``conn`` must be in autocommit mode.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if found > SCHEMA_VERSION:
            raise OptionsError(
                "path",
                f"{path} has history schema version {found}, newer than this proofnb "
                f"understands ({SCHEMA_VERSION}); upgrade proofnb",
            )
        for version in range(found + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return found
