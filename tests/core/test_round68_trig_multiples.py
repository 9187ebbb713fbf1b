"""Multiple angles in the full checker's trig-polynomial method (round 68).

expand_trig wrote sin(k x) as a polynomial of degree k in sin x, cos x: (sin 20x + cos 20x)^2
= 1 + sin 40x took 150 ms and sin 400x took minutes. The method now writes each sine and cosine
in exp(i g m) (g the gcd of the multiples of each monomial m of the angles), whose size does not
grow with k. The time limits below are hang guards, far above what the steps take.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import mpmath
import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult
from proofnb.core.prove import rescale_angles, trig_polynomial_zero
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()


def _step(cell: str) -> StepResult:
    start = time.monotonic()
    steps = check_proof(cell, CheckOptions(assume=(), domain="real", seed=0)).steps
    assert time.monotonic() - start < 5, cell
    return steps[-1]


@pytest.mark.parametrize("k", [2, 9, 20, 40, 200])
def test_square_of_a_sum_of_multiple_angles_is_proved(k: int) -> None:
    cell = (rf"(\sin {k}x + \cos {k}x)^2 = \sin^2 {k}x + 2\sin {k}x \cos {k}x + \cos^2 {k}x"
            rf" = 1 + \sin {2 * k}x")
    step = _step(cell)
    assert (step.status, step.method) == ("proved", "trig-polynomial")
    assert step.notes == ()


@pytest.mark.parametrize("cell", [
    r"\sin 400x = 2 \sin 200x \cos 200x",
    r"\sin 201x = \sin 200x \cos x + \cos 200x \sin x",
    r"2\sin 30x \cos 50x = \sin 80x - \sin 20x",
    r"\sin 3x \cos 5x = (\sin 8x - \sin 2x)/2",
    r"\sin(200x + 300y) = \sin 200x \cos 300y + \cos 200x \sin 300y",
    r"\sec^2 200x = 1 + \tan^2 200x",
    r"\csc^2 300x = 1 + \cot^2 300x",
    r"\csc 200x = \sec 100x \csc 100x / 2",
    r"\sin^2 200x = (1 - \cos 400x)/2",
    r"\sin(x/200) = 2\sin(x/400)\cos(x/400)",
    r"\sin(\pi x/20) = 2 \sin(\pi x/40)\cos(\pi x/40)",
    r"\sin(20x + \pi/3) = \sin 20x / 2 + \sqrt{3}\cos 20x / 2",
    r"\sin(20x + 1) = \sin 20x \cos 1 + \cos 20x \sin 1",
    r"\sinh 400x = 2 \sinh 200x \cosh 200x",
    r"\sin^{10} x + \cos^{10} x = 1 - 5 \sin^2 x \cos^2 x + 5\sin^4 x \cos^4 x",
])
def test_identities_in_large_multiples_are_proved(cell: str) -> None:
    step = _step(cell)
    assert (step.status, step.method) == ("proved", "trig-polynomial"), step.message


sin, cos, tan = mpmath.sin, mpmath.cos, mpmath.tan


@pytest.mark.parametrize(("cell", "left", "right"), [
    (r"(\sin 200x + \cos 200x)^2 = 1 + \sin 200x",
     lambda x, y: (sin(200 * x) + cos(200 * x)) ** 2, lambda x, y: 1 + sin(200 * x)),
    (r"\sin 201x = \sin 200x \cos x - \cos 200x \sin x",
     lambda x, y: sin(201 * x), lambda x, y: sin(200 * x) * cos(x) - cos(200 * x) * sin(x)),
    (r"2\sin 30x \cos 50x = \sin 80x + \sin 20x",
     lambda x, y: 2 * sin(30 * x) * cos(50 * x), lambda x, y: sin(80 * x) + sin(20 * x)),
    (r"\sin(200x + 300y) = \sin 200x \cos 300y - \cos 200x \sin 300y",
     lambda x, y: sin(200 * x + 300 * y),
     lambda x, y: sin(200 * x) * cos(300 * y) - cos(200 * x) * sin(300 * y)),
    (r"\tan 400x = 2\tan 200x/(1+\tan^2 200x)",
     lambda x, y: tan(400 * x), lambda x, y: 2 * tan(200 * x) / (1 + tan(200 * x) ** 2)),
    (r"\sin^2 200x = (1 + \cos 400x)/2",
     lambda x, y: sin(200 * x) ** 2, lambda x, y: (1 + cos(400 * x)) / 2),
    (r"\sin^{10} x + \cos^{10} x = 1 - 5 \sin^2 x \cos^2 x + 4\sin^4 x \cos^4 x",
     lambda x, y: sin(x) ** 10 + cos(x) ** 10,
     lambda x, y: 1 - 5 * sin(x) ** 2 * cos(x) ** 2 + 4 * sin(x) ** 4 * cos(x) ** 4),
    (r"\sin 400x = 2 \sin 200x \cos 200x + 10^{-9}",
     lambda x, y: sin(400 * x),
     lambda x, y: 2 * sin(200 * x) * cos(200 * x) + mpmath.mpf(10) ** -9),
])
def test_false_steps_are_refuted_with_a_witness_that_fails(
        cell: str, left: Callable[..., object], right: Callable[..., object]) -> None:
    step = _step(cell)
    assert step.status == "refuted" and step.counterexample is not None
    point = dict(step.counterexample.point)
    assert set(point) <= {"x", "y"}
    with mpmath.workdps(50):  # the sides as written, at the witness, without SymPy
        at = {k: mpmath.mpf(sp.Rational(v).p) / sp.Rational(v).q for k, v in point.items()}
        a, b = left(at.get("x", 0), at.get("y", 0)), right(at.get("x", 0), at.get("y", 0))
        assert abs(a - b) > mpmath.mpf(10) ** -12, (cell, point, a, b)


def test_the_identity_in_exponentials_needs_every_term() -> None:
    x, y = sp.symbols("x y", real=True)
    assert trig_polynomial_zero(sp.sin(40 * x) - 2 * sp.sin(20 * x) * sp.cos(20 * x))
    assert not trig_polynomial_zero(sp.sin(40 * x) - 2 * sp.sin(20 * x) * sp.cos(21 * x))
    assert not trig_polynomial_zero(sp.sin(x + y) - sp.sin(x) * sp.cos(y))
    # the same multiples in different letters are different unknowns
    assert not trig_polynomial_zero(sp.sin(2 * x) - 2 * sp.sin(y) * sp.cos(y))
    assert trig_polynomial_zero(sp.csch(3 * x) - 1 / sp.sinh(3 * x))
    # half angles: the gcd of 1 and 1/2 is 1/2
    assert trig_polynomial_zero(sp.sin(x / 2) ** 2 + sp.cos(x) / 2 - sp.Rational(1, 2))


def test_a_huge_coprime_multiple_is_not_expanded() -> None:
    """Angles the exponentials do not take (a decimal multiple) fall back to expand_trig,
    which is not tried beyond small multiples."""
    x = sp.Symbol("x", real=True)
    start = time.monotonic()
    trig_polynomial_zero(sp.sin(sp.Float("0.5") * x) + sp.sin(201 * x) - sp.sin(200 * x))
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("k", [2, 20, 200])
def test_domain_notes_of_multiple_angles_keep_their_form(k: int) -> None:
    """The zero sets of both sides' exclusions are compared at x/k (simplify's angle
    expansions grew with k: 1.8 s at k = 200); the notes still name the angles as written."""
    step = _step(rf"\tan {2 * k}x = 2\tan {k}x/(1-\tan^2 {k}x)")
    assert (step.status, step.method) == ("proved", "trig-polynomial")
    kx = f"{k}*x"
    assert step.notes == (f"cos({2 * k}*x) ≠ 0", f"cos({kx}) ≠ 0", f"1 - tan({kx})^2 ≠ 0")
    both = _step(rf"\frac{{1}}{{\sin {k}x \cos {k}x}} = \frac{{2}}{{\sin {2 * k}x}}")
    assert (both.status, both.notes) == ("proved", ())


def test_rescaled_angles_are_a_change_of_variable() -> None:
    x, y = sp.symbols("x y", real=True)
    n, p = sp.Symbol("n", integer=True), sp.Symbol("p", positive=True)
    assert rescale_angles(sp.cos(400 * x) / sp.cos(200 * x)) == sp.cos(2 * x) / sp.cos(x)
    assert rescale_angles(x + sp.sin(20 * x + 30 * y)) == x / 20 + sp.sin(x + y)
    assert rescale_angles(sp.sin(p / 20) * sp.cos(p / 40)) == sp.sin(2 * p) * sp.cos(p)
    assert rescale_angles(sp.sin(sp.pi * x / 20)) == sp.sin(sp.pi * x)
    # x/20 is not an integer where x is: the letter keeps its angles
    assert rescale_angles(sp.sin(20 * n)) == sp.sin(20 * n)
    for kept in (sp.sin(20 * x**2) + sp.cos(40 * x), sp.sin(20 * x * y) + sp.cos(40 * x),
                 sp.sin(sp.Float("0.5") * x) + sp.sin(20 * x)):
        assert rescale_angles(kept) == kept
