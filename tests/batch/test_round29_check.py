"""Round 29: ``proofnb check`` over a notebook of today's notation (real CLI processes)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .notebook_cli import run_cli, write_notebook

CELLS = [
    ("rounding", "", "e^{2x} = 5\n<=> x = \\frac{\\ln 5}{2} \\approx 0.805"),
    ("rounding wrong", "--expect rejected", "9 pi ≈ 28.26"),
    ("congruence", "", "7^{100} ≡ (7^4)^{25} ≡ 1 (mod 5)"),
    ("congruence wrong", "--expect rejected", "assume n natural\n2^{3n} - 1 ≡ 0 (mod 9)"),
    ("divides", "", "assume n integer\n3 | n^3 - n"),
    ("facts", "--expect rejected", "3 + 3 = 7\n2 + 2 = 4"),
    ("implicit", "", "x^2 + y^2 = 25\n2x + 2y dy/dx = 0\ndy/dx = -x/y"),
    ("inverse wrong", "--expect rejected", "f(x) = e^{x - 1}\nf^{-1}(x) = ln(x - 1)"),
    ("cis", "--domain complex", "cis(pi/2) = i"),
    ("union", "", "(x - 2)(x - 3) > 0\n<=> x in (-oo, 2) ∪ (3, oo)"),
    ("matrix wrong", "--expect rejected", "A = [[1, 2], [3, 4]]\nB = [[0, 1], [1, 0]]\nAB = BA"),
]


def test_todays_notation_meets_expectations_with_json_and_junit(tmp_path: Path) -> None:
    nb = write_notebook(tmp_path / "round29.ipynb", CELLS)
    junit = tmp_path / "out.xml"
    done = run_cli("check", str(nb), "--json", "--junit", str(junit), "--workers", "2")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout)
    results = {p["result"]["title"]: p["result"] for p in report["proofs"]}
    assert list(results) == [title for title, _, _ in CELLS]
    assert results["congruence"]["conclusion"] == "7^{100} ≡ 1 (mod 5)"
    assert results["rounding"]["steps"][-1]["relation"] == "≈"
    assert results["congruence wrong"]["steps"][0]["counterexample"]["text"].startswith("n = ")
    assert [s["status"] for s in results["facts"]["steps"]] == ["refuted", "proved"]
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("tests") == str(len(CELLS)) and suite.get("failures") == "0"


def test_a_missed_expectation_exits_1_and_names_the_congruence_witness(tmp_path: Path) -> None:
    nb = write_notebook(tmp_path / "wrong.ipynb", [
        ("mod", "", "7^{100} ≡ 2 (mod 5)"),
        ("rounding", "", "sqrt(2) = 2^(1/2) ≈ 1.415"),
    ])
    junit = tmp_path / "out.xml"
    done = run_cli("check", str(nb), "--junit", str(junit), "--workers", "1")
    assert done.returncode == 1, done.stdout + done.stderr
    failures = [f.text or "" for f in ET.parse(junit).getroot().iter("failure")]
    assert len(failures) == 2
    assert "left side ≡ 1, right side ≡ 2 (mod 5)" in failures[0]
    assert "rounds to 1.414" in failures[1]
    assert "≡" in done.stdout and "≈" in done.stdout
