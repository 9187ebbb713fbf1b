"""Matrices and vectors in a step: literals, arithmetic, ``det``, ``tr``, transpose, inverse,
dot and cross products, decided entry by entry through :func:`proofnb.core.decide.decide`.

A side is read by the ordinary parser with every matrix literal (``\\begin{pmatrix} ...
\\end{pmatrix}``, ``bmatrix``, ``Matrix([[1, 2], [3, 4]])``, ``[[1, 2], [3, 4]]``) and every
matrix the cell defined (``A = \\begin{pmatrix} ... \\end{pmatrix}`` on a line of its own) as
a non-commuting placeholder symbol, so products keep their order and the grammar's
precedence, implicit products and LaTeX stay the parser's. The unevaluated tree is then
computed here on SymPy matrices whose entries are ordinary expressions:

* ``=`` between matrices holds when every entry does (each entry is a step for the engine,
  under the same domain); a refutation names the entry (``entry (2, 1): left side 7,
  right side 6``). A ``0`` compared with a matrix is the zero matrix; ``I`` is the identity
  of the size around it (``I_2``, ``I_3`` fix it).
* In a statement (``<=>``, ``==>``) a matrix equation is the ``and`` of its entries.
* ``A^n`` for a whole n (``A^{-1}`` the inverse: undefined where ``det A = 0``, so letters
  give a domain note), ``A^T``/``A^\\top`` the transpose, ``\\det``/``det``, ``tr``, a
  ``vmatrix`` is its determinant; ``u \\cdot v`` of two vectors of one length is their dot
  product, ``u \\times v`` of two 3-vectors their cross product.

Sizes (6x6) and exponents (64) are bounded before anything is computed; anything else
(adding a number to a matrix, shapes that do not fit, ``sin`` of a matrix) is an error
that says where and why.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import sympy as sp

from proofnb.core.env import MathEnv
from proofnb.core.errors import ParseError, UnsupportedError
from proofnb.core.model import StepSpec
from proofnb.core.vectors import (
    ARROW,
    NAMED,
    UNIT,
    column_binomial,
    has_vectors,
    interval_context,
    norm,
    scannable,
    spell_operations,
    spell_projections,
    spell_units,
    tuple_at,
    unit_size,
)

if TYPE_CHECKING:
    from proofnb.core.cell import _Piece
    from proofnb.core.decide import Outcome

__all__ = ["MAX_POWER", "MAX_SIZE", "decide_matrix_step", "definition", "has_matrices",
           "number_definition",
           "matrix_definition", "split_definitions"]

#: The largest matrix (rows and columns) a cell may write.
MAX_SIZE = 6
#: The largest whole exponent of a matrix power (``A^{-1}`` counts 1).
MAX_POWER = 64
#: The most matrices and vectors one cell may give (each later step reads them all).
MAX_DEFINITIONS = 30
#: Entries larger than this (operations) stop a computation: an error, not a long wait.
MAX_ENTRY_OPS = 4000

_ENVIRONMENTS = "pmatrix|bmatrix|Bmatrix|vmatrix|Vmatrix|matrix|smallmatrix"
_LATEX_LITERAL = re.compile(
    rf"\\begin\s*\{{(?P<env>{_ENVIRONMENTS})\}}(?P<body>.*?)\\end\s*\{{(?P=env)\}}", re.DOTALL)
#: A quick test for text that may hold matrices (a step without it takes no time here).
_HINT = re.compile(r"\\begin\s*\{(?:" + _ENVIRONMENTS + r")\}|Matrix\s*\(|\[\s*\[|\\det"
                   r"|(?<![A-Za-z\\])(?:det|tr|trace|adj|adjugate|rank|rref)\s*\("
                   r"|\\(?:operatorname|mathrm|text|mathop)\s*\{\s*(?:tr|det|adj|rank|rref)")
#: Functions of one matrix the reader computes (adj: the adjugate; rank, rref of numbers).
_MATRIX_FUNCTIONS = ("det", "tr", "adj", "rank", "rref")
_DEFINED_NAME = re.compile(r"\s*(?:\\(?:vec|mathbf|boldsymbol|underline|bm)\s*\{?\s*)?"
                           r"(?P<name>[A-Za-z](?:_\{?[0-9]\}?)?)\s*\}?"
                           r"\s*(?P<sub>_(?:\{[0-9]\}|[0-9]))?\s*$"
                           r"|\s*\\(?:overrightarrow|vec)\s*\{\s*(?P<from>[A-Z])\s*(?P<to>[A-Z])"
                           r"\s*\}\s*$")
#: ``r(t) := (t, t^2)``: a function with vector values (from a definition line).
_FUNCTION_DEFINITION = re.compile(r"\s*(?P<name>[A-Za-z])\s*\(\s*(?P<arg>[A-Za-z])\s*\)\s*:="
                                  r"\s*(?P<body>.+)$", re.DOTALL)
#: ``A := <literal>`` among a cell's assumptions (from a definition line).
_DEFINITION = re.compile(r"\s*(?P<name>[A-Za-z](?:_[0-9])?|" + ARROW + r"[A-Z]{2})\s*:=\s*"
                         r"(?P<body>.+)$", re.DOTALL)

_TRANSPOSE = "qtransposed"
_CROSS = "qcrossed"
_DOT = "qdotted"
_DISTANCE = "qdist"  # AB of two given points: their distance
_LETTERS = "OPQRSTABCDEFGHIJKLMNUVWXYZ"  # where a cell's position vectors start
_PLACEHOLDER = "qmatrix"


class MatrixError(ParseError):
    """A matrix expression that has no value: shapes, sizes, unsupported operations."""


def has_matrices(*texts: str) -> bool:
    """Cheap test: might these texts write a matrix, a determinant, a trace or a vector?"""
    return any(_HINT.search(t) or has_vectors(t) for t in texts)


def _literal_end(text: str, start: int) -> tuple[int, str] | None:
    """(end, body) of the matrix literal at ``start`` or None."""
    m = _LATEX_LITERAL.match(text, start)
    if m:
        return m.end(), m.group(0)
    if text.startswith("Matrix", start):
        open_at = text.find("(", start)
        if open_at < 0 or text[start + 6 : open_at].strip():
            return None
        close = _matching(text, open_at, "(", ")")
        return None if close is None else (close + 1, text[start : close + 1])
    if text.startswith("[", start):
        rest = text[start + 1 :].lstrip()
        if not rest.startswith("["):
            return None
        close = _matching(text, start, "[", "]")
        return None if close is None else (close + 1, text[start : close + 1])
    return None


def definition(term: str) -> bool:
    """Is ``term`` exactly one matrix literal, or a number times one (the body of a
    definition ``A = ...``)?"""
    text = term.strip()
    found = _literal_end(text, 0) if text else None
    if found is None and text and scannable(text) and not interval_context(text):
        vector = tuple_at(text, 0, "", ())
        found = None if vector is None else (vector[0], text)
    if found is not None and found[0] == len(text):
        return True
    start = text.find("\\begin")  # \frac{1}{\sqrt{2}} \begin{pmatrix}...: a multiple of one
    if start > 0 and _SCALAR_PREFIX.fullmatch(text[:start]) and re.search("[0-9]", text[:start]):
        found = _literal_end(text, start)
        return found is not None and found[0] == len(text)
    return False


#: A number written before a literal in a definition (``Q = \frac{1}{\sqrt{2}} \begin...``).
_SCALAR_PREFIX = re.compile(r"(?:\\[dt]?frac|\\sqrt|\\cdot|[-0-9\s.{}/*()])*")


def matrix_fact(line: str, assume: Sequence[str]) -> bool:
    """Does ``line`` state a fact about given matrices only (``AB = [[2, 1], [4, 3]]``, no
    unknowns)? Two such lines in a row are two claims, not one equivalence."""
    code = line.split("#", 1)[0]
    if not has_matrices(code) and not any(":=" in text for text in assume):
        return False
    names = {m.group("name") for m in map(_DEFINITION.match, assume) if m}
    if "=" not in code or any(r in code for r in ("<=>", "==>", "<==", "\\iff", "⇔", "⇒")):
        return False
    if not (has_matrices(code) or names):
        return False
    bare = _LATEX_LITERAL.sub(lambda m: "0" if re.fullmatch(r"[-+0-9\s&\\./{}]*",
                                                            m.group("body")) else "x", code)
    bare = re.sub(r"\[\s*\[[-+0-9\s,.\[\]/]*\]\s*\]", "0", bare)
    words = re.findall(r"\\?[A-Za-z]+", _spell(bare))
    allowed = set(names) | {*_MATRIX_FUNCTIONS, _TRANSPOSE, _CROSS, "I", "Matrix", "frac", "cdot",
                            "left", "right", "dfrac", _DOT, "sqrt", *UNIT.values()} | {
        w for w in words if w.startswith(ARROW)}  # |AB| = 5 after A = (1, 2), B = (4, 6)
    joined = re.compile("(?:" + "|".join(map(re.escape, names or {"@"})) + ")+")
    if not any(w.lstrip("\\") in names or w in _MATRIX_FUNCTIONS or joined.fullmatch(w)
               or w.startswith(ARROW) for w in words) \
            and not has_matrices(code):
        return False
    return all(w.lstrip("\\") in allowed or re.fullmatch(
        "(?:" + "|".join(map(re.escape, names or {"@"})) + ")+", w) for w in words)


def defined_name(term: str) -> str | None:
    """The name a definition line defines (``A``, ``\\vec{v}`` is ``v``) or None."""
    m = _DEFINED_NAME.fullmatch(term)
    if m is not None and m.group("from"):
        return f"{ARROW}{m.group('from')}{m.group('to')}"
    if m is None or m.group("sub") and "_" in m.group("name"):
        return None
    return (m.group("name") + (m.group("sub") or "")).replace("{", "").replace("}", "")


def matrix_definition(pieces: list[_Piece], later: Sequence[str],
                      given: Sequence[str] = ()) -> str | None:
    """``A := <literal>`` for a line ``A = \\begin{pmatrix} ... \\end{pmatrix}`` that starts a
    chain, when a later line of the cell uses A; else None (``x = (...)`` answering a
    system is a claim). A line that names a vector computed from given ones
    (``M = \\frac{A + B}{2} = (2, 3)``) defines it too, when the line goes on or a later line
    uses it."""
    if len(pieces) < 3 or pieces[0].rel is not None or pieces[1].rel != "=" or any(
            p.rel in ("", "<=>", "==>", "<==") or p.marker for p in pieces):
        return None
    if _names_determinant(pieces):
        head = pieces[0].text.strip()
        word = head.replace("{", "").replace("}", "")
        if not any(word in line.replace("{", "").replace("}", "") for line in later):
            return ""  # C_{12} = -\begin{vmatrix} ... \end{vmatrix} = 20: it names the number
        value = _determinant_value(pieces[2].text)
        if value is not None:  # D = |...| = -3, then x = D_x / D: D is that number
            return f"{head} := {value}"
    name = defined_name(pieces[0].text)
    if name is None or name in "eEiI" or sum(":=" in text for text in given) >= MAX_DEFINITIONS:
        return None
    used = any(_uses(_spell(line.split("#", 1)[0]), [name]) for line in later)
    following = next((line.split("#", 1)[0] for line in later if line.split("#", 1)[0].strip()),
                     "")
    head, equals, body = following.partition("=")
    if equals and defined_name(head) is not None and definition(body):
        used = True  # A = (0, 0), then B = (4, 0): a list of given points
    names = [m.group("name") for m in map(_DEFINITION.match, given) if m]
    if name.startswith(ARROW):  # AB is B - A once A and B (or OA and OB) are given: a claim
        start, stop = name[-2], name[-1]
        if {start, stop} <= set(names) or any(
                {f"{ARROW}{o}{start}", f"{ARROW}{o}{stop}"} <= set(names) for o in _LETTERS):
            return None
        if not definition(pieces[2].text):
            return None
    if definition(pieces[2].text):
        return f"{name} := {pieces[2].text.strip()}" if used else None
    goes_on = len(pieces) >= 5 and pieces[3].rel == "="
    if name in names or not names or not (used or goes_on):
        return None
    body = _spell(pieces[2].text)
    words = re.findall(r"\\?[A-Za-z]+(?:_\{?[0-9]\}?)?", body)
    allowed = {"\\frac", "\\dfrac", "\\tfrac", "\\left", "\\right", "\\sqrt", _DOT, _CROSS}
    if not any(w in names or w.startswith(ARROW) for w in words) or not all(
            w in names or w in allowed or w.startswith(ARROW) for w in words):
        return None  # x = a + 1 with a given: only vectors and numbers make a vector
    return f"{name} := {pieces[2].text.strip()}"


_SCALAR_NAME = re.compile(r"\s*\\?[A-Za-z]+(?:_\{?[0-9A-Za-z]+\}?)?\s*")
_DET_OF_LITERAL = re.compile(r"\\det\s*(?:\\left\s*)?\(?\s*\\begin\s*\{(?P<e>[pb]matrix)\}.*?"
                             r"\\end\s*\{(?P=e)\}", re.DOTALL)


def _names_determinant(pieces: list[_Piece]) -> bool:
    r"""Does the chain start by naming a determinant it goes on to compute (``D = \begin{vmatrix}
    ...\end{vmatrix} = -2``, ``C_{12} = -\det(...) = 20``)? The name labels the number, as
    ``c = 3 + 4 = 7`` does."""
    if len(pieces) < 5 or pieces[0].rel is not None or pieces[1].rel != "=" \
            or pieces[3].rel != "=" or any(p.rel in ("", "<=>", "==>", "<==") for p in pieces):
        return False
    head, body = pieces[0].text, pieces[2].text
    if not _SCALAR_NAME.fullmatch(head) or "vmatrix" not in body and "det" not in body:
        return False
    rest = _DET_OF_LITERAL.sub(" ", body)
    return not re.search(r"\{[pbB]matrix\}|Matrix\s*\(|\[\s*\[", rest)  # not a matrix


def number_definition(text: str) -> str | None:
    """The name of a definition ``D := -3`` that gives a number (a determinant computed on its
    line), else None: later lines may compute with it as with ``c = 3 + 4 = 7``."""
    name, sep, body = text.partition(":=")
    if sep and re.fullmatch(r"\s*-?[0-9]+(?:/[0-9]+)?\s*", body) and _SCALAR_NAME.fullmatch(name):
        return name.strip().replace("{", "").replace("}", "")
    return None


def _determinant_value(body: str) -> str | None:
    """The number a determinant of numbers comes to (``-3``), as text; None otherwise."""
    from proofnb.core.model import CheckOptions
    from proofnb.core.parser import build_env

    try:
        value = _read_side(body.strip(), build_env(CheckOptions(domain="real")), {}, 0, 1)
    except (ParseError, UnsupportedError):
        return None
    if not isinstance(value, sp.Expr) or not value.is_number or value.has(sp.zoo, sp.nan):
        return None
    return str(sp.sstr(sp.nsimplify(value)))


def split_definitions(assume: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The assumptions without matrix definitions (``A := \\begin{pmatrix}...``), and those."""
    rest: list[str] = []
    found: list[str] = []
    names: list[str] = []
    for text in assume:
        m = _DEFINITION.match(text)
        call = _FUNCTION_DEFINITION.match(text)
        if call and definition(call.group("body")):
            found.append(text)  # r(t) := (t, t^2)
            continue
        if m and (definition(m.group("body")) or names and _uses(_spell(m.group("body")), names)):
            found.append(text)  # M := \\frac{A + B}{2} after A and B: a vector too
            names.append(m.group("name"))
        else:
            rest.append(text)
    return tuple(rest), tuple(found)


