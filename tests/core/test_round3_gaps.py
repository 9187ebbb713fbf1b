"""Round-3 engine gaps: finite-set membership in statements, exponential and logarithmic
inequalities whose solution sets end at logs of rationals, and ``log|u|`` antiderivatives.

Every refutation's witness is re-checked independently (``run`` from test_gaps).
"""

from __future__ import annotations

import pytest
import sympy as sp
from test_gaps import run

from proofnb.core.errors import ParseError
from proofnb.core.model import CheckOptions
from proofnb.core.parser import build_env, parse_math
from proofnb.core.render import render_latex

#: (cell, domain, status, text the witness must show).
MEMBERSHIP = [
    ("x^2 = 4\n<=> x \\in \\{2, -2\\}", "real", "proved", ""),
    ("x^2 = 4\n<=> x in {2, -2}", "real", "proved", ""),
    ("x^2 = 4\n<=> x ∈ {2, −2}", "real", "proved", ""),
    ("x^2 = 4\n<=> x \\in \\left\\{2, -2\\right\\}", "real", "proved", ""),
    ("x^2 = 4\n<=> x in {±2}", "real", "proved", ""),
    ("x^2 - 5x + 6 = 0\n<=> x in {3, 2}", "real", "proved", ""),
    ("x in {1, 2}\n<=> (x - 1)(x - 2) = 0", "real", "proved", ""),
    ("x^2 = 4\n==> x in {2, -2, 0}", "real", "proved", ""),
    ("x^2 = -1\n<=> x \\in \\emptyset", "real", "proved", ""),
    ("x^2 = -1\n<=> x ∈ ∅", "real", "proved", ""),
    ("x^2 < 0\n<=> x in {}", "real", "proved", ""),
    ("x^2 + 1 > 0\n<=> x \\in \\mathbb{R}", "real", "proved", ""),
    ("x^2 >= 0\n<=> x ∈ ℝ", "real", "proved", ""),
    # near misses: a lost root, a gained root, an empty set that is not empty
    ("x^2 = 4\n<=> x in {2}", "real", "refuted", "x = -2"),
    ("x^2 = 4\n<=> x \\in \\{2\\}", "real", "refuted", "x = -2"),
    ("x^2 = 4\n<=> x in {2, -2, 0}", "real", "refuted", "x = 0"),
    ("x^2 - 5x + 6 = 0\n<=> x in {2, -3}", "real", "refuted", ""),
    ("x^2 = 1\n<=> x \\in \\varnothing", "real", "refuted", "x = "),
    ("x^2 > 0\n<=> x ∈ ℝ", "real", "refuted", "x = 0"),
    ("x^2 = 4\n==> x in {2}", "real", "refuted", "x = -2"),
    # complex mode: R is the real axis, C everything
    ("z^2 = -4\n<=> z in {2i, -2i}", "complex", "proved", ""),
    ("z^2 = -4\n<=> z in {2i}", "complex", "refuted", "z = -2*i"),
]


@pytest.mark.parametrize(("cell", "domain", "status", "shows"), MEMBERSHIP,
                         ids=[c[0].replace("\n", " ") for c in MEMBERSHIP])
def test_finite_set_membership(cell: str, domain: str, status: str, shows: str) -> None:
    result = run(cell, domain=domain)
    assert result.status == status, (result.message, result.counterexample)
    if shows:
        assert result.counterexample is not None
        assert shows in result.counterexample.text


def test_membership_reads_as_equations() -> None:
    env = build_env(CheckOptions())
    x = parse_math("x", env)
    assert parse_math("x in {2, -2}", env) == parse_math("x = 2 or x = -2", env)
    assert parse_math("x \\in \\{3\\}", env) == parse_math("x = 3", env)
    assert parse_math("x in R", env) is sp.true
    assert parse_math("x in \\emptyset", env) is sp.false
    complex_env = build_env(CheckOptions(domain="complex"))
    z = parse_math("z", complex_env)
    assert str(parse_math("z in R", complex_env)) == f"Eq(im({z}), 0)"
    assert bool(parse_math("z in C", complex_env)) is True
    assert x.is_real


@pytest.mark.parametrize("text", ["x in {1, 2", "x in {1 2}", "x in Z", "x \\in y"])
def test_broken_sets_are_errors(text: str) -> None:
    with pytest.raises(ParseError):
        parse_math(text, build_env(CheckOptions()))


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("x in {2, -2}", r"x \in \left\{2, -2\right\}"),
        ("x ∈ {2, −2}", r"x \in \left\{2, -2\right\}"),
        ("x in (0, 1]", r"x \in \left(0, 1\right]"),
        ("x ∈ ∅", r"x \in \emptyset"),
        ("x in R", r"x \in \mathbb{R}"),
        ("x in {}", r"x \in \{\}"),
        (r"x \in \emptyset", r"x \in \emptyset"),
        (r"x \in \varnothing", r"x \in \varnothing"),
    ],
)
def test_membership_renders(text: str, latex: str) -> None:
    assert render_latex(text) == latex


