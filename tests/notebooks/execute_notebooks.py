"""Execute notebooks with nbclient in *this* interpreter's ``python3`` kernel; save the results.

Run by ``test_binder.py`` with the Binder environment's Python (so the kernel, proofnb and
every dependency are the ones Binder would have)::

    python execute_notebooks.py OUT_DIR NOTEBOOK...

Each notebook runs top to bottom in a fresh kernel whose working directory is the
notebook's folder; the executed copy is written to ``OUT_DIR``. Exit status 1 when a cell
raises (the error is printed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0])
    for name in argv[1:]:
        path = Path(name).resolve()
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
        except CellExecutionError as exc:
            print(f"{path.name}: {exc}", file=sys.stderr)
            return 1
        nbformat.write(notebook, out_dir / path.name)
        print(f"executed {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
