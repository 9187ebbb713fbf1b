from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from proofs import make_proof  # noqa: E402

from proofnb.store.history import ProofStore  # noqa: E402


@pytest.fixture
def store(history_path: Path) -> Iterator[ProofStore]:
    """An empty store in a temporary file."""
    s = ProofStore(history_path)
    yield s
    s.close()


@pytest.fixture
def store100(store: ProofStore) -> ProofStore:
    """100 proofs, proof i created at t = 1000 + i (so id order is time order)."""
    for i in range(100):
        store.add(make_proof(i), notebook=f"nb{i % 2}.ipynb", created=1000.0 + i)
    return store
