"""Round 56: true classroom steps that are proved (not left likely/unknown), and false
mutations of them that are refuted with a witness re-checked independently here.

Each proof path added for these is exact; the mutations make sure none of them proves a
false step.
"""

from __future__ import annotations

import time

import pytest
import sympy as sp
from test_gaps import run

x = sp.Symbol("x", real=True)


# ---- trigonometric equations solved on an interval ------------------------------------
# SymPy 1.14's solveset on an interval drops roots (2 sin^2 x - sin x - 1 = 0 on [0, 2 pi)
# gave {pi/2}), so a solution line that lost 7 pi/6 or 11 pi/6 was proved.

TRIG_ON_INTERVAL = [
    ("2 sin(x)^2 - sin(x) - 1 = 0 <=> x = pi/2 or x = 7pi/6 or x = 11pi/6",
     "2 sin(x)^2 - sin(x) - 1 = 0 <=> x = pi/2 or x = 7pi/6",
     2 * sp.sin(x)**2 - sp.sin(x) - 1, {sp.pi / 2, 7 * sp.pi / 6}),
    ("2 sin(x)^2 - sin(x) - 1 = 0 <=> x = pi/2 or x = 7pi/6 or x = 11pi/6",
     "2 sin(x)^2 - sin(x) - 1 = 0 <=> x = pi/2",
     2 * sp.sin(x)**2 - sp.sin(x) - 1, {sp.pi / 2}),
    ("2 cos(x)^2 + cos(x) - 1 = 0 <=> x = pi/3 or x = pi or x = 5pi/3",
     "2 cos(x)^2 + cos(x) - 1 = 0 <=> x = pi/3 or x = 5pi/3",
     2 * sp.cos(x)**2 + sp.cos(x) - 1, {sp.pi / 3, 5 * sp.pi / 3}),
]


@pytest.mark.parametrize(("true", "false", "f", "kept"), TRIG_ON_INTERVAL,
                         ids=[c[1] for c in TRIG_ON_INTERVAL])
def test_trig_equation_on_interval_keeps_every_root(true: str, false: str, f: sp.Expr,
                                                    kept: set[sp.Expr]) -> None:
    assume = ("0 <= x < 2pi",)
    assert run(true, assume).status == "proved"
    result = run(false, assume)
    assert result.status == "refuted"
    assert result.counterexample is not None
    root = sp.sympify(dict(result.counterexample.point)["x"])
    # Independently: a root of the first line in [0, 2 pi) that the second line lacks.
    assert sp.simplify(f.subs(x, root)) == 0
    assert 0 <= root < 2 * sp.pi and root not in kept


def test_trig_inequality_on_interval_is_solved_between_all_roots() -> None:
    assume = ("0 <= x < 2pi",)
    for cell in ("2 sin(x)^2 - sin(x) - 1 >= 0 <=> x = pi/2 or 7pi/6 <= x <= 11pi/6",
                 "2 sin(x)^2 - sin(x) - 1 < 0 <=> 0 <= x < pi/2 or pi/2 < x < 7pi/6"
                 " or 11pi/6 < x < 2pi"):
        assert run(cell, assume).status == "proved", cell
    result = run("2 sin(x)^2 - sin(x) - 1 >= 0 <=> x = pi/2", assume)
    assert result.status == "refuted"


# ---- inequalities proved exactly ------------------------------------------------------

#: (cell, assume) — true classroom inequalities that were 'likely'.
PROVED = [
    ("sqrt((a^2 + b^2)/2) >= (a + b)/2", ("a >= 0, b >= 0",)),
    ("sqrt((a^2 + b^2)/2) >= (a + b)/2", ()),
    ("a c + b d <= sqrt((a^2 + b^2)(c^2 + d^2))", ()),
    ("sqrt(a^2 + b^2) + sqrt(c^2 + d^2) >= sqrt((a + c)^2 + (b + d)^2)", ()),
    ("(a + b + c)/3 >= cbrt(a b c)", ("a >= 0, b >= 0, c >= 0",)),
    ("x^4 + y^4 + 2 >= 4 x y", ()),
    ("e^(-x) <= 1/(1 + x)", ("x >= 0",)),
    ("e^x <= 1/(1 - x)", ("x < 1",)),
    ("cosh(x) >= 1 + x^2/2", ()),
]


