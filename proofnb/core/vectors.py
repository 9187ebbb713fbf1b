"""Vector notation for :mod:`proofnb.core.matrices`: tuples, angle brackets, unit vectors,
``\\overrightarrow{AB}`` and magnitudes.

A vector is written as a tuple ``(1, 2)``, ``\\left(a, b\\right)``, in angle brackets
``\\langle 1, 2 \\rangle`` or ``⟨1, 2⟩``, in i/j/k form with marked unit vectors
(``3\\mathbf{i} + 4\\mathbf{j}``, ``\\hat{i}``, ``\\vec{k}``), or by name (``\\vec{a}``,
``\\mathbf{u}``, ``A`` for a point given as ``A = (1, 2)``, ``\\overrightarrow{AB}``, which
is B − A unless the cell gives it). Every vector is a column of the matrix module, so sums,
multiples, ``\\cdot`` (dot product), ``\\times`` (cross product) and ``=`` entry by entry are
its. ``|v|`` and ``\\|v\\|`` of a vector are its length.

Soundness: a tuple is read as a vector only where it cannot be a function's arguments
(``gcd(12, 18)``, ``f(x, y)``) or an interval (a side that writes ``\\in`` keeps ``(0, 1)``
an interval); bare ``i``, ``j``, ``k`` stay letters (``i`` is a variable in real mode), and
two vectors side by side are an error that says to write ``\\cdot``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sympy as sp

__all__ = ["ARROW", "MAX_BRACKETS", "MAX_TEXT", "NAMED", "UNIT", "has_vectors",
           "column_binomial", "interval_context", "norm", "relation_line", "scannable",
           "spell_operations", "spell_projections", "spell_units", "tuple_at", "unit_size"]

#: Placeholder names of the unit vectors i, j, k.
UNIT = {"i": "qiunit", "j": "qjunit", "k": "qkunit"}
#: Prefix of the placeholder of ``\\overrightarrow{AB}`` (``qvecAB``).
ARROW = "qvec"

_UNIT_VECTOR = re.compile(
    r"\\(?:mathbf|boldsymbol|bm|vec|hat|mathbfit|underline)\s*(?:\{\s*(?:\\hat\s*)?\{?\s*"
    r"(?P<a>[ijk]|\\imath|\\jmath)\s*\}?\s*\}|\s+(?P<b>[ijk])(?![A-Za-z]))|[𝐢𝐣𝐤]"
    r"|\\hat\s*(?:\\imath|\\jmath)(?![A-Za-z])|[îĵ]|k\u0302")
_OVERARROW = re.compile(
    r"\\(?:overrightarrow|vec|overline|overrightharpoon)\s*\{\s*([A-Z])\s*([A-Z])\s*\}")
_ANGLE_OPEN = re.compile(r"\\left\s*\\langle(?![A-Za-z])|\\langle(?![A-Za-z])|⟨")
_ANGLE_CLOSE = re.compile(r"\\right\s*\\rangle(?![A-Za-z])|\\rangle(?![A-Za-z])|⟩")
_PAREN_OPEN = re.compile(r"\\left\s*\(|\\bigl?\s*\(|\\Bigl?\s*\(|\(")
_PAREN_CLOSE = re.compile(r"\\right\s*\)|\\bigr?\s*\)|\\Bigr?\s*\)|\)")
_SQUARE_OPEN = re.compile(r"\\left\s*\[|\[(?!\s*\[)")
_SQUARE_CLOSE = re.compile(r"\\right\s*\]|\]")
#: ``\operatorname{proj}_{b} a`` (vector projection), ``\operatorname{comp}_{b} a`` (scalar).
_PROJECTION = re.compile(r"(?:\\(?:operatorname|text|mathrm)\s*\{\s*(proj|comp)\s*\}"
                         r"|(?<![A-Za-z\\])(proj|comp))\s*_\s*")
#: ``\binom{3}{-2}``: a binomial coefficient of whole numbers.
_BINOMIAL = re.compile(r"\\[dt]?binom\s*\{\s*(-?[0-9]+)\s*\}\s*\{\s*(-?[0-9]+)\s*\}")
#: ASCII names of vector operations: dot(u, v), cross(u, v), norm(v).
_OPERATION = re.compile(r"(?<![A-Za-z\\])(dot|cross|norm)\s*\(")
#: Membership in an interval (``x \\in (0, 1)``): such a side keeps its parentheses.
_INTERVAL = re.compile(r"\\in(?![A-Za-z])|∈|(?<![A-Za-z\\])in(?![A-Za-z])|\\cup|∪|\\notin"
                       r"|\\setminus|\\mathbb|[∉∖∩]|\\cap(?![A-Za-z])")
#: A cheap test for vector notation other than tuples.
_HINT = re.compile(r"\\langle|⟨|\\overrightarrow|\\overline\s*\{\s*[A-Z]\s*[A-Z]\s*\}"
                   r"|\\(?:mathbf|boldsymbol|bm|vec|hat)\s*\{?\s*(?:[ijk]|\\[ij]math)(?![A-Za-z])"
                   r"|[𝐢𝐣𝐤îĵ]|\\hat\s*\\[ij]math")
#: A vector's name (``\\vec{a}``, ``\\mathbf{u}``): the letter it names.
NAMED = re.compile(r"\\(?:vec|mathbf|boldsymbol|bm)\s*(?:\{\s*(?P<a>[A-Za-z])\s*\}"
                   r"|\s+(?P<b>[A-Za-z])(?![A-Za-z]))")
#: LaTeX commands whose parentheses hold arguments, not a vector.
_CALLS = frozenset({"gcd", "max", "min", "lcm", "hcf", "binom", "dbinom", "tbinom", "det",
                    "operatorname", "mathrm", "text", "textrm", "mathit", "sup", "inf", "Pr",
                    "arg", "lim", "mod", "pmod", "bmod", "sqrt", "log", "ln", "exp"})


#: Words between statements, after which a tuple is a vector.
_CONNECTIVES = frozenset({"or", "and", "not", "iff", "then", "so", "hence", "implies", "if",
                          "where", "with", "at"})


#: Vectors are looked for only in a side this long with this many brackets (a worksheet's
#: side is far shorter); beyond, the scan per bracket would grow with the square of the text.
MAX_TEXT = 2000
MAX_BRACKETS = 100


def scannable(text: str) -> bool:
    """Is ``text`` short enough to look for vectors in?"""
    return len(text) <= MAX_TEXT and text.count("(") + text.count("[") <= MAX_BRACKETS


def column_binomial(text: str) -> re.Match[str] | None:
    r"""A ``\binom{n}{k}`` of whole numbers that is 0 as a binomial coefficient (k < 0 or
    k > n): a column vector as British worksheets write it, ``\binom{3}{-2}``; read as a
    binomial, ``\binom{3}{4} + \binom{1}{2} = \binom{5}{6}`` would be 0 = 0."""
    for m in _BINOMIAL.finditer(text):
        n, k = int(m.group(1)), int(m.group(2))
        if k < 0 or k > n:
            return m
    return None


def has_vectors(text: str) -> bool:
    """Might ``text`` write a vector (a tuple outside a call, angle brackets, i/j/k)?"""
    if "binom" in text and column_binomial(text):
        return True
    if not scannable(text) or interval_context(text):
        return False
    if _HINT.search(text) or NAMED.search(text) or _OPERATION.search(text) \
            or _PROJECTION.search(text):
        return True
    if "," not in text:
        return False
    return any(tuple_at(text, m.start(), text[:m.start()], ()) is not None
               for m in re.finditer(r"\\left\s*[(\[]|(?<!\\left)[(\[]", text))


def interval_context(text: str) -> bool:
    """Does ``text`` write membership in a set, where ``(0, 1)`` is an interval?"""
    return bool(_INTERVAL.search(text))


def spell_units(text: str) -> str:
    """Unit vectors and ``\\overrightarrow{AB}`` as placeholder names."""
    def unit(m: re.Match[str]) -> str:
        found = m.group("a") or m.group("b") or m.group(0)
        letter = "i" if "i" in found or found in ("𝐢", "î") else (
            "j" if "j" in found or found in ("𝐣", "ĵ") else "k")
        return f" {UNIT[letter]} "

    text = _UNIT_VECTOR.sub(unit, text)
    return _OVERARROW.sub(lambda m: f" {ARROW}{m.group(1)}{m.group(2)} ", text)


def unit_size(texts: Sequence[str], lengths: Sequence[int]) -> int:
    """The length of i, j, k in a step: 3 when it writes k, a cross product or a 3-vector."""
    if any(UNIT["k"] in t or "\\times" in t or "×" in t for t in texts) or 3 in lengths:
        return 3
    return 2


#: ``f_x``, ``f_{xy}`` right before a bracket (core/partials.py reads them).
_PARTIAL_NAME = re.compile(
    r"(?<![A-Za-z\\])([A-Za-z])\s*_\s*(?:\{\s*[A-Za-z][A-Za-z\s]*\}|[A-Za-z]+)$")


def _is_call(before: str, functions: Sequence[str], products: Sequence[str] = ()) -> bool:
    """Do parentheses right after ``before`` hold a call's arguments?"""
    stripped = before[-80:].rstrip()  # the word before a bracket is short
    if stripped.endswith(("_", "^", "_{", "^{")):  # \lim_{(x, y) \to (0, 0)}: no vector
        return True
    sub = _PARTIAL_NAME.search(stripped)
    if sub is not None and (sub.group(1) in functions or sub.group(1) in "fghFGH"):
        return True  # f_x(1, 2), f_{xy}(0, 0): a partial derivative at a point
    if re.search(r"(?:\\partial|∂)$|(?:\\partial|∂)\s*[A-Za-z]+\s*(?:\^\s*\{?\d\}?|[²³])?\s*\}?$",
                 stripped):  # \frac{\partial f}{\partial x}(1, 2), ∂f/∂x (1, 2): at a point
        return True  # and \partial(x, y)/\partial(u, v): a Jacobian, refused in partials.py
    if stripped.endswith("}"):  # \operatorname{dist}(A, B), but \frac{1}{2}(1, 2)
        m = re.search(r"\\([A-Za-z]+)\s*\{([^{}]*)\}$", stripped)
        return m is not None and m.group(1) in _CALLS and m.group(2).strip() not in _CONNECTIVES
    m = re.search(r"(\\?)([A-Za-z]+)$", stripped)
    if m is None:
        return False
    if m.group(1):
        return m.group(2) in _CALLS
    word = m.group(2)
    if word in _CONNECTIVES:  # (x, y) = (1, 2) or (x, y) = (2, 1)
        return False
    if word in products:  # A(1, 1) with A a given matrix: a product
        return False
    # t(3, -1) is t times a vector; f(x, y), gcd(12, 18), C(n, k) are calls
    return not (len(word) == 1 and word.islower() and word not in functions
                and word not in "fgh")


