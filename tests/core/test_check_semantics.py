"""DESIGN §2 semantics on SymPy objects built directly (the checker's decision layer).

Every refutation's witness is re-checked independently: substitute the point with plain
SymPy ``subs`` and compare exactly / at high precision, or re-evaluate statement membership.
"""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.decide import Outcome, decide

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
n = sp.Symbol("n", integer=True, positive=True)
k = sp.Symbol("k", integer=True)
xp = sp.Symbol("x", positive=True)
xn = sp.Symbol("x", nonnegative=True)


def U(f, *args):  # noqa: N802 - an unevaluated node, as the parser builds them
    return f(*args, evaluate=False)


def _value(expr: sp.Basic, point: dict[sp.Symbol, sp.Expr]) -> sp.Expr | None:
    """Independent evaluation: bottom-up subs, None when any part is non-real/infinite."""
    for sub in sp.preorder_traversal(expr):
        if isinstance(sub, sp.Expr) and not sub.is_Atom:
            v = sub.subs(point)
            if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
                return None
            if v.is_number and abs(sp.im(v.evalf(50))) > 1e-30:
                return None
    return sp.sympify(expr).subs(point)


def recheck(outcome: Outcome, rel: str, lhs: sp.Basic, rhs: sp.Basic) -> None:
    """Assert that the witness of a refutation really refutes the step."""
    ce = outcome.counterexample
    assert ce is not None
    calculus = (sp.Derivative, sp.Integral, sp.Sum, sp.Limit)
    lhs, rhs = (e.doit() if e.has(*calculus) else e for e in (lhs, rhs))
    symbols = {str(s): s for s in (lhs.free_symbols | rhs.free_symbols)}
    point = {symbols[name]: sp.Rational(v) if "pi" not in v and "sqrt" not in v else sp.sympify(v)
             for name, v in ce.point}
    if ce.kind == "undefined":
        assert _value(lhs, point) is not None
        assert _value(rhs, point) is None
        return
    if ce.kind == "value":
        a, b = _value(lhs, point), _value(rhs, point)
        assert a is not None and b is not None
        d = (a - b).evalf(80)
        fails = {"=": abs(d) > 1e-40, "<": d >= 0, "<=": d > 1e-40, ">": d <= 0,
                 ">=": d < -1e-40}[rel]
        assert fails, (ce, d)
        return
    first = _holds(lhs, point)
    second = _holds(rhs, point)
    if ce.kind == "lost-root":
        assert first and not second
    else:
        assert second and not first


def _holds(stmt: sp.Basic, point: dict[sp.Symbol, sp.Expr]) -> bool:
    for rel in stmt.atoms(sp.core.relational.Relational):
        for side in rel.args:
            if _value(side, point) is None:
                return False
    value = stmt.subs(point)
    if value in (sp.true, sp.false):
        return bool(value)
    return bool(sp.simplify(value))


def run(rel: str, lhs, rhs, origin=None, **kw) -> Outcome:
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    out = decide(rel, lhs, rhs, lhs if origin is None else origin, **kw)
    if out.status == "refuted":
        recheck(out, rel, lhs, rhs)
    return out


# -- the examples named in DESIGN §2 and the issue -------------------------------------


def test_removable_singularity_holds_with_note() -> None:
    out = run("=", (x**2 - 1) / (x - 1), x + 1)
    assert out.status == "proved" and out.notes == ("x ≠ 1",) and "domain" in out.flags


def test_reverse_direction_also_holds_with_note() -> None:
    out = run("=", x + 1, (x**2 - 1) / (x - 1))
    assert out.status == "proved" and out.notes == ("x ≠ 1",)


def test_log_square_refuted_at_minus_one() -> None:
    out = run("=", sp.log(x**2), 2 * sp.log(x))
    assert out.status == "refuted"
    assert out.counterexample is not None
    assert out.counterexample.kind == "undefined"
    assert dict(out.counterexample.point) == {"x": "-1"}
    assert out.counterexample.lhs_value == "0"
    assert out.counterexample.rhs_value == "undefined"


def test_log_square_proved_for_positive_x() -> None:
    assert run("=", sp.log(xp**2), 2 * sp.log(xp)).status == "proved"


def test_sqrt_squared_holds_on_its_domain() -> None:
    assert run("=", U(sp.Pow, sp.sqrt(x), 2), x).status == "proved"