def _matching(text: str, open_at: int, opening: str, closing: str) -> int | None:
    depth = 0
    for k in range(open_at, len(text)):
        if text[k] == opening:
            depth += 1
        elif text[k] == closing:
            depth -= 1
            if depth == 0:
                return k
    return None


def _split_top(text: str, sep: str) -> list[str]:
    """Split at ``sep`` outside brackets."""
    parts: list[str] = []
    depth = 0
    last = 0
    k = 0
    while k < len(text):
        ch = text[k]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and text.startswith(sep, k):
            parts.append(text[last:k])
            k += len(sep)
            last = k
            continue
        k += 1
    parts.append(text[last:])
    return parts


@dataclasses.dataclass(frozen=True)
class _Ident:
    """``c I``: the identity times c, of the size its neighbours give it (or ``size``)."""

    coef: Any
    size: int | None = None


Value = Any  # a scalar sp.Expr, an sp.ImmutableMatrix, an _Ident, or a statement


class _Reader:
    """Reads one side: literals to placeholders, then computes the parsed tree."""

    def __init__(self, env: MathEnv, parse: Callable[..., Any], line: int, col: int) -> None:
        self.env = env
        self.parse = parse
        self.line = line
        self.col = col
        self.matrices: dict[sp.Symbol, sp.ImmutableMatrix] = {}
        self.identities: dict[sp.Symbol, int | None] = {}
        self.text = ""
        self.notes: list[str] = []  # det A ≠ 0 for an inverse of a matrix with letters
        self.unit_size = 2  # the length of i, j, k (3 in a step that writes k)
        self.scalars: dict[sp.Symbol, sp.Expr] = {}  # AB of two given points: |B - A|

    def fail(self, reason: str) -> MatrixError:
        return MatrixError(self.text, reason, self.line, self.col)

    # -- literals ---------------------------------------------------------------------------
    def literal(self, source: str) -> tuple[sp.ImmutableMatrix, bool]:
        """A literal's matrix, and whether it is a determinant (``vmatrix``)."""
        m = _LATEX_LITERAL.fullmatch(source)
        if m:
            if m.group("env") == "Vmatrix":
                raise self.fail("\\begin{Vmatrix} is a norm: proofnb reads matrices, "
                                "determinants (vmatrix) and det(...)")
            body = m.group("body").strip()
            rows = [r for r in re.split(r"\\\\", body)]
            if rows and not rows[-1].strip():
                rows.pop()  # a trailing \\ ends the last row
            cells = [[e for e in _split_top(r, "&")] for r in rows]
            return self.build(cells), m.group("env") == "vmatrix"
        inner = source
        if source.startswith("Matrix"):
            inner = source[source.index("(") + 1 : -1].strip()
        if not (inner.startswith("[") and inner.endswith("]")):
            raise self.fail("write a matrix as Matrix([[1, 2], [3, 4]]) or [[1, 2], [3, 4]]")
        items = _split_top(inner[1:-1], ",")
        if all(i.strip().startswith("[") and i.strip().endswith("]") for i in items):
            cells = [_split_top(i.strip()[1:-1], ",") for i in items]
        else:  # Matrix([1, 2, 3]) is a column
            cells = [[i] for i in items]
        return self.build(cells), False

    def build(self, cells: list[list[str]]) -> sp.ImmutableMatrix:
        if len(cells) > MAX_SIZE or any(len(r) > MAX_SIZE for r in cells):
            raise UnsupportedError(f"a matrix may have at most {MAX_SIZE} rows and "
                                   f"{MAX_SIZE} columns", self.line)
        widths = {len(r) for r in cells}
        if len(widths) != 1:
            raise self.fail("the rows of a matrix need the same number of entries (rows of "
                            + ", ".join(str(len(r)) for r in cells) + ")")
        entries: list[list[Any]] = []
        for i, row in enumerate(cells, start=1):
            out = []
            for j, cell in enumerate(row, start=1):
                if not cell.strip():
                    raise self.fail(f"entry ({i}, {j}) of a matrix is empty")
                if has_matrices(cell):
                    raise self.fail(f"entry ({i}, {j}) of a matrix is a matrix")
                value = self.parse(cell.strip(), self.env)
                if not isinstance(value, sp.Expr):
                    raise self.fail(f"entry ({i}, {j}) of a matrix is not an expression")
                out.append(value)
            entries.append(out)
        return sp.ImmutableMatrix(entries)

    def prepare(self, text: str, named: dict[str, sp.ImmutableMatrix]) -> str:
        """The text with literals as placeholders and matrix notation spelled for the
        parser; fills ``self.matrices``."""
        self.text = text
        binomial = column_binomial(text) if "binom" in text else None
        if binomial is not None:
            n, k = binomial.group(1), binomial.group(2)
            raise self.fail(f"{binomial.group(0)} is 0 as a binomial coefficient; for a column "
                            f"vector write \\begin{{pmatrix}} {n} \\\\ {k} \\end{{pmatrix}} or "
                            f"({n}, {k})")
        if scannable(text):
            text = spell_projections(spell_operations(text))  # dot(u, v), proj_b a
        if "\\hat" in text and named:  # \hat{v} of a given v: its unit vector
            text = _HAT.sub(lambda m: _unit_of(m, named), text)
        out: list[str] = []
        k = 0
        count = 0
        vectors = scannable(text) and not interval_context(text)  # x \in (0, 1): an interval
        calls = {name.split("(")[0]: (name[2:-1], m) for name, m in named.items() if "(" in name}
        functions = [n for n in self.env.functions if len(n) == 1]
        while k < len(text):
            ch = text[k]
            source: tuple[sp.ImmutableMatrix, bool] | None = None
            end = k
            if ch in "\\M[":
                found = _literal_end(text, k)
                if found is not None:
                    end, literal = found
                    source = self.literal(literal)
            if source is None and ch.isalpha() and calls and not (out and (
                    out[-1].isalpha() or out[-1] == "\\")):
                call = self.call(text, k, calls)
                if call is not None:
                    end, value = call
                    source = value, False
            if source is None and vectors and ch in "(\\⟨[":
                vector = tuple_at(text, k, "".join(out), functions, list(named))
                if vector is not None:
                    end, items = vector
                    given = [_given_name(item, named) for item in items]
                    if len(items) == 2 and all(given) and ch != "(":
                        # \langle u, v \rangle of two given vectors: their inner product
                        out.append(f" ({given[0]} {_DOT_TEXT} {given[1]}) ")
                        k = end
                        continue
                    if any(given):
                        raise self.fail(f"a vector's entries are numbers, not the vector "
                                        f"{next(g for g in given if g)}: write u \\cdot v (or "
                                        f"\\langle u, v \\rangle) for an inner product")
                    source = self.build([[item] for item in items]), False
            if source is not None:
                if text[end:].lstrip().startswith("'"):
                    raise self.fail("a vector's derivative is written \\frac{d}{dt}(t^2, 3t) "
                                    "(entry by entry), not with a prime")
                matrix, determinant = source
                count += 1
                name = f"{_PLACEHOLDER}{count}"
                self.matrices[sp.Symbol(name, commutative=False)] = matrix
                out.append(f" det({name}) " if determinant else f" {name} ")
                k = end
                continue
            out.append(ch)
            k += 1
        for m in NAMED.finditer(text):  # \vec{a} of no given vector: not a number either
            letter = m.group("a") or m.group("b")
            sub = re.match(r"\s*_\{?([0-9])", text[m.end():])  # \mathbf{u}_1
            if sub is not None and f"{letter}_{sub.group(1)}" in named:
                continue
            if letter not in named and letter not in "ijk":
                raise self.fail(f"the vector {m.group(0)} is not given: write it on a line of "
                                f"its own ({m.group(0)} = (1, 2)), or write its components "
                                f"({letter}_1, {letter}_2)")
        spelled = self.distances(_spell("".join(out)), named)
        for name, matrix in named.items():
            if "(" not in name:
                self.matrices[sp.Symbol(name, commutative=False)] = matrix
        for letter, name in UNIT.items():
            if name in spelled:
                position = "ijk".index(letter)
                self.matrices[sp.Symbol(name, commutative=False)] = sp.ImmutableMatrix(
                    [[int(n == position)] for n in range(self.unit_size)])
        for m in re.finditer(ARROW + r"([A-Z])([A-Z])", spelled):
            symbol = sp.Symbol(m.group(0), commutative=False)
            if m.group(0) in named:
                continue
            start, stop = named.get(m.group(1)), named.get(m.group(2))
            for origin in _LETTERS:  # OA and OB given: AB = OB - OA
                if start is None or stop is None:
                    start = named.get(f"{ARROW}{origin}{m.group(1)}")
                    stop = named.get(f"{ARROW}{origin}{m.group(2)}")
            if start is None or stop is None:
                raise self.fail(f"\\overrightarrow{{{m.group(1)}{m.group(2)}}} needs the points "
                                f"{m.group(1)} and {m.group(2)}: give them on lines of their own "
                                f"({m.group(1)} = (1, 2))")
            if start.shape != stop.shape:
                raise self.fail(f"the points {m.group(1)} and {m.group(2)} have different "
                                "numbers of coordinates")
            self.matrices[symbol] = sp.ImmutableMatrix(stop - start)
        return spelled

    def call(self, text: str, start: int, calls: dict[str, tuple[str, sp.ImmutableMatrix]]
             ) -> tuple[int, sp.ImmutableMatrix] | None:
        """(end, value) of ``r(2)`` or ``r'(t)`` at ``start`` for a given vector function r."""
        m = re.compile(r"([A-Za-z])\s*('*)\s*\(").match(text, start)
        if m is None or m.group(1) not in calls:
            return None
        close = _matching(text, m.end() - 1, "(", ")")
        if close is None:
            return None
        name, body = calls[m.group(1)]
        variable = next((s for s in body.free_symbols if s.name == name), sp.Symbol(name))
        for _ in m.group(2):
            body = body.applyfunc(lambda x: sp.diff(x, variable))
        argument = self.parse(text[m.end():close].strip(), self.env)
        if not isinstance(argument, sp.Expr):
            raise self.fail(f"{m.group(1)}(...) needs a number or an expression")
        return close + 1, sp.ImmutableMatrix(body.xreplace({variable: argument}))

    def distances(self, text: str, named: dict[str, sp.ImmutableMatrix]) -> str:
        """``AB`` of two given points (``A = (1, 2)``) is their distance, as geometry writes it
        (``|AB| = 5``, ``AB^2 = AC^2 + BC^2``): two columns have no product."""
        points = {n for n, m in named.items() if len(n) == 1 and n.isupper() and m.cols == 1
                  and m.rows > 1}

        def distance(m: re.Match[str]) -> str:
            a, b = named.get(m.group(1)), named.get(m.group(2))
            if m.group(1) not in points or m.group(2) not in points or a is None or b is None \
                    or a.shape != b.shape:
                return m.group(0)
            name = f"{_DISTANCE}{m.group(1)}{m.group(2)}"
            self.scalars[sp.Symbol(name, commutative=False)] = norm(
                sp.ImmutableMatrix(b - a), self.env.domain == "real")
            return f" {name} "

        if len(points) < 2:
            return text
        return re.sub(r"(?<![A-Za-z0-9\\_])([A-Z])([A-Z])(?![A-Za-z0-9_])", distance, text)

    # -- computing --------------------------------------------------------------------------
    def value(self, e: Any) -> Value:
        if isinstance(e, sp.Symbol):
            if e in self.matrices:
                return self.matrices[e]
            if e in self.scalars:
                return self.scalars[e]
            if e in self.identities:
                return _Ident(sp.Integer(1), self.identities[e])
            if e.name in (_TRANSPOSE, _CROSS):
                raise self.fail("^T (transpose) and \\times (cross product) apply to matrices "
                                "and vectors")
            if e.name == _DOT:
                raise self.fail("\\cdot needs a factor on each side")
            return e
        if not self._involves(e):
            return _evaluated(e)
        if isinstance(e, sp.Add):
            return self.add([self.value(a) for a in e.args])
        if isinstance(e, sp.Mul):
            return self.mul(list(e.args))
        if isinstance(e, sp.Pow):
            return self.power(e)
        if isinstance(e, sp.Function) and type(e).__name__ in _MATRIX_FUNCTIONS:
            return self.unary(type(e).__name__, self.value(e.args[0]))
        if isinstance(e, sp.Equality):
            return self.equation(self.value(e.lhs), self.value(e.rhs))
        if isinstance(e, sp.core.relational.Relational):
            sides = [self.value(a) for a in e.args]
            if not any(isinstance(v, (sp.MatrixBase, _Ident)) for v in sides):
                return e.func(*sides)  # |(x, y)| <= 1: lengths are numbers
            raise self.fail(f"matrices and vectors are compared with = only, not {e.rel_op}: "
                            "compare lengths (|u| <= |v|) or entries")
        if isinstance(e, (sp.And, sp.Or, sp.Not)):
            return type(e)(*[self.value(a) for a in e.args])
        if isinstance(e, sp.Abs):
            inner = self.value(e.args[0])
            if isinstance(inner, sp.MatrixBase) and min(inner.shape) == 1:
                return norm(inner, self.env.domain == "real")  # |v|: the length of v
            if not isinstance(inner, (sp.MatrixBase, _Ident)):
                return sp.Abs(inner)
            raise self.fail("|A| of a matrix: write det(A) (or \\det A) for its determinant")
        if isinstance(e, sp.Derivative):  # d/dt (t^2, 3t): entry by entry
            inner = self.value(e.expr)
            variables = [v for v, _ in e.variable_count]
            if not isinstance(inner, (sp.MatrixBase, _Ident)):
                return sp.Derivative(inner, *e.variable_count)
            if isinstance(inner, sp.MatrixBase) and all(v in inner.free_symbols
                                                        for v in variables):
                return inner.applyfunc(lambda x: sp.Derivative(x, *e.variable_count))
        if isinstance(e, sp.Integral):  # \int_0^1 (2t, 3) dt: entry by entry
            inner = self.value(e.function)
            if isinstance(inner, sp.MatrixBase):
                return inner.applyfunc(lambda x: sp.Integral(x, *e.limits))
            if not isinstance(inner, _Ident):
                return sp.Integral(inner, *e.limits)
        if isinstance(e, (sp.Derivative, sp.Subs)):
            raise self.fail("A' is a derivative: write A^T for the transpose")
        if isinstance(e, sp.Function) and e.args:  # arccos(u · v / (|u||v|)): of a number
            args = [self.value(a) for a in e.args]
            if not any(isinstance(a, (sp.MatrixBase, _Ident)) for a in args):
                return e.func(*args)
        name = getattr(e.func, "__name__", type(e).__name__)
        raise self.fail(f"{name} of a matrix is not defined here: proofnb computes sums, "
                        "products, powers, det, tr, transposes and inverses of matrices")

    def _involves(self, e: Any) -> bool:
        if e.has(*_FUNCTION_CLASSES):
            return True
        return any(not s.is_commutative or s.name in (_TRANSPOSE, _CROSS, _DOT)
                   for s in e.free_symbols if isinstance(s, sp.Symbol))

    def add(self, values: list[Value]) -> Value:
        total: Value = sp.Integer(0)
        for v in values:
            total = self.plus(total, v)
        return total

    def plus(self, a: Value, b: Value) -> Value:
        a_mat, b_mat = isinstance(a, sp.MatrixBase), isinstance(b, sp.MatrixBase)
        if isinstance(a, _Ident) and isinstance(b, _Ident):
            return _Ident(a.coef + b.coef, a.size or b.size)
        if isinstance(a, _Ident) or isinstance(b, _Ident):
            ident, other = (a, b) if isinstance(a, _Ident) else (b, a)
            if isinstance(other, sp.MatrixBase):
                return other + ident.coef * self.eye(ident, other.rows, other.cols)
            if other == 0:
                return ident
            raise self.fail("a number added to the identity I: write c I for a multiple of I")
        if a_mat and b_mat:
            if a.shape != b.shape:
                if a.cols == b.cols == 1:
                    raise self.fail(f"vectors of {a.rows} and {b.rows} entries cannot be added: "
                                    "their sizes differ")
                raise self.fail(f"a {_shape(a)} matrix and a {_shape(b)} matrix cannot be "
                                "added: their sizes differ")
            return self.check_size(a + b)
        if a_mat or b_mat:
            mat, other = (a, b) if a_mat else (b, a)
            if other == 0:
                return mat
            if mat.cols == 1:
                raise self.fail(f"a number and a vector of {mat.rows} entries cannot be added: "
                                "add a vector of the same size, or multiply (3(1, 2))")
            raise self.fail(f"a number and a {_shape(mat)} matrix cannot be added (write "
                            "c I for a multiple of the identity)")
        return a + b

    def eye(self, ident: _Ident, rows: int, cols: int) -> sp.ImmutableMatrix:
        if rows != cols:
            raise self.fail(f"the identity I cannot be added to a {rows}×{cols} matrix: "
                            "it is not square")
        if ident.size is not None and ident.size != rows:
            raise self.fail(f"I_{ident.size} and a {rows}×{cols} matrix have different sizes")
        return sp.ImmutableMatrix(sp.eye(rows))

    def mul(self, args: list[Any]) -> Value:
        product: Value = sp.Integer(1)
        cross = dot = False
        started = False
        for arg in args:
            if isinstance(arg, sp.Symbol) and arg.name == _CROSS:
                cross = started
                continue
            if isinstance(arg, sp.Symbol) and arg.name == _DOT:
                dot = started
                continue
            v = self.value(arg)
            pending = (cross or dot) and isinstance(product, sp.MatrixBase) and \
                not isinstance(v, (sp.MatrixBase, _Ident))
            product = self.times(product, v, cross, dot)
            if not pending:  # u \cdot \frac{1}{2} v: the product waits for the vector
                cross = dot = False
            started = True
        return product

    def times(self, a: Value, b: Value, cross: bool = False, dot: bool = False) -> Value:
        a_mat, b_mat = isinstance(a, sp.MatrixBase), isinstance(b, sp.MatrixBase)
        if isinstance(a, _Ident) and isinstance(b, _Ident):
            return _Ident(a.coef * b.coef, a.size or b.size)
        if isinstance(a, _Ident):
            if b_mat:
                return self.check_size(a.coef * self.eye(a, b.rows, b.rows) * b) \
                    if a.size is not None else b * a.coef
            return _Ident(a.coef * b, a.size)
        if isinstance(b, _Ident):
            if a_mat:
                return self.check_size(a * b.coef * self.eye(b, a.cols, a.cols)) \
                    if b.size is not None else a * b.coef
            return _Ident(b.coef * a, b.size)
        if a_mat and b_mat:
            if cross:
                if _is_vector(a, 3) and _is_vector(b, 3):
                    cx = _column(a).cross(_column(b))
                    return sp.ImmutableMatrix(cx if a.cols == 1 else cx.T)
                if a.cols == b.cols == 1:
                    raise self.fail(f"\\times of vectors of {a.rows} and {b.rows} entries: the "
                                    "cross product takes two vectors of length 3 (in the "
                                    "plane, write (a, b, 0))")
                raise self.fail(f"\\times of a {_shape(a)} and a {_shape(b)} matrix: the cross "
                                "product takes two vectors of length 3")
            vectors = min(a.shape) == 1 and min(b.shape) == 1
            if dot and vectors and len(a) == len(b) and (a.cols, b.rows) != (1, 1):
                if self.env.domain != "real" and not all(x.is_real for x in (*a, *b)):
                    raise self.fail("u \\cdot v of complex vectors: conventions differ (the sum "
                                    "of u_k v_k, or of u_k \\bar{v}_k); write the sum out")
                return sp.Add(*[x * y for x, y in zip(a, b, strict=True)])  # u · v
            if a.cols == b.rows:
                return self.check_size(a * b)
            if a.shape == b.shape and min(a.shape) == 1:
                raise self.fail("two vectors side by side: write u \\cdot v for the dot "
                                "product, u \\times v for the cross product, and "
                                "|\\overrightarrow{AB}| (or |B - A|) for the distance AB")
            raise self.fail(f"a {_shape(a)} matrix times a {_shape(b)} matrix is not defined: "
                            f"{a.cols} columns against {b.rows} rows")
        if a_mat or b_mat:  # entry by entry: SymPy's matrix * zoo keeps 0 entries as 0
            mat, scalar = (a, b) if a_mat else (b, a)
            return self.check_size(mat.applyfunc(lambda x: x * scalar if a_mat else scalar * x))
        return a * b

    def power(self, e: sp.Pow) -> Value:
        base = self.value(e.base)
        exponent = e.exp
        if isinstance(exponent, sp.Symbol) and exponent.name == _TRANSPOSE:
            if isinstance(base, _Ident):
                return base
            if not isinstance(base, sp.MatrixBase):
                raise self.fail("^T (the transpose) applies to a matrix or a vector")
            return base.T
        if self._involves(exponent):
            raise self.fail("a matrix cannot be an exponent")
        n = _evaluated(exponent)
        if not isinstance(base, (sp.MatrixBase, _Ident)):
            return sp.Pow(base, n)
        if not isinstance(n, sp.Integer) and isinstance(base, sp.MatrixBase) \
                and isinstance(n, sp.Expr) and n.free_symbols:
            return self.letter_power(base, n)
        if not (isinstance(n, sp.Integer)):
            raise self.fail(f"a matrix power needs a whole-number exponent, not {n}")
        if abs(int(n)) > MAX_POWER:
            raise UnsupportedError(f"a matrix exponent may be at most {MAX_POWER} "
                                   f"(got {n})", self.line)
        if isinstance(base, _Ident):
            if base.coef == 0 and n < 0:
                raise self.fail("0 I has no inverse")
            return _Ident(base.coef ** n, base.size)
        if base.rows != base.cols and min(base.shape) == 1:
            raise self.fail("a power of a vector is not defined: write |v|^2 (or v \\cdot v) "
                            "for the square of its length")
        if base.rows != base.cols:
            raise self.fail(f"a power of a {_shape(base)} matrix is not defined: it is not "
                            "square")
        if n < 0:
            base = self.inverse(base)
            n = -n
        result = sp.ImmutableMatrix(sp.eye(base.rows))
        square = base
        k = int(n)
        while k:
            if k & 1:
                result = self.check_size(result * square)
            k >>= 1
            if k:
                square = self.check_size(square * square)
        return result

    def letter_power(self, base: sp.ImmutableMatrix, n: sp.Expr) -> sp.ImmutableMatrix:
        """``A^n`` of a square matrix of numbers, n a declared whole number: the closed form
        SymPy finds from the eigenvalues (Jordan form), valid for every whole n where it is
        defined (a singular A: n >= 0)."""
        if not n.is_integer:
            raise self.fail(f"a matrix power needs a whole-number exponent: declare {n} "
                            f"one (assume {n} integer, {n} >= 0, or {n} ∈ ℕ)"
                            if isinstance(n, sp.Symbol) else
                            f"a matrix power needs a whole-number exponent, not {n}")
        if base.rows != base.cols or base.free_symbols or base.rows > 3:
            raise self.fail(f"A^{n} with a letter exponent is computed for a square matrix "
                            "of numbers up to 3×3: write the power for a few n, or by induction")
        try:
            result = sp.Matrix(base) ** n
        except (ValueError, NotImplementedError, sp.MatrixError):
            result = None
        if not isinstance(result, sp.MatrixBase) or any(
                entry.has(sp.MatPow, sp.MatrixSymbol, sp.Piecewise) for entry in result):
            raise self.fail(f"no closed form of this matrix to the power {n} here: write the "
                            "power for a few n, or prove it by induction")
        return self.check_size(sp.ImmutableMatrix(result.applyfunc(sp.simplify)))

    def inverse(self, m: sp.ImmutableMatrix) -> sp.ImmutableMatrix:
        d = m.det(method="berkowitz")
        if sp.expand(d) == 0:
            raise self.fail(f"the {_shape(m)} matrix is singular (its determinant is 0): "
                            "its inverse is undefined")
        if d.free_symbols:
            from proofnb.core.usertext import user_text

            self.notes.append(f"{user_text(d)} ≠ 0")
        adj = m.adjugate(method="berkowitz")
        return self.check_size(sp.ImmutableMatrix(m.rows, m.cols,
                                                  [sp.Mul(a, sp.Pow(d, -1)) for a in adj]))

    def unary(self, name: str, v: Value) -> Value:
        if isinstance(v, _Ident):
            if v.size is None:
                raise self.fail(f"{name}(I) needs the size of I: write I_2, I_3")
            v = v.coef * sp.ImmutableMatrix(sp.eye(v.size))
        if not isinstance(v, sp.MatrixBase):
            raise self.fail(f"{name} applies to a square matrix, not to a number")
        if name in ("rank", "rref"):
            if v.free_symbols:  # the rank of [[1, 2], [2, k]] depends on k
                raise self.fail(f"{name} of a matrix with letters depends on their values: "
                                "write det(...) = 0 or the row reduction step by step")
            if name == "rank":
                return sp.Integer(sp.Matrix(v).rank())
            return sp.ImmutableMatrix(sp.Matrix(v).rref()[0])
        if v.rows != v.cols:
            raise self.fail(f"{name} of a {_shape(v)} matrix is not defined: it is not square")
        if name == "adj":
            return self.check_size(v.adjugate(method="berkowitz"))
        return v.det(method="berkowitz") if name == "det" else v.trace()

    def equation(self, a: Value, b: Value) -> Value:
        a, b = self.comparable(a, b)
        if isinstance(a, sp.MatrixBase):
            return sp.And(*[sp.Eq(x, y) for x, y in zip(a, b, strict=True)])
        return sp.Eq(a, b)

    def comparable(self, a: Value, b: Value) -> tuple[Value, Value]:
        """Two sides of one shape: 0 is the zero matrix, I the identity of the other side's
        size, a 1×1 matrix compared with a number is its entry."""
        if isinstance(a, _Ident) and isinstance(b, _Ident):
            size = a.size or b.size
            if size is None:
                return a.coef, b.coef
            a, b = a.coef * sp.eye(size), b.coef * sp.eye(size)
        if isinstance(a, _Ident) and isinstance(b, sp.MatrixBase):
            a = a.coef * self.eye(a, b.rows, b.cols)
        if isinstance(b, _Ident) and isinstance(a, sp.MatrixBase):
            b = b.coef * self.eye(b, a.rows, a.cols)
        if isinstance(a, _Ident) or isinstance(b, _Ident):
            raise self.fail("I is a matrix: the other side is a number")
        a_mat, b_mat = isinstance(a, sp.MatrixBase), isinstance(b, sp.MatrixBase)
        if a_mat and b_mat:
            if a.shape != b.shape:
                raise self.fail(f"the left side is a {_shape(a)} matrix, the right side a "
                                f"{_shape(b)} matrix")
            return sp.ImmutableMatrix(a), sp.ImmutableMatrix(b)
        if a_mat or b_mat:
            mat, other = (a, b) if a_mat else (b, a)
            if mat.shape == (1, 1):
                return (mat[0, 0], other) if a_mat else (other, mat[0, 0])
            if other == 0:
                zero = sp.ImmutableMatrix(sp.zeros(mat.rows, mat.cols))
                return (mat, zero) if a_mat else (zero, mat)
            side = "left" if a_mat else "right"
            if mat.cols == 1:
                raise self.fail(f"the {side} side is a vector of {mat.rows} entries, the other "
                                "side a number: compare its length |v|, or name the vector "
                                "on a line of its own (A = (1, 2)) if it is a given point")
            raise self.fail(f"the {side} side is a {_shape(mat)} matrix, the other side a "
                            "number")
        return a, b

    def check_size(self, m: Any) -> Any:
        if isinstance(m, sp.MatrixBase) and sum(sp.count_ops(x) for x in m) > MAX_ENTRY_OPS:
            raise UnsupportedError("the matrix entries grow too large to compute here; "
                                   "write an intermediate line", self.line)
        return sp.ImmutableMatrix(m) if isinstance(m, sp.MatrixBase) else m


