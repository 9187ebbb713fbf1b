"""The recommended Dask settings for a checking cluster, as Dask itself reads them."""

from __future__ import annotations

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")  # registers the distributed.* defaults with dask.config

from proofnb.batch.dask_backend import CLUSTER_CONFIG, cluster_environment  # noqa: E402


def test_the_environment_form_reads_back_as_the_same_settings() -> None:
    read: dict[str, object] = {}
    dask.config.update(read, dask.config.collect_env(cluster_environment()))
    for key, value in CLUSTER_CONFIG.items():
        assert dask.config.get(key, config=read) == value, key


def test_dask_knows_every_setting() -> None:
    for key in CLUSTER_CONFIG:
        assert dask.config.get(key, default=KeyError) is not KeyError, key


def test_the_readme_shows_exactly_these_settings() -> None:
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    shown = dict(re.findall(r"(DASK_[A-Z_]+)=(\S+)", readme))
    assert shown == cluster_environment()
