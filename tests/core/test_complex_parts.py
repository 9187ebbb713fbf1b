"""Identities in conjugates, |z|, Re and Im of complex unknowns (z = a + b i with a, b real),
and LaTeX's \\bar / \\overline as the conjugate in complex mode only."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(
    "cell",
    [
        "z \\bar{z} = |z|^2",
        "|z w| = |z| |w|",
        "re(z w) = re(z) re(w) - im(z) im(w)",
        "|z|^2 = re(z)^2 + im(z)^2",
        "re(z) = (z + conjugate(z))/2",
        "\\overline{z w} = \\bar{z} \\bar{w}",
    ],
)
def test_true_identities_are_proved(cell: str) -> None:
    step = check_proof(cell, CheckOptions(domain="complex", seed=0)).steps[0]
    assert step.status == "proved", (step.method, step.message)


@pytest.mark.parametrize(
    ("cell", "lhs", "rhs"),
    [
        ("|z + w| = |z| + |w|", "Abs(z + w)", "Abs(z) + Abs(w)"),
        ("re(z^2) = re(z)^2", "re(z**2)", "re(z)**2"),
        ("\\overline{z + w} = \\bar{z} + w", "conjugate(z + w)", "conjugate(z) + w"),
    ],
)
def test_near_misses_are_refuted_with_a_checked_witness(cell: str, lhs: str, rhs: str) -> None:
    step = check_proof(cell, CheckOptions(domain="complex", seed=0)).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    point = {sp.Symbol(k): sp.sympify(v) for k, v in step.counterexample.point}
    left = sp.sympify(lhs).xreplace(point)
    right = sp.sympify(rhs).xreplace(point)
    assert sp.simplify(left - right) != 0


def test_bar_in_the_real_domain_asks_for_the_complex_domain() -> None:
    step = check_proof("\\bar{x} = x", CheckOptions(seed=0)).steps[0]
    assert step.status == "error" and "--domain complex" in step.message
