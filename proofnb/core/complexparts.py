"""Complex statements with conjugates, moduli, real and imaginary parts, decided over the reals.

``z + 2 conj(z) = 3 - i <=> z = 1 + i`` has no solution set that SymPy's solvers compute
(``conj`` is not analytic). Writing each complex variable ``z = a + b i`` with real ``a``,
``b`` turns every line into an equivalent real statement: an equation into its real and
imaginary parts (``3a = 3 and -b = -1``); an equation or order between moduli into one
between their squares, which are polynomials (``|z - 1| = |z + 1|`` into
``(a - 1)^2 + b^2 = (a + 1)^2 + b^2``; ``|w| = c`` needs ``c >= 0``). The real step is then
decided by the whole statement machinery; its proof proves the complex step, and a witness
``(a, b)`` it finds is handed back as the point ``z = a + b i``, which the caller confirms
again in the complex domain before it refutes anything.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.core.relational import Relational

from .numeric import Point
from .prove import ProofFound
from .witness import Problem

if TYPE_CHECKING:
    from .decide import Outcome

#: Seconds the real statement may take: the step's other tiers still follow.
_BUDGET = 2.0
#: Highest degree in the real and imaginary parts worth a real system.
_MAX_DEGREE = 4
#: The parts a line may use: arithmetic, i, conjugates, moduli, real and imaginary parts.
_PARTS = (sp.conjugate, sp.re, sp.im, sp.Abs)
_RELATIONS: dict[type, Callable[[Expr, Expr], Basic]] = {
    sp.Eq: sp.Eq, sp.Ne: sp.Ne, sp.Lt: sp.Lt, sp.Le: sp.Le, sp.Gt: sp.Gt, sp.Ge: sp.Ge,
}
_ORDERS: dict[str, Callable[[Expr, Expr], Basic]] = {
    "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge,
}
_ORDER_TEXT: dict[type, str] = {sp.Lt: "<", sp.Le: "<=", sp.Gt: ">", sp.Ge: ">="}


def prove_by_parts(
    problem: Problem, deadline: float
) -> tuple[ProofFound | None, list[Point]] | None:
    """Decide a complex statement step through the real statement in the parts of each
    variable; None when the step has no conjugate/modulus/part or holds other functions."""
    if problem.real or problem.integer:
        return None
    if not any(line.has(*_PARTS, sp.arg) for line in (problem.lhs, problem.rhs)):
        return None
    return _by_parts(problem.relation, problem.lhs, problem.rhs, problem, deadline)


def prove_order_by_parts(problem: Problem, deadline: float) -> ProofFound | None:
    """Prove a complex-mode order between real quantities (``|z| >= re(z)``,
    ``|z|^2 >= 2 re(z) - 1``) as the real statement in the parts of each variable."""
    if problem.real or problem.integer or problem.relation not in _ORDERS:
        return None
    lhs, rhs = problem.lhs, problem.rhs
    if not (isinstance(lhs, Expr) and isinstance(rhs, Expr)) \
            or not (lhs.has(*_PARTS) or rhs.has(*_PARTS)):
        return None
    claim = _ORDERS[problem.relation](lhs, rhs)
    found = _by_parts("==>", sp.true, claim, problem, deadline)
    return found[0] if found is not None else None


def _decide_real(relation: str, first: Basic, second: Basic, origin: Basic,
                 conds: tuple[Basic, ...], seed: int, deadline: float) -> Outcome:
    """The real statement ``first relation second``; ``true ==> A < B`` (an order between
    real quantities) as the order step ``A < B``, which the inequality provers take."""
    from .decide import decide  # decide's statement path calls this module (via systems)

    deadline = min(deadline, time.monotonic() + _BUDGET)
    if relation == "==>" and first == sp.true and type(second) in _ORDER_TEXT:
        assert isinstance(second, Relational)
        return decide(_ORDER_TEXT[type(second)], second.lhs, second.rhs, second.lhs,
                      conditions=conds, real=True, seed=seed, deadline=deadline)
    return decide(relation, first, second, origin, conditions=conds, real=True, seed=seed,
                  deadline=deadline)


def _by_parts(
    relation: str, lhs: Basic, rhs: Basic, problem: Problem, deadline: float
) -> tuple[ProofFound | None, list[Point]] | None:
    given = _given_values(problem)  # assume z = x + iy, x, y real: z is x + iy in every line
    if given:
        kept = tuple(c for c in problem.conditions
                     if not (isinstance(c, sp.Eq) and {c.lhs, c.rhs} & set(given)))
        letters = set().union(*(v.free_symbols for v in given.values()), problem.symbols)
        problem = dataclasses.replace(problem, conditions=kept, symbols=tuple(
            sorted(letters - set(given), key=lambda s: s.name)))
    unknowns = [s for s in problem.symbols if s.is_real is not True]
    if len(unknowns) > 2:
        return None
    parts = {z: (sp.Symbol(f"{z.name}_re", real=True), sp.Symbol(f"{z.name}_im", real=True))
             for z in unknowns}
    sub: dict[Symbol, Expr] = {z: a + sp.I * b for z, (a, b) in parts.items()}
    split = _Splitter({**sub, **{z: value.xreplace(sub) for z, value in given.items()}})
    first, second = split.statement(lhs), split.statement(rhs)
    origin = split.statement(problem.origin) \
        if problem.origin is not None and relation == problem.relation else first
    conds = [split.statement(c) for c in problem.conditions]
    if first is None or second is None or any(c is None for c in conds):
        return None
    reals = [v for pair in parts.values() for v in pair] + \
        [s for s in problem.symbols if s.is_real is True]
    if _degree(first, reals) > _MAX_DEGREE or _degree(second, reals) > _MAX_DEGREE:
        return None  # z^5 = 1 as two real quintics: the complex solvers do better (and faster)
    names = ", ".join(f"{z} = {a} + {b} i" for z, (a, b) in parts.items())
    how = f" ({names})" if names else ""
    if relation == "==>" and first == sp.true and second == sp.true:
        return ProofFound(f"real and imaginary parts{how}"), []
    outcome = _decide_real(relation, first, second, origin if origin is not None else first,
                           tuple(c for c in conds if c is not None), problem.seed, deadline)
    if outcome.status == "proved":
        return ProofFound(f"real and imaginary parts{how}: {outcome.method}"), []
    found: list[Point] = []
    if outcome.status == "refuted" and outcome.counterexample is not None and (parts or given):
        values = dict(outcome.counterexample.point)
        point: Point = {}
        for z, (a, b) in parts.items():
            re_value = _value(values.get(a.name, "0"))
            im_value = _value(values.get(b.name, "0"))
            if re_value is None or im_value is None:
                return None, []
            point[z] = re_value + sp.I * im_value
        if given:  # z = x + iy: the point names x, y and z
            for letter in problem.symbols:
                if letter not in point:
                    value = _value(values.get(letter.name, "0"))
                    if value is None:
                        return None, []
                    point[letter] = value
            point.update({z: sp.expand(value.xreplace(point)) for z, value in given.items()})
        found.append(point)
    return None, found


def _given_values(problem: Problem) -> dict[Symbol, Expr]:
    """The complex letters an assumption gives as a value in the other letters
    (``z = x + iy``), which every line may then read in their place."""
    given: dict[Symbol, Expr] = {}
    for cond in problem.conditions:
        if not isinstance(cond, sp.Eq):
            continue
        for name, value in ((cond.lhs, cond.rhs), (cond.rhs, cond.lhs)):
            if isinstance(name, Symbol) and name.is_real is not True and name not in given \
                    and isinstance(value, Expr) and not value.has(name) \
                    and not value.free_symbols & set(given) and _allowed(value):
                given[name] = value
                break
    return given


def _value(text: str) -> Expr | None:
    """An exact real value the witness search wrote with ``sstr`` (numbers only)."""
    try:
        value = sp.sympify(text, rational=True)
    except (sp.SympifyError, TypeError, ValueError, SyntaxError):
        return None
    return value if isinstance(value, Expr) and value.is_number else None


class _Splitter:
    """Lines in the real and imaginary parts of the complex variables."""

    def __init__(self, sub: dict[Symbol, Expr]) -> None:
        self.sub = sub

    def statement(self, stmt: Basic) -> Basic | None:
        """The equivalent real statement, or None where a line leaves the allowed forms."""
        if stmt in (sp.true, sp.false):
            return stmt
        if isinstance(stmt, (sp.And, sp.Or)):
            args = [self.statement(a) for a in stmt.args]
            return None if any(a is None for a in args) else type(stmt)(*args)
        if isinstance(stmt, sp.Not):
            inner = self.statement(stmt.args[0])
            return None if inner is None else sp.Not(inner)
        if isinstance(stmt, sp.Contains) and stmt.args[1] == sp.S.Reals \
                and _allowed(stmt.args[0]):  # assume x, y real: u is real when Im u = 0
            return sp.Eq(self.parts(stmt.args[0])[1], 0)
        if not isinstance(stmt, Relational) or type(stmt) not in _RELATIONS:
            return None
        if isinstance(stmt, sp.Eq) and stmt.has(sp.arg) \
                and (isinstance(stmt.lhs, sp.arg) or isinstance(stmt.rhs, sp.arg)):
            return self.argument(stmt)
        if not all(_allowed(side) for side in (stmt.lhs, stmt.rhs)):
            return None
        return self.relation(stmt)

    def argument(self, eq: sp.Eq) -> Basic | None:
        """``arg(u) = c`` for a constant c: ``u e^(-i c)`` is a positive real number, and c
        lies in (-pi, pi], where the principal argument takes its values."""
        side, c = (eq.lhs, eq.rhs) if isinstance(eq.lhs, sp.arg) else (eq.rhs, eq.lhs)
        u = side.args[0]
        if not (isinstance(c, Expr) and c.is_number and c.is_extended_real) or not _allowed(u):
            return None
        inside = sp.And(sp.Gt(c, -sp.pi), sp.Le(c, sp.pi))
        if inside not in (sp.true, sp.false):
            return None
        if inside is sp.false:
            return sp.false
        cos_c, sin_c = sp.cos(c), sp.sin(c)
        if cos_c.has(sp.cos, sp.sin) or sin_c.has(sp.cos, sp.sin):
            return None  # arg(z) = 1: no algebraic direction
        scale = abs(cos_c) if cos_c != 0 else abs(sin_c)  # (1, tan c): simpler lines
        cos_c, sin_c = sp.radsimp(cos_c / scale), sp.radsimp(sin_c / scale)
        re_part, im_part = self.parts(u)
        return sp.And(sp.Eq(sp.expand(im_part * cos_c - re_part * sin_c), 0),
                      sp.Gt(sp.expand(re_part * cos_c + im_part * sin_c), 0))

    def parts(self, expr: Expr) -> tuple[Expr, Expr]:
        whole = sp.expand_complex(expr.xreplace(self.sub))
        re_part, im_part = whole.as_real_imag()
        return sp.expand(re_part), sp.expand(im_part)

    def modulus_square(self, side: Expr) -> Expr | None:
        """``c^2 |u|^2`` (a polynomial in the parts) for a side ``c |u|`` with c > 0."""
        coeff, rest = side.as_coeff_Mul()
        if not (isinstance(rest, sp.Abs) and coeff.is_positive):
            return None
        re_part, im_part = self.parts(rest.args[0])
        return sp.expand(coeff**2 * (re_part**2 + im_part**2))

    def relation(self, rel: Relational) -> Basic | None:
        make = _RELATIONS[type(rel)]
        left_sq, right_sq = self.modulus_square(rel.lhs), self.modulus_square(rel.rhs)
        left, right = self.parts(rel.lhs), self.parts(rel.rhs)
        if left_sq is not None and right_sq is not None:
            return make(left_sq, right_sq)
        if left_sq is not None and right[1] == 0:
            return _modulus_against(type(rel), left_sq, right[0], flipped=False)
        if right_sq is not None and left[1] == 0:
            return _modulus_against(type(rel), right_sq, left[0], flipped=True)
        if isinstance(rel, sp.Eq):
            return sp.And(sp.Eq(left[0] - right[0], 0), sp.Eq(left[1] - right[1], 0))
        if isinstance(rel, sp.Ne):
            return sp.Or(sp.Ne(left[0] - right[0], 0), sp.Ne(left[1] - right[1], 0))
        if left[1] != 0 or right[1] != 0:
            return None  # an order between values not shown to be real
        return make(left[0], right[0])


_FLIP: dict[type, type] = {sp.Lt: sp.Gt, sp.Le: sp.Ge, sp.Gt: sp.Lt, sp.Ge: sp.Le,
                           sp.Eq: sp.Eq, sp.Ne: sp.Ne}


def _modulus_against(kind: type, square: Expr, other: Expr, *, flipped: bool) -> Basic:
    """``|u| kind c`` (or ``c kind |u|``) as a statement about ``|u|^2 = square``: both sides
    of an order between nonnegative numbers may be squared; a negative ``c`` decides it."""
    if flipped:
        kind = _FLIP[kind]
    nonneg = sp.Ge(other, 0)
    if kind is sp.Eq:
        return sp.And(sp.Eq(square, sp.expand(other**2)), nonneg)
    if kind is sp.Ne:
        return sp.Or(sp.Ne(square, sp.expand(other**2)), sp.Lt(other, 0))
    if kind in (sp.Lt, sp.Le):  # |u| < c: c > 0 (c >= 0) and |u|^2 < c^2
        return sp.And(_RELATIONS[kind](square, sp.expand(other**2)), nonneg)
    # |u| > c: c < 0, or |u|^2 > c^2 (c >= 0); |u| >= c likewise
    return sp.Or(sp.Lt(other, 0), _RELATIONS[kind](square, sp.expand(other**2)))


def _allowed(expr: Basic) -> bool:
    """Rational functions of the variables, i, real constants, conjugates, moduli, real and
    imaginary parts."""
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Pow):
            # a real radical constant (sqrt(3) in z = -1/2 + sqrt(3)/2 i) is a number
            if not node.exp.is_Integer and not (node.is_number and node.is_extended_real):
                return False
        elif isinstance(node, (sp.Function,)) and not isinstance(node, _PARTS):
            return False
        elif not isinstance(node, (sp.Add, sp.Mul, sp.Pow, sp.Symbol, sp.Number,
                                   sp.NumberSymbol, *_PARTS)) and node is not sp.I:
            return False
    return True


def _degree(stmt: Basic, reals: list[Symbol]) -> int:
    """The highest total degree of a numerator in the real statement (large when unknown)."""
    top = 0
    for rel in stmt.atoms(Relational):
        try:
            num = sp.numer(sp.together(rel.lhs - rel.rhs))
            top = max(top, int(sp.Poly(num, *reals).total_degree()) if num.has(*reals) else 0)
        except (sp.PolynomialError, TypeError, ValueError):
            continue  # a radical (the modulus of a non-square): not a polynomial system
    return top