#: ``\hat{v}`` (``\hat v``, ``\hat{\mathbf{v}}``): the unit vector of a given vector.
_HAT = re.compile(r"\\hat\s*(?:\{\s*(?:\\(?:vec|mathbf|boldsymbol|bm)\s*\{?\s*)?(?P<a>[A-Za-z])"
                  r"\s*\}?\s*\}|\s+(?P<b>[A-Za-z])(?![A-Za-z]))")


def _unit_of(m: re.Match[str], named: dict[str, sp.ImmutableMatrix]) -> str:
    letter = m.group("a") or m.group("b")
    vector = named.get(letter)
    if vector is None or min(vector.shape) != 1:
        return m.group(0)  # \hat{i}: a unit vector of its own
    return rf"\left(\frac{{{letter}}}{{|{letter}|}}\right)"


def _shape(m: Any) -> str:
    return f"{m.rows}×{m.cols}"


def _is_vector(m: Any, n: int) -> bool:
    return bool(m.shape in ((n, 1), (1, n)))


def _column(m: Any) -> sp.Matrix:
    return sp.Matrix(m) if m.cols == 1 else sp.Matrix(m).T


def _evaluated(e: Any) -> Any:
    """An unevaluated scalar tree rebuilt with SymPy's evaluation."""
    if not isinstance(e, sp.Basic) or not e.args or isinstance(e, (sp.Integer, sp.Rational)):
        return e
    try:
        return e.func(*[_evaluated(a) for a in e.args])
    except TypeError:
        return e


