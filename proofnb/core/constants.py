"""Steps between constants (no free symbols): decided exactly, or at rising precision.

``sqrt(2) = 1.4142135623731`` differs only in the 15th digit: the sampling tier's quick
comparison at 15 digits sees no difference. Here the difference is

* zero exactly (algebraic numbers, including cos/sin of rational multiples of pi, through
  their minimal polynomial; otherwise ``simplify``): proved;
* nonzero when its strict evaluations at 50 and at 100 significant digits agree in sign and
  in their leading 40 digits: refuted, the two sides as the witness. SymPy's strict evalf
  refuses (PrecisionExhausted) rather than report cancellation noise, so a difference that
  is really zero (``cosh(7940)^2 - sinh(7940)^2 - 1``) never produces a witness;
* below 10^-100 at 120 digits without an exact proof: consistent (``likely``).

Over C (``--domain complex``) an equation between constants is proved the same way, part by
part (``arccos(cosh 1) = i``, ``arctanh(1 + i) = ln(5)/4 + i (pi - atan 2)/2``), and is
``likely`` when the two sides agree to 100 digits; a real difference is left to the
sampling tier, which refutes with the two values.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp
from sympy import Basic, Expr
from sympy.core.evalf import PrecisionExhausted

from .model import Counterexample
from .numeric import (
    _Marker,
    critical_digits,
    critical_value,
    evaluate,
    visibly_nonzero,
    working_digits,
)
from .prove import ProofFound, prove_cheap, prove_targeted
from .series import infinite_value
from .trig import inverse_trig_constant_zero
from .usertext import user_text
from .witness import Problem, _witness, noting_gap, signed_infinity

if TYPE_CHECKING:
    from .decide import Outcome

_LOW, _HIGH = 50, 100
_AGREE = sp.Float("1e-40")
_CONSISTENT_DIGITS = 100
#: Functions whose constants SymPy settles once written through exp or log.
_VIA_EXP_LOG = (sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch, sp.asinh, sp.acosh,
                sp.atanh, sp.acoth, sp.asech, sp.acsch, sp.asin, sp.acos, sp.atan, sp.acot)
_COMPLEX_PROOF_SECONDS = 6.0
_REAL_PROOF_SECONDS = 3.0


@dataclass(frozen=True)
class ConstantVerdict:
    """The sign of ``lhs - rhs`` (None: not settled) and how it was found."""

    sign: int | None
    exact: bool
    method: str


def exactly_zero(diff: Expr) -> bool:
    """``diff == 0`` proved: minimal polynomial t, or simplify to 0."""
    if visibly_nonzero(diff):  # acos(1 - 10^-40): SymPy's is_zero says True
        return False
    if diff.is_zero is True:
        return True
    try:
        t = sp.Dummy("t")
        if sp.minimal_polynomial(diff, t) == t:
            return True
    except Exception:  # noqa: BLE001 - NotAlgebraic and friends: try simplify instead
        pass
    if inverse_trig_constant_zero(diff):  # atan(1/2) + atan(1/3) = pi/4
        return True
    if _zero_through_exp_log(diff):  # coth(5) = (e^10 + 1)/(e^10 - 1), arcsinh(7) = ln(7 + 5√2)
        return True
    try:
        return bool(sp.simplify(diff) == 0)
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return False


def _zero_through_exp_log(diff: Expr, targets: tuple[type[Expr], ...] = (sp.exp, sp.log)) -> bool:
    """Hyperbolic functions written through exp, inverse ones through log (SymPy's
    principal-branch definitions, so identities): the real and imaginary parts each 0."""
    if diff.free_symbols or not diff.has(*_VIA_EXP_LOG):
        return False
    for target in targets:
        try:
            form = diff.rewrite(target)
            if form == diff:
                continue
            if all(_part_zero(part) for part in form.as_real_imag()):
                return True
        except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
            continue
    return False


def _exp_form_zero(diff: Expr) -> bool:
    if not diff.has(*_VIA_EXP_LOG[:6], sp.sin, sp.cos, sp.tan):
        return False
    try:
        return bool(sp.cancel(sp.powsimp(sp.expand(diff.rewrite(sp.exp)))) == 0)
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return False


def _part_zero(part: Expr) -> bool:
    if part.is_zero is True or inverse_trig_constant_zero(part):
        return True
    simplified = sp.simplify(part)
    if simplified == 0:
        return True
    # atan(2)/2 + atan(1/2)/2 - pi/4: clear the denominators so sin of it expands
    scale = sp.ilcm(1, *(sp.fraction(term.as_coeff_Mul()[0])[1]
                         for term in sp.Add.make_args(simplified)))
    return bool(inverse_trig_constant_zero(sp.expand(scale * simplified)))


def _strict_values(diff: Expr) -> tuple[Expr | None, Expr | None]:
    """``diff`` at 50 and at 100 correct digits, or (None, None) when evalf cannot promise
    them (a difference that is exactly zero never can). cos(10^-60) - 1 is -5e-121, which
    evalf's default working precision gives up on, and which is no zero: it is tried again
    at :func:`working_digits` (cos(10^-600) = 1 was 'likely' at a fixed 1000)."""
    for maxn in (None, working_digits(diff)):
        try:
            if maxn is None:
                return diff.evalf(_LOW, strict=True), diff.evalf(_HIGH, strict=True)
            return (diff.evalf(_LOW, strict=True, maxn=maxn),
                    diff.evalf(_HIGH, strict=True, maxn=maxn))
        except (PrecisionExhausted, TypeError, ValueError, ArithmeticError):
            continue
    return None, None


def constant_sign(lhs: Expr, rhs: Expr) -> ConstantVerdict:
    """Settle ``lhs - rhs`` for two real constants (values already known to be defined)."""
    diff = lhs - rhs
    if diff.is_Rational:
        return ConstantVerdict(int(sp.sign(diff)), True, "exact")
    if critical_digits(diff):  # 10^70 acos(1 - 10^-80): SymPy's evalf rounds it to 0
        value = critical_value(diff)
        if value is not None:
            return ConstantVerdict(1 if value > 0 else -1, True, "precision")
        return ConstantVerdict(0, False, "numeric")
    low, high = _strict_values(diff)
    if (low is not None and high is not None and low.is_real and high.is_real
            and high != 0 and (low > 0) == (high > 0)
            and abs(low - high) <= abs(high) * _AGREE):
        return ConstantVerdict(1 if high > 0 else -1, True, "precision")
    if exactly_zero(diff):
        return ConstantVerdict(0, True, "exact")
    try:
        rough = diff.evalf(_CONSISTENT_DIGITS + 20)
    except (TypeError, ValueError, ArithmeticError):
        return ConstantVerdict(None, False, "none")
    if rough.is_number and abs(rough) < sp.Float(10) ** -_CONSISTENT_DIGITS:
        return ConstantVerdict(0, False, "numeric")
    return ConstantVerdict(None, False, "none")


def _infinity(side: Basic) -> Expr | None:
    """``oo`` or ``-oo`` when the side is one, also as written (``-oo`` is ``Mul(-1, oo)``
    there: :func:`~proofnb.core.witness.signed_infinity`), or an infinite sum that diverges
    to one; else None."""
    sign = signed_infinity(side)
    if sign:
        return sp.oo if sign > 0 else -sp.oo
    return infinite_value(side)


def _extended_real(side: Expr) -> Expr | None:
    infinite = _infinity(side)
    if infinite is not None:
        return infinite
    value = evaluate(side, {}, real=True)
    return value if isinstance(value, Expr) and value.is_real else None


def _decide_infinite(problem: Problem) -> Outcome | None:
    """A side that is +oo or -oo (a limit, sum or integral that diverges to it), compared in
    the extended reals: ``limit(x - x^2, x, oo) = oo`` is refuted (the left side is -oo)."""
    from .decide import Outcome

    assert isinstance(problem.lhs, Expr) and isinstance(problem.rhs, Expr)
    a, b = _extended_real(problem.lhs), _extended_real(problem.rhs)
    if a is None or b is None:
        return None
    s = 0 if a == b else (1 if bool(a > b) else -1)
    holds = {"=": s == 0, "<": s < 0, "<=": s <= 0, ">": s > 0, ">=": s >= 0}[problem.relation]
    if holds:
        return Outcome("proved", "exact-constant")
    return Outcome("refuted", "counterexample", _witness("value", {}, a, b, problem))


def decide_constant(problem: Problem, deadline: float | None = None) -> Outcome | None:
    """The outcome of a step between two constants, or None to leave it to the tiers
    (``deadline``: the step's, for the symbolic tiers run on complex constants)."""
    from .decide import Outcome

    if problem.symbols or not (isinstance(problem.lhs, Expr) and isinstance(problem.rhs, Expr)):
        return None
    if problem.real and (_infinity(problem.lhs) is not None
                         or _infinity(problem.rhs) is not None):
        return _decide_infinite(problem)
    a = evaluate(problem.lhs, {}, real=problem.real)
    b = evaluate(problem.rhs, {}, real=problem.real)
    if isinstance(a, _Marker) or isinstance(b, _Marker):
        integral = _decide_integral_constants(problem, a, b)
        if integral is not None:
            return integral
        return _decide_big_rationals(problem)
    if not (a.is_real and b.is_real):
        if problem.real or problem.relation != "=":
            return None
        if _parts_apart(a - b):  # i e^(-1000) = 0: below 10^-100, yet certainly not 0
            return Outcome("refuted", "counterexample", _witness("value", {}, a, b, problem))
        return _complex_equal(a, b, deadline or time.monotonic() + _COMPLEX_PROOF_SECONDS)
    verdict = constant_sign(a, b)
    if verdict.sign is None:
        return None
    rel, s = problem.relation, verdict.sign
    holds = {"=": s == 0, "<": s < 0, "<=": s <= 0, ">": s > 0, ">=": s >= 0}[rel]
    if verdict.exact and holds:
        return Outcome("proved", "exact-constant" if verdict.method == "exact" else "precision")
    if verdict.exact:
        return Outcome("refuted", "counterexample",
                       noting_gap(_witness("value", {}, a, b, problem), a, b))
    if rel in ("=", "<=", ">="):
        soon = time.monotonic() + _REAL_PROOF_SECONDS  # these were 'likely' at once before
        found = _symbolic(a, b, min(deadline, soon) if deadline else soon)
        if found is not None:  # i^i = e^(-pi/2): a real value SymPy reaches through exp
            return Outcome("proved", found.method)
        return Outcome("likely", "numeric", flags=("numeric-only",), message=(
            f"no proof found; both sides agree to {_CONSISTENT_DIGITS} digits"))
    return None


def _definite_integral_constant(side: Expr) -> bool:
    """Whether ``side`` is a real constant built with definite integrals SymPy left
    unevaluated (and no other unevaluated calculus)."""
    integrals = side.atoms(sp.Integral)
    return (bool(integrals) and not side.free_symbols
            and all(len(limit) == 3 for i in integrals for limit in i.limits)
            and not side.has(sp.Limit, sp.Derivative, sp.Sum, sp.Product))


def _strict_side(side: Expr) -> Expr:
    try:
        return side.evalf(_HIGH, strict=True)
    except PrecisionExhausted:
        return side.evalf(_HIGH, strict=True, maxn=2 * _HIGH + 50)


def _decide_integral_constants(problem: Problem, a: object, b: object) -> Outcome | None:
    """A step between constants with a definite integral SymPy cannot do in closed form
    (``∫_0^∞ x^3/(e^x - 1) dx = π^4/90``): the difference evaluated by SymPy's quadrature
    with its error control (each side strictly at 50 and at 100 digits) settles the sign of
    the difference when both agree on it; sides that agree to 90 digits are only consistent
    (``likely``). Quadrature
    that cannot promise its digits (endpoint singularities, oscillation) settles nothing."""
    from .decide import Outcome

    lhs, rhs = problem.lhs, problem.rhs
    if not (problem.real and isinstance(lhs, Expr) and isinstance(rhs, Expr)):
        return None
    if not (_definite_integral_constant(lhs) or _definite_integral_constant(rhs)):
        return None
    if any(isinstance(v, _Marker) and not _definite_integral_constant(side)
           for v, side in ((a, lhs), (b, rhs))):
        return None
    # SymPy's risch leaves a NonElementaryIntegral, which evalf does not integrate
    lhs, rhs = (side.replace(lambda e: isinstance(e, sp.Integral) and type(e) is not sp.Integral,
                             lambda e: sp.Integral(*e.args)) for side in (lhs, rhs))
    try:  # each side alone: a difference that is exactly zero is never strict
        left = [lhs.evalf(_LOW, strict=True)]
        right = [rhs.evalf(_LOW, strict=True)]
        # quadrature at 100 digits may need more working precision than evalf's default
        left.append(_strict_side(lhs))
        right.append(_strict_side(rhs))
    except (PrecisionExhausted, TypeError, ValueError, ArithmeticError):
        return None
    if not all(v.is_Float for v in (*left, *right)):
        return None
    low, high = left[0] - right[0], left[1] - right[1]
    scale = max(abs(left[1]), abs(right[1]), sp.Float(1))
    if abs(high) <= scale * sp.Float(10) ** -(_HIGH - 10):
        if problem.relation not in ("=", "<=", ">="):
            return None
        return Outcome("likely", "numeric", flags=("numeric-only",), message=(
            f"no proof found; both sides agree to {_HIGH - 10} digits (the integral by "
            "quadrature)"))
    if (low > 0) != (high > 0) or abs(low - high) > abs(high) * _AGREE:
        return None
    sign = 1 if high > 0 else -1
    holds = {"=": False, "<": sign < 0, "<=": sign < 0, ">": sign > 0,
             ">=": sign > 0}[problem.relation]
    if holds:
        return Outcome("proved", "precision")
    shown = [sp.Float(value, 20) if isinstance(v, _Marker) else v
             for v, value in ((a, left[1]), (b, right[1]))]
    return Outcome("refuted", "counterexample",
                   _witness("value", {}, shown[0], shown[1], problem))


#: Most decimal digits an exact rational constant may have to be computed outright.
_MAX_DIGITS = 20000
_INTEGER_FUNCTIONS = (sp.factorial, sp.binomial)


def _digits(side: Basic) -> float | None:
    """An upper bound on the decimal digits of the numerator and denominator of ``side`` when
    it is built from rationals by +, -, *, /, integer powers, factorial and binomial of
    nonnegative integers; None for anything else (or when the bound is too large)."""
    if isinstance(side, sp.Rational):
        return float(len(str(abs(side.p))) + len(str(side.q)))
    if isinstance(side, (sp.Add, sp.Mul)):
        parts = [_digits(arg) for arg in side.args]
        if any(part is None for part in parts):
            return None
        total = sum(part for part in parts if part is not None)
        return 2 * total + 1 if isinstance(side, sp.Add) else total
    if isinstance(side, sp.Pow) and isinstance(side.exp, sp.Integer):
        base = _digits(side.base)
        if base is None or side.base == 0 and side.exp < 0:
            return None
        return base * max(abs(int(side.exp)), 1)
    if isinstance(side, _INTEGER_FUNCTIONS) and all(
            isinstance(arg, sp.Integer) and arg >= 0 for arg in side.args):
        n = int(side.args[0])
        return float(n * len(str(n)) + 1)
    return None


def _decide_big_rationals(problem: Problem) -> Outcome | None:
    """Two rational constants too large for the sampling tier (``171! < 10^308``,
    ``2^1100 > 10^331``): computed outright and compared exactly, when small enough."""
    from .decide import Outcome

    sizes = [_digits(problem.lhs), _digits(problem.rhs)]
    if any(size is None or size > _MAX_DIGITS for size in sizes):
        return None
    a, b = problem.lhs.doit(), problem.rhs.doit()
    if not (isinstance(a, sp.Rational) and isinstance(b, sp.Rational)):
        return None
    s = 0 if a == b else (1 if a > b else -1)
    holds = {"=": s == 0, "<": s < 0, "<=": s <= 0, ">": s > 0, ">=": s >= 0}[problem.relation]
    if holds:
        return Outcome("proved", "exact-constant")
    left, right = _big_shown(problem.lhs, a), _big_shown(problem.rhs, b)
    text = f"left side {left}, right side {right}"
    if problem.relation != "=":
        text += f" (so {left.split(' ≈ ')[0]} {problem.relation} {right.split(' ≈ ')[0]} fails)"
    return Outcome("refuted", "counterexample", Counterexample(
        kind="value", point=(), lhs_value=left.split(" ≈ ")[-1],
        rhs_value=right.split(" ≈ ")[-1], text=text))


def _big_shown(side: Expr, value: sp.Rational) -> str:
    """The exact value when short, else the side as written with a decimal computed from
    the exact value (the written side may cancel: 10^400 - 10^400)."""
    if len(str(value.p)) + len(str(value.q)) <= 30:
        return user_text(value)
    return f"{user_text(side)} ≈ {str(sp.Float(value, 4)).replace('E', 'e')}"


def _parts_apart(diff: Expr) -> bool:
    """Is the real or the imaginary part of the complex constant ``diff`` certainly nonzero
    (the same sign and digits at 50 and 100 digits of precision, as for a real constant)?"""
    values = _strict_values(diff)
    if values[0] is None or values[1] is None:
        return False
    low, high = values[0].as_real_imag(), values[1].as_real_imag()
    for part_low, part_high in zip(low, high, strict=True):
        if (part_low.is_real and part_high.is_real and part_high != 0
                and (part_low > 0) == (part_high > 0)
                and abs(part_low - part_high) <= abs(part_high) * _AGREE):
            return True
    return False


def _complex_equal(lhs: Expr, rhs: Expr, deadline: float) -> Outcome | None:
    """``lhs = rhs`` for complex constants that agree to 100 digits: proved (exactly, or by
    the symbolic tiers the sampling path would run), else ``likely``. None when they differ
    or cannot be evaluated: the sampling tier refutes with the two values."""
    from .decide import Outcome

    try:
        rough = (lhs - rhs).evalf(_CONSISTENT_DIGITS + 20)
    except (TypeError, ValueError, ArithmeticError):
        return None
    if not (rough.is_number and abs(rough) < sp.Float(10) ** -_CONSISTENT_DIGITS):
        return None
    if _zero_through_exp_log(lhs - rhs, (sp.log,)):  # arccos(cosh 1) = i: quick, exact
        return Outcome("proved", "exact-constant")
    if _exp_form_zero(lhs - rhs):  # tanh(1 + i): before trigsimp, which is slow here
        return Outcome("proved", "rewrite(exp)")
    found = _symbolic(lhs, rhs, deadline)
    if found:
        return Outcome("proved", found.method)
    if time.monotonic() > deadline:
        return None  # out of time: the sampling path reports it as before
    if exactly_zero(lhs - rhs):  # minimal polynomial, parts through exp, simplify
        return Outcome("proved", "exact-constant")
    return Outcome("likely", "numeric", flags=("numeric-only",), message=(
        f"no proof found; both sides agree to {_CONSISTENT_DIGITS} digits"))


def _symbolic(lhs: Expr, rhs: Expr, deadline: float) -> ProofFound | None:
    """The symbolic tiers the sampling path would run (rewrites chosen by the difference)."""
    try:
        return prove_cheap(lhs, rhs) or prove_targeted(lhs, rhs, deadline)
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return None
