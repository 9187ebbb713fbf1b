"""Re-execute the teaching notebooks in fresh kernels and save their outputs in place.

The saved outputs are what nbval compares against, so they must be real results of the
current checker. Run this after any change to the checker's verdicts, methods or messages:

    .venv/bin/python scripts/refresh_notebooks.py              # every notebooks/*.ipynb
    .venv/bin/python scripts/refresh_notebooks.py notebooks/02-algebra-and-equations.ipynb

Each notebook runs top to bottom in a new ``python3`` kernel, in the notebook's own folder,
with ``PROOFNB_DB`` pointing at a throw-away database (the user's history is left alone)
and ``PYTHONHASHSEED=0`` (the same seed the test command uses). A cell that raises stops
the refresh with a non-zero exit status and leaves that notebook unchanged.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMEOUT = 600


def _clear(notebook: nbformat.NotebookNode) -> None:
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)


def _stderr_cells(notebook: nbformat.NotebookNode) -> list[int]:
    return [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        and any(o.get("name") == "stderr" for o in cell.get("outputs", []))
    ]


def refresh(path: Path) -> None:
    """Execute ``path`` in a fresh kernel and write it back with its new outputs."""
    notebook = nbformat.read(path, as_version=4)
    _clear(notebook)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        # The final widget states are saved, so JupyterLab shows finished proofs on opening.
        store_widget_state=True,
    )
    client.execute()
    noisy = _stderr_cells(notebook)
    if noisy:
        print(f"  warning: cells {noisy} wrote to stderr", file=sys.stderr)
    nbformat.write(notebook, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="proofnb-refresh-") as scratch:
        os.environ["PROOFNB_DB"] = os.path.join(scratch, "history.sqlite")
        os.environ["PYTHONHASHSEED"] = "0"
        os.environ.pop("JPY_SESSION_NAME", None)
        for path in paths:
            print(f"refreshing {path}")
            try:
                refresh(path.resolve())
            except CellExecutionError as exc:
                print(f"{path}: a cell failed, notebook left unchanged\n{exc}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
