"""Find ``%%verify`` proofs in notebooks, folders and text files, with their magic options.

The option parser mirrors the ``%%verify`` magic (``--assume``, ``--domain``, ``--timeout``,
``--title``, ``--expect``, ``--wait``, ``--seed``, ``--no-save``) with plain ``argparse`` so
that the CLI never imports IPython.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import shlex
import textwrap
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..core.errors import OptionsError, ParseError, ProofnbError
from ..core.model import VERDICTS, Domain, SymbolDecl, Verdict
from .bindings import NotebookScope

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

    ``cell`` is the 1-based index of the notebook cell (0 for a text file). ``options``
    are those in force for the cell: its ``%%verify`` line, else the notebook's earlier
    ``%proofnb`` settings. ``symbols`` are the names the notebook's code binds to SymPy
    symbols and functions (read statically, see :mod:`.bindings`); ``notes`` say where the
    check may differ from the kernel's.
    """

    key: str
    path: str
    cell: int
    text: str
    options: CellOptions
    symbols: tuple[SymbolDecl, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A file or cell that could not be turned into a proof (unreadable, bad options)."""

    path: str
    cell: int
    message: str
    #: The cell is tagged ``raises-exception``: the kernel's error is intended (nbval passes).
    expected: bool = False


RAISES_TAG = "raises-exception"


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


def kernel_view(source: str) -> str:
    """The cell as IPython transforms it before it looks for a cell magic: leading blank
    lines dropped, the common indentation of all lines removed."""
    lines = source.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line and not line.isspace():
            lines = lines[index:]
            break
    return textwrap.dedent("".join(lines))


def _apply_settings(options: CellOptions, settings: dict[str, str]) -> CellOptions:
    """The cell's own options, else the notebook's ``%proofnb`` settings (as in a kernel).

    A setting the kernel would refuse (``%proofnb timeout=soon``) changes nothing there
    either, so it is left out here.
    """
    changes: dict[str, object] = {}
    domain = settings.get("domain", "").strip().lower()
    if options.domain is None and domain in ("real", "complex"):
        changes["domain"] = domain
    if options.timeout is None and "timeout" in settings:
        try:
            changes["timeout"] = positive_seconds(settings["timeout"])
        except argparse.ArgumentTypeError:
            pass
    if options.seed is None and "seed" in settings:
        try:
            changes["seed"] = int(settings["seed"])
        except ValueError:
            pass
    save = settings.get("save", "").strip().lower()
    if options.save and save in ("0", "false", "no", "off"):
        changes["save"] = False
    return dataclasses.replace(options, **changes) if changes else options  # type: ignore[arg-type]


def _refused(text: str, offset: int, assume: tuple[str, ...] = ()) -> str | None:
    """The message of the ``UsageError`` the magic raises for a body that does not parse."""
    from ..core.assume import function_names
    from ..core.cell import parse_cell

    try:
        parse_cell(text, function_names(assume))
    except ParseError as exc:
        line = exc.line + offset if exc.line else 0
        shifted = ParseError(exc.text, exc.reason, line, exc.col)
        return f"does not parse (the %%verify magic refuses it): {shifted}"
    except ProofnbError as exc:  # the magic's other refusal (an unsupported construct)
        return f"does not parse (the %%verify magic refuses it): {exc}"
    return None


def _notebook_entries(path: Path) -> Iterator[Entry]:
    import nbformat
    from nbformat.validator import MissingIDFieldWarning

    shown = str(path)
    try:
        with warnings.catch_warnings():
            # Cells without ids (notebooks written before nbformat 4.5) are fine, as in
            # JupyterLab: the warning would only be noise in a course's CI log.
            warnings.simplefilter("ignore", MissingIDFieldWarning)
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
    scope = NotebookScope()
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list):  # nbformat normally joins these; be lenient anyway
            source = "".join(str(part) for part in source)
        if not isinstance(source, str):
            yield SourceProblem(shown, number, "cannot read this cell: its source is not text"
                                f" ({type(source).__name__}); the notebook is damaged")
            continue
        if not source.lstrip().startswith(MAGIC):
            scope.feed(number, source)
            continue
        tags = (cell.get("metadata") or {}).get("tags") or ()
        expected = RAISES_TAG in tags
        seen = kernel_view(source)
        if not seen.startswith(MAGIC):
            yield SourceProblem(
                shown,
                number,
                "%%verify is indented: the kernel does not run this cell as a cell magic"
                " (IPython raises IndentationError); start the cell's first line with %%verify",
                expected,
            )
            continue
        try:
            options, text = split_cell(seen)
        except OptionsError as exc:
            yield SourceProblem(shown, number, str(exc), expected)
            continue
        refused = _refused(text, 1, tuple(options.assume))
        if refused is not None:
            yield SourceProblem(shown, number, refused, expected)
            continue
        options = _apply_settings(options, scope.settings)
        symbols, notes = scope.decls_for(text + " " + " ".join(options.assume))
        yield ProofJob(f"{shown}#{number}", shown, number, text, options, symbols, notes)


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
