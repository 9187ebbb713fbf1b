"""Claims that a limit does not exist, as worksheets write them.

``\\lim_{x \\to 0} \\frac{|x|}{x} \\text{ does not exist}``, ``... = \\text{DNE}``, ``... = DNE``
and ``... does not exist`` are read as the step ``L = DNE`` (:func:`no_limit_line`), where
``DNE`` is :data:`NO_VALUE`, a marker no expression can contain otherwise. The step is decided
here (:func:`decide_no_limit`), never at points: it holds when the one-sided limits differ or
the limit is infinite (no finite limit: "= ∞" and "does not exist" are both said of 1/x^2
at 0), and is refuted with the limit's value when the limit exists.
"""

from __future__ import annotations

import re
from typing import Any

import sympy as sp

from proofnb.core.decide import Outcome, no_real_side
from proofnb.core.model import Counterexample

#: The right side of "L does not exist". A name that cannot be typed, so never a letter.
NO_VALUE = sp.Symbol("DNE (does not exist)")

# The claim at the end of a line: "= \text{DNE}", "\text{ does not exist}", "DNE", ...
_CLAIM_RE = re.compile(
    r"(?:\s*=\s*|\s+|(?<=[})]))(?:\\(?:text|textrm|mathrm|mbox|textnormal)\s*\{\s*"
    r"(?:DNE|d\.n\.e\.|does\s+not\s+exist|doesn't\s+exist)\s*\.?\s*\}"
    r"|DNE|does\s+not\s+exist|doesn't\s+exist)"
    r"(?:\s|\\[,;:! ]|\\q?quad(?![A-Za-z])|[.$])*\Z"
)

_HINT = ("'does not exist' (or = DNE) is said of a limit: write \\lim_{x \\to 0} \\frac{|x|}{x} "
         "\\text{ does not exist}, or its one-sided limits, \\lim_{x \\to 0^+} ... = 1")


def no_limit_line(raw: str) -> str:
    """``L \\text{ does not exist}`` as ``L = DNE`` (a line without the claim is unchanged)."""
    found = _CLAIM_RE.search(raw)
    if found is None or not raw[: found.start()].strip():
        return raw
    return f"{raw[: found.start()].rstrip()} = DNE"


def has_no_value(*exprs: Any) -> bool:
    """Does a side claim that something does not exist?"""
    return any(isinstance(e, sp.Basic) and e.has(NO_VALUE) for e in exprs)


def _value(limit: sp.Limit) -> sp.Basic | None:
    """The limit's value, or None when SymPy cannot tell (it raises or answers a Limit)."""
    try:
        value = limit.doit(deep=True)
    except (ValueError, NotImplementedError, TypeError):
        return None
    if not isinstance(value, sp.Basic) or value.has(sp.Limit) or value is sp.nan:
        return None
    return value


def decide_no_limit(relation: str, lhs: Any, rhs: Any, real: bool = True) -> Outcome:
    """Decide ``L = DNE`` for a limit ``L`` whose only free symbol is its variable."""
    if relation != "=" or rhs != NO_VALUE or not isinstance(lhs, sp.Limit) or lhs.has(NO_VALUE):
        return Outcome("unknown", "no-limit", message=_HINT)
    if lhs.free_symbols:
        letters = ", ".join(sorted(s.name for s in lhs.free_symbols))
        return Outcome("unknown", "no-limit", message=(
            f"whether this limit exists depends on {letters}: not decided"))
    body, var, point, direction = lhs.args
    side = no_real_side(lhs) if real else None
    if side is not None:  # sqrt(x) as x -> 0^-: SymPy's 0 comes through complex values
        return Outcome("proved", "no-limit", message=(
            f"{sp.sstr(body)} has no real values just {side} of {sp.sstr(point)}"))
    if str(direction) == "+-" and point.is_finite:
        left = _value(sp.Limit(body, var, point, dir="-"))
        right = _value(sp.Limit(body, var, point, dir="+"))
        if left is None or right is None or left.has(sp.AccumBounds) or right.has(
                sp.AccumBounds):
            return _one_value(lhs)
        if left != right:
            return Outcome("proved", "no-limit", message=(
                f"the one-sided limits differ: {sp.sstr(left)} from the left, "
                f"{sp.sstr(right)} from the right"))
        return _settled(left)
    return _one_value(lhs)


def _one_value(limit: sp.Limit) -> Outcome:
    value = _value(limit)
    if value is None or value is sp.zoo:
        return Outcome("unknown", "no-limit", message="no decision on whether this limit exists")
    if value.has(sp.AccumBounds):
        return Outcome("likely", "no-limit", message=(
            f"SymPy finds that it oscillates ({sp.sstr(value)}); no proof"))
    return _settled(value)


def _settled(value: sp.Basic) -> Outcome:
    """The limit has this one value: infinite (no finite limit) or a number."""
    if value in (sp.oo, -sp.oo):
        return Outcome("proved", "no-limit", notes=(
            f"the limit is {sp.sstr(value)}: it has no finite value",))
    if value.is_real and value.is_finite:
        text = f"the limit exists: it is {sp.sstr(value)}"
        return Outcome("refuted", "no-limit",
                       Counterexample("value", (), sp.sstr(value), None, text))
    return Outcome("unknown", "no-limit", message="no decision on whether this limit exists")