_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        (r"\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\mathsf\s*\{\s*T\s*\}|\\mathrm\s*\{\s*T\s*\})"
         r"\s*\}|T(?![A-Za-z0-9_])|\\top(?![A-Za-z])|\\intercal(?![A-Za-z])"
         r"|\\mathsf\s*\{\s*T\s*\}|\\mathrm\s*\{\s*T\s*\})", "^{" + _TRANSPOSE + "}"),
        (r"\\(?:operatorname|mathrm|text|mathop)\s*\{\s*det\s*\}|\\det(?![A-Za-z])", " det"),
        (r"\\(?:operatorname|mathrm|text|mathop)\s*\{\s*(?:tr|Tr|trace)\s*\}|\\tr(?![A-Za-z])"
         r"|(?<![A-Za-z\\])(?:Tr|trace)(?=\s*\()", " tr"),
        (r"\\(?:operatorname|mathrm|text|mathop)\s*\{\s*(adj|rank|rref)\s*\}", r" \1"),
        (r"(?<![A-Za-z\\])adjugate(?=\s*\()", " adj"),
        (r"\\(?:vec|mathbf|boldsymbol|bm|underline)\s*\{\s*([A-Za-z])\s*\}"
         r"\s*_(?:\{([0-9])\}|([0-9]))", r" \1_\2\3 "),  # \mathbf{u}_1: the name u_1
        (r"\\(?:vec|mathbf|boldsymbol|bm|underline)\s*\{\s*([A-Za-z0-9])\s*\}", r" \1 "),
        (r"\\(?:vec|mathbf|boldsymbol|bm)\s+([A-Za-z])(?![A-Za-z])", r" \1 "),
        (r"\\times(?![A-Za-z])|×", f" * {_CROSS} * "),
        (r"\\cdot(?![A-Za-z])|·|⋅|\\bullet(?![A-Za-z])|∙", f" * {_DOT} * "),
    ))
