"""The installed package: both extension lists show proofnb enabled and OK, and the main
command (scripts/lab.sh) serves JupyterLab with the proofnb panel loaded."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    REPO,
    UI_TIMEOUT_MS,
    free_port,
    isolated_env,
    lab_command,
    save_page,
    start_lab,
    stop,
)
from .helpers import PANEL, PANEL_TAB, open_lab, open_panel

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def jupyter(tmp_path: Path, *args: str) -> str:
    env = isolated_env(tmp_path, tmp_path / "proofs.sqlite")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    done = subprocess.run(
        [sys.executable, "-m", "jupyter", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return ANSI.sub("", done.stdout + done.stderr)


def test_server_extension_enabled_and_ok(tmp_path: Path) -> None:
    out = jupyter(tmp_path, "server", "extension", "list")
    assert re.search(r"^\s*proofnb\s+enabled\s*$", out, re.M), out
    assert re.search(r"^\s*proofnb\s+\S+\s+OK\s*$", out, re.M), out


def test_labextension_enabled_and_ok(tmp_path: Path) -> None:
    out = jupyter(tmp_path, "labextension", "list")
    assert re.search(r"^\s*proofnb\s+v\S+\s+enabled\s+OK", out, re.M), out


@pytest.mark.browser
def test_main_command_serves_lab_with_panel(
    tmp_path: Path, browser: Any, request: pytest.FixtureRequest
) -> None:
    """`scripts/lab.sh` (README's first command) serves notebooks/ with the panel loaded."""
    port, token = free_port(), secrets.token_hex(16)
    command = [
        "bash",
        str(REPO / "scripts" / "lab.sh"),
        "--no-browser",
        "--port",
        str(port),
        f"--ServerApp.token={token}",
        "--ServerApp.port_retries=0",
    ]
    db = tmp_path / "history" / "proofs.sqlite"
    lab = start_lab(command, tmp_path, db, REPO / "notebooks", port, token)
    try:
        page, dialogs, console = open_lab(browser, lab)
        try:
            open_panel(page)
            empty = page.locator(f"{PANEL} .proofnb-empty")
            empty.wait_for(state="visible", timeout=UI_TIMEOUT_MS)
            assert "No proofs yet" in empty.text_content()
            assert "%%verify" in empty.text_content()
            assert dialogs == []
        except BaseException:
            save_page(request.node.name, page, console)
            raise
        finally:
            page.context.close()
    finally:
        stop(lab.process)


@pytest.mark.browser
def test_error_state_says_what_to_do(
    tmp_path: Path, browser: Any, request: pytest.FixtureRequest
) -> None:
    """With the server extension switched off, the panel explains how to fix it."""
    port, token = free_port(), secrets.token_hex(16)
    root = tmp_path / "root"
    root.mkdir()
    command = lab_command(port, token, root, "--ServerApp.jpserver_extensions=proofnb=False")
    lab = start_lab(command, tmp_path, tmp_path / "proofs.sqlite", root, port, token, api=False)
    try:
        page, dialogs, console = open_lab(browser, lab)
        try:
            page.click(PANEL_TAB)
            error = page.locator(f"{PANEL} .proofnb-error")
            error.wait_for(state="visible", timeout=UI_TIMEOUT_MS)
            text = error.text_content()
            assert "Could not load the proof history" in text
            assert "jupyter server extension" in text
            assert page.locator(f"{PANEL} .proofnb-error button", has_text="Retry").count() == 1
        except BaseException:
            save_page(request.node.name, page, console)
            raise
        finally:
            page.context.close()
    finally:
        stop(lab.process)
