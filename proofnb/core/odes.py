"""Differential equations as worksheets write them: lines with differentials.

A **differential line** ``P dy = Q dx`` (``du = 2x dx``, ``dy/y = x dx``, ``e^y \\, dy = e^x
\\, dx``) is read as the claim about derivatives it abbreviates: dividing both sides by dx,
``P dy/dx = Q``. That is the only meaning a first-year course gives it (dx is never zero),
and it is exact: the line holds for a function y exactly when that equation does. It is
rewritten before the cell is split (:func:`differential_lines`), so the line then reads as
any line with ``dy/dx``: a curve ``u = x^2 + 1`` above makes it a claim about that curve,
``assume u = g(x)`` puts ``d/dx g(x)`` in place of du/dx.

A line is rewritten only when each side is one product with exactly one differential factor
(``x dx``, ``\\frac{dy}{y}``, ``dy/y``), not under a root or in a denominator, and the line
has no integral (whose ``dx`` ends it) and no derivative already. Anything else keeps its
old reading; ``dy + y dx = 0`` (a sum of differentials) is not rewritten.
"""

from __future__ import annotations

import re

__all__ = ["differential_lines"]

#: A differential: d and one letter, standing alone (``dx``, ``dy``, ``du``; not ``dx2``).
_DIFFERENTIAL = re.compile(r"(?<![A-Za-z\\_])d([A-Za-z])(?![A-Za-z0-9_'(])")
#: Lines whose d's belong to something else: integrals and derivatives.
_OTHER = re.compile(r"\\int|∫|integrate|Integral|\\frac\s*\{\s*d\s*\}|(?<![A-Za-z\\])d\s*/\s*d"
                    r"|(?<![A-Za-z\\])d[A-Za-z]\s*/\s*d[A-Za-z](?![A-Za-z])"
                    r"|\\frac\s*\{\s*d[A-Za-z]\s*\}\s*\{\s*d[A-Za-z]\s*\}|diff|\\partial")
#: Relations a differential line may start with (it continues a chain of statements).
_LEAD = re.compile(r"\s*(?:<=>|==>|=>|⇔|⇒|\\iff|\\implies|\\Rightarrow|\\Leftrightarrow)?\s*")
#: Assumptions ``u = g(x)``: du is then g'(x) dx.
_SUBSTITUTION = re.compile(r"\s*assume:?\s+([A-Za-z])\s*=\s*([^,;#]+?)\s*$")


def differential_lines(text: str) -> str:
    """The cell with each differential line written with derivatives: ``du = 2x dx`` as
    ``(du/dx) = 2x``, or ``(d/dx (x^2 + 1)) = 2x (1)`` under ``assume u = x^2 + 1``.
    Other lines, and every line of a cell without such a line, are kept as they are."""
    if not re.search(r"(?<![A-Za-z\\])d[A-Za-z]", text):
        return text
    lines = text.split("\n")
    given = {m.group(1): m.group(2) for line in lines
             if (m := _SUBSTITUTION.match(line.split("#", 1)[0])) is not None}
    return "\n".join(_line(line, given) for line in lines)


def _line(line: str, given: dict[str, str]) -> str:
    code, hash_, comment = line.partition("#")
    stripped = code.strip()
    if not stripped or stripped.startswith(("%", "assume", "Assume")) or _OTHER.search(code):
        return line
    lead = _LEAD.match(code)
    start = lead.end() if lead else 0
    body = code[start:]
    if body.count("=") != 1 or re.search(r"[<>≤≥]|\\[lg]eq?(?![A-Za-z])", body):
        return line
    left, right = body.split("=")
    found = [_single(left), _single(right)]
    if None in found:
        return line
    (dep, _), (ind, _) = found  # type: ignore[misc]
    if dep == ind:
        return line
    if ind != "x" and dep in ("x", "t") or dep == "x":
        # x dx = y dy: x is still the variable
        left, right, dep, ind = right, left, ind, dep
    derivative = f"(d/d{ind} ({given[dep]}))" if dep in given else f"(d{dep}/d{ind})"
    new_left = _DIFFERENTIAL.sub(lambda m: derivative if m.group(1) == dep else m.group(0),
                                 left, count=1)
    new_right = _without(right, ind)
    return f"{code[:start]}{new_left}={new_right}{hash_}{comment}"


#: What joins a factor to its neighbour: ``\,``, ``\cdot``, ``*``, spaces.
_JOIN = r"(?:\\[,;:! ]|\\cdot(?![A-Za-z])|\\times(?![A-Za-z])|\*|\s)*"


def _without(side: str, letter: str) -> str:
    r"""The side with its factor ``d<letter>`` taken out (``x \, dx`` is ``x``; ``dx``
    alone is 1)."""
    match = next(m for m in _DIFFERENTIAL.finditer(side) if m.group(1) == letter)
    before, after = side[: match.start()], side[match.end():]
    if not after.strip():
        before = re.sub(_JOIN + "$", "", before)
    elif not before.strip():
        after = re.sub("^" + _JOIN, "", after)
    if not (before + after).strip():
        return " 1 "
    return f"{before} {after}" if before.strip() and after.strip() else f"{before}{after} "


def _single(side: str) -> tuple[str, int] | None:
    """(letter, position) of the one differential factor of a side that is a product, or
    None (no differential, two, or one inside a sum, a denominator or a root)."""
    found = list(_DIFFERENTIAL.finditer(side))
    if len(found) != 1:
        return None
    match = found[0]
    before = side[: match.start()]
    if _depth(before) != _frac_numerator_depth(before):
        return None  # inside brackets other than a fraction's numerator
    if re.search(r"/\s*$|\\sqrt\s*(?:\[[^\]]*\])?\s*\{?\s*$", before):
        return None  # 1/dx, \sqrt{dx}
    rest = side[: match.start()] + " " + side[match.end():]
    if _top_level_sum(rest):
        return None
    return match.group(1), match.start()


def _depth(text: str) -> int:
    depth = 0
    for ch in text:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
    return depth


def _frac_numerator_depth(before: str) -> int:
    """0, or 1 when ``before`` ends inside the first braces of a ``\\frac`` at the top."""
    m = re.search(r"\\[dt]?frac\s*\{([^{}]*)$", before)
    if m is not None and _depth(before[: m.start()]) == 0:
        return 1
    return 0


def _top_level_sum(text: str) -> bool:
    """Does ``text`` have a + or - outside brackets, past a leading sign and an exponent?"""
    depth = 0
    seen = False
    previous = ""
    for ch in text:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch in "+-" and depth == 0 and seen and previous not in "^_":
            return True
        if not ch.isspace():
            seen = True
            previous = ch
    return False
