"""Round 57: a notebook executed with no one watching (nbclient: ``jupyter nbconvert
--execute``, papermill, nbval) is checked cell by cell in the foreground, so the saved
notebook shows verdicts, not "pending", and every proof reaches the history before the
kernel is shut down. Interactive frontends (allow_stdin) keep streaming."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from proofnb.kernel.magics import _headless
from proofnb.store.history import ProofStore


def _shell(parent: Any) -> SimpleNamespace:
    return SimpleNamespace(kernel=SimpleNamespace(get_parent=lambda: parent))


@pytest.mark.parametrize(("parent", "headless"), [
    ({"content": {"code": "", "allow_stdin": False}}, True),
    ({"content": {"code": "", "allow_stdin": True}}, False),
    ({"content": {"code": ""}}, False),
    ({}, False),
    (None, False),
])
def test_headless_is_an_execute_request_without_stdin(parent: Any, headless: bool) -> None:
    assert _headless(_shell(parent)) is headless
    assert _headless(SimpleNamespace()) is False  # a terminal IPython: no kernel


@pytest.mark.slow
def test_nbconvert_execute_without_wait_saves_verdicts_and_history(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "history.sqlite"
    monkeypatch.setenv("PROOFNB_DB", str(db))
    cells = [
        "%load_ext proofnb",
        '%%verify --title "One"\n(x + 1)^2 = x^2 + 2x + 1',
        '%%verify --expect rejected --title "Two"\nx^2 = 9\n<=> x = 3',
        '%%verify --title "Three"\nsin(2x) = 2 sin x cos x',
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    km = KernelManager(kernel_name="python3")
    km.kernel_spec.argv[0] = sys.executable
    NotebookClient(nb, km=km, timeout=120).execute()
    texts = []
    for cell in nb.cells[1:]:
        shown = [o for o in cell.outputs if o.output_type == "display_data"]
        assert len(shown) == 1
        texts.append(shown[0].data["text/plain"])
    assert [t.splitlines()[0] for t in texts] == ["One — accepted", "Two — rejected",
                                                  "Three — accepted"]
    assert not any("pending" in t for t in texts)
    page = ProofStore(db).page(limit=10)
    assert page.total == 3
    assert sorted((item["title"], item["verdict"]) for item in page.items) == [
        ("One", "accepted"), ("Three", "accepted"), ("Two", "rejected")]


@pytest.mark.slow
def test_wait_never_keeps_streaming_when_headless(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROOFNB_DB", str(tmp_path / "history.sqlite"))
    cells = ["%load_ext proofnb\n%proofnb wait=never",
             "%%verify --timeout 60\n" + " + ".join(f"sin(x)^{k}" for k in range(1, 40))
             + " = " + " + ".join(f"sin(x)^{k}" for k in range(39, 0, -1))]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    km = KernelManager(kernel_name="python3")
    km.kernel_spec.argv[0] = sys.executable
    NotebookClient(nb, km=km, timeout=120).execute()
    shown = [o for o in nb.cells[1].outputs if o.output_type == "display_data"]
    assert "pending" in shown[0].data["text/plain"]  # returned at once, as before round 57
