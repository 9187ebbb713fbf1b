"""The labelled corpus: one TOML file per topic, one ``[[step]]`` table per cell.

Each cell holds one step (or, in ``chains.toml``, a chain with one label per step). The
file headers describe the keys. :func:`load_corpus` reads every file; :func:`expand` turns
the cells into per-step cases by parsing them with the project's cell parser.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).resolve().parent

#: Topic files in report order.
TOPICS: tuple[str, ...] = (
    "algebra", "rational", "radicals", "explog", "trig", "sums", "derivatives", "integrals",
    "limits", "equations", "inequalities", "latex", "complex", "chains",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CorpusCell:
    """One labelled cell: its text, the ground truth of each of its steps, and its options."""

    id: str
    topic: str
    cell: str
    holds: tuple[bool, ...]
    assume: tuple[str, ...] = ()
    domain: str = "real"
    witness: tuple[tuple[str, str], ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class CorpusStep:
    """One step of a corpus cell with its label: the unit that accuracy is counted over."""

    id: str  # the cell id, with "#k" appended for the k-th step of a chain (k from 1)
    cell: CorpusCell
    index: int
    holds: bool


def _cell(topic: str, raw: dict[str, Any]) -> CorpusCell:
    holds = raw["holds"]
    labels = tuple(bool(h) for h in holds) if isinstance(holds, list) else (bool(holds),)
    assume = raw.get("assume", ())
    return CorpusCell(
        id=str(raw["id"]),
        topic=topic,
        cell=str(raw["cell"]),
        holds=labels,
        assume=(assume,) if isinstance(assume, str) else tuple(assume),
        domain=str(raw.get("domain", "real")),
        witness=tuple((str(k), str(v)) for k, v in raw.get("witness", {}).items()),
        note=str(raw.get("note", "")),
    )


def load_corpus(topics: tuple[str, ...] | None = None) -> list[CorpusCell]:
    """Every cell of the corpus (or of the named topics), in file order."""
    cells: list[CorpusCell] = []
    for topic in topics or TOPICS:
        data = tomllib.loads((CORPUS_DIR / f"{topic}.toml").read_text(encoding="utf-8"))
        cells.extend(_cell(topic, raw) for raw in data.get("step", ()))
    ids = [c.id for c in cells]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate corpus ids: {duplicates}")
    return cells


def steps_of(cells: list[CorpusCell]) -> list[CorpusStep]:
    """One :class:`CorpusStep` per label, in order (chains give several)."""
    out: list[CorpusStep] = []
    for cell in cells:
        many = len(cell.holds) > 1
        for k, label in enumerate(cell.holds):
            out.append(CorpusStep(f"{cell.id}#{k + 1}" if many else cell.id, cell, k, label))
    return out
