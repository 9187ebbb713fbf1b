"""Round 16: a teacher notebook run in a real kernel and by ``proofnb check`` gives the same
verdict for every ``%%verify`` cell, including cells that use names bound in the kernel to
SymPy symbols and functions and the ``%proofnb`` settings; a cell the kernel refuses is a
problem for the CLI, not a verdict."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from kernel_client import LiveKernel, start_kernel

#: A course unit in the styles teachers write: cells run top to bottom.
CELLS = [
    "%load_ext proofnb\nimport sympy as sp",
    "x = sp.Symbol('x', positive=True)\ny = sp.Symbol('y', positive=True)",
    "%%verify --wait\nsqrt(x^2) = x",
    "%%verify --wait\nlog(x y) = log(x) + log(y)",
    "a, b = sp.symbols('a, b', negative=True)\nf = sp.Function('f')",
    "%%verify --wait\n|a + b| = -a - b",
    "%%verify --wait\nf(2a) = 2 f(a)",
    "%%verify --wait\nd/dx (x f(x)) = f(x) + x diff(f(x), x)",
    "from sympy.abc import y\nn = sp.symbols('n', integer=True)",
    "%%verify --wait\nsqrt(y^2) = y",
    "%%verify --wait\ncos(pi n)^2 = 1",
    "%proofnb domain=complex",
    "%%verify --wait\nexp(i pi) = -1",
    "%%verify --wait --domain real\ni^2 = -1",
    "x = 3\ndel n",
    "%%verify --wait\nsqrt(x^2) = x",
    "%%verify --wait\ncos(pi n)^2 = 1",
]


@pytest.fixture(scope="module")
def fresh_kernel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveKernel]:
    """A kernel without proofnb loaded: the notebook loads it itself."""
    live = start_kernel(tmp_path_factory.mktemp("r16") / "history.sqlite")
    try:
        yield live
    finally:
        live.close()


def _kernel_verdicts(kernel: LiveKernel) -> dict[int, str]:
    verdicts = {}
    for number, source in enumerate(CELLS, start=1):
        done = kernel.ok(source)
        if source.startswith("%%verify"):
            verdicts[number] = done.text_plain().splitlines()[0].rsplit(" — ", 1)[1]
    return verdicts


def test_kernel_and_check_agree_cell_by_cell(fresh_kernel: LiveKernel, tmp_path: Path) -> None:
    kernel = _kernel_verdicts(fresh_kernel)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    path = tmp_path / "unit.ipynb"
    nbformat.write(nb, str(path))
    done = subprocess.run(
        [sys.executable, "-m", "proofnb.cli", "check", str(path), "--json", "--workers", "1"],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    report = json.loads(done.stdout)
    cli = {p["cell"]: p["verdict"] for p in report["proofs"]}
    assert cli == kernel, (kernel, cli)
    # The bindings mattered: the kernel accepts what plain variables would refute.
    assert kernel[3] == kernel[6] == kernel[11] == kernel[13] == "accepted"
    # f(2a) = 2 f(a) is refuted by a sample function (f(t) = t^2 + 1, ...).
    assert kernel[7] == "rejected" and kernel[16] == kernel[17] == "rejected"


def test_indented_magic_is_refused_by_both(fresh_kernel: LiveKernel, tmp_path: Path) -> None:
    source = "  %%verify --wait\nx = x"
    reply = fresh_kernel.execute(source).reply["content"]
    assert reply["status"] == "error" and reply["ename"] == "IndentationError"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("%load_ext proofnb"), nbformat.v4.new_code_cell(source)]
    path = tmp_path / "indented.ipynb"
    nbformat.write(nb, str(path))
    done = subprocess.run(
        [sys.executable, "-m", "proofnb.cli", "check", str(path), "--json"],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert "indented" in json.loads(done.stdout)["problems"][0]["message"]
