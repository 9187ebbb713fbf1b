"""Round 29: proofs in today's notation through the history file and the REST API.

Real checked results (≈, ≡ with its modulus, d | e, unions, O terms, matrices, implicit
differentiation) are saved in a real SQLite file, served by a real Jupyter Server over HTTP
and exported with pandas; relations, conclusions, witnesses and LaTeX must come back intact.
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
    "rounding": "e^{2x} = 5\n<=> x = \\frac{\\ln 5}{2} \\approx 0.805",
    "rounding wrong": "9 pi ≈ 28.26",
    "congruence": "7^{100} ≡ (7^4)^{25} ≡ 1 (mod 5)",
    "congruence wrong": "assume n natural\n2^{3n} - 1 ≡ 0 (mod 9)",
    "divides": "assume n integer\n3 | n^3 - n",
    "union": "(x - 2)(x - 3) > 0\n<=> x in (-oo, 2) ∪ (4, oo)",
    "implicit": "x^2 + y^2 = 25\n2x + 2y dy/dx = 0\ndy/dx = -x/y",
    "series": "e^{2x} = 1 + 2x + \\frac{(2x)^2}{2} + O(x^3)\n  = 1 + 2x + 2x^2 + O(x^3)",
    "matrix wrong": "A = [[1, 2], [3, 4]]\nB = [[0, 1], [1, 0]]\nAB = BA",
}


@pytest.fixture
def checked(history_path: Path) -> dict[str, tuple[int, ProofResult]]:
    """Each cell checked for real and saved in the server's database, oldest first."""
    saved = {}
    with ProofStore(history_path) as store:
        for n, (title, text) in enumerate(CELLS.items()):
            result = check_proof(text, CheckOptions(seed=29), title=title)
            saved[title] = (store.add(result, notebook="round29.ipynb",
                                      created=2000.0 + n), result)
    return saved


async def _get(jp_fetch: Any, *parts: str, **params: Any) -> Any:
    response = await jp_fetch(*API, *parts, params=params)
    assert response.code == 200
    return json.loads(response.body)


def _step_fields(step: dict[str, Any]) -> tuple[Any, ...]:
    keys = ("relation", "lhs", "rhs", "lhs_latex", "rhs_latex", "status", "counterexample",
            "notes", "message")
    return tuple(step[k] for k in keys)


async def test_served_proofs_keep_relations_conclusions_and_latex(
    jp_fetch: Any, checked: dict[str, tuple[int, ProofResult]]
) -> None:
    for title, (proof_id, result) in checked.items():
        served = await _get(jp_fetch, "proofs", str(proof_id))
        expected = result.to_dict()
        assert served["title"] == title
        assert served["verdict"] == expected["verdict"]
        assert served["conclusion"] == expected["conclusion"]
        assert [_step_fields(s) for s in served["steps"]] == [
            _step_fields(s) for s in expected["steps"]
        ]
    relations = {t: [s.relation for s in r.steps] for t, (_, r) in checked.items()}
    assert relations["rounding"][-1] == "≈" and relations["congruence"] == ["≡", "≡"]
    assert checked["congruence"][1].conclusion == "7^{100} ≡ 1 (mod 5)"
    assert checked["rounding wrong"][1].steps[0].counterexample is not None


async def test_pages_filters_and_unicode_queries(
    jp_fetch: Any, checked: dict[str, tuple[int, ProofResult]]
) -> None:
    titles: list[str] = []
    skip = 0
    while True:
        page = await _get(jp_fetch, "proofs", skip=skip, limit=4)
        assert page["total"] == len(CELLS)
        titles += [item["title"] for item in page["items"]]
        skip += 4
        if skip >= page["total"]:
            break
    assert titles == list(reversed(CELLS))  # newest first, each once
    rejected = await _get(jp_fetch, "proofs", verdict="rejected", limit=50)
    wrong = {t for t, (_, r) in checked.items() if r.verdict == "rejected"}
    assert {item["title"] for item in rejected["items"]} == wrong
    assert rejected["total"] == len(wrong) >= 4
    for query, found in (("≡", {"congruence", "congruence wrong"}),
                         ("≈", {"rounding wrong"}), ("∪", {"union"}),
                         ("\\approx", {"rounding"}), ("O(x^3)", {"series"})):
        page = await _get(jp_fetch, "proofs", q=query, limit=50)
        assert {item["title"] for item in page["items"]} == found, query
        assert page["total"] == len(found)


def test_pandas_export_keeps_the_relations(
    history_path: Path, checked: dict[str, tuple[int, ProofResult]]
) -> None:
    with ProofStore(history_path) as store:
        proofs = store.to_frame()
        steps = store.to_frame(per="step")
    by_title = proofs.set_index("title")
    for title, (_, result) in checked.items():
        assert by_title.loc[title, "conclusion"] == result.conclusion
        assert by_title.loc[title, "verdict"] == result.verdict
    assert sorted(set(steps["relation"])) == sorted(
        {s.relation for _, r in checked.values() for s in r.steps})
    congruence = steps[steps["title"] == "congruence"]
    assert list(congruence["rhs_latex"]) == [r"\left(7^{4}\right)^{25} \pmod{5}", r"1 \pmod{5}"]
