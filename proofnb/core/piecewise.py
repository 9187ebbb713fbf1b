r"""Functions defined by cases: ``\begin{cases} x^2 & x < 1 \\ 2x - 1 & x \ge 1 \end{cases}``,
``{x^2 if x < 1, 2x - 1 otherwise}`` and SymPy's ``Piecewise((x^2, x < 1), (2x - 1, True))``.

:func:`rewrite_cases` turns the written forms of a line into the ``Piecewise((value,
condition), ...)`` call, which the grammar reads (:func:`read_pairs`) and
:func:`build_piecewise` builds: the cases must cover the real line once, or the line is an
error that names the values left out or given two different values. No maths is evaluated
while rewriting.
"""

from __future__ import annotations

import re
from typing import Any

import sympy as sp
from sympy.logic.boolalg import Boolean

from proofnb.core.writing import top_level_items

_CASES = re.compile(r"\\begin\s*\{cases\*?\}(?P<body>.*?)\\end\s*\{cases\*?\}", re.DOTALL)
#: ``\left\{ ... \right.`` may wrap the environment; the brace is only its look.
_BRACE_WRAP = re.compile(r"\\left\s*\\\{\s*(?P<inner>\\begin\s*\{cases.*?\\end\s*\{cases\*?\})"
                         r"\s*\\right\s*\.", re.DOTALL)
_WORD = (r"(?:\\text\s*\{\s*(?P<w1>if|for|when|otherwise|else|sonst)\b[^{}]*?\}"
         r"|\\(?:quad|qquad)|\b(?P<w2>if|for|when|otherwise|else)\b)")
_OTHERWISE = re.compile(r"^\s*(?:,\s*)?(?:\\text\s*\{\s*(?:otherwise|else|sonst)\s*[.,]?\s*\}"
                        r"|otherwise|else|true|True)\s*[.,]?\s*$")
_LEAD = re.compile(r"^\s*,?\s*(?:\\(?:quad|qquad|,|;)\s*)*(?:\\text\s*\{\s*(?:if|for|when)\s*\}"
                   r"|\b(?:if|for|when)\b)?\s*")
#: ``{x^2 if x < 1, 2x - 1 if x >= 1}`` on a definition line: the braces of a plain-text cases.
_PLAIN = re.compile(r"(?<=[=(])\s*\{(?P<body>[^{}]*\b(?:if|otherwise)\b[^{}]*)\}")


#: A brace of equations or inequalities, as editors and OCR write a system: ``\begin{cases}``,
#: or ``\left\{`` around ``array``, ``aligned`` or ``gathered``, closed by ``\right.``.
_SYSTEM = re.compile(
    r"\\left\s*\\\{\s*\\begin\s*\{(?P<env>array|aligned|gathered)\}(?:\s*\{[lcr|\s]*\})?"
    r"(?P<body>.*?)\\end\s*\{(?P=env)\}\s*\\right\s*\."
    r"|(?<![=(,])(?<![=(,]\s)\\begin\s*\{cases\*?\}(?P<cbody>.*?)\\end\s*\{cases\*?\}", re.DOTALL)
#: A relation between two expressions, at the start of an aligned row's right part (&=).
_ROW_RELATION = re.compile(r"\s*(?:=|<|>|≤|≥|\\(?:le|ge|leq|geq|leqslant|geqslant|lt|gt)"
                           r"(?![A-Za-z]))")
_ANY_RELATION = re.compile(r"(?<![<>=!])=(?!=)|<|>|≤|≥|\\(?:le|ge|leq|geq|leqslant|geqslant|lt|gt)"
                           r"(?![A-Za-z])")


def rewrite_systems(text: str) -> str:
    """``text`` with every brace of relations (``\\begin{cases} x + y = 3 \\\\ x - y = 1
    \\end{cases}``, Mathpix's ``\\left\\{\\begin{array}{l} ... \\end{array}\\right.``) written as
    the relations joined by ``and``; a brace whose rows are values with conditions is a
    function by cases and stays. Lines keep their numbers, as in :func:`rewrite_cases`."""
    if "cases" not in text and "\\left" not in text:
        return text

    def system(match: re.Match[str]) -> str:
        body = match["body"] if match["body"] is not None else match["cbody"]
        rows = [row for row in re.split(r"\\\\(?:\s*\[[^\]]*\])?", body) if row.strip()]
        relations = []
        for row in rows:
            left, amp, right = row.partition("&")
            if amp and not (_ROW_RELATION.match(right) or _ANY_RELATION.search(left)):
                return match.group(0)  # x^2 & x < 1: a value and its condition
            if not amp and _split_plain(row)[1].strip():
                return match.group(0)  # x^2 if x < 1
            relation = (left + right.replace("&", " ")) if amp else row
            if not _ANY_RELATION.search(relation):
                return match.group(0)
            relations.append(f"({relation.strip()})")
        if len(relations) < 2:
            return match.group(0)
        return " and ".join(relations) + "\0" * match.group(0).count("\n")

    text = _SYSTEM.sub(system, text)
    return "\n".join(line.replace("\0", "") + "\n" * line.count("\0")
                     for line in text.split("\n"))