#: ``det A``, ``\det A^{-1}``, ``tr A^2``: the function of the matrix right after it.
_BARE_CALL = re.compile(
    r"(?<![A-Za-z])(det|tr|adj|rank|rref)\s+(?!\()((?:" + _PLACEHOLDER
    + r"[0-9]+|[A-Za-z](?:_[0-9])?)"
    r"(?:\s*\^\s*(?:\{[^{}]*\}|[0-9A-Za-z]))?)")


def _spell(text: str) -> str:
    text = spell_units(text)
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return _BARE_CALL.sub(r"\1(\2)", text)


_DOT_TEXT = "\\cdot"


def _given_name(item: str, named: dict[str, sp.ImmutableMatrix]) -> str | None:
    """The given vector or matrix an entry names on its own (``u``, ``\\vec{u}``), else None."""
    name = defined_name(item.strip())
    return name if name is not None and name in named else None


class _Det(sp.Function):  # type: ignore[misc]
    nargs = 1


class _Tr(sp.Function):  # type: ignore[misc]
    nargs = 1


class _Adj(sp.Function):  # type: ignore[misc]
    nargs = 1


class _Rank(sp.Function):  # type: ignore[misc]
    nargs = 1


class _Rref(sp.Function):  # type: ignore[misc]
    nargs = 1


