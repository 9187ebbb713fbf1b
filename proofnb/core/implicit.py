"""Implicit differentiation: a line that differentiates the line before it.

``x^2 + y(x)^2 = 25 ==> 2x + 2 y(x) y'(x) = 0`` (with ``assume y function``) claims that every
differentiable y whose graph lies on the curve satisfies the second line. It does not claim
that each point of the first line satisfies the second: one point does not fix y'(x). So a
step whose conclusion has derivatives of y that its premise F(x, y) = 0 lacks is decided as
a claim about functions:

* **proof**: differentiating F(x, y(x)) = 0 j times gives an equation linear in the j-th
  derivative with coefficient ∂F/∂y, so on the curve y' = -F_x/F_y, and the higher ones
  follow. Put into the conclusion (equations), each difference must vanish on the curve:
  its numerator's pseudo-remainder by F is zero. F must be a square-free polynomial, so that
  ∂F/∂y vanishes on the curve only at isolated points, with a coefficient that is a nonzero
  number, so that no value of a parameter makes every y a solution (``a y = a x`` at a = 0);
  and no denominator of the conclusion as written may vanish on a whole part of the curve
  (``(y - x)/(y - x)`` on y = x is undefined there, not 1);
* **refutation**: a rational point (x0, y0) of the curve where ∂F/∂y ≠ 0, and the values
  y'(x0), y''(x0)... that differentiating F(x, y(x)) = 0 forces there. By the implicit
  function theorem a y through (x0, y0) lies on the curve near x0, with exactly those
  derivatives; when the conclusion is false there (exactly, both sides defined), that y is
  the counterexample.

Anything else is undecided: a sample function or a single point never refutes such a step.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from fractions import Fraction

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.core.function import AppliedUndef

from .decide import Outcome
from .domain import conditions
from .model import Counterexample
from .numeric import compare
from .usertext import user_text

#: Highest derivative of y in a conclusion that is decided this way.
MAX_ORDER = 3
#: x0 (and y0, solving for x) tried when looking for a rational point of the curve.
_TRIES: tuple[Fraction, ...] = tuple(
    Fraction(v) for v in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, "1/2", "-1/2", 6, -6, 7, -7,
                          8, -8, 9, -9, 10, -10, "3/2", "-3/2", 12, -12, 13, -13))
#: Degree in the unknown above which the curve's points are not searched.
MAX_DEGREE = 4
#: Bound on (total degree of F) x order^2 for a proof: the slopes of order 3 of a curve of
#: degree 8 take seconds to write out.
MAX_PROOF_WORK = 64

@dataclasses.dataclass(frozen=True)
class _Setup:
    """The step read as F(x, y(x)) = 0 ==> conclusion, with y(x), y', y''... as symbols."""

    call: AppliedUndef  # y(x)
    x: Symbol
    order: int
    values: tuple[Symbol, ...]  # y(x), y'(x), y''(x)... as free variables
    premise: Expr  # F, over values
    derivatives: tuple[Expr, ...]  # d^j/dx^j F(x, y(x)), j = 1..order, over values
    conclusion: Basic  # over values
    undefined: tuple[Expr, ...]  # the conclusion's denominators as written, over values
    regions: bool  # the conclusion as written is real only on a region (a root, a log)


def decide_implicit(
    relation: str, lhs: Basic, rhs: Basic, origin: Basic, *, conditions: tuple[Basic, ...],
    real: bool, deadline: float, written: tuple[Basic, Basic, Basic] | None = None,
) -> Outcome | None:
    """The decision on a step that differentiates its premise (or a later step of such a
    chain, see :func:`_on_the_curve`), or ``None`` when the step is not one. ``written``:
    lhs, rhs and origin as the user wrote them (their denominators)."""
    if relation not in ("==>", "<==", "<=>"):
        return None
    from .odes import decide_ode  # a step between differential equations

    ode = decide_ode(relation, lhs, rhs, origin, conditions=conditions, real=real,
                     deadline=deadline)
    if ode is not None:
        return ode
    raw_lhs, raw_rhs, _ = written or (lhs, rhs, origin)
    premise, conclusion, raw = (rhs, lhs, raw_lhs) if relation == "<==" \
        else (lhs, rhs, raw_rhs)
    setup = _setup(premise, conclusion, real, raw)
    if setup is None:
        return _on_the_curve(relation, (lhs, rhs), (raw_lhs, raw_rhs), origin, real,
                             deadline) if not conditions else None
    proved = relation != "<=>" and _proved(setup)
    if proved:
        return Outcome("proved", "implicit differentiation", message=(
            f"every {setup.call.func} on the curve of the previous line satisfies this line"))
    if real and not conditions:  # the way forward fails: so does <=>
        witness = _witness(setup, deadline) or _graph_witness(setup, deadline)
        if witness is not None:
            return Outcome("refuted", "implicit differentiation", witness)
    if relation == "<=>":
        return Outcome("unknown", "implicit", message=(
            "this line differentiates the previous one: it may follow from it (write ==>), "
            "but the way back does not hold in general (a constant is lost)"))
    return Outcome("unknown", "implicit", message=(
        f"this line differentiates the previous one ({setup.call} on its curve): no proof "
        "found, and no point of the curve refutes it"))


