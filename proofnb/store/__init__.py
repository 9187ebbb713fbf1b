"""Proof history in SQLite: WAL, migrations by ``PRAGMA user_version``, true counts,
offset and keyset pagination, filters and a pandas export.

Use :func:`proofnb.history` or :class:`proofnb.store.history.ProofStore`. Importing this
package opens nothing and imports neither pandas nor any Jupyter module.
"""

from __future__ import annotations

__all__ = ("ProofStore", "Page", "default_database_path")

from .history import Page, ProofStore
from .paths import default_database_path
