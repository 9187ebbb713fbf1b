"""Round 34: proofs in today's notation through the history file and the REST API.

Real checked results (probability quantities, vectors, ODE lines, numbered solutions,
solution sets, reversed intervals, decimal commas, MathCheck's connectives, readings) are
saved in a real SQLite file, served by a real Jupyter Server over HTTP and exported with
pandas; the steps must come back as the student wrote them, with their notes and witnesses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, ProofResult
from proofnb.store.history import ProofStore

API = ("proofnb", "api")

CELLS = {
    "variance": "E(X) = 1.1\nE(X^2) = 1.7\nVar(X) = E(X^2) - E(X)^2 = 1.7 - 1.1 = 0.6",
    "conditional": "P(A) = 0.4\nP(B | A) = 0.5\nP(A ∩ B) = P(B | A) P(A) = 0.2",
    "vectors": "\\vec{a} = (3, 4)\n\\vec{b} = (1, 0)\n\\vec{a} \\cdot \\vec{b} = 4",
    "ode": "y' + 2y = e^x\n(e^{2x} y)' = e^{3x}\ne^{2x} y = e^{3x}/3 + C",
    "roots": "x^2 - 5x + 6 = 0\nx_1 = 2, x_2 = -3",
    "solution set": "x^2 - 5x + 6 = 0\nL = {2; 3}",
    "interval": "x^2 - 4x + 3 < 0\n<=> x ∈ ]1, 3[",
    "decimal": "0,5 · 4 = 2",
    "connectives": "x^2 < 1 <-> x > -1 /\\ x < 1",
    "counts": "C(5, 2) = 11\nnPr(5, 2) = 21",
}


@pytest.fixture
def checked(history_path: Path) -> dict[str, tuple[int, ProofResult]]:
    """Each cell checked for real and saved in the server's database, oldest first."""
    saved = {}
    with ProofStore(history_path) as store:
        for n, (title, text) in enumerate(CELLS.items()):
            result = check_proof(text, CheckOptions(seed=34), title=title)
            saved[title] = (store.add(result, notebook="round34.ipynb",
                                      created=3000.0 + n), result)
    return saved


async def _get(jp_fetch: Any, *parts: str, **params: Any) -> Any:
    response = await jp_fetch(*API, *parts, params=params)
    assert response.code == 200
    return json.loads(response.body)


_KEYS = ("relation", "lhs", "rhs", "lhs_latex", "rhs_latex", "status", "counterexample",
         "notes", "message")


async def test_served_steps_are_the_students_lines(
    jp_fetch: Any, checked: dict[str, tuple[int, ProofResult]]
) -> None:
    for title, (proof_id, result) in checked.items():
        served = await _get(jp_fetch, "proofs", str(proof_id))
        expected = result.to_dict()
        assert (served["title"], served["verdict"], served["conclusion"]) == (
            title, expected["verdict"], expected["conclusion"])
        assert [[s[k] for k in _KEYS] for s in served["steps"]] == [
            [s[k] for k in _KEYS] for s in expected["steps"]]
        for step in served["steps"]:
            assert "\\text{" not in step["lhs_latex"] + step["rhs_latex"], (title, step)
    steps = {t: (await _get(jp_fetch, "proofs", str(i)))["steps"] for t, (i, _) in checked.items()}
    assert steps["roots"][0]["rhs"] == "x_1 = 2, x_2 = -3"
    assert steps["roots"][0]["notes"] == ["x_1 = 2, x_2 = -3 is read as x = 2 or x = -3"]
    assert steps["roots"][0]["counterexample"]["text"].startswith("x = 3 ")
    assert steps["solution set"][0]["rhs_latex"] == r"L = \left\{2; 3\right\}"
    assert steps["interval"][0]["rhs"] == "x ∈ ]1, 3["
    assert steps["decimal"][0]["lhs"] == "0,5 · 4"
    assert steps["connectives"][0]["rhs_latex"] == r"x > -1 \land x < 1"
    assert [s["status"] for s in steps["counts"]] == ["refuted", "refuted"]
    assert [s["lhs"] for s in steps["ode"]] == ["y' + 2y = e^x", "(e^{2x} y)' = e^{3x}"]


async def test_filters_and_queries_find_the_written_notation(
    jp_fetch: Any, checked: dict[str, tuple[int, ProofResult]]
) -> None:
    rejected = await _get(jp_fetch, "proofs", verdict="rejected", limit=50)
    wrong = {t for t, (_, r) in checked.items() if r.verdict == "rejected"}
    assert {item["title"] for item in rejected["items"]} == wrong
    assert rejected["total"] == len(wrong) == 4
    for query, found in (("x_1", {"roots"}), ("L = {2; 3}", {"solution set"}),
                         ("]1, 3[", {"interval"}), ("0,5", {"decimal"}),
                         ("/\\", {"connectives"}), ("\\vec{a}", {"vectors"}),
                         ("P(B | A)", {"conditional"}), ("nPr", {"counts"})):
        page = await _get(jp_fetch, "proofs", q=query, limit=50)
        assert {item["title"] for item in page["items"]} == found, query
        assert page["total"] == len(found)


def test_pandas_steps_keep_what_was_written(
    history_path: Path, checked: dict[str, tuple[int, ProofResult]]
) -> None:
    with ProofStore(history_path) as store:
        steps = store.to_frame(per="step")
    roots = steps[steps["title"] == "roots"]
    assert list(roots["rhs"]) == ["x_1 = 2, x_2 = -3"]
    assert list(roots["status"]) == ["refuted"]
    decimal = steps[steps["title"] == "decimal"]
    assert list(decimal["lhs_latex"]) == [r"0{,}5 \cdot 4"]
