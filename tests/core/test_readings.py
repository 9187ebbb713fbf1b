"""Lines checked as what they mean, shown as written (``StepSpec.reading``).

A tangent's answer line ``y = 6x - 9`` after ``f'(3) = 6`` and an inverse's
``f^{-1}(x) = (x - 3)/2`` are checked as statements about f; the step the student sees is
still the line they wrote, with a note on how it was read and a witness in its terms.
"""

from __future__ import annotations

import pickle

from proofnb.core.cell import parse_cell
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, ProofResult, Reading, StepResult
from proofnb.core.parser import build_env, parse_math


def _only_reading_step(cell: str) -> tuple[ProofResult, StepResult]:
    result = check_proof(cell, CheckOptions())
    return result, result.steps[-1]


def test_a_tangent_line_is_shown_as_written() -> None:
    cell = "f(x) = x^2\nf'(3) = 6\ny = 6x - 9"
    (spec,) = [s for s in parse_cell(cell).steps if s.reading is not None]
    assert (spec.lhs, spec.relation, spec.rhs, spec.kind) == ("y", "=", "6x - 9", "expression")
    assert isinstance(spec.reading, Reading) and spec.reading.relation == "==>"
    assert pickle.loads(pickle.dumps(spec)) == spec
    result, step = _only_reading_step(cell)
    assert (step.lhs, step.relation, step.rhs, step.status) == ("y", "=", "6x - 9", "proved")
    assert step.notes[0] == "read as the tangent or the normal to f at x = 3"
    assert (step.lhs_latex, step.rhs_latex) == ("y", "6 x - 9")
    assert result.conclusion.endswith("y = 6x - 9")


def test_a_wrong_tangent_gets_a_point_on_the_students_line() -> None:
    _, step = _only_reading_step("f(x) = x^2\nf'(3) = 6\ny = 6x - 8")
    assert step.status == "refuted" and step.counterexample is not None
    point = dict(step.counterexample.point)
    x, y = int(point["x"]), int(point["y"])
    assert y == 6 * x - 8  # on the line as written ...
    assert y != 6 * x - 9 and 6 * (y - 9) != -(x - 3)  # ... on neither tangent nor normal
    assert step.counterexample.text == (
        f"x = {x}, y = {y} is on this line but not on the tangent or the normal to f at x = 3")


def test_an_inverse_is_shown_as_written_and_its_witness_checks_out() -> None:
    _, good = _only_reading_step("f(x) = 2x + 3\nf^{-1}(x) = (x - 3)/2")
    assert (good.lhs, good.relation, good.rhs, good.status) == (
        "f^{-1}(x)", "=", "(x - 3)/2", "proved")
    assert good.notes[0].startswith("read as the inverse of f")
    _, bad = _only_reading_step("f(x) = 2x + 3\nf^{-1}(x) = (x + 3)/2")
    assert bad.status == "refuted" and bad.counterexample is not None
    (name, value), = bad.counterexample.point
    env = build_env(CheckOptions())
    at = parse_math(value, env)
    assert (2 * at + 3 + 3) / 2 != at  # R(f(x)) is not x at the witness
    assert bad.counterexample.text.endswith("so this is not the inverse of f")


def test_a_line_without_a_reading_is_unchanged() -> None:
    steps = parse_cell("f(x) = x^2\nf(3) = 9\ny = 4x - 3").steps
    assert all(s.reading is None for s in steps)
    assert steps[-1].relation == "=" and steps[-1].kind == "expression"