_Det.__name__ = "det"
_Tr.__name__ = "tr"
_Adj.__name__ = "adj"
_Rank.__name__ = "rank"
_Rref.__name__ = "rref"
_FUNCTION_CLASSES = (_Det, _Tr, _Adj, _Rank, _Rref)


def _reading_env(env: MathEnv, names: Sequence[str], literal_count: int,
                 arrows: Sequence[str] = ()) -> tuple[
        MathEnv, dict[sp.Symbol, int | None]]:
    symbols = dict(env.symbols)
    for name in names:
        symbols[name] = sp.Symbol(name, commutative=False)
    for k in range(1, literal_count + 1):
        symbols[f"{_PLACEHOLDER}{k}"] = sp.Symbol(f"{_PLACEHOLDER}{k}", commutative=False)
    identities: dict[sp.Symbol, int | None] = {}
    for name, size in [("I", None)] + [(f"I_{n}", n) for n in range(1, MAX_SIZE + 1)]:
        if name not in names:
            symbols[name] = sp.Symbol(name, commutative=False)
            identities[symbols[name]] = size
    symbols[_TRANSPOSE] = sp.Symbol(_TRANSPOSE)
    symbols[_CROSS] = sp.Symbol(_CROSS, commutative=False)
    symbols[_DOT] = sp.Symbol(_DOT, commutative=False)
    for name in (*UNIT.values(), *arrows):
        symbols[name] = sp.Symbol(name, commutative=False)
    functions = dict(env.functions)
    for cls in _FUNCTION_CLASSES:
        functions[cls.__name__] = cls
    return MathEnv(symbols, functions, env.conditions, env.domain), identities