@pytest.mark.parametrize(("cell", "assume"), PROVED, ids=[c[0] + str(c[1]) for c in PROVED])
def test_true_inequality_is_proved(cell: str, assume: tuple[str, ...]) -> None:
    result = run(cell, assume)
    assert result.status == "proved", f"{result.status}/{result.method}: {result.message}"


#: (cell, assume, the claim as a SymPy function of the witness) — mutations of the above.
REFUTED = [
    ("sqrt((a^2 + b^2)/2) <= (a + b)/2", ("a >= 0, b >= 0",),
     lambda a, b: sp.sqrt((a**2 + b**2) / 2) <= (a + b) / 2),
    ("sqrt((a^2 + b^2)/3) >= (a + b)/2", ("a >= 0, b >= 0",),
     lambda a, b: sp.sqrt((a**2 + b**2) / 3) >= (a + b) / 2),
    ("a c + b d <= sqrt((a^2 + b^2)(c^2 + d^2))/2", (),
     lambda a, b, c, d: a * c + b * d <= sp.sqrt((a**2 + b**2) * (c**2 + d**2)) / 2),
    ("sqrt(a^2 + b^2) + sqrt(c^2 + d^2) >= sqrt((a + c)^2 + (b + d)^2 + 1)", (),
     lambda a, b, c, d: sp.sqrt(a**2 + b**2) + sp.sqrt(c**2 + d**2)
     >= sp.sqrt((a + c)**2 + (b + d)**2 + 1)),
    ("(a + b + c)/3 >= cbrt(2 a b c)", ("a >= 0, b >= 0, c >= 0",),
     lambda a, b, c: (a + b + c) / 3 >= sp.cbrt(2 * a * b * c)),
    ("x^4 + y^4 + 1 >= 4 x y", (), lambda x, y: x**4 + y**4 + 1 >= 4 * x * y),
    ("x^4 + y^4 + 2 > 4 x y", (), lambda x, y: x**4 + y**4 + 2 > 4 * x * y),
    ("e^(-x) <= 1/(1 + 2x)", ("x >= 0",), lambda x: sp.exp(-x) <= 1 / (1 + 2 * x)),
    ("e^(-x) <= 1/(1 + x)", (), lambda x: sp.exp(-x) <= 1 / (1 + x)),
    ("e^x <= 1/(1 - x/2)", ("x < 1",), lambda x: sp.exp(x) <= 1 / (1 - x / 2)),
    ("cosh(x) >= 1 + x^2", (), lambda x: sp.cosh(x) >= 1 + x**2),
    ("cosh(x) > 1 + x^2/2", (), lambda x: sp.cosh(x) > 1 + x**2 / 2),
]


@pytest.mark.parametrize(("cell", "assume", "claim"), REFUTED, ids=[c[0] for c in REFUTED])
def test_false_mutation_is_refuted(cell: str, assume: tuple[str, ...], claim) -> None:  # type: ignore[no-untyped-def]
    result = run(cell, assume)
    assert result.status == "refuted", f"{result.status}/{result.method}: {result.message}"
    assert result.counterexample is not None
    point = dict(result.counterexample.point)
    names = claim.__code__.co_varnames[:claim.__code__.co_argcount]
    values = [sp.sympify(point.get(n, "0")) for n in names]
    # Independently: the claim fails at the witness (exact, then to 50 digits).
    verdict = claim(*values)
    if verdict not in (sp.true, sp.false):
        verdict = claim(*[sp.Float(v.evalf(60), 60) for v in values])
    assert verdict == sp.false, (point, verdict)


def test_provers_never_claim_the_near_misses() -> None:
    from proofnb.core.inequality import prove_nonnegative
    x, y = sp.symbols("x y", real=True)
    a, b = sp.symbols("a b", nonnegative=True)
    for diff, strict in [
            (x**4 + y**4 + 1 - 4 * x * y, False),
            (x**4 + y**4 + 2 - 4 * x * y, True),
            (sp.sqrt((a**2 + b**2) / 3) - (a + b) / 2, False),
            (sp.sqrt((x**2 + y**2) / 2) - (x + y) / 2, True),
            (sp.sqrt(x**2 + 1) - x - 1, False),
            (sp.cosh(x) - 1 - x**2, False),
            (sp.sinh(x) - x, False),
            (1 / (1 + x) - sp.exp(-x), False),
            (sp.cbrt(a * b) - (a + b) / 2, False)]:
        assert prove_nonnegative(diff, strict, sp.S.Reals, time.monotonic() + 10) is None, diff