def _on_the_curve(relation: str, sides: tuple[Basic, Basic], raw: tuple[Basic, Basic],
                  origin: Basic, real: bool, deadline: float) -> Outcome | None:
    """A later step of a chain that starts on a curve (``2x + 2y y' = 0 ==> y' = -x/y``):
    proved when each line the step needs holds for every y on the chain's first line;
    refuted when one line holds there and the other fails at a point of the curve where
    the first is defined and true. Otherwise ``None``: the step is decided on its own,
    value by value."""
    lhs, rhs = sides
    lines: dict[Basic, _Setup] = {}
    for side, written in zip(sides, raw, strict=True):
        setup = _setup(origin, side, real, written)
        if setup is None:
            return None
        lines[side] = setup
    holds = {side: _proved(setup) for side, setup in lines.items()}
    needed = (rhs,) if relation == "==>" else (lhs,) if relation == "<==" else (lhs, rhs)
    if all(holds[line] for line in needed):
        return Outcome("proved", "implicit differentiation", message=(
            f"every {lines[rhs].call.func} on the curve of the chain's first line satisfies "
            "this line"))
    for given, claimed in ((lhs, rhs), (rhs, lhs)):
        if holds[given] and claimed in needed and not holds[claimed] and real:
            triple = sp.Tuple(given, claimed, sp.Tuple(*lines[given].undefined))
            both = _setup(origin, triple, real)  # y', y''... for both lines
            witness = None if both is None else _witness(both, deadline, "the chain's first line")
            if witness is not None:
                return Outcome("refuted", "implicit differentiation", witness)
    return None


def one_function_of_one_letter(*sides: Basic) -> tuple[AppliedUndef, Symbol] | None:
    """The one unknown function the sides apply, y(x), and its letter x; None when they
    apply none, more than one, or one of another argument (y(2x), f(x, t))."""
    calls = set().union(*(side.atoms(AppliedUndef) for side in sides))
    if len(calls) != 1:
        return None
    (call,) = calls
    if len(call.args) != 1 or not isinstance(call.args[0], Symbol):
        return None
    return call, call.args[0]


def _setup(premise: Basic, conclusion: Basic, real: bool,
           written: Basic | None = None) -> _Setup | None:
    """The step read on the curve of ``premise``; None when it is no such step. ``conclusion``
    may be a triple (see :func:`_false_at`) for :func:`_on_the_curve`."""
    if not isinstance(premise, sp.Equality) or premise.has(sp.Derivative):
        return None
    applied = one_function_of_one_letter(premise, conclusion)
    if applied is None:
        return None
    call, x = applied
    derivatives = [d for d in conclusion.atoms(sp.Derivative) if d.expr == call]
    if not derivatives or any(v != x for d in derivatives for v in d.variables) \
            or len(conclusion.atoms(sp.Derivative)) != len(derivatives):
        return None
    order = max(int(c) for d in derivatives for _, c in d.variable_count)
    if order > MAX_ORDER or call not in premise.atoms(AppliedUndef):
        return None
    name = str(call.func)
    values = tuple(sp.Symbol(f"{name}{chr(39) * j}({x})", real=True) if real
                   else sp.Symbol(f"{name}{chr(39) * j}({x})") for j in range(order + 1))
    put = {sp.Derivative(call, (x, j)): values[j] for j in range(order, 0, -1)}
    put[call] = values[0]

    def over_values(expr: Basic) -> Basic:
        for atom, value in put.items():  # highest order first: y'' before y' before y
            expr = expr.subs(atom, value)
        return expr

    f = premise.lhs - premise.rhs
    derivs = tuple(over_values(sp.diff(f, x, j)) for j in range(1, order + 1))
    body = over_values(conclusion)
    found = conditions(written if written is not None else conclusion, real=real)
    undefined = tuple(over_values(c.expr) for c in found if c.kind == "ne")
    if any(e.has(AppliedUndef, sp.Derivative) for e in (*derivs, body, *undefined)):
        return None
    return _Setup(call, x, order, values, over_values(f), derivs, body, undefined,
                  any(c.kind == "ge" for c in found))


