"""Fixtures for kernel tests: one real kernel per module, with proofnb loaded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kernel_client import LiveKernel, start_kernel


@pytest.fixture(scope="module")
def kernel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveKernel]:
    db = tmp_path_factory.mktemp("kernel") / "history.sqlite"
    live = start_kernel(db, JPY_SESSION_NAME="course/week1.ipynb")
    try:
        live.ok("%load_ext proofnb")
        yield live
    finally:
        live.close()