def _read_side(text: str, env: MathEnv, named: dict[str, sp.ImmutableMatrix], line: int,
               col: int, notes: list[str] | None = None, units: int = 2,
               found: list[bool] | None = None) -> Value:
    from proofnb.core.parser import parse_math

    def parse(t: str, e: MathEnv) -> Any:
        return parse_math(t, e, line=line, col=col)

    reader = _Reader(env, parse, line, col)
    reader.unit_size = units
    spelled = reader.prepare(text, named)
    literals = sum(1 for s in reader.matrices if s.name.startswith(_PLACEHOLDER))
    arrows = [s.name for s in (*reader.matrices, *reader.scalars)
              if s.name.startswith((ARROW, _DISTANCE))]
    reading, reader.identities = _reading_env(env, [n for n in named if "(" not in n],
                                              literals, arrows)
    try:
        parse_math(spelled, reading, line=line, col=col)  # sizes are checked on this form
        tree = parse_math(spelled, reading, line=line, col=col, evaluate=False)
    except ParseError as exc:  # the message in the cell's words, not the placeholders'
        if exc.text.strip() == text.strip() or not re.search(_PLACEHOLDERS, exc.reason
                                                              + exc.text):
            raise
        raise ParseError(text, re.sub(_PLACEHOLDERS, _written, exc.reason), line, col) \
            from None
    if found is not None:
        found.append(tree.has(*_FUNCTION_CLASSES) or any(
            s in reader.matrices or s in reader.identities or s in reader.scalars
            for s in tree.free_symbols))
    value = reader.value(tree)
    if notes is not None:
        notes.extend(reader.notes)
    return value


#: The names matrices.py gives notation it reads itself (never shown in a message).
_PLACEHOLDERS = (rf"{_PLACEHOLDER}[0-9]+|{_DOT}|{_CROSS}|{_TRANSPOSE}|{ARROW}[A-Z]{{2}}"
                 rf"|{_DISTANCE}[A-Z]{{2}}|" + "|".join(UNIT.values()))


def _written(m: re.Match[str]) -> str:
    name = m.group(0)
    if name.startswith(_PLACEHOLDER):
        return "the vector"
    if name.startswith(ARROW):
        return f"\\overrightarrow{{{name[-2:]}}}"
    if name.startswith(_DISTANCE):
        return name[-2:]
    units = {v: f"\\mathbf{{{k}}}" for k, v in UNIT.items()}
    return units.get(name) or {_DOT: "\\cdot", _CROSS: "\\times", _TRANSPOSE: "T"}[name]


def _named(definitions: Sequence[str], env: MathEnv) -> dict[str, sp.ImmutableMatrix]:
    named: dict[str, sp.ImmutableMatrix] = {}
    for text in definitions:
        m = _DEFINITION.match(text)
        call = _FUNCTION_DEFINITION.match(text)
        if call is not None and m is None:  # r(t) := (t, t^2), kept as "r(t)"
            value = _read_side(call.group("body").strip(), env, {}, 0, 1)
            if isinstance(value, sp.MatrixBase):
                named[f"{call.group('name')}({call.group('arg')})"] = sp.ImmutableMatrix(value)
            continue
        if m is None:
            continue
        value = _read_side(m.group("body").strip(), env, dict(named), 0, 1)
        if isinstance(value, sp.MatrixBase):
            named[m.group("name")] = sp.ImmutableMatrix(value)
    return named


def _bases(named: dict[str, sp.ImmutableMatrix]) -> list[str]:
    """The given names, a vector function ``r(t)`` as ``r``."""
    return [name.split("(", 1)[0] for name in named]


def _uses(text: str, names: Sequence[str]) -> bool:
    """Does ``text`` use one of ``names``: as a word, or as a letter of a word of up to three
    letters (``AB`` is A times B)?"""
    words = re.findall(r"(?<![\\A-Za-z])[A-Za-z]+(?:_\{?[0-9]\}?)?", text)
    ends = [letter for w in words if w.startswith(ARROW) for letter in w[len(ARROW):]]
    if any(n.startswith(ARROW) and n[-1] in ends for n in names):
        return True  # OA given, AB used: AB = OB - OA
    words += ends
    return any(w.replace("{", "").replace("}", "") == n or (
        "_" not in n and w.isalpha() and len(w) <= 3 and n in w) for w in words for n in names)