#: Functions of x alone that a curve may use (y cos x + y^2 = 6x): each is transcendental
#: over the rational functions of x, so it may stand for a letter of its own.
_TRANSCENDENTAL = (sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.sinh, sp.cosh, sp.tanh)


def _letters_for_functions(setup: _Setup) -> dict[Basic, Symbol] | None:
    """A letter for each function of x alone in the step (``cos x``, and ``sin x`` from
    differentiating it), or None when the step has another kind of function. The curve
    may use one such function: x and it are algebraically independent, so the curve
    factors as a polynomial in both; the others may appear only in the derivatives and the
    conclusion's equations, where a polynomial identity in independent letters still holds
    once they are put back."""
    x = setup.x
    exprs = (setup.premise, *setup.derivatives, setup.conclusion, *setup.undefined)
    atoms: set[Basic] = set().union(*(e.atoms(sp.Function) for e in exprs))
    for atom in atoms:
        arg = atom.args[0] if len(atom.args) == 1 else None
        if not isinstance(atom, _TRANSCENDENTAL) or arg is None or arg.free_symbols != {x} \
                or not arg.is_rational_function(x):
            return None
    if len({a for a in atoms if setup.premise.has(a)}) > 1:
        return None
    return {a: sp.Dummy(f"f{k}") for k, a in enumerate(sorted(atoms, key=sp.default_sort_key))}


def _proved(setup: _Setup) -> bool:
    """The conclusion's equations hold on the curve, with y', y''... read off F = 0."""
    letters = _letters_for_functions(setup)
    if letters is None:  # sin(xy) = x: no polynomial curve
        found = setup.conclusion.args if isinstance(setup.conclusion, sp.And) \
            else (setup.conclusion,)
        return all(isinstance(e, sp.Equality) for e in found) and not setup.regions \
            and _proved_identically(setup, found)
    curve_letters = {a: v for a, v in letters.items() if setup.premise.has(a)}
    if letters:
        setup = dataclasses.replace(
            setup, premise=setup.premise.xreplace(letters),
            derivatives=tuple(d.xreplace(letters) for d in setup.derivatives),
            conclusion=setup.conclusion.xreplace(letters),
            undefined=tuple(u.xreplace(letters) for u in setup.undefined))
    others = set(letters.values()) - set(curve_letters.values())
    extra = tuple(letters.values())
    x, y = setup.x, setup.values[0]
    equations = setup.conclusion.args if isinstance(setup.conclusion, sp.And) \
        else (setup.conclusion,)
    if not all(isinstance(e, sp.Equality) for e in equations) or setup.regions:
        return False
    if not setup.premise.is_rational_function(x, y, *extra):
        return _proved_identically(setup, equations)
    try:
        curve = sp.Poly(sp.numer(sp.together(setup.premise)), y)
        whole = sp.Poly(curve.as_expr(), x, y, *extra)
        if curve.degree() < 1 or whole.total_degree() * setup.order**2 > MAX_PROOF_WORK \
                or not any(c.is_number and c != 0 for c in whole.coeffs()) \
                or any(k > 1 for _, k in whole.sqf_list()[1]):
            return False
        slopes: dict[Symbol, Expr] = {}
        for j, derivative in enumerate(setup.derivatives, start=1):
            linear = sp.Poly(sp.numer(sp.together(derivative.xreplace(slopes))),
                             setup.values[j])
            if linear.degree() != 1:
                return False
            a, b = linear.all_coeffs()
            slopes[setup.values[j]] = sp.cancel(-b / a)
        for e in equations:
            difference = sp.cancel(sp.together((e.lhs - e.rhs).xreplace(slopes)))
            if not difference.is_rational_function(x, y, *extra):
                return False
            top = sp.Poly(sp.numer(difference), y)
            if not top.is_zero and not sp.prem(top, curve).is_zero:
                return False
        for denominator in setup.undefined:  # zero on a part of the curve: undefined there
            bottom = sp.cancel(sp.together(denominator.xreplace(slopes)))
            if bottom.free_symbols & others or not bottom.is_rational_function(x, y, *extra) \
                    or sp.Poly(sp.gcd(sp.numer(bottom), whole.as_expr()), x, y,
                               *extra).degree(y) > 0:
                return False
    except (sp.PolynomialError, sp.GeneratorsNeeded, ZeroDivisionError):
        return False
    return True


