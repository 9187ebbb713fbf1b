"""Fixtures for the browser tests: a real ``jupyter lab`` on 127.0.0.1 over a seeded
history, and Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .seed import seed

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
#: Generous hang guards: CI has 2 cores shared with the rest of the suite.
START_TIMEOUT = 240.0
UI_TIMEOUT_MS = 60_000
#: pytest-jupyter's base URL has special characters too: the panel must not hard-code paths.
BASE_URL = "/a%40b/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def isolated_env(tmp: Path, db: Path) -> dict[str, str]:
    """Environment for a lab that ignores the user's Jupyter config but keeps the venv's."""
    env = dict(os.environ)
    for name in ("config", "data", "runtime", "settings", "workspaces", "ipython"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    env.update(
        JUPYTER_CONFIG_DIR=str(tmp / "config"),
        JUPYTER_DATA_DIR=str(tmp / "data"),
        JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
        IPYTHONDIR=str(tmp / "ipython"),
        JUPYTER_PREFER_ENV_PATH="1",
        PROOFNB_DB=str(db),
    )
    env.pop("JUPYTER_CONFIG_PATH", None)
    env.pop("JUPYTER_PATH", None)
    # No news prompt (a toast that would cover the panel) and no update check.
    labconfig = tmp / "config" / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    (labconfig / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}})
    )
    return env


@dataclass
class Lab:
    """A running ``jupyter lab``: its URL (with base URL), token, history and root."""

    url: str
    token: str
    db: Path
    root: Path
    process: subprocess.Popen[bytes]
    log: Path
    notebook: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def lab_url(self) -> str:
        # ?reset: start from the default layout, not the one the previous test left.
        return f"{self.url}lab?reset&token={self.token}"

    def get_json(self, path: str) -> object:
        request = urllib.request.Request(
            self.url + path, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)


def wait_until_serving(lab: Lab, api: bool = True) -> None:
    """Wait until Jupyter (and, with ``api``, the proofnb API) answers, or fail with the log."""
    deadline = time.monotonic() + START_TIMEOUT
    last: Exception | None = None
    while time.monotonic() < deadline:
        if lab.process.poll() is not None:
            pytest.fail(f"jupyter lab exited with {lab.process.returncode}:\n{tail(lab.log)}")
        try:
            lab.get_json("api/status")
            if api:
                lab.get_json("proofnb/api/proofs?limit=1")
            return
        except (urllib.error.URLError, OSError, ValueError) as error:
            last = error
            time.sleep(0.5)
    pytest.fail(f"jupyter lab did not serve within {START_TIMEOUT}s ({last}):\n{tail(lab.log)}")


def tail(path: Path, lines: int = 60) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def start_lab(
    command: list[str],
    tmp: Path,
    db: Path,
    root: Path,
    port: int,
    token: str,
    base_url: str = "/",
    *,
    api: bool = True,
) -> Lab:
    log = tmp / "lab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=isolated_env(tmp, db),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    lab = Lab(f"http://127.0.0.1:{port}{base_url}", token, db, root, process, log)
    try:
        wait_until_serving(lab, api)
    except BaseException:
        stop(process)
        raise
    return lab


def lab_command(port: int, token: str, root: Path, *extra: str) -> list[str]:
    """``jupyter lab`` from this venv on 127.0.0.1:``port``, no browser, no update check."""
    return [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        *(["--allow-root"] if os.geteuid() == 0 else []),
        *extra,
    ]


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """``jupyter lab`` on a free loopback port, with a seeded history and a course notebook."""
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "root"
    (root / "course").mkdir(parents=True)
    notebook = root / "course" / "week1.ipynb"
    notebook.write_text(
        json.dumps(
            {
                "cells": [
                    {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Week 1"]}
                ],
                "metadata": {},
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        )
    )
    db = tmp / "history" / "proofs.sqlite"
    # Kernels record the notebook's absolute path (JPY_SESSION_NAME).
    seed(db, str(notebook))
    port, token = free_port(), secrets.token_hex(16)
    command = lab_command(port, token, root, f"--ServerApp.base_url={BASE_URL}")
    lab = start_lab(command, tmp, db, root, port, token, BASE_URL)
    lab.notebook = "course/week1.ipynb"
    yield lab
    stop(lab.process)


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    """Debian's headless Chromium under Playwright (sync API).

    Package scope: Playwright's sync API keeps an event loop running in this thread until it
    stops, and every async test outside this folder needs that loop gone.
    """
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} is missing: run scripts/setup.sh --test (installs Debian's chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def artifacts() -> Path:
    """Where screenshots go (gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def jp_asyncio_loop() -> Iterator[None]:
    """Replace pytest-jupyter's autouse loop fixture here: it would close the event loop
    that Playwright's sync API is running. These tests talk to a real server process."""
    yield None


@pytest.fixture(autouse=True)
def jp_server_cleanup() -> Iterator[None]:
    """No in-process ServerApp here (see ``jp_asyncio_loop``): nothing to clean up."""
    yield None


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


FAILED = pytest.StashKey[bool]()


def save_failure(request: pytest.FixtureRequest, page: object, console: list[str]) -> None:
    """After a failed test, keep a screenshot and the browser console under test-artifacts/."""
    if request.node.stash.get(FAILED, False):
        save_page(request.node.name, page, console)


def save_page(name: str, page: object, console: list[str]) -> None:
    """Keep a screenshot and the console of ``page`` as ``test-artifacts/FAILED-<name>.*``."""
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]", "_", name)
    try:
        page.screenshot(path=str(ARTIFACTS / f"FAILED-{name}.png"))  # type: ignore[attr-defined]
    except Exception as error:  # noqa: BLE001 - best effort on an already failed test
        console.append(f"(screenshot failed: {error})")
    (ARTIFACTS / f"FAILED-{name}.console.txt").write_text("\n".join(console))
