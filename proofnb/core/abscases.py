"""Assumptions about ``|z|``, decided case by case on the sign of z.

``assume |c| <= |z|, |z| >= 3`` names no bound the order tiers can encode, and sample points
rarely satisfy it. On each sign pattern of the letters inside bars (``z >= 0``/``z <= 0``,
``c >= 0``/``c <= 0``) every ``|z|`` is ``z`` or ``-z`` exactly, the assumptions become
bounds (``c <= z``, ``z >= 3``), and the patterns together cover the setting: a step
proved on every pattern is proved, and a witness on one pattern is a point of the setting.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import sympy as sp
from sympy import Basic, Symbol

if TYPE_CHECKING:
    from .decide import Outcome

#: At most this many letters inside bars (2^n patterns, each decided in full).
_MAX_LETTERS = 3

Decide = Callable[[Sequence[Basic], Sequence[Basic], tuple[Basic, ...]], "Outcome"]


def barred_letters(conditions: Sequence[Basic]) -> list[Symbol]:
    """The letters that some condition holds inside bars, ``|z|``, by name."""
    found: set[Symbol] = set()
    for cond in conditions:
        for node in cond.atoms(sp.Abs) if isinstance(cond, Basic) else ():
            if isinstance(node.args[0], Symbol):
                found.add(node.args[0])
    return sorted(found, key=lambda s: s.name)


def decide_by_signs(step: Sequence[Basic], written: Sequence[Basic],
                    conditions: tuple[Basic, ...], decide: Decide) -> Outcome | None:
    """The step decided on each sign pattern of the barred letters of ``conditions``:
    refuted on one (its witness), proved on all, or None (left to the other tiers)."""
    from .decide import Outcome  # decide imports this module lazily: no cycle at import

    letters = barred_letters(conditions)
    if not letters or len(letters) > _MAX_LETTERS or not all(s.is_real for s in letters):
        return None  # |z| of a complex z (assume z complex) is no +-z
    outcomes = []
    for signs in itertools.product((1, -1), repeat=len(letters)):
        put = {sp.Abs(s): sign * s for s, sign in zip(letters, signs, strict=True)}
        on_pattern = [c.xreplace(put) for c in conditions]
        on_pattern += [sp.Ge(sign * s, 0) for s, sign in zip(letters, signs, strict=True)]
        if any(c is sp.false for c in on_pattern):
            continue
        kept = tuple(c for c in on_pattern if c is not sp.true)
        outcome = decide([e.xreplace(put) for e in step], [e.xreplace(put) for e in written],
                         kept)
        if outcome.status == "refuted" and outcome.counterexample is not None:
            return outcome
        if outcome.status != "proved":
            return None
        outcomes.append(outcome)
    if not outcomes:
        return None
    notes = tuple(dict.fromkeys(n for o in outcomes for n in o.notes))
    return Outcome("proved", f"{outcomes[0].method} (by signs of "
                   f"{', '.join(s.name for s in letters)})", notes=notes)
