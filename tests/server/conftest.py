from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from traitlets.config import Config

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))

from proofs import make_proof  # noqa: E402

from proofnb.store.history import ProofStore  # noqa: E402


@pytest.fixture
def jp_server_config(history_path: Path) -> Config:
    """A server with only the proofnb extension, serving a fresh temporary database."""
    return Config(
        {
            "ServerApp": {"jpserver_extensions": {"proofnb": True}},
            "ProofnbApp": {"database_filepath": str(history_path)},
        }
    )


@pytest.fixture
def filled(history_path: Path) -> Iterator[ProofStore]:
    """100 proofs: proof i has id i + 1, created at 1000 + i; verdict cycles by i % 3."""
    store = ProofStore(history_path)
    for i in range(100):
        store.add(make_proof(i), notebook=f"nb{i % 2}.ipynb", created=1000.0 + i)
    yield store
    store.close()


@pytest.fixture
def proofnb_app(jp_serverapp: Any) -> Any:
    """The running ProofnbApp instance."""
    return jp_serverapp.extension_manager.extension_points["proofnb"].app