def decide_matrix_step(spec: StepSpec, env: MathEnv, definitions: Sequence[str], *,
                       seed: int, deadline: float) -> Outcome | None:
    """Decide a step that writes matrices; None when it has none after all (the ordinary
    path then decides it)."""
    named = _named(definitions, env) if definitions else {}
    texts = (spec.lhs, spec.rhs, spec.origin)
    if not has_matrices(*texts) and not (named and _uses(" ".join(texts), _bases(named))):
        return None
    lhs_line = spec.lhs_line or spec.line
    notes: list[str] = []
    found: list[bool] = []
    lengths = [len(v) for v in named.values() if min(v.shape) == 1]
    lengths += [len(tuple_at(t, m.start(), "", ())[1]) for t in texts  # type: ignore[index]
                for m in re.finditer(r"\(|\\langle|⟨", t) if tuple_at(t, m.start(), "", ())]
    units = unit_size([spell_units(t) for t in texts], lengths)
    if spec.relation == "≈":  # |(1, 2)| ≈ 2.236: the length is a number
        return _rounding(spec, env, named, units, found)
    lhs = _read_side(spec.lhs, env, named, lhs_line, 1, notes, units, found)
    rhs = _read_side(spec.rhs, env, named, spec.line, spec.col, notes, units, found)
    origin = lhs if spec.origin.strip() == spec.lhs.strip() else \
        _read_side(spec.origin, env, named, lhs_line, 1, notes, units, found)
    if not any(found):  # f(x, y) with f a function: no vector after all
        return None
    from proofnb.core.probability import quantity_text
    quantities = quantity_text(" ".join(texts))
    if quantities:  # (P(A) + P(A'), 0): P(A') is 1 - P(A) in a vector too
        lhs, rhs, origin = (_with_quantities(v, env) for v in (lhs, rhs, origin))
    outcome = _decide_read(spec, env, lhs, rhs, origin, seed, deadline)
    if quantities and outcome.status == "refuted":  # a quantity without a value is no witness
        from proofnb.core.probability import guarded
        outcome = guarded(outcome, (_flat(lhs), _flat(rhs)), env.conditions, "vector")
    if notes and outcome.status in ("proved", "likely"):
        kept = tuple(dict.fromkeys((*outcome.notes, *notes)))
        return dataclasses.replace(outcome, notes=kept)
    return outcome


def _with_quantities(value: Value, env: MathEnv) -> Value:
    """``value`` with each quantity written by its definition (core/probability.py)."""
    from proofnb.core.probability import expanded

    def one(x: Any) -> Any:
        return expanded((x,), (x,), env.conditions)[0][0] if isinstance(x, sp.Basic) else x

    if isinstance(value, sp.MatrixBase):
        return sp.ImmutableMatrix(value.applyfunc(one))
    return value if isinstance(value, _Ident) else one(value)


def _flat(value: Value) -> Any:
    """A side as one SymPy object whose free symbols are its entries' (for the guard)."""
    if isinstance(value, sp.MatrixBase):
        return sp.Tuple(*value)
    return value.coef if isinstance(value, _Ident) else value


def _rounding(spec: StepSpec, env: MathEnv, named: dict[str, sp.ImmutableMatrix], units: int,
              found: list[bool]) -> Outcome | None:
    """``lhs ≈ rhs`` where one side computes a number from vectors."""
    from proofnb.core.rounding import decide_rounding

    places = ((spec.lhs_line or spec.line, 1), (spec.line, spec.col))
    values: list[Any] = []

    def parse(text: str, side: int) -> Any:
        value = _read_side(text, env, named, *places[side], None, units, found)
        if isinstance(value, (sp.MatrixBase, _Ident)):
            raise MatrixError(text, "≈ compares a number with a decimal, not a vector or a "
                              "matrix", *places[side])
        values.append(value)
        return value

    outcome = decide_rounding(spec.lhs, spec.rhs, parse)
    if not any(found):
        return None
    if outcome.status == "error":
        raise ParseError(f"{spec.lhs} ≈ {spec.rhs}", outcome.message, spec.line, spec.col)
    return outcome


def _decide_read(spec: StepSpec, env: MathEnv, lhs: Value, rhs: Value, origin: Value,
                 seed: int, deadline: float) -> Outcome:
    from proofnb.core.decide import decide

    real = env.domain == "real"
    common: dict[str, Any] = {"conditions": tuple(env.conditions), "real": real, "seed": seed}
    if spec.relation in ("<=>", "==>", "<=="):
        return decide(spec.relation, lhs, rhs, origin, deadline=deadline,
                      texts=(spec.origin, spec.lhs, spec.rhs, spec.relation), **common)
    reader = _Reader(env, lambda t, e: None, spec.line, spec.col)
    reader.text = f"{spec.lhs} {spec.relation} {spec.rhs}"
    left, right = reader.comparable(lhs, rhs)
    if not isinstance(left, sp.MatrixBase):
        if isinstance(origin, (sp.MatrixBase, _Ident)):
            origin = left
        return decide(spec.relation, left, right, origin, deadline=deadline,
                      texts=(spec.origin, spec.lhs, spec.rhs, spec.relation), **common)
    if spec.relation != "=":
        if min(left.shape) == 1:
            raise reader.fail(f"vectors are compared with = only, not {spec.relation}: compare "
                              "their lengths (|u| < |v|) or their entries")
        raise reader.fail(f"matrices are compared with = only, not {spec.relation}")
    if isinstance(origin, _Ident) or (isinstance(origin, sp.MatrixBase)
                                      and origin.shape != left.shape):
        origin = left
    if not isinstance(origin, sp.MatrixBase):
        origin = left
    return _entrywise(left, right, sp.ImmutableMatrix(origin), spec, common, deadline)


def _entrywise(left: sp.ImmutableMatrix, right: sp.ImmutableMatrix,
               origin: sp.ImmutableMatrix, spec: StepSpec, common: dict[str, Any],
               deadline: float) -> Outcome:
    import time

    from proofnb.core.decide import Outcome, decide

    outcomes: list[tuple[tuple[int, int], Outcome]] = []
    cells = [(i, j) for i in range(left.rows) for j in range(left.cols)]
    for n, (i, j) in enumerate(cells):
        share = (deadline - time.monotonic()) / (len(cells) - n)
        out = decide("=", left[i, j], right[i, j], origin[i, j],
                     deadline=time.monotonic() + max(0.05, share),
                     texts=(spec.origin, spec.lhs, spec.rhs, f"= ({i}, {j})"), **common)
        if out.status == "refuted" and out.counterexample is not None:
            if _defined_at(out.counterexample.point, (left, right, origin),
                           bool(common.get("real", True))):
                where = f"entry ({i + 1}, {j + 1})"
                text = out.counterexample.text
                cx = dataclasses.replace(out.counterexample,
                                         text=f"{where}: {text}" if text else where)
                return dataclasses.replace(out, counterexample=cx)
            out = Outcome("unknown", "matrix", message="an entry differs where another "
                                                       "entry is undefined")
        outcomes.append(((i, j), out))
    for (i, j), out in outcomes:
        if out.status in ("error", "refuted"):
            message = f"entry ({i + 1}, {j + 1}): {out.message}" if out.message else \
                f"entry ({i + 1}, {j + 1})"
            return dataclasses.replace(out, message=message)
    statuses = [o.status for _, o in outcomes]
    notes = tuple(dict.fromkeys(n for _, o in outcomes for n in o.notes))
    flags = tuple(dict.fromkeys(f for _, o in outcomes for f in o.flags))
    if all(s == "proved" for s in statuses):
        methods = sorted({o.method for _, o in outcomes})
        return Outcome("proved", "matrix: " + ", ".join(methods), notes=notes, flags=flags)
    worst = "unknown" if "unknown" in statuses else "likely"
    first = next(o for _, o in outcomes if o.status == worst)
    return dataclasses.replace(first, notes=notes, flags=flags)


def _defined_at(point: tuple[tuple[str, str], ...], matrices: Sequence[Any],
                real: bool = True) -> bool:
    """Is every entry of ``matrices`` finite (and real, in the real domain) at the witness
    ``point``?"""
    values = {}
    for m in matrices:
        for s in m.free_symbols:
            for name, text in point:
                if s.name == name:
                    values[s] = sp.Rational(text) if re.fullmatch(r"-?[0-9]+(?:/[0-9]+)?",
                                                                 text) else None
    if any(v is None for v in values.values()):
        return True  # a witness in other numbers: the engine confirmed it
    for m in matrices:
        for entry in m:
            try:
                v = entry.xreplace(values)
                if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
                    return False
                if v.free_symbols:
                    continue
                if real and v.is_real is False:  # i is a number in complex mode
                    return False
            except (ZeroDivisionError, TypeError, ValueError):
                return False
    return True
