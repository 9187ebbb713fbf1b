"""Fixtures shared by every test folder. Folder-specific fixtures live in that folder's conftest."""

from __future__ import annotations

from pathlib import Path

import pytest

# pytest-jupyter: jp_fetch, jp_serverapp, jp_server_config, jp_base_url... and async tests.
pytest_plugins = ["pytest_jupyter.jupyter_server"]


@pytest.fixture
def history_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh history database path, also exported as ``PROOFNB_DB`` for code under test."""
    path = tmp_path / "history" / "proofs.sqlite"
    monkeypatch.setenv("PROOFNB_DB", str(path))
    return path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests run last, after every test that owns an asyncio loop in this thread."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
