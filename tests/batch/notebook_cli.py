"""Helpers for the batch tests that write a notebook of %%verify cells and run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m proofnb.cli ARGS`` with a fixed hash seed, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "proofnb.cli", *args], capture_output=True, text=True,
        timeout=300, env={**os.environ, "PYTHONHASHSEED": "0"}, stdin=subprocess.DEVNULL,
    )


def write_notebook(path: Path, cells: list[tuple[str, str, str]]) -> Path:
    """A notebook of ``%%verify --title TITLE OPTIONS`` cells, one per (title, options, body)."""
    nb = nbformat.v4.new_notebook()
    for title, options, body in cells:
        nb.cells.append(nbformat.v4.new_code_cell(f'%%verify --title "{title}" {options}\n{body}'))
    nbformat.write(nb, path)
    return path
