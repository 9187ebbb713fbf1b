"""Regressions found by sweep 4 (every probe round 1-28 rerun at one HEAD and compared cell by
cell with sweep 3's results and each later round's own final run). Each fix is a true/false pair."""

from __future__ import annotations

import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import StepResult
from proofnb.runner.api import make_options


def steps(cell: str, *, assume: str = "") -> list[StepResult]:
    options = make_options(assume=[assume] if assume else [], timeout=10, seed=0)
    return list(check_proof(cell, options).steps)


def test_a_witness_names_a_letter_that_only_the_written_step_has() -> None:
    # Probe 11 #192: the sum evaluates to 0 for every whole n, so the evaluated step 0 = 1 has
    # no letter and the witness "n = 0" lost its point (e474263 keeps only the step's letters).
    n, k = sp.symbols("n k", integer=True)
    wrong = steps("Sum((-1)^k, (k, 0, 2n + 1)) = 1", assume="n integer, n >= 0")
    assert [s.status for s in wrong] == ["refuted"]
    witness = wrong[0].counterexample
    assert witness is not None and [name for name, _ in witness.point] == ["n"]
    at = sp.Integer(dict(witness.point)["n"])
    assert at >= 0 and sp.Sum((-1) ** k, (k, 0, 2 * n + 1)).subs(n, at).doit() != 1
    right = steps("Sum((-1)^k, (k, 0, 2n + 1)) = 0", assume="n integer, n >= 0")
    assert [s.status for s in right] == ["proved"]


def test_a_witness_still_leaves_out_letters_only_the_assumptions_have() -> None:
    wrong = steps("2 + 2 = 5", assume="x > 0")
    assert [s.status for s in wrong] == ["refuted"]
    assert wrong[0].counterexample is not None and wrong[0].counterexample.point == ()
    assert [s.status for s in steps("2 + 2 = 4", assume="x > 0")] == ["proved"]
