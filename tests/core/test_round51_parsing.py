"""Round 51: proofnb reads what SymPy's printers (latex with its settings, one-line pretty,
itex) print as SymPy meant it.

Each parse is compared here with the SymPy expression it was printed from, at exact real points
(an independent check: the expected expression is built with SymPy's own constructors, never by
proofnb); the cells check that a step through such a form is decided on its real meaning.
"""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.parser import build_env, parse_math
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()

x, y, t, a, n = (sp.Symbol(k, real=True) for k in ("x", "y", "t", "a", "n"))
theta, alpha = sp.Symbol("theta", real=True), sp.Symbol("alpha", real=True)
POINTS = [sp.Rational(7, 3), sp.Rational(5, 11), sp.Rational(13, 7), sp.Integer(3)]


def _same_function(text: str, expected: sp.Expr) -> None:
    parsed = parse_math(text, build_env(CheckOptions()))
    names = sorted(expected.free_symbols | parsed.free_symbols, key=str)
    assert {s.name for s in parsed.free_symbols} <= {s.name for s in names}, (text, parsed)
    for k, v in enumerate(POINTS):
        point = {s: POINTS[(k + j) % len(POINTS)] for j, s in enumerate(names)}
        want = sp.N(expected.xreplace(point), 40)
        got = sp.N(parsed.xreplace(point), 40)
        assert abs(want - got) < 1e-30, (text, parsed, point, v)


# (SymPy expression, how it is printed): every form below was read as something else before
# round 51 (log(x^2), log(y floor(x)), asin(x^2)...) or was an error.
PRINTED = [
    (sp.log(x) ** 2, {}),
    (sp.log(a) ** sp.cosh(sp.Rational(1, 4)), {}),
    (sp.log(y) * sp.floor(x), {}),
    (sp.log(x) * sp.Abs(y) * sp.exp(y), {}),
    (sp.asin(x / 3) ** 2, {"inv_trig_style": "power"}),
    (1 / sp.asec(x) ** 2, {"inv_trig_style": "power"}),
    (sp.asec(y) ** sp.Rational(1, 20), {"inv_trig_style": "power", "root_notation": False}),
    (sp.acot(x) ** 2 * y, {}),
    (sp.sqrt(sp.log(2)) * sp.sqrt(x), {"root_notation": False}),
    (sp.cot(y) ** (t**2), {}),
    (sp.cosh(t) ** sp.Rational(3, 2) + t, {}),
    (sp.tanh(x) ** (x ** sp.Rational(1, 5)), {}),
    (sp.sqrt(sp.csc(t)), {"root_notation": False}),
    (sp.cosh(t) ** sp.Rational(3, 2), {"fold_func_brackets": True, "mul_symbol": "times"}),
    (sp.root(x, 3), {"itex": True}),
    (3 ** sp.Rational(14, 15) * sp.root(5, 15) / 3 + sp.root(t + 1, 4), {"itex": True}),
]


@pytest.mark.parametrize(("expr", "settings"), PRINTED, ids=[str(e) for e, _ in PRINTED])
def test_sympy_latex_is_read_as_printed(expr: sp.Expr, settings: dict[str, object]) -> None:
    text = sp.latex(expr, **settings)  # type: ignore[arg-type]
    _same_function(text, expr)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\\log{\\left(x \\right)}^{2} y", y * sp.log(x) ** 2),
        ("\\sin{\\left(x \\right)} \\frac{1}{y}", sp.sin(x) / y),
        ("\\sin{(x)}^2 y", y * sp.sin(x) ** 2),
        # a bare brace group is still the argument of sin x^2 as it shows: sin(x^2)
        ("\\sin{x}^2", sp.sin(x**2)),
        ("\\sin{\\left(x \\right) + 1}", sp.sin(x + 1)),
        ("\\sin^{-1}{\\left(x/3 \\right)}", sp.asin(x / 3)),
        ("\\sin^{-2}{x}", sp.sin(x) ** -2),
        ("\\sin^{\\frac12} x + 1", sp.sqrt(sp.sin(x)) + 1),
    ],
)
def test_brackets_inside_braces_are_the_call(text: str, expected: sp.Expr) -> None:
    _same_function(text, expected)


