"""Round 34: ``proofnb check`` over a notebook of today's notation (real CLI processes).

The JSON, the JUnit failures and the text report must show each step as the student wrote
it (x_1 = 2, x_2 = 3; L = {2; 3}; ]1, 3[; 0,5; /\\) with the verdict the kernel gives; two
lines of counting facts, both false, were one proved <=> step.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .notebook_cli import run_cli, write_notebook

CELLS = [
    ("variance", "", "E(X) = 1.1\nE(X^2) = 1.7\nVar(X) = E(X^2) - E(X)^2 = 1.7 - 1.1^2 = 0.49"),
    ("conditional wrong", "--expect rejected",
     "P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.1\nP(A | B) = \\frac{P(A \\cap B)}{P(B)} = 0.3"),
    ("counts wrong", "--expect rejected", "C(5, 2) = 11\nnPr(5, 2) = 21"),
    ("cross wrong", "--expect rejected", "cross((1, 0, 0), (0, 1, 0)) = (0, 0, -1)"),
    ("linear ode", "", "y' + 2y = e^x\n(e^{2x} y)' = e^{3x}\ne^{2x} y = e^{3x}/3 + C\n"
     "y = e^x/3 + C e^{-2x}"),
    ("roots", "", "x^2 - 5x + 6 = 0\nx_1 = 2, x_2 = 3"),
    ("solution set wrong", "--expect rejected", "x^2 - 5x + 6 = 0\nL = {2; 4}"),
    ("interval", "", "x^2 - 4x + 3 < 0\n<=> x ∈ ]1, 3["),
    ("notes wrong", "--expect rejected", "3x + 2 = 11   | -2\n3x = 9        | :3\nx = 4"),
    ("decimal", "", "0,5 \\cdot 4 = 2"),
    ("connectives", "", "x^2 - 4x + 3 < 0 <=> x > 1 && x < 3"),
]


def test_todays_notation_meets_expectations_with_json_and_junit(tmp_path: Path) -> None:
    nb = write_notebook(tmp_path / "round34.ipynb", CELLS)
    junit = tmp_path / "out.xml"
    done = run_cli("check", str(nb), "--json", "--junit", str(junit), "--workers", "2")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout)
    results = {p["result"]["title"]: p["result"] for p in report["proofs"]}
    assert list(results) == [title for title, _, _ in CELLS]
    assert [s["status"] for s in results["counts wrong"]["steps"]] == ["refuted", "refuted"]
    roots = results["roots"]["steps"][0]
    assert (roots["rhs"], roots["rhs_latex"]) == ("x_1 = 2, x_2 = 3", r"x_{1} = 2,\ x_{2} = 3")
    assert results["roots"]["conclusion"] == "x^2 - 5x + 6 = 0 <=> x_1 = 2, x_2 = 3"
    assert results["decimal"]["steps"][0]["lhs"] == "0,5 \\cdot 4"
    assert results["connectives"]["steps"][0]["rhs_latex"] == r"x > 1 \land x < 3"
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("tests") == str(len(CELLS)) and suite.get("failures") == "0"


def test_a_wrong_expectation_names_the_written_line_and_its_witness(tmp_path: Path) -> None:
    cells = [(title, "", body) for title, options, body in CELLS if options][1:3]
    nb = write_notebook(tmp_path / "wrong.ipynb", cells)
    junit = tmp_path / "out.xml"
    done = run_cli("check", str(nb), "--junit", str(junit))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "C(5, 2) = 11  [refuted]  left side 10, right side 11" in done.stdout
    failures = [f.text or "" for f in ET.parse(junit).getroot().iter("failure")]
    assert len(failures) == 2
    assert "nPr(5, 2) = 21  [refuted]  left side 20, right side 21" in failures[0]
    assert "entry (3, 1): left side 1, right side -1" in failures[1]
