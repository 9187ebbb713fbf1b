r"""Row operations as students write them between matrices (a cell's line, before parsing).

``M \xrightarrow{R_2 \to R_2 - 2R_1} N`` claims that the row operation takes M to N: the line
becomes ``E M = N`` with E the elementary matrix of the operations (several in one arrow act
on the rows of M at once: ``R_2 - 2R_1, R_3 - R_1``), so a wrong entry is named as for any
matrix step. ``M \sim N`` (row equivalence) becomes ``rref M = rref N``. An augmented matrix
``\left(\begin{array}{cc|c} ... \end{array}\right)`` is read as the matrix of its entries.
A row operation on a line of its own is an error that says how to write it.
"""

from __future__ import annotations

import re

import sympy as sp

from proofnb.core.errors import ParseError

__all__ = ["row_operation_line"]

_ARRAY = re.compile(r"(?:\\left\s*(?P<open>[(\[])\s*)?\\begin\s*\{array\}\s*\{[^{}]*\}"
                    r"(?P<body>.*?)\\end\s*\{array\}(?:\s*\\right\s*[)\]])?", re.DOTALL)
_LITERAL = re.compile(r"\s*\\begin\s*\{(?P<env>[pb]matrix)\}(?P<body>.*?)\\end\s*\{(?P=env)\}\s*",
                      re.DOTALL)
_ROW = r"R_\{?([1-9])\}?"
_TO = r"(?:\\to|\\rightarrow|\\longrightarrow|→|⟶)(?![A-Za-z])"
_FROM = r"(?:\\leftarrow|\\longleftarrow|←|:=)"
_SWAP = re.compile(rf"\s*{_ROW}\s*(?:\\leftrightarrow|\\longleftrightarrow|↔)\s*{_ROW}\s*")
_COEFFICIENT = (r"(?:[0-9]+(?:\.[0-9]+)?|\\[dt]?frac\s*\{\s*[0-9]+\s*\}\s*\{\s*[0-9]+\s*\}"
                r"|[0-9]+\s*/\s*[0-9]+|\(\s*-?\s*[0-9]+\s*(?:/\s*[0-9]+\s*)?\))")
_TERM = re.compile(rf"\s*(?P<sign>[+-])?\s*(?P<coef>{_COEFFICIENT})?\s*(?:\\cdot|\*)?\s*{_ROW}")
_LONE = re.compile(rf"[\s,;]*(?:\(?\s*{_ROW}\s*(?:{_TO}|{_FROM}|\\leftrightarrow|↔)[^,;]*[,;]?)+")
_ARROWS = re.compile(r"\\xrightarrow|\\overset|\\stackrel")
_HOW = (r"write the matrices on one line: M \xrightarrow{R_2 \to R_2 - 2R_1} N (checked as "
        r"E M = N, E the elementary matrix), or M \sim N (the same reduced row echelon form)")


def row_operation_line(raw: str, lineno: int) -> str:
    """The line with arrays as matrices, a row-operation arrow as ``E M = N`` and ``\\sim``
    between matrices as equal reduced row echelon forms; other lines unchanged."""
    code, hash_, comment = raw.partition("#")
    if "{array}" in code:
        code = _ARRAY.sub(_as_matrix, code)
    stripped = code.strip()
    if not stripped:
        return raw
    if _LONE.fullmatch(stripped) and "begin" not in stripped:
        raise ParseError(raw, f"a row operation on a line of its own is not read: {_HOW}",
                         lineno, 1)
    if _ARROWS.search(code) and re.search(_ROW, code):
        code = _arrow_step(code, raw, lineno)
    elif re.search(r"\\sim(?![A-Za-z])|∼", code):
        code = _equivalence(code)
    suffix = f" {hash_}{comment}" if hash_ else ""
    return code + suffix


def _as_matrix(m: re.Match[str]) -> str:
    env = "bmatrix" if m.group("open") == "[" else "pmatrix"
    return f"\\begin{{{env}}}{m.group('body')}\\end{{{env}}}"


def _equivalence(code: str) -> str:
    parts = re.split(r"\\sim(?![A-Za-z])|∼", code)
    if len(parts) < 2 or not all(_LITERAL.fullmatch(p) for p in parts):
        return code  # X \sim N(0, 1), f \sim g: not matrices
    return " = ".join(f"\\operatorname{{rref}} {p.strip()}" for p in parts)


def _arrow_step(code: str, raw: str, lineno: int) -> str:
    found = _ARROWS.search(code)
    assert found is not None
    ops, end = _arrow_label(code, found)
    if ops is None:
        raise ParseError(raw, f"could not read the row operation: {_HOW}", lineno, 1)
    left, right = code[: found.start()], code[end:]
    before, after = _LITERAL.fullmatch(left), _LITERAL.fullmatch(right)
    if before is None or after is None or _ARROWS.search(right):
        raise ParseError(raw, f"one row operation arrow per line, between two matrices: {_HOW}",
                         lineno, found.start() + 1)
    rows = len([r for r in re.split(r"\\\\", before.group("body")) if r.strip()])
    elementary = _elementary(ops, rows)
    if isinstance(elementary, str):
        raise ParseError(raw, elementary, lineno, found.start() + 1)
    entries = " \\\\ ".join(" & ".join(sp.latex(x) for x in elementary.row(i))
                            for i in range(rows))
    return f"\\begin{{pmatrix}} {entries} \\end{{pmatrix}} {left.strip()} = {right.strip()}"