def _proved_identically(setup: _Setup, equations: tuple[Basic, ...]) -> bool:
    """A curve that is no rational function (``\\sin(xy) = x``, ``e^{xy} = x + y``): the
    conclusion holds when, with y', y''... read off the differentiated premise, each of its
    equations is an identity in x and y, without using the curve itself."""
    try:
        slopes: dict[Symbol, Expr] = {}
        for j, derivative in enumerate(setup.derivatives, start=1):
            linear = sp.Poly(sp.expand(derivative.xreplace(slopes)), setup.values[j])
            if linear.degree() != 1:
                return False
            a, b = linear.all_coeffs()
            if a.is_zero is not False and sp.simplify(a) == 0:
                return False
            slopes[setup.values[j]] = -b / a
        for e in equations:
            difference = sp.cancel(sp.together((e.lhs - e.rhs).xreplace(slopes)))
            if difference != 0 and (sp.count_ops(difference) > 80
                                    or sp.simplify(difference) != 0):
                return False
        return all(sp.cancel(sp.together(d.xreplace(slopes))) != 0 for d in setup.undefined)
    except (sp.PolynomialError, sp.GeneratorsNeeded, ZeroDivisionError):
        return False


def _witness(setup: _Setup, deadline: float,
             where: str = "the previous line") -> Counterexample | None:
    """A rational point of the curve, the derivatives there, and the conclusion false."""
    f = setup.premise
    y = setup.values[0]
    letters = _letters_for_functions(setup)  # y cos x + y^2 = 6x: points at x = 0
    if letters is None or not f.xreplace(letters).is_rational_function(setup.x, y, *(
            letters.values())):
        return None
    for x0, y0 in _curve_points(f, setup.x, y, deadline):
        at: dict[Symbol, Expr] = {setup.x: x0, y: y0}
        slope = sp.diff(f, y).xreplace(at)
        if slope == 0 or not slope.is_Rational:
            continue
        for j, derivative in enumerate(setup.derivatives, start=1):  # linear in the j-th
            value = sp.solve(derivative.xreplace(at), setup.values[j])
            if len(value) != 1 or not value[0].is_Rational:
                break
            at[setup.values[j]] = value[0]
        else:
            fails = _false_at(setup.conclusion, at)
            if fails is not None:
                return _counterexample(setup, at, *fails, where)
    return None


def _graph_witness(setup: _Setup, deadline: float,
                   where: str = "the previous line") -> Counterexample | None:
    """When the previous line is a graph, y = g(x) (F linear in y with a number for its
    coefficient), y and its derivatives are g, g', g''... at every x, whatever g is: an x0
    where they are real and the conclusion is false (its sides compared exactly or at two
    precisions) is a counterexample, with no rational point needed."""
    f, x, y = setup.premise, setup.x, setup.values[0]
    if not f.is_polynomial(y) or sp.degree(f, y) != 1:
        return None
    slope = f.coeff(y, 1)
    if not (slope.is_number and slope != 0):
        return None
    graph = sp.expand(-(f - slope * y) / slope)
    if graph.has(y) or not isinstance(setup.conclusion, sp.core.relational.Relational) \
            or graph.has(*_KINKED):  # |x| has no slope at 0, though SymPy's sign(0) is 0
        return None
    derivatives = [graph] + [sp.diff(graph, x, j) for j in range(1, setup.order + 1)]
    for value in _TRIES[:16]:
        if time.monotonic() > deadline:
            return None
        x0 = sp.Rational(value.numerator, value.denominator)
        at: dict[Symbol, Expr] = {x: x0}
        for symbol, derivative in zip(setup.values, derivatives, strict=True):
            at[symbol] = derivative.xreplace({x: x0})
        if not all(v.is_extended_real and v.is_finite for v in at.values()):
            continue
        if any(d.xreplace(at).is_zero is not False for d in setup.undefined):
            continue
        left, right = (side.xreplace(at) for side in setup.conclusion.args)
        if not all(v.is_extended_real and v.is_finite for v in (left, right)) \
                or (left - right).free_symbols:  # y = k x: k is no number to compare
            continue
        sign = compare(left, right).sign
        if sign in (None, 2):
            continue
        if not _FALSE_WHEN[type(setup.conclusion)](sign):
            continue
        return _counterexample(setup, at, left, right, where)
    return None