def test_one_line_pretty_printing() -> None:
    """sympy.pretty(use_unicode=True): ℯ is Euler's number (was a new variable named ℯ),
    │x - y│ is an absolute value (was an error)."""
    for expr in (sp.E * t - sp.cosh(sp.Rational(1, 4)), sp.Abs(x - y) + sp.Abs(theta),
                 sp.log(sp.sec(sp.cos(t))) * sp.atan(sp.Abs(alpha)), x * (y + sp.E)):
        text = sp.pretty(expr, use_unicode=True)
        assert "\n" not in text
        _same_function(text, expr)
    assert parse_math("ℯ", build_env(CheckOptions())) == sp.E


def test_root_command_needs_braces() -> None:
    from proofnb.core.errors import ParseError

    with pytest.raises(ParseError, match=r"\\sqrt\[n\]\{x\}"):
        parse_math("\\root 3 \\of x", build_env(CheckOptions()))


def _refuted_at(cell: str, lhs: sp.Expr, rhs: sp.Expr) -> None:
    (step,) = check_proof(cell, CheckOptions()).steps
    assert step.status == "refuted", (cell, step)
    assert step.counterexample is not None
    point = {sp.Symbol(k, real=True): sp.Rational(v) for k, v in step.counterexample.point}
    assert sp.N(lhs.xreplace(point) - rhs.xreplace(point), 30) != 0


def test_steps_through_sympy_latex() -> None:
    proved = [
        "\\log{\\left(y \\right)} \\left\\lfloor{x}\\right\\rfloor = \\lfloor x \\rfloor \\ln y",
        "\\log{\\left(x \\right)}^{2} = (\\ln x)^2",
        "\\sin^{-1}{\\left(x \\right)}^{2} = (\\arcsin x)^2",
        "\\root{3}{x} = \\sqrt[3]{x}",
    ]
    for cell in proved:
        (step,) = check_proof(cell, CheckOptions()).steps
        assert step.status == "proved", (cell, step)
    # read as log(x^2) before: then 2 log|x|, which agrees with 2 log(x) for x > 0 only
    _refuted_at("\\log{\\left(x \\right)}^{2} = 2 \\log{\\left(x \\right)}",
                sp.log(x) ** 2, 2 * sp.log(x))
    _refuted_at("\\sin{\\left(x \\right)} y = \\sin(x y)", sp.sin(x) * y, sp.sin(x * y))


def test_odd_root_of_a_number_is_evaluable() -> None:
    """\\sqrt[5]{2} read as written was real_root's Piecewise, which no point evaluates: the
    false step x = x + 1 was 'unknown'."""
    _refuted_at("\\sqrt[5]{2} \\sqrt[5]{y} = \\sqrt[5]{2} \\sqrt[5]{y} + 1",
                sp.root(2, 5) * sp.root(y, 5), sp.root(2, 5) * sp.root(y, 5) + 1)
    (step,) = check_proof("\\sqrt[3]{-8} x = -2x", CheckOptions()).steps
    assert step.status == "proved"


def test_gamma_as_sympy_prints_it() -> None:
    """SymPy prints gamma(n + 3) as \\Gamma\\left(n + 3\\right) and gamma(x)**2 as
    \\Gamma^{2}\\left(x\\right): both were the Greek letter times the bracket (simplify's
    (n + 2)! = \\Gamma(n + 3) was refuted at Gamma = 0)."""
    for expr in (sp.gamma(n + 3), sp.gamma(x) ** 2, sp.gamma(x) * sp.gamma(y) / 2):
        _same_function(sp.latex(expr), expr)
    _same_function("Gamma^2(x)", sp.gamma(x) ** 2)  # gamma^2(1 - v^2): a letter (review 11)
    # a space still makes the letter: Γ (x + 1) is Γ·(x + 1)
    assert parse_math("\\Gamma (x+1)", build_env(CheckOptions())).has(sp.Symbol("Gamma", real=True))
    (step,) = check_proof("\\left(n + 2\\right)! = \\Gamma\\left(n + 3\\right)",
                          CheckOptions(assume=("n >= 0",))).steps
    assert step.status in ("proved", "likely"), step