def _inside_call(before: str, functions: Sequence[str]) -> bool:
    """Is the end of ``before`` inside a call's parentheses (``integrate(2x, (x, 0, 1))``,
    ``Sum(k, (k, 1, n))``), where a tuple is a range, not a vector?"""
    if "(" not in before:
        return False
    opened: list[int] = []
    for k, ch in enumerate(before):
        if ch == "(":
            opened.append(k)
        elif ch == ")" and opened:
            opened.pop()
    return any(_is_call(before[:k], functions) for k in opened)


def tuple_at(text: str, start: int, before: str, functions: Sequence[str],
             products: Sequence[str] = ()) -> tuple[int, list[str]] | None:
    """(end, items) of a vector written at ``start`` (``(1, 2)``, ``\\langle 1, 2\\rangle``),
    or None where the bracket is not a vector: a call's arguments (``gcd(12, 18)``,
    ``f(x, y)``), one expression in brackets, or text that does not close."""
    angle = _ANGLE_OPEN.match(text, start)
    paren = None if angle else _PAREN_OPEN.match(text, start)
    square = None if angle or paren else _SQUARE_OPEN.match(text, start)
    opening = angle or paren or square
    if opening is None or (not angle and _is_call(before, functions, products)) \
            or _inside_call(before, functions):
        return None
    close = _ANGLE_CLOSE if angle else (_PAREN_CLOSE if paren else _SQUARE_CLOSE)
    depth = 0
    k = opening.end()
    items: list[str] = []
    last = k
    while k < len(text):
        if depth == 0:
            m = close.match(text, k)
            if m:
                items.append(text[last:k])
                if len(items) < 2 or any(not i.strip() for i in items):
                    return None
                return m.end(), [i.strip() for i in items]
        for word, step in (("\\left", 0), ("\\right", 0), ("\\langle", 1), ("\\rangle", -1)):
            if text.startswith(word, k) and not text[k + len(word):k + len(word) + 1].isalpha():
                depth += step
                k += len(word)
                break
        else:
            ch = text[k]
            if ch in "([{⟨":
                depth += 1
            elif ch in ")]}⟩":
                depth -= 1
                if depth < 0:
                    return None
            elif ch == "," and depth == 0:
                items.append(text[last:k])
                last = k + 1
            k += 1
    return None