def rewrite_cases(text: str) -> str:
    """``text`` with every cases environment (and plain ``{a if c, b otherwise}``) written as a
    ``Piecewise((a, c), (b, True))`` call; an environment that spans lines is joined into its
    first line and blank lines stand for the rest, so later lines keep their numbers. A brace
    of relations is a system (:func:`rewrite_systems`)."""
    text = rewrite_systems(text)
    if "cases" not in text and " if " not in text and "otherwise" not in text:
        return text
    text = _BRACE_WRAP.sub(lambda m: m["inner"], text)

    def env(match: re.Match[str]) -> str:
        rows = [row for row in re.split(r"\\\\", match["body"]) if row.strip()]
        pairs = []
        for row in rows:
            value, amp, condition = row.partition("&")
            if not amp:
                value, condition = _split_plain(row)
            pairs.append(_pair(value, condition))
        return f"Piecewise({', '.join(pairs)})" + "\0" * match.group(0).count("\n")

    text = _CASES.sub(env, text)
    text = _PLAIN.sub(lambda m: " Piecewise(" + ", ".join(
        _pair(*_split_plain(part)) for part in top_level_items(m["body"])
        if part.strip()) + ")", text)
    # the lines an environment spanned are blank lines after the one it now fills
    return "\n".join(line.replace("\0", "") + "\n" * line.count("\0")
                     for line in text.split("\n"))


def _split_plain(row: str) -> tuple[str, str]:
    found = re.search(_WORD, row)
    if found is None:
        value, comma, condition = row.rpartition(",")
        return (value, condition) if comma else (row, "")
    return row[: found.start()], row[found.start():]


def _pair(value: str, condition: str) -> str:
    value = value.strip().rstrip(",").strip()
    if _OTHERWISE.match(condition) or not condition.strip():
        return f"({value}, True)" if condition.strip() else f"({value}, )"
    condition = _LEAD.sub("", condition, count=1).strip().rstrip(".,;").strip()
    return f"({value}, {condition})"


def read_pairs(parser: Any, tok: Any) -> list[Any]:
    """The arguments of ``Piecewise(...)`` at the parser's cursor: ``(value, condition)``
    pairs, each condition a statement (``x < 1``, ``0 < x < 2``, ``True``)."""
    parser.expect("(")
    parser.nest += 1
    try:
        pairs: list[Any] = []
        while True:
            open_tok = parser.peek()
            if not parser.at("("):
                parser.fail(open_tok, "expected '(' opening a case (value, condition) of "
                                      "Piecewise")
            parser.advance()
            value = parser.expr(parser.sum(), open_tok)
            if not parser.at(","):
                parser.fail(parser.peek(), "expected ',' and the condition of this case")
            parser.advance()
            if parser.at(")"):
                parser.fail(parser.peek(), "this case has no condition: write one (x < 1) "
                                           "or 'otherwise'")
            cond_tok = parser.peek()
            condition = parser.statement()
            if not isinstance(condition, Boolean) or isinstance(condition, sp.Symbol):
                parser.fail(cond_tok, "expected a condition (x < 1, x >= 0, True) here")
            parser.expect(")")
            pairs.append((value, condition))
            if parser.at(","):
                parser.advance()
                continue
            parser.expect(")")
            return pairs
    finally:
        parser.nest -= 1


