"""Round 16: ``proofnb check`` on teacher notebooks agrees with what the kernel does.

The CLI runs no user code, yet the kernel honours names bound to SymPy objects and the
``%proofnb`` settings; cells the kernel refuses (indented magic, a body that does not parse)
must not pass silently, and cells tagged ``raises-exception`` are errors on purpose.
Every test runs the real CLI in a subprocess on notebooks written with nbformat.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import nbformat

from .conftest import run_cli


def _notebook(path: Path, *cells: str | tuple[str, list[str]]) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# A course unit"))
    nb.cells.append(nbformat.v4.new_code_cell("%load_ext proofnb\nimport sympy as sp"))
    for cell in cells:
        source, tags = (cell, []) if isinstance(cell, str) else cell
        code = nbformat.v4.new_code_cell(source)
        if tags:
            code.metadata["tags"] = tags
        nb.cells.append(code)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def _check(path: Path, *extra: str) -> tuple[Any, dict[str, Any]]:
    done = run_cli("check", str(path), "--json", "--workers", "1", *extra)
    assert done.stdout, done.stderr
    return done, json.loads(done.stdout)


def _by_cell(report: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {p["cell"]: p for p in report["proofs"]}


def test_symbols_bound_in_code_cells_are_honoured_in_order(tmp_path: Path) -> None:
    nb = _notebook(
        tmp_path / "roots.ipynb",
        "x = sp.Symbol('x', positive=True)",                          # 3
        "%%verify\nsqrt(x^2) = x",                                    # 4: x > 0 here
        "a, b = sp.symbols('a b', positive=True)\nn = sp.Symbol('n', integer=True)",
        "%%verify\n(a + b)/2 >= sqrt(a b)",                           # 6
        "%%verify\n(-1)^(2n) = 1",                                    # 7
        "x = sp.Symbol('x')",                                         # 8: rebound plain
        "%%verify --expect rejected\nsqrt(x^2) = x",                  # 9
        "u = sp.Symbol('time', nonnegative=True)\nx = 3",             # 10
        "%%verify\nsqrt(u^2) = u",                                    # 11
        "%%verify --expect rejected\nsqrt(x^2) = x",                  # 12: x is a number
    )
    done, report = _check(nb)
    proofs = _by_cell(report)
    assert {cell: p["verdict"] for cell, p in proofs.items()} == {
        4: "accepted", 6: "accepted", 7: "accepted", 9: "rejected", 11: "accepted",
        12: "rejected",
    }, report
    assert done.returncode == 0, done.stdout
    # The witness of the rebound x is a negative number: the old binding did not leak.
    witness = proofs[9]["result"]["steps"][0]["counterexample"]["text"]
    assert witness.startswith("x = -")
    assert proofs[4]["result"]["steps"][0]["status"] == "proved"


def test_functions_and_star_imports(tmp_path: Path) -> None:
    nb = _notebook(
        tmp_path / "rules.ipynb",
        "from sympy import *\nf, g = symbols('f g', cls=Function)\nh = Function('h')",
        "%%verify\nd/dx (f(x) g(x)) = f(x) diff(g(x), x) + g(x) diff(f(x), x)",
        # Read as products f*2*x = 2*f*x this would be proved; as a function it is refuted
        # by a sample function (h(t) = t^2 + 1 ...).
        "%%verify --expect rejected\nh(2x) = 2 h(x)",
        "from sympy.abc import k\nk = Symbol('k', integer=True, positive=True)",
        "%%verify\nk! / (k - 1)! = k",
    )
    done, report = _check(nb)
    verdicts = {cell: p["verdict"] for cell, p in _by_cell(report).items()}
    assert verdicts == {4: "accepted", 5: "rejected", 7: "accepted"}, report
    assert done.returncode == 0


def test_proofnb_settings_magic_is_honoured(tmp_path: Path) -> None:
    nb = _notebook(
        tmp_path / "complex.ipynb",
        "%%verify --expect rejected\ni^2 = -1",                       # real: i is a variable
        "%proofnb domain=complex seed=3",
        "%%verify\nexp(i pi) + 1 = 0",
        "%%verify --domain real --expect rejected\nexp(i pi) + 1 = 0",
        "%proofnb domain=real",
        "%%verify --expect rejected\nexp(i pi) + 1 = 0",
    )
    done, report = _check(nb)
    proofs = _by_cell(report)
    assert proofs[5]["result"]["domain"] == "complex" and proofs[5]["result"]["seed"] == 3
    assert proofs[6]["result"]["domain"] == "real"
    assert proofs[8]["result"]["domain"] == "real"
    assert proofs[5]["verdict"] == "accepted"
    assert done.returncode == 0, done.stdout


def test_bindings_the_reader_cannot_follow_are_noted(tmp_path: Path) -> None:
    nb = _notebook(
        tmp_path / "opaque.ipynb",
        "def make(name):\n    return sp.Symbol(name, positive=True)\ny = make('y')",
        "%%verify --expect rejected\nsqrt(y^2) = y",
        "%%verify\n(z + 1)^2 = z^2 + 2z + 1",
    )
    done, report = _check(nb)
    proofs = _by_cell(report)
    assert proofs[4]["notes"] and "'y'" in proofs[4]["notes"][0]
    assert "make('y')" in proofs[4]["notes"][0] and "cell 3" in proofs[4]["notes"][0]
    assert proofs[5]["notes"] == []  # z is not bound anywhere: nothing to say
    assert done.returncode == 0
    text = run_cli("check", str(nb), "--workers", "1")
    assert "note: 'y' is bound in cell 3" in text.stdout
    junit = tmp_path / "report.xml"
    run_cli("check", str(nb), "--workers", "1", "--junit", str(junit))
    outs = [e.text or "" for e in ET.parse(junit).getroot().iter("system-out")]
    assert any("'y' is bound in cell 3" in out for out in outs)


def test_cells_the_kernel_refuses_are_problems(tmp_path: Path) -> None:
    nb = _notebook(
        tmp_path / "refused.ipynb",
        "  %%verify --title indented\nx = x",                        # 3: IndentationError
        "%%verify --expect rejected\n(x + 1 = x + 1",                 # 4: UsageError
        "\n\n  %%verify\n  (x + 1)^2 = x^2 + 2x + 1",                 # 5: dedented: runs
    )
    done, report = _check(nb)
    problems = {p["cell"]: p for p in report["problems"]}
    assert set(problems) == {3, 4}
    assert "indented" in problems[3]["message"]
    assert "line 2, column 1" in problems[4]["message"]  # counted as the kernel counts
    assert not any(p["expected"] for p in problems.values())
    assert _by_cell(report)[5]["verdict"] == "accepted"
    assert done.returncode == 2


def test_raises_exception_cells_are_errors_on_purpose(tmp_path: Path) -> None:
    tag = ["raises-exception"]
    nb = _notebook(
        tmp_path / "mistakes.ipynb",
        ("%%verify --bogus\nx = x", tag),
        ("%%verify --timeout 0\nx = x", tag),
        ("%%verify\n(x + 1 = x + 1", tag),
        ("%%verify\n", tag),
        "%%verify --expect rejected\n(a + b)^2 = a^2 + b^2",
    )
    done, report = _check(nb)
    assert done.returncode == 0, done.stdout
    assert report["summary"]["problems"] == 0
    assert report["summary"]["expected_errors"] == 4
    assert all(p["expected"] for p in report["problems"])
    junit = tmp_path / "report.xml"
    done = run_cli("check", str(nb), "--workers", "1", "--junit", str(junit))
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None and suite.get("errors") == "0" and suite.get("failures") == "0"
    assert "4 errors as intended" in done.stdout
    # Untagged, the same mistake counts.
    bad = _notebook(tmp_path / "untagged.ipynb", "%%verify --bogus\nx = x")
    assert run_cli("check", str(bad), "--workers", "1").returncode == 2
