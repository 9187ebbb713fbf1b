"""Read what the teaching notebooks' ``%%verify`` cells printed (their ``text/plain`` output).

The proof widget's plain text is deterministic by design (``ProofWidget.text``)::

    Square of a sum — accepted
      1. (a + b)^2 = (a + b)(a + b)   proved (identical)
      flags: domain, assumption
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
STATUSES = ("proved", "refuted", "likely", "unknown", "error", "pending")
_STEP = re.compile(rf"^  \d+\. .*   ({'|'.join(STATUSES)})(?: \(.*\))?$")


@dataclass(frozen=True)
class VerifyOutput:
    """One ``%%verify`` cell: its options and what its widget printed."""

    notebook: str
    cell: int
    wait: bool
    expect: str
    verdict: str  # "" while checking (a cell without --wait)
    statuses: tuple[str, ...]
    flags: tuple[str, ...]


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def verify_outputs(notebook: nbformat.NotebookNode, name: str) -> list[VerifyOutput]:
    """Every ``%%verify`` cell of ``notebook`` with the verdict, statuses and flags it shows."""
    found = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or not cell.source.startswith("%%verify"):
            continue
        options = shlex.split(cell.source.splitlines()[0])[1:]
        expect = options[options.index("--expect") + 1] if "--expect" in options else "accepted"
        texts = [o["data"]["text/plain"] for o in cell.outputs if "text/plain" in o.get("data", {})]
        if len(texts) != 1:
            raise AssertionError(f"{name} cell {index}: expected one widget output, got {texts}")
        lines = texts[0].splitlines()
        head = lines[0].rpartition(" — ")[2]
        verdict = head if head in ("accepted", "review", "rejected") else ""
        statuses = tuple(m.group(1) for m in map(_STEP.match, lines[1:]) if m)
        flags: tuple[str, ...] = ()
        for line in lines[1:]:
            if line.startswith("  flags: "):
                flags = tuple(line.removeprefix("  flags: ").split(", "))
        found.append(
            VerifyOutput(name, index, "--wait" in options, expect, verdict, statuses, flags)
        )
    return found