def test_sqrt_of_square_refuted_then_proved_with_assumption() -> None:
    out = run("=", sp.sqrt(x**2), x)
    assert out.status == "refuted" and dict(out.counterexample.point) == {"x": "-1"}
    assert run("=", sp.sqrt(xn**2), xn).status == "proved"


def test_right_side_undefined_on_a_region_is_refuted() -> None:
    out = run("=", x, U(sp.Pow, sp.sqrt(x), 2))
    assert out.status == "refuted" and out.counterexample.kind == "undefined"
    out = run("=", x, U(sp.Mul, sp.sqrt(x), sp.sqrt(x)))
    assert out.status == "refuted" and out.counterexample.kind == "undefined"


def test_atan_identity_only_for_positive_x() -> None:
    out = run("=", sp.atan(1 / x), sp.pi / 2 - sp.atan(x))
    assert out.status == "refuted" and dict(out.counterexample.point) == {"x": "-1"}
    assert run("=", sp.atan(1 / xp), sp.pi / 2 - sp.atan(xp)).status == "proved"


def test_cancelling_a_factor_loses_a_root() -> None:
    out = run("<=>", sp.Eq((x - 2) * (x + 1), 4 * (x - 2)), sp.Eq(x + 1, 4))
    assert out.status == "refuted"
    assert out.counterexample.kind == "lost-root" and dict(out.counterexample.point) == {"x": "2"}


def test_squaring_implies_but_gains_a_root() -> None:
    first, second = sp.Eq(x - 1, 2 * sp.sqrt(x + 2)), sp.Eq((x - 1) ** 2, 4 * (x + 2))
    assert run("==>", first, second).status == "proved"
    out = run("<=>", first, second)
    assert out.status == "refuted"
    assert out.counterexample.kind == "gained-root"
    assert dict(out.counterexample.point) == {"x": "-1"}
    assert run("<==", first, second).status == "refuted"


def test_inequality_sign_flip_refuted_at_zero() -> None:
    out = run("<=>", -2 * x < 6, x < -3)
    assert out.status == "refuted" and dict(out.counterexample.point) == {"x": "0"}
    assert run("<=>", -2 * x < 6, x > -3).status == "proved"


def test_quadratic_chain_proved() -> None:
    assert run("<=>", sp.Eq(x**2 - 5 * x + 6, 0), sp.Eq((x - 2) * (x - 3), 0)).status == "proved"
    out = run("<=>", sp.Eq((x - 2) * (x - 3), 0), sp.Or(sp.Eq(x, 2), sp.Eq(x, 3)))
    assert out.status == "proved"
    assert run("<=>", sp.Eq(x**2, 4), sp.Eq(x, 2)).status == "refuted"


def test_multivariable_statements() -> None:
    assert run("<=>", sp.Eq(x + y, 3), sp.Eq(y, 3 - x)).status == "proved"
    assert run("<=>", sp.Eq(2 * x + 4 * y, 6), sp.Eq(x + 2 * y, 3)).status == "proved"
    assert run("<=>", sp.Eq(x * y, 6), sp.Eq(y, 6 / x)).status == "proved"
    assert run("<=>", sp.Eq(x * y, 0), sp.Eq(y, 0)).status == "refuted"
    system = sp.And(sp.Eq(x + y, 3), sp.Eq(x - y, 1))
    assert run("<=>", system, sp.And(sp.Eq(x, 2), sp.Eq(y, 1))).status == "proved"
    assert run("<=>", system, sp.And(sp.Eq(x, 1), sp.Eq(y, 2))).status == "refuted"


def test_periodic_roots_are_not_forgotten() -> None:
    out = run("<=>", sp.Eq(sp.sin(x), 0), sp.Eq(x, 0))
    assert out.status == "refuted" and out.counterexample.kind == "lost-root"


# -- identities across the curriculum ------------------------------------------------------


