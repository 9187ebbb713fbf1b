"""Re-execute the teaching notebooks in fresh kernels and save their outputs in place.

The saved outputs are what nbval compares against, so they must be real results of the
current checker. Run this after any change to the checker's verdicts, methods or messages:

    .venv/bin/python scripts/refresh_notebooks.py              # every notebooks/*.ipynb
    .venv/bin/python scripts/refresh_notebooks.py notebooks/02-algebra-and-equations.ipynb

Each notebook runs top to bottom in a new ``python3`` kernel, in the notebook's own folder,
with ``PROOFNB_DB`` pointing at a throw-away database (the user's history is left alone)
and ``PYTHONHASHSEED=0`` (the same seed the test command uses). A cell that raises stops
the refresh with a non-zero exit status and leaves that notebook unchanged.

Widget outputs are saved as their plain text only (the proof widget's ``text/plain`` is the
finished proof for ``--wait`` cells): a saved ``application/vnd.jupyter.widget-view+json``
points at a model that no longer exists, which JupyterLab shows as "model not found", and
saving every widget's state would add hundreds of kilobytes of random ids per refresh. So
the files stay small and a refresh changes them only when a result changes.
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
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _clear(notebook: nbformat.NotebookNode) -> None:
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)


def _plain_widgets(notebook: nbformat.NotebookNode) -> None:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and "text/plain" in data:
                del data[WIDGET_VIEW]


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
        store_widget_state=False,
    )
    client.execute()
    _plain_widgets(notebook)
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