def _arrow_label(code: str, found: re.Match[str]) -> tuple[str | None, int]:
    """The operations written over the arrow, and where the arrow ends."""
    k = found.end()
    while k < len(code) and code[k].isspace():
        k += 1
    if k < len(code) and code[k] == "[":  # \xrightarrow[below]{above}
        close = code.find("]", k)
        k = close + 1 if close > 0 else k
        while k < len(code) and code[k].isspace():
            k += 1
    label = _braced(code, k)
    if label is None:
        return None, found.end()
    text, k = label
    if found.group(0) != "\\xrightarrow":  # \overset{R_2 - 2R_1}{\longrightarrow}
        while k < len(code) and code[k].isspace():
            k += 1
        arrow = _braced(code, k)
        if arrow is None or not re.fullmatch(rf"\s*{_TO}\s*", arrow[0]):
            return None, found.end()
        k = arrow[1]
    return text, k


def _braced(code: str, k: int) -> tuple[str, int] | None:
    if k >= len(code) or code[k] != "{":
        return None
    depth = 0
    for j in range(k, len(code)):
        depth += {"{": 1, "}": -1}.get(code[j], 0)
        if depth == 0:
            return code[k + 1 : j], j + 1
    return None


def _elementary(ops: str, rows: int) -> sp.Matrix | str:
    """The matrix E with E M the result of the operations on the rows of M (all at once), or
    the reason they cannot be read."""
    e = sp.eye(rows)
    targets: set[int] = set()
    for op in (o for o in re.split(r",|;|\\\\|\\quad|\\qquad|\\text\s*\{\s*and\s*\}", ops)
               if o.strip()):
        op = re.sub(r"\\[ ,;:!]|\\q?quad", " ", op)  # LaTeX spacing
        swap = _SWAP.fullmatch(op)
        if swap:
            i, j = int(swap.group(1)) - 1, int(swap.group(2)) - 1
            if max(i, j) >= rows or {i, j} & targets:
                return f"the row operation {op.strip()} does not fit a matrix of {rows} rows"
            e.row_swap(i, j)
            targets |= {i, j}
            continue
        target, combination = _assignment(op)
        if target is None or combination is None:
            return f"could not read the row operation {op.strip()!r}: {_HOW}"
        if target >= rows or target in targets or any(k >= rows for k in combination):
            return f"the row operation {op.strip()} does not fit a matrix of {rows} rows"
        if combination.get(target, 0) == 0:
            return (f"{op.strip()} is not a row operation: the new row R_{target + 1} must "
                    f"keep a nonzero multiple of the old one")
        e[target, :] = sp.zeros(1, rows)
        for k, c in combination.items():
            e[target, k] = c
        targets.add(target)
    if e.det() == 0:  # R_1 -> R_1 + R_2, R_2 -> R_2 + R_1 at once: both rows become one
        return (f"the row operations {ops.strip()} done at once cannot be undone (they lose a "
                "row): do them one after the other, each on an arrow of its own")
    return e


def _assignment(op: str) -> tuple[int | None, dict[int, sp.Rational] | None]:
    """``R_2 \\to R_2 - 2R_1`` (or ``R_2 - 2R_1 \\to R_2``, ``R_2 - 2R_1``): the target row
    and the combination of old rows."""
    parts = re.split(_TO, op)
    if len(parts) == 2:
        lone = [re.fullmatch(rf"\s*{_ROW}\s*", p) for p in parts]
        if lone[0]:
            return int(lone[0].group(1)) - 1, _combination(parts[1])
        if lone[1]:
            return int(lone[1].group(1)) - 1, _combination(parts[0])
        return None, None
    parts = re.split(_FROM, op)
    if len(parts) == 2:
        lone_left = re.fullmatch(rf"\s*{_ROW}\s*", parts[0])
        return (int(lone_left.group(1)) - 1, _combination(parts[1])) if lone_left \
            else (None, None)
    combination = _combination(op)
    first = re.search(_ROW, op)
    return (int(first.group(1)) - 1 if first else None), combination


def _combination(text: str) -> dict[int, sp.Rational] | None:
    out: dict[int, sp.Rational] = {}
    k = 0
    text = text.rstrip()
    while k < len(text):
        m = _TERM.match(text, k)
        if m is None or (k > 0 and not m.group("sign")):
            return None
        coef = sp.Rational(1) if not m.group("coef") else _number(m.group("coef"))
        if m.group("sign") == "-":
            coef = -coef
        row = int(m.group(3)) - 1
        out[row] = out.get(row, sp.Rational(0)) + coef
        k = m.end()
    return out or None


def _number(text: str) -> sp.Rational:
    digits = re.findall(r"[0-9]+(?:\.[0-9]+)?", text)
    sign = -1 if "-" in text else 1
    if len(digits) == 2:
        return sign * sp.Rational(digits[0]) / sp.Rational(digits[1])
    return sign * sp.Rational(digits[0])