def spell_operations(text: str) -> str:
    """``dot(u, v)``, ``cross(u, v)`` and ``norm(v)`` written as ``\\cdot``, ``\\times`` and
    bars (ASCII worksheets)."""
    while (m := _OPERATION.search(text)) is not None:
        depth, k, cut = 0, m.end() - 1, []
        for k in range(m.end() - 1, len(text)):
            if text[k] in "([{":
                depth += 1
            elif text[k] in ")]}":
                depth -= 1
                if depth == 0:
                    break
            elif text[k] == "," and depth == 1:
                cut.append(k)
        else:
            return text
        args = [text[a + 1 : b].strip() for a, b in zip([m.end() - 1, *cut], [*cut, k],
                                                                   strict=True)]
        if m.group(1) == "norm" and len(args) == 1:
            written = f"|{args[0]}|"
        elif m.group(1) != "norm" and len(args) == 2:
            sign = "\\cdot" if m.group(1) == "dot" else "\\times"
            written = f"(({args[0]}) {sign} ({args[1]}))"
        else:
            return text
        text = text[: m.start()] + written + text[k + 1 :]
    return text


def _operand(text: str, start: int) -> int | None:
    r"""The end of one operand at ``start``: ``{...}``, ``\vec{a}``, ``\mathbf a``, a letter,
    ``(...)``, ``\langle ... \rangle``, ``\left( ... \right)``."""
    k = start
    while k < len(text) and text[k] == " ":
        k += 1
    m = re.compile(r"\\(?:vec|mathbf|boldsymbol|bm|overrightarrow)\s*\{[^{}]*\}"
                   r"|[A-Za-z](?![A-Za-z])").match(text, k)
    if m:
        return m.end()
    if text.startswith("{", k):
        depth = 0
        for j in range(k, len(text)):
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            if depth == 0:
                return j + 1
        return None
    found = tuple_at(text, k, "", ())
    if found is not None:
        return found[0]
    if text.startswith(("(", "\\left(")):
        depth = 0
        for j in range(k, len(text)):
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            if depth == 0:
                return j + 1
    return None


