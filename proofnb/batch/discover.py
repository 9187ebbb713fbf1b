"""Find ``%%verify`` proofs in notebooks, folders and text files, with their magic options.

The option parser mirrors the ``%%verify`` magic (``--assume``, ``--domain``, ``--timeout``,
``--title``, ``--expect``, ``--wait``, ``--seed``, ``--no-save``) with plain ``argparse`` so
that the CLI never imports IPython.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shlex
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..core.errors import OptionsError
from ..core.model import VERDICTS, Domain, Verdict

MAGIC = "%%verify"
NOTEBOOK_SUFFIX = ".ipynb"
#: Files picked up when a folder is walked; anything given by name is read whatever its suffix.
TEXT_SUFFIXES = (".proof", ".verify")
SKIP_DIRS = frozenset({".ipynb_checkpoints", ".git", "__pycache__", "node_modules", ".venv"})


@dataclass(frozen=True, slots=True)
class CellOptions:
    """The options written on a ``%%verify`` line; ``None`` means "not given there"."""

    assume: tuple[str, ...] = ()
    domain: Domain | None = None
    timeout: float | None = None
    title: str = ""
    expect: Verdict | None = None
    wait: bool = False
    seed: int | None = None
    save: bool = True


@dataclass(frozen=True, slots=True)
class ProofJob:
    """One proof to check: where it lives, its text and the options from its magic line.

    ``cell`` is the 1-based index of the notebook cell (0 for a text file).
    """

    key: str
    path: str
    cell: int
    text: str
    options: CellOptions


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A file or cell that could not be turned into a proof (unreadable, bad options)."""

    path: str
    cell: int
    message: str


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that raises instead of printing and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise OptionsError(MAGIC, message)

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        raise OptionsError(MAGIC, message or "unexpected option")


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _magic_parser() -> _Parser:
    parser = _Parser(prog=MAGIC, add_help=False, allow_abbrev=False)
    parser.add_argument("--assume", action="append", default=[])
    parser.add_argument("--domain", choices=("real", "complex"))
    parser.add_argument("--timeout", type=positive_seconds)
    parser.add_argument("--title", default="")
    parser.add_argument("--expect", choices=VERDICTS)
    parser.add_argument("--wait", action="store_true")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--no-save", dest="save", action="store_false")
    return parser


_PARSER = _magic_parser()


def parse_magic_line(line: str) -> CellOptions:
    """Parse the options of a ``%%verify`` line (with or without the ``%%verify`` word).

    Raises :class:`OptionsError` on an unknown option or a bad value.
    """
    rest = line.strip()
    if rest.startswith(MAGIC):
        rest = rest[len(MAGIC) :]
    try:
        words = shlex.split(rest)
    except ValueError as exc:
        raise OptionsError(MAGIC, f"cannot split options: {exc}") from None
    ns = _PARSER.parse_args(words)
    return CellOptions(
        assume=tuple(ns.assume),
        domain=cast("Domain | None", ns.domain),
        timeout=ns.timeout,
        title=ns.title,
        expect=cast("Verdict | None", ns.expect),
        wait=ns.wait,
        seed=ns.seed,
        save=ns.save,
    )


def split_cell(source: str) -> tuple[CellOptions, str]:
    """Split a cell or file into its magic options and its proof text."""
    stripped = source.lstrip("\n\r\t ")
    if not stripped.startswith(MAGIC):
        return CellOptions(), source
    first, _, body = stripped.partition("\n")
    word = first.split(None, 1)[0]
    if word != MAGIC:
        raise OptionsError(MAGIC, f"unknown magic {word!r}")
    return parse_magic_line(first), body


Entry = ProofJob | SourceProblem


def _notebook_entries(path: Path) -> Iterator[Entry]:
    import nbformat

    shown = str(path)
    try:
        nb = nbformat.read(str(path), as_version=4)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        yield SourceProblem(shown, 0, f"cannot read notebook: {exc}")
        return
    except Exception as exc:  # nbformat raises its own validation/reader errors
        yield SourceProblem(shown, 0, f"cannot read notebook: {type(exc).__name__}: {exc}")
        return
    cells = nb.get("cells")
    if not isinstance(cells, list):
        yield SourceProblem(shown, 0, "cannot read notebook: it has no list of cells")
        return
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list):  # nbformat normally joins these; be lenient anyway
            source = "".join(str(part) for part in source)
        if not isinstance(source, str) or not source.lstrip().startswith(MAGIC):
            continue
        try:
            options, text = split_cell(source)
        except OptionsError as exc:
            yield SourceProblem(shown, number, str(exc))
            continue
        yield ProofJob(f"{shown}#{number}", shown, number, text, options)


def _text_entries(path: Path) -> Iterator[Entry]:
    shown = str(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield SourceProblem(shown, 0, f"cannot read file: {exc}")
        return
    try:
        options, text = split_cell(source)
    except OptionsError as exc:
        yield SourceProblem(shown, 0, str(exc))
        return
    yield ProofJob(shown, shown, 0, text, options)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(NOTEBOOK_SUFFIX) or name.endswith(TEXT_SUFFIXES):
                yield Path(root) / name


def find_sources(paths: Iterable[str]) -> list[Path]:
    """Expand PATH arguments into files, folders walked recursively, in a stable order.

    Raises :class:`FileNotFoundError` for a path that does not exist (bad usage).
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path)
        elif path.exists():
            candidates = (path,)
        else:
            raise FileNotFoundError(raw)
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(candidate)
    return found


def discover(paths: Iterable[str]) -> tuple[list[ProofJob], list[SourceProblem]]:
    """Every proof under ``paths``, plus the files or cells that could not be read."""
    jobs: list[ProofJob] = []
    problems: list[SourceProblem] = []
    for path in find_sources(paths):
        is_notebook = path.suffix == NOTEBOOK_SUFFIX
        entries = _notebook_entries(path) if is_notebook else _text_entries(path)
        for entry in entries:
            if isinstance(entry, ProofJob):
                jobs.append(entry)
            else:
                problems.append(entry)
    return jobs, problems