class CasesError(Exception):
    """The cases leave values out or give a value twice."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def build_piecewise(pairs: list[Any]) -> Any:
    """The SymPy ``Piecewise`` of ``(value, condition)`` pairs, checked to cover the real line
    once: a condition in one letter; cases that overlap must agree there. Raises
    :class:`CasesError` with the values left out or doubled."""
    if not pairs:
        raise CasesError("Piecewise needs at least one case")
    letters = set().union(*(c.free_symbols for _, c in pairs))
    if len(letters) != 1:
        raise CasesError("cases are read with conditions in one letter (x < 1, x >= 0)"
                         if letters else "the cases need a condition on the variable")
    (x,) = letters
    sets: list[sp.Set] = []
    rest: sp.Set = sp.S.Reals
    for k, (value, condition) in enumerate(pairs):
        if condition is sp.true:
            if k != len(pairs) - 1:
                raise CasesError("'otherwise' (True) must be the last case")
            sets.append(rest)
            rest = sp.S.EmptySet
            continue
        try:
            region = _region(condition, x)
        except (NotImplementedError, TypeError, ValueError):
            raise CasesError(f"cannot tell which values the condition {condition} takes") \
                from None
        for j, before in enumerate(sets):
            both = before.intersect(region)
            if both is sp.S.EmptySet:
                continue
            if not _agree(pairs[j][0], value, x, both):
                raise CasesError(f"the cases give {_shown(x, both)} two values "
                                 f"({pairs[j][0]} and {value})")
        sets.append(region)
        rest = rest - region
    if rest is not sp.S.EmptySet and rest != sp.S.EmptySet:
        raise CasesError(f"the cases leave out {_shown(x, rest)}: add a case for it or "
                         "write 'otherwise'")
    return sp.Piecewise(*[(v, c) for v, c in pairs])


def _region(condition: Any, x: Any) -> sp.Set:
    """The real values where ``condition`` holds: a bound on x by a number (x < 1, 0 <= x)
    directly, anything else through SymPy's ``as_set`` (slow the first time it runs)."""
    if isinstance(condition, sp.And):
        region: sp.Set = sp.S.Reals
        for part in condition.args:
            region = region.intersect(_region(part, x))
        return region
    if isinstance(condition, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan,
                              sp.GreaterThan)):
        lhs, rhs = condition.lhs, condition.rhs
        upper = isinstance(condition, (sp.StrictLessThan, sp.LessThan))
        if rhs == x and lhs.is_extended_real and lhs.is_number:  # 0 <= x: x >= 0
            lhs, rhs, upper = rhs, lhs, not upper
        if lhs == x and rhs.is_extended_real and rhs.is_number:
            strict = isinstance(condition, (sp.StrictLessThan, sp.StrictGreaterThan))
            return sp.Interval(-sp.oo, rhs, right_open=strict) if upper \
                else sp.Interval(rhs, sp.oo, left_open=strict)
    return condition.as_set().intersect(sp.S.Reals)


def _agree(a: Any, b: Any, x: Any, where: sp.Set) -> bool:
    if isinstance(where, sp.FiniteSet):
        return all(sp.simplify(a.subs(x, p) - b.subs(x, p)) == 0 for p in where)
    return bool(sp.simplify(a - b) == 0)


def _shown(x: Any, where: sp.Set) -> str:
    if isinstance(where, sp.FiniteSet):
        return " and ".join(f"{x} = {p}" for p in where)
    if isinstance(where, sp.Union):
        return " and ".join(_shown(x, part) for part in where.args)
    if isinstance(where, sp.Interval):
        low = "" if where.start == -sp.oo else f"{where.start} {'<' if where.left_open else '<='} "
        high = "" if where.end == sp.oo else f" {'<' if where.right_open else '<='} {where.end}"
        if not low and not high:
            return f"every {x}"
        return f"{low}{x}{high}"
    return f"{x} in {where}"


def limit_of_cases(expr: Any, x: Any, point: Any, direction: str) -> Any:
    """The limit of ``expr`` at ``point`` with every ``Piecewise`` in it replaced by the case
    that holds just beside the point (SymPy's own limit of a Piecewise can take the case
    that holds at the point: the right limit of 1 for x > 0, 0 otherwise at 0 came out 0).
    A two-sided limit whose sides take different cases is the two one-sided limits, which
    must agree; else :class:`CasesError` says that it does not exist."""
    sides = ("+", "-") if direction == "+-" else (direction,)
    if point == sp.oo:
        sides = ("-",)
    elif point == -sp.oo:
        sides = ("+",)
    beside = [expr.replace(lambda e: isinstance(e, sp.Piecewise) and e.has(x),
                           lambda e, s=side: _case_beside(e, x, point, s)) for side in sides]
    if len(beside) == 1 or beside[0] == beside[1]:
        return sp.Limit(beside[0], x, point, dir=direction if len(beside) == 2 else sides[0])
    values = [sp.Limit(b, x, point, dir=s).doit() for b, s in zip(beside, sides, strict=True)]
    if any(v.has(sp.Limit) for v in values) or sp.simplify(values[0] - values[1]) != 0:
        raise CasesError(f"the limit from the right ({values[0]}) and from the left "
                         f"({values[1]}) differ: the limit does not exist")
    return values[0]


def _case_beside(node: Any, x: Any, point: Any, side: str) -> Any:
    edges: set[Any] = set()
    for _, condition in node.args:
        if condition is sp.true:
            continue
        try:
            region = condition.as_set()
        except (NotImplementedError, TypeError, ValueError):
            raise CasesError(f"cannot tell which values the condition {condition} takes") \
                from None
        edges |= {e for e in region.boundary if e.is_finite}
        if not all(e.is_number and e.is_real for e in edges):
            raise CasesError("a limit of cases whose edges are not numbers is not read")
    if point.is_infinite:
        probe = (max(edges, default=0) + 1) if point == sp.oo else (min(edges, default=0) - 1)
    elif side == "+":
        probe = (point + min((e for e in edges if e > point), default=point + 2)) / 2
    else:
        probe = (point + max((e for e in edges if e < point), default=point - 2)) / 2
    for value, condition in node.args:
        if condition is sp.true or bool(condition.subs(x, probe)):
            return value
    raise CasesError(f"no case holds beside {x} = {point}")