#: Functions whose graphs have corners or jumps: no slope there to compare.
_KINKED = (sp.Abs, sp.sign, sp.Heaviside, sp.floor, sp.ceiling, sp.Piecewise, sp.Max, sp.Min,
           sp.frac, sp.DiracDelta)
#: When a relation is false, by the sign of its left side minus its right side.
_FALSE_WHEN = {sp.Eq: lambda s: s != 0, sp.Ne: lambda s: s == 0, sp.Lt: lambda s: s >= 0,
               sp.Le: lambda s: s > 0, sp.Gt: lambda s: s <= 0, sp.Ge: lambda s: s < 0}


def _curve_points(f: Expr, x: Symbol, y: Symbol,
                  deadline: float) -> Sequence[tuple[sp.Rational, sp.Rational]]:
    """Rational points of F(x, y) = 0: a small x with rational y, or a small y with rational x."""
    found: list[tuple[sp.Rational, sp.Rational]] = []
    numerator = sp.numer(sp.together(f))
    for fixed, free in ((x, y), (y, x)):
        for value in _TRIES:
            if time.monotonic() > deadline or len(found) >= 12:
                return found
            v = sp.Rational(value.numerator, value.denominator)
            try:
                poly = sp.Poly(numerator.xreplace({fixed: v}), free)
            except sp.PolynomialError:
                return found
            if poly.is_zero or poly.degree() > MAX_DEGREE:
                continue
            for root in sp.roots(poly, filter="Q"):
                point = (v, root) if fixed == x else (root, v)
                if point not in found and f.xreplace({x: point[0], y: point[1]}) == 0:
                    found.append(point)
    return found


def _false_at(statement: Basic, at: dict[Symbol, Expr]) -> tuple[Expr, Expr] | None:
    """Both sides of a relation exactly, when it is defined and false at ``at``; for a triple
    (a line that holds, a line claimed, the first's denominators as written), those of the
    second when the first is defined and true there."""
    if isinstance(statement, sp.Tuple):
        given, claimed, undefined = statement.args
        defined = all(d.xreplace(at).is_Rational and d.xreplace(at) != 0 for d in undefined)
        return _false_at(claimed, at) if defined and _value_at(given, at) is sp.true else None
    sides = _values_at(statement, at)
    return None if sides is None or _value_at(statement, at) is not sp.false \
        else (sides[0], sides[1])


def _values_at(statement: Basic, at: dict[Symbol, Expr]) -> tuple[Expr, Expr] | None:
    """Both sides of a relation at ``at``, when both are defined exact rationals."""
    if not isinstance(statement, sp.core.relational.Relational):
        return None
    left, right = (s.xreplace(at) for s in statement.args)
    if not all(isinstance(v, Expr) and v.is_Rational for v in (left, right)):
        return None
    return left, right


def _value_at(statement: Basic, at: dict[Symbol, Expr]) -> Basic | None:
    """``sp.true`` or ``sp.false``: the relation at ``at`` (None where a side is undefined)."""
    sides = _values_at(statement, at)
    return None if sides is None else statement.func(*sides)


def _counterexample(setup: _Setup, at: dict[Symbol, Expr], left: Expr, right: Expr,
                    where: str) -> Counterexample:
    shown = ", ".join(f"{s.name} = {user_text(at[s])}" for s in (setup.x, *setup.values))
    text = (f"{shown} (a point of {where}, and what differentiating it gives "
            f"there): left side {user_text(left)}, right side {user_text(right)}")
    point = tuple((s.name, str(at[s])) for s in (setup.x, *setup.values))
    return Counterexample(kind="value", point=point, lhs_value=str(left),
                          rhs_value=str(right), text=text)
