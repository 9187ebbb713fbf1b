"""``not`` / ``\\neg`` / ``¬`` in statements: the opposite statement, pushed to relations."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.render import render_latex


@pytest.mark.parametrize("text", [
    "not (x <= 2 and -2 <= x)\n<=> x > 2 or -2 > x",
    "x^2 > 4\n<=> not (-2 <= x <= 2)",
    "\\neg (x > 1)\n\\iff x \\le 1",
    "¬(x = 1)\n<=> x < 1 or x > 1",
    "not not x > 0\n<=> x > 0",
])
def test_a_negation_is_the_opposite_statement(text: str) -> None:
    step = check_proof(text, CheckOptions()).steps[0]
    assert step.status == "proved", step


def test_a_wrong_negation_is_refuted_with_the_lost_root() -> None:
    step = check_proof("not (x <= 2 and -2 <= x)\n<=> x > 2", CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert step.counterexample is not None and step.counterexample.kind == "lost-root"


def test_not_needs_a_statement() -> None:
    step = check_proof("not x\n= 1", CheckOptions()).steps[0]
    assert step.status == "error"
    assert "not" in step.message


@pytest.mark.parametrize(("text", "latex"), [
    ("not (x > 1)", r"\neg \left(x > 1\right)"),
    (r"\neg (x > 1)", r"\neg (x > 1)"),
])
def test_a_negation_renders(text: str, latex: str) -> None:
    assert render_latex(text) == latex
