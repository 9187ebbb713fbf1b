"""Exact linear feasibility, checked: the certificates of the Farkas and AM-GM provers.

A small phase-one simplex over :class:`fractions.Fraction` with Bland's rule (which cannot
cycle). SymPy's own simplex was not used: it turns each equation into two inequalities, gives
up on the degenerate systems that result ("oscillating system", raised as *infeasible*), and
has returned points that break its own constraints. Whatever the solver, a point found here
is checked against every constraint in exact arithmetic before it is returned, and "no
point" only ever means "no proof".
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

Row = Sequence[Any]  # rationals: int, Fraction or SymPy Rational
Constraint = tuple[Row, Any]

#: Pivots allowed before the search gives up (no proof): the systems here are small.
MAX_PIVOTS = 2000
#: Tableau cells updated, over all pivots, before the search gives up (no proof): a count,
#: not a clock, so that the answer is the same on every machine. The certificates in the
#: tests need under 20 000; a 20 x 20-term AM-GM system in six letters (250 pivots on a
#: 160 x 580 tableau) took 4 s to end without one. A tableau bigger than this is not built.
MAX_WORK = 2_000_000


def nonnegative_solution(
    upper: Sequence[Constraint], equal: Sequence[Constraint], size: int
) -> list[Fraction] | None:
    """A checked point ``w >= 0`` (``size`` coordinates) with ``row . w <= rhs`` for every
    ``(row, rhs)`` in ``upper`` and ``row . w = rhs`` for every one in ``equal``; ``None``
    when there is none, when a coefficient is not rational, or when the search would take
    more than :data:`MAX_WORK` (no proof either way)."""
    rows = len(upper) + len(equal)
    if rows * (size + len(upper) + rows) > MAX_WORK:
        return None
    try:
        up = [([Fraction(a) for a in row], Fraction(rhs)) for row, rhs in upper]
        eq = [([Fraction(a) for a in row], Fraction(rhs)) for row, rhs in equal]
    except (TypeError, ValueError):
        return None
    if any(len(row) != size for row, _ in (*up, *eq)):
        raise ValueError("every row needs one coefficient per variable")
    point = _phase_one(up, eq, size)
    if point is None:
        return None
    ok = all(w >= 0 for w in point) and all(
        _dot(row, point) <= rhs for row, rhs in up) and all(
        _dot(row, point) == rhs for row, rhs in eq)
    return point if ok else None


def _phase_one(
    upper: list[tuple[list[Fraction], Fraction]],
    equal: list[tuple[list[Fraction], Fraction]],
    size: int,
) -> list[Fraction] | None:
    # Standard form: one slack column per inequality, then one artificial column per row.
    rows: list[list[Fraction]] = []
    rhs: list[Fraction] = []
    slacks = len(upper)
    for k, (row, value) in enumerate(upper):
        rows.append(row + [Fraction(int(k == s)) for s in range(slacks)])
        rhs.append(value)
    for row, value in equal:
        rows.append(row + [Fraction(0)] * slacks)
        rhs.append(value)
    for i, value in enumerate(rhs):
        if value < 0:
            rows[i] = [-a for a in rows[i]]
            rhs[i] = -value
    width = size + slacks
    m = len(rows)
    for i in range(m):
        rows[i] += [Fraction(int(i == j)) for j in range(m)]
    basis = [width + i for i in range(m)]
    total = width + m
    # Reduced costs of "minimise the sum of the artificials".
    cost = [Fraction(0)] * total
    for j in range(width):
        cost[j] = -sum((rows[i][j] for i in range(m)), Fraction(0))
    work_per_pivot = m * (total + 2)
    for _ in range(min(MAX_PIVOTS, MAX_WORK // max(work_per_pivot, 1))):
        entering = next((j for j in range(total) if cost[j] < 0), None)
        if entering is None:
            break
        leaving, best = -1, Fraction(0)
        for i in range(m):
            a = rows[i][entering]
            if a > 0:
                ratio = rhs[i] / a
                if leaving < 0 or ratio < best or ratio == best and basis[i] < basis[leaving]:
                    leaving, best = i, ratio
        if leaving < 0:
            return None  # unbounded below: cannot happen for a sum of nonnegatives
        _pivot(rows, rhs, cost, leaving, entering)
        basis[leaving] = entering
    else:
        return None
    values = [Fraction(0)] * total
    for i, column in enumerate(basis):
        values[column] = rhs[i]
    if any(values[width + i] != 0 for i in range(m)):
        return None  # an artificial variable stays positive: no feasible point
    return values[:size]


def _pivot(rows: list[list[Fraction]], rhs: list[Fraction], cost: list[Fraction],
           leaving: int, entering: int) -> None:
    pivot = rows[leaving][entering]
    rows[leaving] = [a / pivot for a in rows[leaving]]
    rhs[leaving] /= pivot
    for i, row in enumerate(rows):
        factor = row[entering]
        if i != leaving and factor != 0:
            rows[i] = [a - factor * b for a, b in zip(row, rows[leaving], strict=True)]
            rhs[i] -= factor * rhs[leaving]
    factor = cost[entering]
    if factor != 0:
        for j, b in enumerate(rows[leaving]):
            cost[j] -= factor * b


def _dot(row: Sequence[Fraction], point: Sequence[Fraction]) -> Fraction:
    return sum((a * w for a, w in zip(row, point, strict=True)), Fraction(0))
