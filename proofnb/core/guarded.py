"""Lines whose ``or`` guards a part that is undefined elsewhere.

A point solves ``P or Q`` when it solves one of the parts: a part that is undefined at the
point is false there, and does not make the whole line undefined. So ``a = 0 or
x = -b/(2a)`` holds at a = 0 (the audited division of a quadratic's solution), and
``(x > 0 and sqrt(x) = 2) or (x < 0 and sqrt(-x) = 3)`` holds at x = -9. Where the parts
of every ``or`` share one natural domain this is the line's own domain, as for any other
line. Where they differ the line is *guarded*: :func:`unguard` first clears a part's
denominator ``f`` when another part is the guard ``f = 0`` (there the line holds anyway),
and a line still guarded is decided by :func:`decide_guarded`, with only the tools that
read it part by part (sampled membership, exact univariate solution sets).
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import sympy as sp
from sympy import Basic, Expr, Symbol

from .domain import conditions

if TYPE_CHECKING:
    from .decide import Outcome

#: How many times a part is multiplied by its guard (1/a^3 needs a^3).
_MAX_POWER = 4


def _key(stmt: Basic, real: bool) -> frozenset[tuple[str, Expr]]:
    key: set[tuple[str, Expr]] = {(c.kind, c.expr) for c in conditions(stmt, real=real)}
    if real and any(side.is_number and side.is_extended_real is False
                    for rel in stmt.atoms(sp.core.relational.Relational) for side in rel.args):
        key.add(("nowhere", sp.S.Zero))  # ln(-2) > 0 (log(2) + i pi > 0): no real value
    return frozenset(key)


def _connectives(stmt: Basic) -> Iterator[Basic]:
    """``stmt`` and the and/or/not inside it (not the relations' sides)."""
    if isinstance(stmt, (sp.And, sp.Or, sp.Not)):
        yield stmt
        for part in stmt.args:
            yield from _connectives(part)


@functools.lru_cache(maxsize=1024)
def guarded(stmt: Basic, real: bool) -> bool:
    """Does ``stmt`` hold an ``or`` whose parts have different natural domains?"""
    if not isinstance(stmt, (sp.And, sp.Or)):
        return False  # a relation, or a not (read as a whole line)
    found = list(_connectives(stmt))
    if any(isinstance(part, sp.Not) for part in found):
        return False
    return any(isinstance(part, sp.Or) and len({_key(a, real) for a in part.args}) > 1
               for part in found)


def _guard_base(part: Basic) -> Expr | None:
    """``f`` when ``part`` is ``f = 0`` (also ``c f^k = 0``) for a polynomial ``f``; else
    None."""
    if not isinstance(part, sp.Eq):
        return None
    diff = part.lhs - part.rhs
    if not isinstance(diff, Expr) or diff.is_number or not diff.is_polynomial(
            *diff.free_symbols):
        return None
    try:
        _, factors = sp.factor_list(diff)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return None
    bases = {base for base, _ in factors}
    return bases.pop() if len(bases) == 1 else None


def _has_base(expr: Expr, base: Expr) -> bool:
    try:
        _, factors = sp.factor_list(expr)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return False
    return any(sp.cancel(f / base).is_number for f, _ in factors)


def _cleared(part: Basic, base: Expr) -> Basic:
    """``part`` (an equation) times ``base`` until ``base != 0`` is no longer a condition
    of it; other parts are returned as they are."""
    if not isinstance(part, sp.Eq):
        return part
    for _ in range(_MAX_POWER):
        if not any(c.kind == "ne" and _has_base(c.expr, base)
                   for c in conditions(part, real=False)):
            break
        part = sp.Eq(sp.Mul(part.lhs, base), sp.Mul(part.rhs, base))
    return part


def unguard(stmt: Basic, real: bool) -> Basic:
    """``stmt`` with each ``or`` part's denominator ``f`` cleared where another part of the
    same ``or`` is ``f = 0``: ``a = 0 or x = -b/(2a)`` becomes ``a = 0 or 2a x = -b``. Off
    f = 0 the parts agree wherever they are defined; on it the guard holds."""
    if isinstance(stmt, sp.And):
        return sp.And(*[unguard(a, real) for a in stmt.args])
    if not isinstance(stmt, sp.Or):
        return stmt
    parts = [unguard(a, real) for a in stmt.args]
    for guard in [g for g in (_guard_base(p) for p in parts) if g is not None]:
        parts = [p if _guard_base(p) is not None else _cleared(p, guard) for p in parts]
    return sp.Or(*parts)


def decide_guarded(
    relation: str, lhs: Basic, rhs: Basic, origin: Basic, conds: tuple[Basic, ...],
    real: bool, seed: int, deadline: float, written: tuple[Basic, Basic, Basic],
    letters: frozenset[Symbol],
) -> Outcome:
    """A statement step with a guarded line: refuted by a sampled point in one solution set
    and not the other, proved only by exact univariate solution sets, else ``likely`` or
    ``unknown`` as any other statement step."""
    from .decide import MIN_AGREEING, Outcome, _numeric_outcome, _problem
    from .equations import StatementAnalysis
    from .prove import ProofFound
    from .witness import probe_boundaries, probe_statements

    problem = dataclasses.replace(_problem(relation, *written, conds, real, seed), letters=letters)
    analysis = StatementAnalysis(lhs, rhs, origin, problem.symbols, conds, real, deadline)
    probe = probe_statements(problem, 14, deadline, extra=analysis.points)
    if probe.counterexample:
        return Outcome("refuted", "counterexample", probe.counterexample, seed=seed)
    proof = ProofFound("identical") if lhs == rhs else analysis.prove(relation)
    if proof:
        return Outcome("proved", proof.method)
    more = probe_statements(problem, 40, deadline, extra=analysis.points)
    if more.counterexample:
        return Outcome("refuted", "counterexample", more.counterexample, seed=seed)
    if analysis.undecided(relation):
        return Outcome("unknown", "none", seed=seed,
                       message="no proof found; the exact solution sets were not shown to agree")
    if bool(lhs.atoms(sp.Eq) | rhs.atoms(sp.Eq)) and more.both_true == 0:
        return Outcome("unknown", "none", seed=seed,
                       message="no proof found; the solution sets could not be computed exactly")
    edge = probe_boundaries(problem, deadline) if more.agreeing >= MIN_AGREEING else None
    if edge:
        return Outcome("refuted", "counterexample", edge, seed=seed)
    return _numeric_outcome(more.agreeing, seed, timed_out=time.monotonic() > deadline)