EXP_LOG = [
    ("(1/2)^x > 4\n<=> x < -2", "proved"),
    ("0.5^x > 4\n<=> x < -2", "proved"),
    ("(1/3)^x <= 9\n<=> x >= -2", "proved"),
    ("2^x >= 8\n<=> x >= 3", "proved"),
    ("4^x > 8\n<=> x > 3/2", "proved"),
    ("2^x < 12\n<=> x < 2 + log(3)/log(2)", "proved"),
    ("(1/2)^x >= 1/8\n<=> x <= 3", "proved"),
    ("log(x) < 1\n<=> 0 < x < e", "proved"),
    ("log(x, 1/2) > 1\n<=> 0 < x < 1/2", "proved"),
    ("e^(2x) > 3\n<=> x > ln(3)/2", "proved"),
    # near misses: a flip not made, a flip made wrongly, a lost end point, a lost domain
    ("(1/2)^x > 4\n<=> x > -2", "refuted"),
    ("(1/3)^x <= 9\n<=> x <= -2", "refuted"),
    ("4^x > 8\n<=> x > 2/3", "refuted"),
    ("2^x < 12\n<=> x < 2 + log(3)/log(2) + 1/10", "refuted"),
    ("(1/2)^x >= 1/8\n<=> x < 3", "refuted"),
    ("log(x) < 1\n<=> x < e", "refuted"),
    ("log(x, 1/2) > 1\n<=> x < 1/2", "refuted"),
    ("e^(2x) > 3\n<=> x > ln(3)", "refuted"),
]


@pytest.mark.parametrize(("cell", "status"), EXP_LOG,
                         ids=[c[0].replace("\n", " ") for c in EXP_LOG])
def test_exponential_and_log_inequalities(cell: str, status: str) -> None:
    result = run(cell)
    assert result.status == status, (result.message, result.counterexample)


def test_log_end_point_witness_stays_readable() -> None:
    result = run("2^x < 12\n<=> x < 2 + log(3)/log(2) + 1/10")
    assert result.counterexample is not None
    assert "log(12)/log(2)" in result.counterexample.text or "x = " in result.counterexample.text
    assert "**" not in result.counterexample.text


ANTIDERIVATIVES = [
    ("integrate(1/(x^2 - 1), x) = ln|(x - 1)/(x + 1)|/2 + C", "proved"),
    ("integrate(1/(x^2 - 1), x) = ln|x - 1|/2 - ln|x + 1|/2 + C", "proved"),
    ("integrate(tan(x), x) = -ln|cos(x)| + C", "proved"),
    ("integrate(2x/(x^2 + 1), x) = ln|x^2 + 1| + C", "proved"),
    ("integrate(1/(2x + 3), x) = ln|2x + 3|/2 + C", "proved"),
    ("integrate(ln|x|, x) = x ln|x| - x + C", "proved"),
    ("integrate(1/(x ln|x|), x) = ln|ln|x|| + C", "proved"),
    ("\\int \\frac{1}{x^2 - 1} \\, dx = \\frac{1}{2} \\ln\\left|\\frac{x-1}{x+1}\\right| + C",
     "proved"),
    # near misses: upside-down argument, wrong sign, lost factor, lost term
    ("integrate(1/(x^2 - 1), x) = ln|(x + 1)/(x - 1)|/2 + C", "refuted"),
    ("integrate(1/(x^2 - 1), x) = ln|x - 1|/2 + ln|x + 1|/2 + C", "refuted"),
    ("integrate(tan(x), x) = ln|cos(x)| + C", "refuted"),
    ("integrate(1/(2x + 3), x) = ln|2x + 3| + C", "refuted"),
    ("integrate(ln|x|, x) = x ln|x| + C", "refuted"),
    ("integrate(1/(x ln|x|), x) = ln|ln|x||/2 + C", "refuted"),
]


@pytest.mark.parametrize(("cell", "status"), ANTIDERIVATIVES,
                         ids=[c[0] for c in ANTIDERIVATIVES])
def test_log_abs_antiderivatives(cell: str, status: str) -> None:
    # The shared re-checker evaluates the integral side itself (a log of a negative number
    # off the integral's own formula): re-check here by the derivatives, as the step means.
    result = run(cell, recheck=False)
    assert result.status == status, (result.message, result.counterexample)
    if status == "refuted":
        assert result.counterexample is not None
        env = build_env(CheckOptions())
        point = dict(result.counterexample.point)
        integral, antiderivative = (parse_math(side, env) for side in cell.split(" = "))
        x = parse_math("x", env)
        values = {parse_math(k, env): parse_math(v, env) for k, v in point.items()}
        slope = sp.diff(antiderivative, x).subs(values)
        integrand = integral.function.subs(values)
        assert sp.simplify(slope - integrand) != 0


ABS_BOUNDS = [
    ("|sin x| <= |x|", "proved"),
    ("|sin(x)| <= 1", "proved"),
    ("|cos x| <= 1", "proved"),
    ("|sin(2x)| <= 2|x|", "proved"),
    # near misses: strict at the shared zero, halved bound, reversed, too tight a constant
    ("|sin x| < |x|", "refuted"),
    ("|sin x| <= |x|/2", "refuted"),
    ("|x| <= |sin x|", "refuted"),
    ("|sin(x)| <= 1/2", "refuted"),
    ("|sin(2x)| <= |x|", "refuted"),
]


@pytest.mark.parametrize(("cell", "status"), ABS_BOUNDS, ids=[c[0] for c in ABS_BOUNDS])
def test_absolute_value_bounds_by_squared_sides(cell: str, status: str) -> None:
    result = run(cell)
    assert result.status == status, (result.message, result.counterexample)


def test_squared_sides_needs_both_sides_nonnegative() -> None:
    from proofnb.core.inequality import _squared_sides

    x = parse_math("x", build_env(CheckOptions()))
    assert _squared_sides(sp.Abs(x) - sp.Abs(sp.sin(x))) == sp.expand(x**2 - sp.sin(x)**2)
    # x - |sin x|: x may be negative, squaring would prove a false claim
    assert _squared_sides(x - sp.Abs(sp.sin(x))) is None
    assert _squared_sides(sp.Abs(x) + 1) is None  # nothing subtracted: not this prover's case