def spell_projections(text: str) -> str:
    r"""``\operatorname{proj}_{b} a`` as ``\frac{a \cdot b}{|b|^2} b`` and ``comp_b a`` as
    ``\frac{a \cdot b}{|b|}``."""
    while (m := _PROJECTION.search(text)) is not None:
        onto_end = _operand(text, m.end())
        if onto_end is None:
            return text
        of_end = _operand(text, onto_end)
        if of_end is None:
            return text
        onto = text[m.end():onto_end].strip()
        onto = onto[1:-1] if onto.startswith("{") else onto
        of = text[onto_end:of_end].strip()
        of = of[1:-1] if of.startswith("{") else of
        if _PROJECTION.search(onto) or _PROJECTION.search(of):
            return text  # nested: the onto operand is written three times (exponential)
        if (m.group(1) or m.group(2)) == "proj":
            written = rf"\left(\frac{{({of}) \cdot ({onto})}}{{|{onto}|^2}} ({onto})\right)"
        else:
            written = rf"\left(\frac{{({of}) \cdot ({onto})}}{{|{onto}|}}\right)"
        text = text[: m.start()] + written + text[of_end:]
    return text


#: ``\\perp`` / ``\\parallel`` between two vectors (a line of its own).
_PERPENDICULAR = re.compile(r"\\perp(?![A-Za-z])|⊥|\\parallel(?![A-Za-z])|∥")


def relation_line(raw: str) -> str:
    r"""A line ``u \perp v`` as ``u \cdot v = 0`` and ``u \parallel v`` as
    ``|u \cdot v| = |u||v|`` (equality in Cauchy-Schwarz: parallel in any dimension); two
    capitals ``AB`` are the vector from A to B there. Other lines are returned unchanged."""
    code, hash_, comment = raw.partition("#")
    found = list(_PERPENDICULAR.finditer(code))
    if len(found) != 1 or re.search(r"<=>|==>|<==|(?<![<>!=])=(?!=)|<|>|[⇔⇒⇐⟺≤≥≠]|\\iff"
                                    r"|\\implies|\\Rightarrow|\\Leftrightarrow", code):
        return raw
    m = found[0]
    left, right = code[: m.start()].strip(), code[m.end():].strip()
    if not left or not right or left.startswith("\\|") or right.endswith("\\|"):
        return raw  # \|v\| is a norm

    def operand(text: str) -> str:
        if re.fullmatch(r"[A-Z]\s*[A-Z]", text):
            return rf"\overrightarrow{{{text.replace(' ', '')}}}"
        return text

    u, v = operand(left), operand(right)
    if m.group(0) in ("\\perp", "⊥"):
        line = f"({u}) \\cdot ({v}) = 0"
    else:
        line = f"|({u}) \\cdot ({v})| = |{u}||{v}|"
    indent = raw[: len(raw) - len(raw.lstrip())]
    return indent + line + (f" {hash_}{comment}" if hash_ else "")


def norm(v: sp.MatrixBase, real: bool) -> sp.Expr:
    """The length of a vector: sqrt of the sum of its entries' squares (moduli in C)."""
    parts = [x ** 2 if real else sp.Abs(x) ** 2 for x in v]
    return sp.sqrt(sp.Add(*parts))
