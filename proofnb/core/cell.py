"""Split a ``%%verify`` cell into chains, lines and steps (no maths is evaluated here).

The cell language
=================

Chains and steps
----------------
* A cell holds one or more *chains*. A line that starts with a relation continues the
  previous line (even across a blank line); a line that ends with a relation is continued
  by the next one. Otherwise a blank line starts a new chain.
* ``#`` starts a comment (whole line or end of line). A line ``assume x > 0, n integer``
  declares assumptions (collected in :attr:`ParsedCell.assume`). A ``%%...`` line is ignored.
* Relations between expressions: ``=`` (also ``==``), ``<``, ``<=`` (``≤``, ``\\le``),
  ``>``, ``>=`` (``≥``, ``\\ge``). ``a = b = c`` on one line is a chain of two steps.
* Relations between statements: ``<=>`` (``⇔``, ``\\iff``, ``\\Leftrightarrow``),
  ``==>`` (``⇒``, ``=>``, ``\\implies``, ``\\Rightarrow``), ``<==`` (``⇐``, ``\\impliedby``).
* A chain is an *expression chain* unless it is a *statement chain*. It is a statement chain
  when it uses a statement relation, when a line after the first does not start with a
  relation (that link means ``<=>``), or when a line uses ``!=``/``≠``, ``and``, ``or`` or a
  top-level comma. In a statement chain every line is a statement (an equation, an
  inequality such as ``1 < x < 3``, or an ``and``/``or`` combination), so
  ``x^2 - 5x + 6 = 0`` followed by ``<=> (x - 2)(x - 3) = 0`` is one statement step, while
  ``log(x^2) = 2 log(x)`` on its own, or ``(a + b)^2`` followed by ``= ...`` lines, is an
  expression chain. Every chain must have at least one step.
* A chain of statements may end with lines that continue its last line's right side:
  ``n = 2k + 1``, ``==> n^2 = (2k + 1)^2``, ``= 4k^2 + 4k + 1``. Those lines form an
  expression chain of their own, from that right side on, checked under the chain's first
  line (its ``premise``).
* ``f(x) = <expression>`` starting a chain defines f for the cell
  (:mod:`proofnb.core.definitions`); the chain goes on from the expression. After a
  definition, a line that uses a defined function (``f'(x) = 0 <=> x = 1``), or that
  follows a closed fact such as ``f(1) = 4``,
  starts a claim of its own. ``y = <expression>`` defines the curve y only when a later line
  differentiates it (``dy/dx``, ``y'``, ``\\frac{dy}{dx}``), and only in those lines (where
  ``dy/dx`` reads ``d/dx (<expression>)``); elsewhere y stays a letter.
* A line may end by naming integer parameters: ``x = pi/4 + k pi, k ∈ ℤ`` (also ``k in Z``,
  ``(k integer)``, ``\\quad k \\in \\mathbb{Z}``, ``for some integer k``). The names become
  the cell's assumption ``k integer``; in a statement step, a parameter of one line only
  means "for some integer k" (:mod:`proofnb.core.existential`).

Expressions (see :mod:`proofnb.core.parser`)
--------------------------------------------
* ``+ - * /``, ``^`` and ``**`` (power, right-associative, binds tighter than unary minus:
  ``-x^2 = -(x^2)``), ``n!``, Unicode ``· × ÷ − √ ∛ ² ³ ≠ π ∞`` and Greek letters.
* Implicit multiplication: ``2x``, ``2(x+1)``, ``(a+b)(a-b)``, ``x y``, ``2|x|``. It has the
  same precedence as ``*`` and ``/``, left to right: ``1/2x`` is ``x/2``. A number follows a
  factor implicitly only when a space sets it apart and it cannot be read otherwise: after a
  closing bracket, a superscript or a factorial (``(x + 1) 2``, ``2^(1/2) 3^(1/3)``,
  ``3! 4!``) or as the base of a power (``k 2^k``, ``2^x 2^y``); ``x 2``, ``2 3`` and
  ``(a)2`` are errors; ``x2`` is a name.
* Names: declared symbols and functions first; then constants ``pi``, ``e``/``E``, ``oo``,
  ``I`` (and ``i`` in the complex domain only; in the real domain ``i`` is a variable);
  Greek names; functions (``sin``, ``arcsin``/``asin``, ``sinh``, ``exp``, ``log``/``ln``
  (natural), ``log_2(x)``, ``log(x, b)``, ``sqrt``, ``cbrt``, ``root(x, n)``, ``abs``/``Abs``,
  ``floor``, ``ceil``, ``factorial``, ``binomial``, ``gcd``, ``lcm``, ``min``, ``max``,
  ``diff``/``Derivative``, ``integrate``/``Integral``, ``limit``/``Limit``,
  ``Sum``/``sum``, ``Product``, ``Eq``/``Ne``/``Lt``/``Le``/``Gt``/``Ge``, ``Rational``...).
  A letter followed by digits or a subscript is one name (``x2``, ``x_1``, ``a_{n}``).
  An unknown word of two or three letters is a product of letters (``ab`` is ``a*b``,
  ``2xy`` is ``2*x*y``) unless it starts with a function name (``lnx`` is an error: write
  ``ln x``); longer unknown words are errors (``expand`` is not ``e*x*p*a*n*d``).
  A single letter followed by ``(`` multiplies unless it is a declared function.
  ``gamma``/``Gamma``, ``zeta``, ``beta``/``Beta`` are the special functions when ``(``
  follows with no space (``gamma(5)`` is 24), else Greek letters (``gamma x``, ``gamma (x+1)``);
  ``erf``, ``erfc``, ``erfi`` are functions. A prefix function glued to a number takes it
  and what follows as its argument: ``cos2x`` is cos(2x) (``log2x`` stays an error).
* Functions without parentheses take a simple argument: ``sin x``, ``sin 2x`` = sin(2x),
  ``sin x^2`` = sin(x^2), ``sin x cos x`` = sin(x)·cos(x), ``sin x / 2`` = sin(x)/2;
  ``sin^2 x`` = sin(x)^2, ``sin^{-1} x`` = asin(x).
* Decimal numbers are exact rationals (``0.1`` is 1/10).
* Calculus objects stay unevaluated: ``diff(f, x)``, ``d/dx (...)``, ``integrate(f, x)``,
  ``integrate(f, (x, a, b))``, ``limit(f, x, a)``, ``Sum(f, (k, 1, n))``. A step with an
  indefinite integral alone on one side holds up to a constant (``integrate(x^2, x) =
  x^3/3 + C``, see :mod:`proofnb.core.antiderivative`).
* LaTeX: ``\\frac \\dfrac \\tfrac \\sqrt \\sqrt[n] \\binom \\cdot \\times \\left \\right``,
  ``^{...}``, ``_{...}``, ``\\sin \\ln \\log \\pi \\infty``, Greek, ``\\int_a^b ... dx``,
  ``\\sum_{k=1}^{n}``, ``\\prod``, ``\\lim_{x \\to a}``, ``\\lfloor \\rfloor``, ``\\mathrm{...}``,
  Leibniz ``\\frac{d}{dx}`` with ``d``, ``\\mathrm{d}``, ``\\text{d}``, ``\\operatorname{d}`` or
  ``\\partial``; ``\\mathrm{d}x`` as a differential,
  ``$``, ``&``, ``\\[ \\]``, ``\\( \\)``, ``\\\\``, ``\\begin{aligned}``/``\\end{align*}`` (and
  the other display environments) and zero-width characters are ignored; a trailing
  ``\\text{...}`` of prose (``\\quad \\text{(difference of squares)}``, ``&& \\text{expand}``)
  is an annotation and is dropped.
* Statements: ``=``, ``!=`` (``≠``, ``\\neq``), ``<`` ... between expressions, chained
  (``1 < x < 3``), combined with ``and``/``,``/``∧`` and ``or``/``∨``. ``±``/``\\pm`` (and
  ``∓``/``\\mp``) in a statement make it the ``or`` of its two readings, the signs of one
  statement tied as in print: ``x = 1 ± sqrt(2)``, ``x = ±2 and y = ∓1``; in an expression
  step ``±`` is an error. ``≠`` is not a step
  relation between lines (a step claims equality or order). ``true`` and ``false``
  (``\\text{false}``, ``\\top``/``\\bot``, ``⊤``/``⊥``) are the statements that hold
  everywhere in the setting and nowhere: ``x^2 + 1 = 0 <=> false`` says it has no solution.
* Limits (errors, never evaluation): 100 000 characters per cell, integer literals of
  1000 digits, numbers of 10 000 digits, symbolic exponents of 1000, factorial and
  binomial arguments of 1000, nesting depth 200, 5000 tokens per expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from proofnb.core.definitions import Definitions, index_letters, within_indices
from proofnb.core.discriminant import discriminant_line
from proofnb.core.errors import ParseError, ProofnbError
from proofnb.core.existence import no_limit_line
from proofnb.core.extremum import classification
from proofnb.core.lexer import (
    CLOSE_BRACKETS,
    CMD,
    DISPLAY_ENVIRONMENTS,
    END,
    EXPRESSION_RELATION_OPS,
    NAME,
    NUM,
    OP,
    OPEN_BRACKETS,
    STATEMENT_RELATION_OPS,
    TRUTH_WORDS,
    Token,
    _annotation_start,
    tokenize,
)
from proofnb.core.matrices import matrix_definition, matrix_fact, number_definition
from proofnb.core.maxima import maxima_spellings
from proofnb.core.model import Reading, StepSpec
from proofnb.core.modular import congruence_line, split_modulus
from proofnb.core.odes import differential_lines
from proofnb.core.pasted import without_typesetting, without_units
from proofnb.core.piecewise import rewrite_cases
from proofnb.core.probability import keeps_head, starts_claim
from proofnb.core.rowops import row_operation_line
from proofnb.core.vectors import relation_line
from proofnb.core.writing import (
    joined_solutions,
    line_condition,
    school_spellings,
    without_label,
    without_operation_note,
    without_ticks,
)

__all__ = ["MAX_CELL_CHARS", "ChainLine", "ParsedCell", "parse_cell"]

#: A cell longer than this is rejected before anything else happens.
MAX_CELL_CHARS = 100_000

LineKind = Literal["expression", "statement"]

_RELATION_NAMES = {"=": "=", "==": "=", "<": "<", "<=": "<=", ">": ">", ">=": ">=",
                   "<=>": "<=>", "==>": "==>", "=>": "==>", "<==": "<==",
                   "->": "==>", "≡": "≡",
                   "≈": "≈"}  # fmt: skip  # a top-level arrow x = 2 → x^2 = 4 implies
_STATEMENT_MARKERS = frozenset({"!=", "and", "or", ",", "in", "notin", "∣", "∤"})
_DECIMAL_COMMA = re.compile(r"[0-9],[0-9]")
_STATEMENT_CALLS = frozenset({"Eq", "Ne", "Lt", "Le", "Gt", "Ge", "And", "Or"})


@dataclass(frozen=True, slots=True)
class ChainLine:
    """One member of a chain: an expression or a statement, where it sits in the cell,
    and its relation to the previous member (``None`` for a chain's first member)."""

    text: str
    line: int
    col: int
    kind: LineKind
    relation: str | None
    chain: int = 0


@dataclass(frozen=True, slots=True)
class ParsedCell:
    """The structure of a cell: its chain members, the steps between them, its assumptions."""

    text: str
    lines: tuple[ChainLine, ...]
    steps: tuple[StepSpec, ...]
    assume: tuple[str, ...]


@dataclass(slots=True)
class _Piece:
    """A term (``rel`` is None) or a relation (``rel`` set; ``""`` for an implicit link)."""

    rel: str | None
    line: int
    col: int
    start: int = 0  # offsets into the source line (terms only)
    end: int = 0
    source: str = ""
    marker: bool = False  # a term holding !=, and, or, a top-level comma
    statement_call: bool = False  # a term that is Eq(...), And(...), ...
    spelled: str = ""  # the line before the cell's readings ((f∘g)(x)) rewrote it

    @property
    def text(self) -> str:
        return _shown(self.source[self.start : self.end])


#: A long run of blanks (also no-break and em spaces) or of LaTeX spacing (~, \, \quad):
#: 4000 '~' or '\ ' before an exclusion took seconds in the line regexes, 12 000 a minute.
_LONG_BLANK = re.compile(
    r"(?:[^\S\n]|~(?!=)|(?<!\\)\\[,;:! ]|(?<!\\)\\q?quad(?![A-Za-z])){33,}")


def parse_cell(text: str, functions: Iterable[str] = ()) -> ParsedCell:
    """Split a cell into chains and steps. Raises :class:`ParseError` for structural errors
    (empty cell, a relation with nothing on one side, unbalanced brackets, a chain without a
    step); the maths of each side is parsed later by :func:`proofnb.core.parser.parse_math`.

    ``functions`` are names declared unknown functions outside the cell (``--assume "f
    function"``, a kernel's ``sympy.Function``): ``f(x) = ...`` is then a claim about f,
    not f's definition (:func:`proofnb.core.assume.function_names`)."""
    if len(text) > MAX_CELL_CHARS:
        raise ParseError(
            "", f"cell is too long ({len(text)} characters; the limit is {MAX_CELL_CHARS})"
        )
    # a long run of blanks is one space: several line regexes backtrack over such a run from
    # each of its positions (90 000 spaces hung the kernel's parse)
    # a lone carriage return (classic Mac OS, some clipboards) ends a line as \n does: read
    # as a blank, a condition 'for x >= 0' took the next line '= -x' in (its step unchecked)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LONG_BLANK.sub(" ", text)
    # \tag{1}, \boxed{x = 2}, \\[2pt] as pasted from Overleaf, and units that label the
    # results (9\pi \mathrm{~cm}^2): typesetting, blanked out
    pasted = without_units(without_typesetting(text))
    source = rewrite_cases(differential_lines(pasted))  # du = 2x dx: du/dx = 2x
    assume, chains, defining = _read(source, functions)
    if defining.sequences:  # again, knowing them: a_1 = 5, a_{n+1} = ... above a_n = 3n + 2
        assume, chains, defining = _read(source, functions, defining.sequences)
        indices = {a.split("[", 1)[1].split("]", 1)[0] for a in assume if "] :=" in a}
        assume += [f"{k} natural" for k in sorted(index_letters(text, defining.sequences)
                                                  - indices)]
    chains = [_without_side_labels(chain) for chain in chains]
    if not chains and (defining.names or defining.subscripted):
        defined = ", ".join((*defining.names, *defining.subscripted))
        raise ParseError("", f"the cell only defines {defined}: write the steps that use the "
                             "definition on the next lines")
    if not chains:
        raise ParseError("", "empty cell: nothing to check")
    lines: list[ChainLine] = []
    steps: list[StepSpec] = []
    number = 0
    for chain in chains:
        if _is_statement_chain(chain):
            head, tail, premise = _continued_expressions(chain)
            for rounding in _statement_chain(head, number, lines, steps):
                number += 1  # x = ln(5)/2 ≈ 0.805 in a statement: the rounding on its own
                _expression_chain(list(rounding), number, lines, steps)
            if tail:
                number += 1
                _expression_chain(tail, number, lines, steps, premise)
        else:
            _expression_chain(chain, number, lines, steps)
        number += 1
    if defining.sequences:
        steps = [within_indices(step, defining.sequences) for step in steps]
    if defining.readings:
        steps = [_as_written(step, defining.readings.get(step.line)) for step in steps]
    if defining.conditions:  # sqrt(x^2) = x for x >= 0: that step is checked where x >= 0
        conditions = _chain_conditions(chains, defining.conditions)
        steps = [_under(step, conditions.get(step.line)) for step in steps]
    if source != text or any(piece.source != line for piece, line in _rewritten(chains, text)):
        steps = _shown_as_written(steps, chains, text, set(defining.conditions))
    return ParsedCell(text=text, lines=tuple(lines), steps=tuple(steps), assume=tuple(assume))


#: A side's label, "LHS" or "RHS" (L.H.S., \\text{LHS}): a word naming a side, not maths.
_SIDE_LABEL = re.compile(r"(?:\\text\s*\{\s*)?(?P<side>[LR])\.?\s*H\.?\s*S\.?(?:\s*\})?")


def _without_side_labels(chain: list[_Piece]) -> list[_Piece]:
    """The chain without ``LHS =`` before its first side and ``= RHS`` after its last, when
    they are on lines of their own (``LHS = (x + 1)^2``, then ``= x^2 + 2x + 1``, then
    ``= RHS``), as one line's ``LHS = ... = RHS`` is read (writing._without_prose)."""
    if len(chain) < 7 or chain[1].rel != "=" or chain[-2].rel != "=":
        return chain
    first, last = _SIDE_LABEL.fullmatch(chain[0].text), _SIDE_LABEL.fullmatch(chain[-1].text)
    if first is None or last is None or first["side"] != "L" or last["side"] != "R" \
            or any(p.rel in ("", "<=>", "==>", "<==") or p.marker for p in chain):
        return chain
    return chain[2:-2]


def _as_written(step: StepSpec, reading: tuple[str, str, str, str] | None) -> StepSpec:
    """The step of a line the cell reads as something else (a tangent's equation), shown as
    written and checked as its reading."""
    if reading is None or step.kind != "statement":
        return step
    lhs, rhs, note, witness = reading
    return replace(
        step, relation="=", lhs=lhs, rhs=rhs, origin=lhs, kind="expression",
        reading=Reading(step.relation, step.lhs, step.rhs, note, witness))


def _rewritten(chains: list[list[_Piece]], text: str) -> Iterator[tuple[_Piece, str]]:
    """Each line's first term with the line as the student wrote it."""
    written = text.split("\n")
    seen: set[int] = set()
    for chain in chains:
        for piece in chain:
            if piece.rel is None and piece.line not in seen and 0 < piece.line <= len(written):
                seen.add(piece.line)
                yield piece, written[piece.line - 1]


def _shown_as_written(steps: list[StepSpec], chains: list[list[_Piece]], text: str,
                      conditioned: set[int]) -> list[StepSpec]:
    """Statement steps whose line the cell rewrote before checking it (``x_1 = 2, x_2 = 3``
    is ``x = 2 or x = 3``; ``L = {2; 3}``, ``x ∈ ]1, 3[``, ``x = 2,5``, ``dy/y = x dx``) show
    the line as written, checked as its reading, with a note saying how it was read."""
    # A line's trailing condition (for x > 0) is shown by the step's note and conclusion.
    lines = {piece.line: (piece.source, written) for piece, written in _rewritten(chains, text)
             if piece.line not in conditioned}
    spelled = {piece.line: (piece.source, piece.spelled) for piece, _ in _rewritten(chains, text)
               if piece.spelled and piece.line not in conditioned}
    shown: list[StepSpec] = []
    noted: set[int] = set()  # a line's reading is said once, on the first step that shows it
    for step in steps:
        if step.reading is not None:
            shown.append(step)
            continue
        # An expression step is shown as written only where decimal commas were all that
        # changed (0,5 · 4 = 2): its sides sit at the same places in both texts.
        side = _written_side if step.kind == "statement" else _decimal_side
        lhs = side(step.lhs, *lines.get(step.lhs_line, ("", "")))
        rhs = side(step.rhs, *lines.get(step.line, ("", "")))
        if step.kind == "expression" and lhs is None and rhs is None:
            lhs, rhs = _term_sides(step, spelled)  # (f∘g)(x): a term the readings rewrote
        if lhs is None and rhs is None:
            shown.append(step)
            continue
        read = "; ".join(f"{written} is read as {checked}" for written, checked, line in (
            (lhs, step.lhs, step.lhs_line), (rhs, step.rhs, step.line))
            if written is not None and line not in noted and _says_more(checked, written))
        noted.update({step.lhs_line, step.line})
        shown.append(replace(step, lhs=lhs or step.lhs, rhs=rhs or step.rhs,
                             reading=Reading(step.relation, step.lhs, step.rhs, read, "")))
    return shown


#: A call of the cell's unknown function at its variable, ``y(x)``, and a derivative ``y'(x)``.
_DERIVATIVE_WRITTEN = re.compile(r"\\frac\s*\{\s*d([A-Za-z])\s*\}\s*\{\s*d[a-z]\s*\}"
                                 r"|(?<![A-Za-z\\])d([A-Za-z])/d[a-z](?![A-Za-z])")
_FUNCTION_AT_VARIABLE = re.compile(r"(?<![A-Za-z\\])([A-Za-z]'*)\(([a-z])\)")


def _decimal_side(side: str, rewritten: str, written: str) -> str | None:
    """``side`` of a line whose only rewrite was decimal commas, with its commas back."""
    at = rewritten.find(side) if rewritten != written and side else -1
    if at < 0 or len(rewritten) != len(written) or any(
            a != b and (a, b) != (".", ",") for a, b in zip(rewritten, written, strict=True)):
        return None
    shown = written[at:at + len(side)]
    return shown if shown != side else None


def _written_terms(rewritten: str, spelled: str) -> list[tuple[_Piece, str]] | None:
    """Each term of ``rewritten`` with the same term of ``spelled``, the line before the
    cell's readings rewrote it (``(f∘g)(x)`` for ``f(g(x))``), when both cut into the same
    terms and relations; None when the line is as written or its shape changed (``u ⊥ v``)."""
    if not spelled or rewritten == spelled:
        return None
    try:
        # ∘ is no token of its own: a stand-in of the same length keeps the offsets
        ours, theirs = _split_line(rewritten, 1), _split_line(spelled.replace("∘", "*"), 1)
    except ProofnbError:
        return None
    if [p.rel for p in ours] != [p.rel for p in theirs]:
        return None
    out = []
    for mine, written in zip(ours, theirs, strict=True):
        if mine.rel is None:
            shown = _shown(spelled[written.start:written.end])
            same = _BRACES_AND_BLANKS.sub("", shown.replace("|", "∣")) == \
                _BRACES_AND_BLANKS.sub("", mine.text.replace("|", "∣"))
            out.append((mine, mine.text if same else shown))  # A^\top, P(B | A): as read
    return out


_BRACES_AND_BLANKS = re.compile(r"[{}\s]")


def _term_sides(step: StepSpec, spelled: dict[int, tuple[str, str]]
                ) -> tuple[str | None, str | None]:
    """An expression step's two sides as spelled before the cell's readings rewrote them:
    the right side is the term at the step's column, the left side the term before it (or
    the last term of its own line)."""
    terms = _written_terms(*spelled.get(step.line, ("", "")))
    at = next((i for i, (piece, _) in enumerate(terms or ()) if piece.col == step.col), None)
    rhs = lhs = None
    if terms is not None and at is not None:
        rhs = terms[at][1] if terms[at][1] != step.rhs.strip() else None
    if step.lhs_line == step.line:
        if terms is not None and at is not None and at > 0:
            lhs = terms[at - 1][1] if terms[at - 1][1] != step.lhs.strip() else None
    else:
        above = _written_terms(*spelled.get(step.lhs_line, ("", "")))
        if above:
            lhs = above[-1][1] if above[-1][1] != step.lhs.strip() else None
    return lhs, rhs


def _says_more(checked: str, written: str) -> bool:
    """Is the reading worth a note: more than y standing for y(x) (dy/dx for y'(x)), or
    decimal commas (which the LaTeX shows as decimals)?"""
    if checked == written.replace(",", ".") or written.startswith(checked + ","):
        return False  # 2,5; x = pi/4 + k pi/2, k ∈ ℤ (the family's own clause)
    bare = _FUNCTION_AT_VARIABLE.sub(r"\1", checked).replace(" ", "")
    plain = _DERIVATIVE_WRITTEN.sub(lambda m: f"{m[1] or m[2]}'", written).replace(" ", "")
    return bare != plain


def _written_side(side: str, rewritten: str, written: str) -> str | None:
    """``side`` (a statement that ends ``rewritten``, a line the cell rewrote) as ``written``
    has it; None when the line is as written, or the rewrite touched more than that side."""
    at = rewritten.find(side) if rewritten != written and side else -1
    if at < 0 or rewritten[:at] != written[:at]:
        return None
    if rewritten[at + len(side):].split("#", 1)[0].strip():
        return None  # the side is not the end of its line
    tail = written[at:]
    if "#" in tail:
        return None  # a comment, or a STACK spelling such as #pm#: not worth guessing
    if "|" in tail:
        tail = without_operation_note(tail)
    tail = _shown(without_ticks(tail))
    if not tail or tail.replace("|", "∣") == side.replace("|", "∣"):
        return None  # 3 | n^3 - n read as 3 ∣ n^3 - n: the same line to the eye
    return tail


def _read(
    text: str, functions: Iterable[str], later: Iterable[str] = ()
) -> tuple[list[str], list[list[_Piece]], Definitions]:
    """The cell's assumptions (definitions among them), its chains of pieces, and what it
    defines. ``later`` are sequences the cell defines (found by a first reading): a line
    above the definition that uses a term is a claim of its own too."""
    assume: list[str] = []
    chains: list[list[_Piece]] = []
    current: list[_Piece] = []
    blank = False
    defining = Definitions(text, functions, later)
    lines = text.split("\n")  # split once: a line's definition looks at the lines below
    alone = False  # current holds only a definition's body: the next line starts anew
    previous = ""  # the last line of maths
    differentiated = False  # the last line took a derivative of an implicit letter
    # x^2 - 4x + 3 = 0, then Δ = 16 - 12 = 4, then x = 1 or x = 3: the number named
    # in between is an aside; the equation's chain waits here and goes on below it
    parked: list[_Piece] | None = None
    parked_line = ""
    for lineno, raw in joined_solutions(_rows(text)):  # x_1 = 1, then x_2 = 3 below it
        raw = maxima_spellings(raw.rstrip("\r"), previous)  # #pm#, %i, <=> all: STACK's
        stripped = raw.strip()
        if not stripped:
            blank = blank or raw != ""  # the empty rest of a row ending in \\ is no gap
            continue
        if stripped.startswith(("#", "%")):  # % starts a LaTeX comment (and %%verify)
            continue
        raw, test = classification(raw, defining.variables)  # f''(1) = 6 > 0, so a minimum
        raw, condition = line_condition(raw, lineno, not previous or blank)  # for x >= 0
        if condition:
            defining.conditions[lineno] = condition
        raw = without_label(raw)  # Answer: x = 2, Proof:
        stripped = raw.strip()
        if not stripped or stripped.startswith(("#", "%")):
            continue  # a label alone is a heading, not a gap between chains
        domain = _domain_line(stripped, lines, lineno)
        if domain is not None:  # D = ℝ \ {1} above the equation: its domain, x ≠ 1
            assume.extend(domain)
            continue
        given = _GIVEN.match(stripped)
        if given is not None:  # Let f(x) = x^2 + 1, Sei x > 0, Soit a = 2: what is given
            stripped = "assume " + _GIVEN_WITH.sub(", ", stripped[given.end():].rstrip(" .,;"))
        elif (defines := _DEFINES.match(stripped)) is not None:
            # a[n] := 3^n - 1, f(x) := x^2: the definition a chain's first line a_n = ...,
            # f(x) = ... makes (the lines below are claims of their own)
            head = defines["head"]
            head = head if defines["args"] else f"{head[0]}_{{{head[1:].strip(' []')}}}"
            raw = stripped = f"{head} = {stripped[defines.end():].strip()}"
        if stripped[:6] in ("assume", "Assume") and (
            len(stripped) == 6 or stripped[6].isspace() or stripped[6] == ":"
        ):
            rest = stripped[6:].lstrip(":").split("#", 1)[0].strip()
            if not rest:
                raise ParseError(raw, "expected assumptions after 'assume', e.g. assume x > 0",
                                 lineno, len(raw) - len(raw.lstrip()) + 1)
            assume.append(rest)
            continue
        raw, parameters = _integer_parameters(raw)
        raw = school_spellings(raw, previous, lineno)  # | -2, so, ✓, 0,5, L = {2; 3}, x_1
        spelled = raw
        if "b" in raw or "Delta" in raw or "Δ" in raw:  # \Delta = b^2 - 4ac = 16 - 12 = 4
            raw = discriminant_line(raw, previous)
        if "perp" in raw or "parallel" in raw or "⊥" in raw or "∥" in raw:
            raw = relation_line(raw)  # u \perp v: u \cdot v = 0 (core/vectors.py)
        if "R_" in raw or "sim" in raw or "{array}" in raw or "∼" in raw:
            raw = row_operation_line(raw, lineno)  # M \xrightarrow{R_2 - 2R_1} N: E M = N
        if "|" in raw or "mod" in raw:  # 3 | n^3 - n, \mathrm{mod}
            raw = congruence_line(raw)
        if "DNE" in raw or "exist" in raw:  # L \text{ does not exist}: L = DNE
            raw = no_limit_line(raw)
        if "\\top" in raw:  # A^\top is a transpose, not the statement true
            raw = re.sub(r"\^\s*\\top(?![A-Za-z])", r"^{\\top}", raw)
        curve = bool(defining.curves) and raw != (raw := defining.curve_line(raw, lineno))
        differentiates = bool(defining.implicit) and defining.differentiates(raw)
        if defining.implicit:  # x^2 + y^2 = 25, then dy/dx: y is a function of x
            raw = defining.implicit_line(raw)
        if defining.several and ("nabla" in raw or "∇" in raw or "grad" in raw):
            raw = defining.gradient_line(raw)  # \nabla f: (f_x, f_y) (core/partials.py)
        if defining.variables:  # (f∘g)(x), (f + g)(x): written out
            raw = defining.algebra(raw)
        if parameters:
            assume.append(f"{parameters} integer")
        pieces = _split_line(raw, lineno)
        if not pieces:
            continue
        if spelled != raw:
            for piece in pieces:
                piece.spelled = spelled
        continues = pieces[0].rel is not None or (bool(current) and current[-1].rel is not None)
        tangent = None if continues else defining.tangent(pieces, previous)
        inverse = None if continues or tangent else defining.inverse(pieces)
        if inverse is not None:  # f^{-1}(x) = (x - 3)/2: (f(x) - 3)/2 = x
            tangent = inverse
        if tangent is not None:  # y = 6x - 9 after f'(3) = 6: a claim of its own, alone
            raw, blank = tangent, True
            pieces = _split_line(raw, lineno)
        definition = matrix_definition(pieces, lines[lineno:], assume) if not continues else None
        if definition is None and not continues:  # "": D = \begin{vmatrix}..\end{vmatrix} = -2
            definition = defining.take(pieces)
        elif definition and (number := number_definition(definition)):
            defining.values.append(number)  # D = |...| = -3, then x = D_x / D = 2
        if not continues and matrix_fact(previous, assume) and matrix_fact(raw, assume):
            blank = True  # AB = ..., then BA = ...: two claims about given matrices
        if parked is not None and not continues and definition is None:
            if current and not alone:  # the aside's own chain (16 - 12 = 4) is done
                chains.append(current)
            current, alone, parked = parked, False, None
        if definition is not None or (alone and not continues):
            # A definition starts a chain of its own; a lone definition is no chain.
            if current and not alone:
                if parked is None and definition and _aside(definition, previous, lines,
                                                            lineno):
                    parked, parked_line = current, previous
                else:
                    chains.append(current)
            current, alone = [], False
            if definition:
                assume.append(definition)
            if definition is not None and not keeps_head(definition, len(pieces)):
                pieces = pieces[2:]  # f(x) = x^2 + 1 = ...: the chain starts at x^2 + 1
        elif not continues and (curve or defining.new_claim(pieces[0], previous)
                                or len(pieces) > 1 and starts_claim(pieces[0].text, pieces[1].rel)
                                or _closed(previous) and _closed(raw)
                                or _calculus_fact(previous) and _calculus_fact(raw)):
            blank = True  # f(2) = 5, then f'(2) = 3: two claims, not f(2) = 5 <=> f'(2) = 3
        previous = raw if parked is None else parked_line
        if current and not continues and blank:
            chains.append(current)
            current = []
        elif current and not continues:
            # A line that differentiates the one above follows from it: ==>, not <=>.
            link = "==>" if differentiates and not differentiated else ""
            current.append(_Piece(link, lineno, pieces[0].col, source=raw))
        differentiated = differentiates
        current.extend(pieces)
        alone = definition is not None and len(pieces) == 1
        blank = tangent is not None
        for claim in test:  # "so a maximum" after f''(1) = 6: f''(1) < 0, a claim of its own
            chains.append(current)
            current, blank = _split_line(" " * len(raw.rstrip()) + "  " + claim, lineno), True
    if parked is not None:  # the aside ended the cell: the equation stands alone above it
        chains.append(parked)
    if current and not alone:
        chains.append(current)
    if defining.implicit:  # assume y != 0 about the function y: y(x) != 0
        assume = [a if ":=" in a else defining.implicit_line(a) for a in assume]
    assume += [f"{name} function" for name in defining.implicit]
    return assume, chains, defining


#: A domain line above an equation (German Definitionsmenge, French domaine):
#: ``D = ℝ \ {1}``, ``D_f = \mathbb{R} \setminus \{-1; 1\}``, ``D = ℝ``.
_DOMAIN_LINE = re.compile(
    r"^(?:D(?:_\{?[A-Za-z]\}?)?|\\mathbb\s*\{?\s*D\s*\}?|\\mathcal\s*\{?\s*D\s*\}?)\s*=\s*"
    r"(?:ℝ|R|\\mathbb\s*\{\s*R\s*\}|\\mathbb\s*R|\\R)(?![A-Za-z])"
    r"(?:\s*(?:\\setminus(?![A-Za-z])|\\backslash(?![A-Za-z])|∖|\\)\s*"
    r"(?:\\left\s*)?(?:\\\{|\{)(?P<items>[^{}]*?)(?:\\right\s*)?(?:\\\}|\}))?"
    r"\s*[.;]?\s*$")


def _domain_line(stripped: str, lines: list[str], lineno: int) -> list[str] | None:
    r"""The assumptions of a domain line (``D = ℝ \ {1}``: ``x != 1``) that opens the cell's
    maths, with x the one letter of the next line; None for any other line. A domain line
    whose letter is not clear is an error that says what to write."""
    match = _DOMAIN_LINE.match(stripped.split("#", 1)[0].strip())
    if match is None:
        return None
    following = next((line.split("#", 1)[0] for line in lines[lineno:]
                      if line.strip() and not line.strip().startswith(("#", "%"))), "")
    code = re.sub(r"\\[A-Za-z]+", " ", following)
    code = re.sub(r"(?<![A-Za-z])[A-Za-z]\s*(?=\()", " ", code)  # f(x): f is no unknown
    letters = set(re.findall(r"(?<![A-Za-z_])[A-Za-z](?![A-Za-z])", code)) - {"e"}
    items = (match["items"] or "").strip()
    if not items:
        return []  # D = ℝ: nothing excluded
    if len(letters) != 1:
        raise ParseError(stripped, "a domain line names the excluded numbers of one unknown; "
                         "write them as an assumption, e.g. assume x != 1", lineno, 1)
    letter = letters.pop()
    parts = items.split(";") if ";" in items else items.split(",")
    return [f"{letter} != {part.strip()}" for part in parts if part.strip()]


def _aside(definition: str, previous: str, lines: list[str], lineno: int) -> bool:
    r"""Is ``definition`` (``\Delta := 16 - 12``) a number named between an equation or
    inequality in letters (``previous``) and a line of statements below it that goes on
    from that equation (``x = 1 or x = 3``, ``x_1 = 1, x_2 = 3``), as the discriminant is
    written in many schools? Not a function, sequence or curve, and not a name the
    equation uses."""
    name, sep, body = definition.partition(":=")
    name = name.strip()
    if not sep or "(" in name or "[" in name or re.search(r"[A-Za-z]", _no_commands(body)):
        return False
    above = _no_commands(previous.split("#", 1)[0])
    if not re.search(r"(?<![<>=!])(?:=|<|>|≤|≥|\\le|\\ge)(?![=>])", previous) \
            or not re.search(r"[A-Za-z]", above) or _mentions(previous, name):
        return False
    for line in lines[lineno:]:
        code = line.split("#", 1)[0].strip()
        if not code or code.startswith("%"):
            continue
        if re.match(r"(?:&\s*)?(?:=|≈|\\approx)", code):
            continue  # the aside goes on: = 4
        return not _mentions(code, name) and bool(re.search(r"[A-Za-z]", _no_commands(code)))
    return False


def _no_commands(text: str) -> str:
    r"""``text`` without LaTeX commands (``\frac``, ``\sqrt``) and their letters."""
    return re.sub(r"\\[A-Za-z]+", " ", text)


def _mentions(text: str, name: str) -> bool:
    bare = name.replace("{", "").replace("}", "")
    return re.search(rf"(?<![A-Za-z_\\]){re.escape(bare)}(?![A-Za-z_0-9])",
                     text.replace("{", "").replace("}", "")) is not None


_PARAMETER_NAMES = r"[A-Za-z](?:_\{?\d+\}?)?(?:\s*,\s*[A-Za-z](?:_\{?\d+\}?)?)*"
#: A statement line may end by naming its integer parameters: ``, k ∈ ℤ``, ``(k in Z)``,
#: ``\quad k \in \mathbb{Z}``, ``, k, m integers``, ``, for some integer k``.
_INTEGER_SUFFIX = re.compile(
    # each blank belongs to one place (', , , ...' had two per gap: 25 commas took a minute),
    # and a match starts where no blank or comma precedes it (not again at each of them)
    r"(?<![\s,;])(?:(?:\s*(?:,|;|\\q?quad(?![A-Za-z])|\\[,;: ]|\\text\s*\{[A-Za-z ,]*\}))+\s*"
    r"|\s*(?=\()|\s+(?=(?:for|where|with)\s))"
    r"(?P<open>\(\s*)?(?:(?:for|where|with)\s+(?:some\s+|any\s+|all\s+)?)?(?:"
    rf"(?P<names>{_PARAMETER_NAMES})\s*(?:∈|\\in(?![A-Za-z])|in\s)\s*"
    r"(?:ℤ|\\mathbb\s*(?:\{\s*Z\s*\}|Z(?![A-Za-z]))|\\Z(?![A-Za-z])|Z(?![A-Za-z])"
    r"|Integers(?![A-Za-z]))"
    rf"|(?P<named>{_PARAMETER_NAMES})\s+(?:an\s+|are\s+|is\s+an\s+)?integers?(?![A-Za-z])"
    rf"|integers?\s+(?P<after>{_PARAMETER_NAMES}))"
    r"\s*(?(open)\))\s*\.?\s*$"
)


def _chain_conditions(chains: list[list[_Piece]], stated: dict[int, str]) -> dict[int, str]:
    """Each line's condition: the one it states, else the one its chain's first line states
    (``x^2 = 4 for x > 0``, then ``<=> x = 2``: the whole chain speaks of x > 0)."""
    conditions = dict(stated)
    for chain in chains:
        first = chain[0].line if chain else 0
        if first in stated:
            for piece in chain:
                conditions.setdefault(piece.line, stated[first])
    return conditions


def _under(step: StepSpec, condition: str | None) -> StepSpec:
    """The step with its line's trailing condition."""
    return replace(step, condition=condition) if condition else step


def _integer_parameters(raw: str) -> tuple[str, str]:
    """(the line without a trailing ``, k ∈ ℤ``, the names it declares) or (line, "")."""
    code, hash_, comment = raw.partition("#")
    found = _INTEGER_SUFFIX.search(code)
    if not found or not code[: found.start()].strip():
        return raw, ""
    names = found.group("names") or found.group("named") or found.group("after")
    names = re.sub(r"[{}]", "", names)
    return code[: found.start()] + (hash_ + comment if hash_ else ""), names


#: Sizing commands (dropped by the lexer) right before a term's first token.
_SIZING_BEFORE = re.compile(
    r"(?:\\(?:left|mleft|bigl|Bigl|biggl|Biggl|big|Big|bigg|Bigg|displaystyle|textstyle)"
    r"(?![A-Za-z])\s*)+$"
)


#: Layout at the end of a term that the lexer reads as spacing: ``&``, ``\\``, ``$``,
#: ``\quad``, ``\,``, ``~``, ``\end{aligned}``. A term's text (the step's side, the
#: conclusion) ends before it.
_LAYOUT_TAIL = re.compile(
    r"(?:\s|\\[,;:! ]|\\\\|\\q?quad(?![A-Za-z])|[$&~\u200b\u200c\u200d\u2060\ufeff]"
    r"|\\(?:begin|end)\s*\{(?![pbBvV]?matrix\}|smallmatrix\})[A-Za-z]+\*?\}(?:\s*\{[0-9]+\})?)+\Z"
)


def _shown(text: str) -> str:
    """A term as it is shown: without a trailing prose annotation (``\\quad \\text{(expand)}``)
    or the alignment marks after it (``&``, ``\\\\``), which the lexer drops as spacing."""
    end = _annotation_start(text)
    cut = _LAYOUT_TAIL.search(text, 0, end)
    return text[: cut.start() if cut else end].strip()


def _split_line(raw: str, lineno: int) -> list[_Piece]:
    """Cut one source line at its top-level relations into terms and relations."""
    tokens = tokenize(raw, line=lineno, col=1)
    pieces: list[_Piece] = []
    stack: list[Token] = []
    term: list[Token] = []
    marker = False

    def close_term(end: int) -> None:
        nonlocal marker
        if term:
            first = term[0]
            call = first.kind == NAME and first.text in _STATEMENT_CALLS
            sizing = _SIZING_BEFORE.search(raw, 0, first.pos)
            start = sizing.start() if sizing else first.pos  # keep \left with its \right
            pieces.append(_Piece(None, lineno, start + 1, start, end, raw, marker, call))
        term.clear()
        marker = False

    grouping: list[bool] = []  # per open bracket: a plain group, not a call's arguments
    interval: list[bool] = []  # per open bracket: an interval after "in", (0, 1] allowed
    previous: Token | None = None
    exponent = False  # whether previous is an exponent or a subscript (x^2 % comment)
    for tok in tokens:
        if tok.kind == END or (tok.kind == OP and tok.text == "#" and not stack) or (
            not stack and _latex_comment(raw, tok, previous, exponent, lineno)
        ):
            close_term(tok.pos)
            break
        if tok.kind in (NAME, OP) and tok.text == "in" and all(grouping):
            marker = True  # x in (0, 1), not (x ∈ [-1, 1]): a membership is a statement
        if tok.kind == NAME and tok.text in TRUTH_WORDS and not stack:
            marker = True  # ... <=> false: a statement that never holds
        if tok.kind == CMD and tok.text in ("langle", "rangle"):  # ⟨1, 2⟩: a vector's brackets
            if tok.text == "langle":
                stack.append(tok)
                interval.append(False)
                grouping.append(False)
            elif stack and stack[-1].text == "langle":
                stack.pop()
                grouping.pop()
                interval.pop()
        if tok.kind == OP:
            if tok.text in OPEN_BRACKETS:
                stack.append(tok)
                interval.append(previous is not None and previous.text in (
                    "in", "cup", "notin", "cap", "setminus"))
                grouping.append(tok.text == "(" and (
                    previous is None or previous.kind not in (NAME, CMD)
                    and previous.text not in ("_", "^")
                ))
            elif tok.text in CLOSE_BRACKETS:
                half_open = bool(interval) and interval[-1] and tok.text in (")", "]")
                if not stack or (OPEN_BRACKETS.get(stack[-1].text) != tok.text
                                 and not half_open):
                    closing = OPEN_BRACKETS.get(stack[-1].text, "\\rangle") if stack else ""
                    expected = f"expected {closing!r}, " if stack else ""
                    raise ParseError(raw, f"{expected}unmatched {tok.text!r}", lineno, tok.pos + 1)
                stack.pop()
                grouping.pop()
                interval.pop()
            elif stack and all(grouping) and (
                tok.text in EXPRESSION_RELATION_OPS or tok.text in ("!=", "and", "or")
            ):
                marker = True  # (x = 1 and y = 2): a bracketed statement
            elif not stack and (
                tok.text in EXPRESSION_RELATION_OPS or tok.text in STATEMENT_RELATION_OPS
                or tok.text in ("->", "≡")
            ):
                if tok.text == "=<":
                    raise ParseError(raw, "write '<=' for 'less than or equal to'",
                                     lineno, tok.pos + 1)
                close_term(tok.pos)
                pieces.append(_Piece(_RELATION_NAMES[tok.text], lineno, tok.pos + 1, source=raw))
                continue
            elif not stack and tok.text in _STATEMENT_MARKERS:
                marker = True
        term.append(tok)
        exponent = previous is not None and previous.text in ("^", "**", "_")
        previous = tok
    if stack:
        raise ParseError(raw, f"{stack[-1].text!r} is never closed", lineno, stack[-1].pos + 1)
    return pieces


def _latex_comment(raw: str, tok: Token, previous: Token | None, exponent: bool,
                   lineno: int) -> bool:
    """A ``%`` set apart by a space starts a LaTeX comment; ``\\%`` and a ``%`` glued to
    what it follows (``5%``) are percent signs; after a number and a space it could be
    either (``5 %``): an error, never a guess."""
    if tok.kind != OP or tok.text != "%" or raw[tok.pos] != "%":
        return False
    if tok.pos and not raw[tok.pos - 1].isspace():
        return False
    if previous is not None and previous.kind == NUM and not exponent and (
        "\\\\" not in raw[previous.pos : tok.pos]  # x + 1 \\ % a comment after a line break
    ):
        raise ParseError(raw, "'%' after a space: write 5% (no space) or 5\\% for a percent, "
                         "or start a comment with #", lineno, tok.pos + 1)
    return True

#: Words of a line that states a fact about numbers only (``2^{10} = 1024``).
_NUMBER_WORDS = frozenset({
    "e", "pi", "ln", "log", "sqrt", "cbrt", "exp", "sin", "cos", "tan", "frac", "dfrac",
    "tfrac", "cdot", "times", "left", "right", "binom", "gcd", "lcm", "mod", "pmod", "bmod",
    "equiv", "mid", "nmid", "infty", "oo", "circ", "le", "ge", "leq", "geq", "neq", "ne",
    "choose"})
#: A count of whole numbers (``C(5, 2)``, ``nPr(5, 2)``, ``^{6}C_{2}``): a number too.
_COUNT_OF_NUMBERS = re.compile(
    r"(?<![A-Za-z\\])(?:C|P|nCr|nPr|binomial)\s*\(\s*\d+\s*,\s*\d+\s*\)"
    r"|(?:\{\s*\})?[\^_]\s*(?:\d|\{\s*\d+\s*\})\s*[CP]\s*_\s*(?:\d|\{\s*\d+\s*\})")
_NUMBER_RELATIONS = ("=", "≡", "<", ">", "\\le", "\\ge", "\\equiv", "≤", "≥", "∣", "\\mid")


def _closed(line: str) -> bool:
    """Does the line state a fact about numbers (no letters: ``3 + 3 = 7``, ``8 ≡ 2 (mod 5)``)?
    Two such lines in a row are two claims: joined by <=>, two false facts would agree."""
    code = _COUNT_OF_NUMBERS.sub("1", line.split("#", 1)[0])
    # a limit's variable is bound: \lim_{x \to 1^-} (x^2 + 2) = 3 is a fact about numbers
    bound = frozenset("".join(found) for found in _LIMIT_VARIABLE.findall(code)) | _LIMIT_WORDS \
        if "lim" in code else frozenset()
    return bool(code.strip()) and any(r in code for r in _NUMBER_RELATIONS) and not any(
        r in code for r in ("<=>", "==>", "<==", "=>", "⇔", "⇒", "\\iff", "\\implies")) and all(
        word.lstrip("\\") in _NUMBER_WORDS or word.lstrip("\\") in bound
        for word in re.findall(r"\\?[A-Za-z]+", code))


def _calculus_fact(line: str) -> bool:
    """Does the line state a derivative or an antiderivative (``d/dx x^2 = 2x``,
    ``\\int x \\, dx = x^2/2``)? Two such lines in a row are two claims: joined by <=>,
    two wrong derivatives that agree only at x = 0 would prove each other."""
    return bool(_CALCULUS_FACT.match(line)) and "=" in line and not any(
        r in line for r in ("<=>", "==>", "<==", "=>", "⇔", "⇒", "\\iff", "\\implies"))


_CALCULUS_FACT = re.compile(
    r"\s*(?:d\s*/\s*d[a-z]|\\d?frac\s*\{\s*(?:d|\\mathrm\s*\{\s*d\s*\})[^}]*\}\s*\{\s*"
    r"(?:d|\\mathrm\s*\{\s*d\s*\})\s*[a-z]\s*\}|diff\s*\(|integrate\s*\(|\\int(?![a-z])|∫)")


#: The variable of a limit: \lim_{x \to a}, lim_{x->a}, lim_(x->a), limit(f, x, a).
_LIMIT_VARIABLE = re.compile(
    r"(?<![A-Za-z])lim\s*_\s*[{(]\s*([A-Za-z])\s*(?:\\to(?![A-Za-z])|->|→|\\[a-z]*arrow)"
    r"|(?<![A-Za-z])limit\s*\(.*?,\s*([A-Za-z])\s*,")
_LIMIT_WORDS = frozenset({"lim", "limit", "to", "downarrow", "uparrow", "searrow", "nearrow",
                          "DNE"})


_ROW_BREAK = re.compile(r"\\\\|\\(begin|end)\s*\{([A-Za-z]*)\*?\}|[{}]")


def _rows(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each row of the cell: a line, or a part of one that LaTeX's
    ``\\\\`` ends outside braces and environments (``3x + 2 = 11 \\\\ 3x = 9`` is two rows;
    a pmatrix's rows stay one). A later part keeps its columns (spaces stand for what is
    before it); the empty rest after a final ``\\\\`` is ``""``, which is no blank line."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if "\\\\" not in line:
            yield lineno, line if line.strip() else " "
            continue
        depth, start = 0, 0
        for mark in _ROW_BREAK.finditer(line):
            token = mark.group(0)
            if mark.group(2) in DISPLAY_ENVIRONMENTS:
                continue  # \begin{aligned} x &= 2 \\ y &= 3 \end{aligned}: its rows are rows
            if token in ("{",) or mark.group(1) == "begin":
                depth += 1
            elif token == "}" or mark.group(1) == "end":
                depth = max(0, depth - 1)
            elif depth == 0:
                yield lineno, " " * start + line[start:mark.start()]
                start = mark.end()
        rest = line[start:]
        yield lineno, (" " * start + rest) if rest.strip() else ""


def _is_statement_chain(chain: list[_Piece]) -> bool:
    for piece in chain:
        if piece.rel == "" or (piece.rel is not None and piece.rel in ("<=>", "==>", "<==")):
            return True
        if piece.rel is None and piece.marker:
            return True
    return False


def _continued_expressions(
    chain: list[_Piece],
) -> tuple[list[_Piece], list[_Piece] | None, str]:
    """A statement chain that ends by continuing its last line's right side on new lines
    (``n = 2k + 1 ==> n^2 = (2k + 1)^2`` then ``= 4k^2 + 4k + 1``): the statement chain up to
    that line, an expression chain from its last term on, and the premise that chain is
    checked under (the first line: ``x = 3 ==> x^2 = 3x`` then ``= 9`` holds because x = 3).
    ``(chain, None, "")`` when the chain does not end that way."""
    for i in range(1, len(chain) - 1, 2):
        rel, before, after = chain[i], chain[i - 1], chain[i + 1]
        if rel.rel in (None, "", "<=>", "==>", "<==") or (
                rel.line == before.line and after.line == rel.line):
            continue
        head, rest = chain[:i], chain[i:]
        links = [k for k, p in enumerate(head) if p.rel in ("", "<=>", "==>", "<==")]
        premise = head[: links[0]] if links else []
        if (not links or any(p.rel in ("", "<=>", "==>", "<==") or p.marker for p in rest)
                or any(head[k].rel == "<==" for k in links)
                or any(p.marker or p.statement_call for p in premise)):
            # Not at the end, or no plain first line to assume (x = 1 or x = 2; a chain
            # of <==, whose first line is the conclusion): the error explains.
            return chain, None, ""
        first, last = premise[0], premise[-1]
        return head, [before, *rest], (first.source[first.start : last.start] + last.text).strip()
    return chain, None, ""


def _expression_chain(
    chain: list[_Piece], number: int, lines: list[ChainLine], steps: list[StepSpec],
    premise: str = "",
) -> None:
    _check_alternation(chain)
    terms = chain[0::2]
    relations = chain[1::2]
    if not relations:
        _lone(terms[0])
    origin = terms[0].text
    lines.append(ChainLine(origin, terms[0].line, terms[0].col, "expression", None, number))
    texts = _congruence_texts(terms, relations) if any(
        r.rel == "≡" or "mod" in t.text for r, t in zip(relations, terms[1:], strict=False)
    ) else None
    for k, (rel, lhs, rhs) in enumerate(zip(relations, terms, terms[1:], strict=False)):
        assert rel.rel is not None
        relation, left, right = (rel.rel, lhs.text, rhs.text) if texts is None else texts[k]
        lines.append(ChainLine(rhs.text, rhs.line, rhs.col, "expression", relation, number))
        steps.append(StepSpec(index=len(steps), relation=relation, lhs=left, rhs=right,
                              origin=texts[0][1] if texts else _carried(terms, relations, k)
                              if relation == "≈" and k else origin, line=rhs.line,
                              col=rhs.col, kind="expression", lhs_line=lhs.line,
                              premise=premise, lhs_col=lhs.col if texts is None else 0))


#: A lone letter (x, x_1, \theta): the left side of a rounded answer x ≈ 2.81.
_LONE_LETTER = re.compile(r"\\?[A-Za-z]+(?:_\{?\w+\}?)?")


def _carried(terms: list[_Piece], relations: list[_Piece], k: int) -> str:
    """The exact value the left side of the rounding step ``k`` stands for when it is a
    decimal reached by ≈ or = (``A = 0.8047... ≈
    0.805`` and ``A ≈ 0.245 ≈ 0.25`` round A), else the chain's origin; the rounding check
    reads it from the step's origin."""
    from .rounding import approximate, truncated_side

    if not approximate(terms[k].text):
        return terms[0].text  # the chain's origin, as for any step
    while k > 0 and (relations[k - 1].rel == "≈" and approximate(terms[k].text)
                     or relations[k - 1].rel == "=" and truncated_side(terms[k].text)):
        k -= 1  # through = only from 0.8047...: a decimal after = is its own exact value
    return terms[k].text


def _congruence_texts(terms: list[_Piece], relations: list[_Piece]) -> list[tuple[str, str, str]]:
    """(relation, lhs, rhs) per step of a chain with congruences: ``A ≡ B ≡ C (mod m)``
    gives each ``≡`` step the modulus written at its right side, else the next one in the
    chain (written once at the end), else the last one before; ``= B (mod m)`` is a
    congruence too. A step's left side and the origin lose their modulus."""
    split = [split_modulus(t.text, bare=k > 0 and relations[k - 1].rel == "≡")
             for k, t in enumerate(terms)]
    moduli = [m for _, m in split]
    out: list[tuple[str, str, str]] = []
    for k, rel in enumerate(relations):
        body, own = split[k + 1]
        relation = rel.rel or ""
        if relation == "≡" or (relation == "=" and own is not None):
            later = [m for m in moduli[k + 1 :] if m is not None]
            earlier = [m for m in moduli[: k + 1] if m is not None]
            modulus = own or (later[0] if later else earlier[-1] if earlier else None)
            if modulus is None:
                raise ParseError(rel.source, "write the modulus of this congruence: "
                                 "a ≡ b (mod m); for an identity write '='",
                                 rel.line, rel.col)
            out.append(("≡", split[k][0], f"{body} (mod {modulus})"))
        else:
            out.append((relation, split[k][0], terms[k + 1].text))
    return out


def _statement_chain(
    chain: list[_Piece], number: int, lines: list[ChainLine], steps: list[StepSpec]
) -> list[tuple[_Piece, _Piece, _Piece]]:
    """The chain's statement steps; returns the rounding claims that end its statements
    (``<=> x = ln(5)/2 ≈ 0.805``: ``ln(5)/2 ≈ 0.805``), to be checked on their own."""
    _check_alternation(chain)
    # Group terms joined by expression relations (on one line) into statements.
    statements: list[tuple[_Piece, _Piece, bool]] = []  # first term, last term, has relation
    links: list[_Piece] = []
    roundings: list[tuple[_Piece, _Piece, _Piece]] = []
    first = last = chain[0]
    related = first.marker or first.statement_call
    solved = False  # this statement is x ≈ d: the solutions above rounded
    for i in range(1, len(chain), 2):
        rel, term = chain[i], chain[i + 1]
        assert rel.rel is not None
        if rel.rel in ("<=>", "==>", "<==", ""):
            statements.append((first, last, related))
            links.append(rel)
            first = last = term
            related = term.marker or term.statement_call
            solved = False
            continue
        if rel.line != last.line or term.line != rel.line:
            raise ParseError(
                term.source if term.line == rel.line else last.source,
                f"a line starting or ending with {rel.rel!r} continues an expression; in a "
                "chain of statements only its last lines may do that (n = 2k + 1 ==> n^2 = "
                "(2k + 1)^2, then = 4k^2 + 4k + 1): start this line with <=>, ==> or <==, or "
                "leave a blank line to start a new chain",
                rel.line,
                rel.col,
            )
        if rel.rel == "≈" and statements and (solved or first is last and _LONE_LETTER.fullmatch(
                last.text.strip())):  # 2^x = 7 <=> x ≈ 2.81: the solutions rounded
            last, related, solved = term, True, True
            continue
        if roundings and roundings[-1][0] is last or solved:
            raise ParseError(rel.source, "a rounding ends its statement: write the exact "
                             "value first and round it last, x = ln(5)/2 ≈ 0.805",
                             rel.line, rel.col)
        if rel.rel == "≈":  # the statement ends before it; the rounding is its own step
            roundings.append((last, rel, term))
            continue
        last = term
        related = True
    statements.append((first, last, related))
    # a statement's text ends where its last term's does: before the alignment marks and
    # annotations after it (x + 1 = 3 &\iff ... in align*: not '... = 3 &')
    texts = [(f.source[f.start : last.start] + last.text).strip()
             for f, last, _ in statements]
    for i, link in enumerate(links):
        if link.rel == "" and not (statements[i][2] and statements[i + 1][2]):
            raise ParseError(
                link.source,
                "this line does not start with a relation: continue the chain with '= ...' "
                "(or <=>, ==>, <== between equations), or leave a blank line to start a new "
                "chain",
                link.line,
                link.col,
            )
    for f, _, related in statements:
        if not related:
            raise ParseError(
                f.source,
                "expected an equation or inequality such as x = 2: <=>, ==> and <== relate "
                "statements, = and < relate expressions",
                f.line,
                f.col,
            )
    origin = texts[0]
    head = statements[0][0]
    lines.append(ChainLine(origin, head.line, head.col, "statement", None, number))
    for i, link in enumerate(links):
        lhs, rhs = statements[i][0], statements[i + 1][0]
        relation = link.rel or "<=>"
        lines.append(ChainLine(texts[i + 1], rhs.line, rhs.col, "statement", relation, number))
        steps.append(StepSpec(index=len(steps), relation=relation, lhs=texts[i],
                              rhs=texts[i + 1], origin=origin, line=rhs.line, col=rhs.col,
                              kind="statement", lhs_line=lhs.line, lhs_col=lhs.col))
    if not links and _modular(texts[0]):
        # 3 | n^3 - n, n^2 mod 4 = 0 or n^2 mod 4 = 1: a claim about every allowed n.
        lines.append(ChainLine("true", head.line, head.col, "statement", "<=>", number))
        steps.append(StepSpec(index=len(steps), relation="<=>", lhs=texts[0], rhs="true",
                              origin=origin, line=head.line, col=head.col,
                              kind="statement", lhs_line=head.line))
    elif not links:
        _lone(head)
    return roundings


#: A word that opens a line of what is given, as ``assume`` does: "Let f(x) = x^2",
#: "Suppose x > 0", "Sei a = 2", "Soit f(x) = x + 1" (then a relation, never a product).
#: A line that defines a function or a sequence with ``:=`` (``f(x) := x^2``, ``a[n] := 2^n``).
_DEFINES = re.compile(r"(?P<head>[A-Za-z]\s*(?:(?P<args>\(\s*[A-Za-z](?:\s*,\s*[A-Za-z])*\s*\))"
                      r"|\[\s*[A-Za-z]\s*\]))\s*:=")
_GIVEN_WORD = r"(?:let|(?:given|suppose)(?:\s+that)?|sei|seien|soit|soient)"
#: (also in \text{...} as pasted from LaTeX: ``\text{Let } u = \cos x``, round 63)
_GIVEN = re.compile(rf"(?:{_GIVEN_WORD}\s+|\\text(?:rm|bf|it)?\s*\{{\s*{_GIVEN_WORD}\s*\}}\s*)"
                    r"(?=[^=<>]*(?:[=<>≤≥≠∈]|\\in(?![A-Za-z])))",
                    re.IGNORECASE)


#: "Let z = x + iy with x, y real": what follows "with" (or "where") is given too.
_GIVEN_WITH = re.compile(r"\s+(?:with|where)\s+(?=[A-Za-z\\])")


def _modular(text: str) -> bool:
    return any(mark in text for mark in ("≡", "∣", "∤", "mod", "\\equiv", "mid"))


def _check_alternation(chain: list[_Piece]) -> None:
    """Terms and relations must alternate, starting and ending with a term."""
    previous: _Piece | None = None
    for piece in chain:
        if piece.rel is not None and (previous is None or previous.rel is not None):
            shown = piece.rel or "<=>"
            if previous is None and shown in ("==>", "<=>", "<=="):
                # "therefore x = 2" as the cell's first line: quoting the line as read
                # ('==>       x = 2') would show the reader text they never wrote
                words = {"==>": "'so', 'therefore' or '==>'"}.get(shown, repr(shown))
                raise ParseError("", f"{words} starts the cell, but no line comes before it "
                                 "to follow from: write that line above it",
                                 piece.line, piece.col)
            if previous is None:
                reason = f"expected an expression before {shown!r}"
            else:
                reason = f"expected an expression between {previous.rel or '<=>'!r} and {shown!r}"
            raise ParseError(piece.source or "", reason, piece.line, piece.col)
        previous = piece
    if previous is not None and previous.rel is not None:
        raise ParseError("", f"expected an expression after {previous.rel!r}",
                         previous.line, previous.col)


#: ``X \\sim B(5, 0.3)``, ``X ~ N(3, 4)``, ``Y \\sim \\text{Po}(2)``: a random variable's
#: distribution, written where a step was expected.
_DISTRIBUTION = re.compile(r"[A-Za-z](?:_\{?\w+\}?)?\s*(?:\\sim(?![A-Za-z])|~)\s*[^\s(]*\s*\(")


def _lone(term: _Piece) -> None:
    comma = _DECIMAL_COMMA.search(term.source)
    if comma is not None:
        raise ParseError(
            term.source,
            "',' joins statements (x = 1, y = 2 means x = 1 and y = 2): write decimals "
            f"with a point ({comma.group().replace(',', '.')})",
            term.line,
            comma.start() + 2,
        )
    if "!=" in term.source or "≠" in term.source or "\\ne" in term.source:
        raise ParseError(
            term.source,
            "'≠' is not a step relation: a step claims that two expressions are equal (=) or "
            "ordered (<, <=, >, >=), or relates statements (<=>, ==>); to see that two "
            "expressions differ, write '=' and read the counterexample (≠ works inside "
            "statements, e.g. x^2 = 4 and x ≠ 2)",
            term.line,
            term.col,
        )
    sim = _DISTRIBUTION.search(term.source)
    if sim is not None:  # X \sim B(5, 0.3), X ~ N(3, 2^2): a distribution, not a step
        raise ParseError(
            term.source,
            f"'{term.source.strip()}' names a distribution, which proofnb does not read: make "
            "the line a comment (# X ~ B(5, 0.3)) and write the probabilities it gives with "
            "numbers, e.g. P(X = 2) = \\binom{5}{2} 0.3^2 0.7^3, or for a normal "
            "P(X < 5) = \\Phi(\\frac{5 - 3}{2})",
            term.line,
            term.col + sim.start(),
        )
    raise ParseError(
        term.source,
        "nothing to check here: a step needs two lines or expressions joined by a relation "
        "such as '=' or '<=>'",
        term.line,
        term.col,
    )