@pytest.mark.parametrize(
    ("lhs", "rhs"),
    [
        ((x + y) ** 2, x**2 + 2 * x * y + y**2),
        ((x + 1) * (x - 1), x**2 - 1),
        (1 / x + 1 / (x + 1), (2 * x + 1) / (x * (x + 1))),
        (sp.sin(x) ** 2 + sp.cos(x) ** 2, 1),
        (sp.sin(2 * x), 2 * sp.sin(x) * sp.cos(x)),
        (sp.cos(2 * x), 1 - 2 * sp.sin(x) ** 2),
        (sp.tan(x), sp.sin(x) / sp.cos(x)),
        (sp.cosh(x) ** 2 - sp.sinh(x) ** 2, 1),
        (sp.exp(x) * sp.exp(y), sp.exp(x + y)),
        (sp.exp(2 * sp.log(x)), x**2),
        (sp.log(xp * 3), sp.log(xp) + sp.log(3)),
        (sp.sqrt(8), 2 * sp.sqrt(2)),
        (1 / (sp.sqrt(2) + 1), sp.sqrt(2) - 1),
        (sp.Derivative(x**3, x), 3 * x**2),
        (sp.Derivative(sp.sin(x) * x, x), sp.sin(x) + x * sp.cos(x)),
        (sp.Integral(2 * x, (x, 0, 1)), 1),
        (sp.Integral(sp.cos(x), x), sp.sin(x)),
        (sp.Limit(sp.sin(x) / x, x, 0), 1),
        (sp.Sum(k, (k, 1, n)), n * (n + 1) / 2),
        (sp.Sum(2 * k - 1, (k, 1, n)), n**2),
        (sp.factorial(n + 1) / sp.factorial(n), n + 1),
    ],
)
def test_true_identities_are_proved(lhs, rhs) -> None:
    out = run("=", lhs, rhs)
    assert out.status == "proved", out


@pytest.mark.parametrize(
    ("lhs", "rhs"),
    [
        ((x + y) ** 2, x**2 + y**2),
        ((x + 1) ** 3, x**3 + 3 * x**2 + 3 * x),
        (1 / x + 1 / y, 2 / (x + y)),
        (sp.sin(2 * x), 2 * sp.sin(x)),
        (sp.cos(x + y), sp.cos(x) + sp.cos(y)),
        (sp.exp(x + y), sp.exp(x) + sp.exp(y)),
        (sp.log(x + 1), sp.log(x) + 1),
        (sp.sqrt(x + 1), sp.sqrt(x) + 1),
        (sp.sqrt(x**2 + 1), x + 1),
        (sp.Derivative(x**3, x), 3 * x**3),
        (sp.Derivative(sp.sin(x) * x, x), x * sp.cos(x)),
        (sp.Integral(2 * x, (x, 0, 1)), 2),
        (sp.Sum(k, (k, 1, n)), n**2 / 2),
        (sp.Abs(x - 1), x - 1),
        (sp.atan(x) + sp.atan(1 / x), sp.pi / 2),
    ],
)
def test_near_misses_are_refuted_with_checked_witness(lhs, rhs) -> None:
    out = run("=", lhs, rhs)
    assert out.status == "refuted", out
    assert out.counterexample is not None and out.counterexample.text


def test_cancellation_never_becomes_a_witness() -> None:
    out = run("=", sp.cosh(x) ** 2 - sp.sinh(x) ** 2, 1)
    assert out.status == "proved"
    big = sp.Integer(7940)
    out = run("=", sp.cosh(big) ** 2 - sp.sinh(big) ** 2, 1)
    assert out.status != "refuted"


# -- inequalities ------------------------------------------------------------------------


def test_inequalities() -> None:
    assert run("<", x**2 + 1, x**2 + 2).status == "proved"
    assert run("<=", 2 * x, x**2 + 1).status == "proved"
    out = run("<", 2 * x, x**2 + 1)
    assert out.status == "refuted" and dict(out.counterexample.point) == {"x": "1"}
    assert run(">=", (x - y) ** 2, 0).status == "proved"
    assert run(">", xp + 1 / xp, 1).status == "proved"
    assert run("<", x, x**2).status == "refuted"


# -- complex domain ----------------------------------------------------------------------


def test_complex_domain() -> None:
    z = sp.Symbol("z")
    assert run("=", (z + 1) ** 2, z**2 + 2 * z + 1, real=False).status == "proved"
    assert run("=", (z + 1) ** 2, z**2 + 1, real=False).status == "refuted"
    # sqrt(x)^2 = x holds for every complex x (principal branch)
    assert run("=", U(sp.Pow, sp.sqrt(z), 2), z, real=False).status == "proved"


# -- likely / unknown / determinism ------------------------------------------------------


def test_determinism() -> None:
    a = run("=", sp.log(x**2), 2 * sp.log(x), seed=3)
    b = run("=", sp.log(x**2), 2 * sp.log(x), seed=3)
    assert a == b


def test_no_evaluable_points_is_unknown_not_likely() -> None:
    # Defined only at x = 0 (a single point): never "likely" on no evidence.
    out = run("=", sp.sqrt(-(x**2)), sp.Abs(x) * sp.sin(x**3 + x))
    assert out.status in ("unknown", "proved"), out
