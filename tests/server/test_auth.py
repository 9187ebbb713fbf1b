"""Every route refuses anonymous and unauthorized requests; the trait is validated."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from jupyter_server.auth.authorizer import Authorizer
from jupyter_server.utils import url_path_join
from traitlets import TraitError
from traitlets.config import Config

from proofnb.server.app import ProofnbApp


def _routes(app: Any, base_url: str) -> list[tuple[str, str]]:
    """(method, path) for every method every extension handler implements."""
    found = []
    for pattern, handler, *_ in app.handlers:
        path = url_path_join(base_url, re.sub(r"\([^)]*\)", "1", pattern))
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            if method.lower() in vars(handler):
                found.append((method, path))
    return found


async def test_every_route_is_403_without_a_token(
    proofnb_app: Any, http_server_client: Any, jp_base_url: str
) -> None:
    routes = _routes(proofnb_app, jp_base_url)
    assert (
        len(routes) >= 6
        and ("DELETE", url_path_join(jp_base_url, "proofnb/api/proofs/1")) in routes
    )
    for method, path in routes:
        for headers in ({}, {"Authorization": "token not-the-token"}):
            response = await http_server_client.fetch(
                path, method=method, headers=headers, raise_error=False
            )
            assert response.code == 403, (method, path, headers, response.code)


class DenyProofnb(Authorizer):
    """Lets everything through except the proofnb resource."""

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        return resource != "proofnb"


@pytest.fixture
def jp_server_config(history_path: Path, request: pytest.FixtureRequest) -> Config:
    config = {
        "ServerApp": {"jpserver_extensions": {"proofnb": True}},
        "ProofnbApp": {"database_filepath": str(history_path)},
    }
    if "deny" in request.node.name:
        config["ServerApp"]["authorizer_class"] = DenyProofnb
    return Config(config)


async def test_deny_authorizer_gives_403_with_a_valid_token(
    proofnb_app: Any, jp_fetch: Any, jp_base_url: str
) -> None:
    from tornado.httpclient import HTTPClientError

    for method, path in _routes(proofnb_app, "/"):
        with pytest.raises(HTTPClientError) as e:
            await jp_fetch(path.lstrip("/"), method=method)
        assert e.value.code == 403, (method, path)


def test_database_filepath_is_validated(tmp_path: Path) -> None:
    with pytest.raises(TraitError, match="directory"):
        ProofnbApp(database_filepath=str(tmp_path))
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    with pytest.raises(TraitError, match="not an SQLite"):
        ProofnbApp(database_filepath=str(junk))
    with pytest.raises(TraitError):
        ProofnbApp(database_filepath=":memory:")
    fresh = tmp_path / "new.sqlite"
    assert ProofnbApp(database_filepath=str(fresh)).database_filepath == str(fresh)


def test_database_filepath_defaults_to_the_shared_path(history_path: Path) -> None:
    assert ProofnbApp().database_filepath == str(history_path)
