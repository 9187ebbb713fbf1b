"""The quick first pass over one step: plain steps decided in microseconds, without SymPy.

Most classroom steps are plain polynomial algebra, or false at a small number. Parsing them
into SymPy and running the tiers costs a millisecond or more; this pass reads the step with
:mod:`.syntax`, and

* proves an ``=`` step whose sides have the same rational normal form over opaque atoms and
  are defined at the same points (:mod:`.forms`), or differ only by holes in one letter,
  which become the domain notes (:mod:`.holes`); an inequality whose sides differ by a
  constant of the right sign;
* proves a statement step whose lines are polynomial relations with the same solutions
  (:mod:`.equivalence`);
* refutes a step at the simplest point (0, 1, -1, 2, ...) where every side has a value and
  the relation certainly fails: exact rational arithmetic, or floats confirmed by rigorous
  interval arithmetic (:mod:`.values`); a statement step at a point where its two lines'
  truth values differ, every relation in them defined and certain there.

In complex mode only identities are proved. Everything else (no decision here, assumptions,
conditions, premises, readings, text outside the quick grammar) returns ``None`` and goes to
the full checker, so the pass only adds speed: a verdict from it is the full checker's, or a
sound stronger one (an exact proof where the full checker has only numeric evidence).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

import sympy as sp

from ..model import CheckOptions, Counterexample, Status, StepResult, StepSpec
from ..numeric import step_seed
from ..render import render_latex
from . import equivalence, holes
from .calculus import letters_of
from .forms import NotPolynomial, Reader, constant_difference, same
from .shown import approximations, exact_text, number_text, sympy_number
from .syntax import (
    Both,
    Call,
    Derivative,
    Either,
    Neg,
    Node,
    Power,
    Product,
    Quotient,
    Relation,
    Statement,
    Sum,
    Unsupported,
    parse_expression,
    parse_statement,
)
from .values import (
    Number,
    PiMultiple,
    Point,
    Undefined,
    Unsure,
    enclosure,
    relation_holds,
    truth,
    value,
)

#: Values tried for each variable, simplest first (the full checker's first sample values).
SIMPLE_VALUES: tuple[Fraction | PiMultiple, ...] = tuple(Fraction(v) for v in (
    "0", "1", "-1", "2", "-2", "1/2", "-1/2", "3", "-3", "1/3", "3/2", "-1/3", "4", "5/2"))


def _pi(multiple: str) -> PiMultiple:
    return PiMultiple(Fraction(0), Fraction(multiple))


#: Values tried first for a letter inside sin, cos or tan: where they take rational values,
#: so that the witness needs no calculator (sin(2x) = 2 sin(x) fails at x = pi/2: 0 and 2).
TRIG_VALUES: tuple[Fraction | PiMultiple, ...] = (
    Fraction(0), _pi("1/2"), _pi("1"), _pi("-1/2"), _pi("1/6"), _pi("1/4"), Fraction(1),
    Fraction(-1), Fraction(2), _pi("1/3"), Fraction(-2), Fraction(1, 2), Fraction(3),
    _pi("3/2"))

#: Points tried for one variable, and per-variable values combined for several.
ONE_VARIABLE_POINTS = len(SIMPLE_VALUES)
SEVERAL_VALUES = 5
SEVERAL_POINTS = 40
#: Points tried before the normal forms.
FIRST_POINTS = 3
#: Most variables a step may have here.
MAX_VARIABLES = 4

_EXPRESSION_RELATIONS = frozenset({"=", "<", "<=", ">", ">="})
_STATEMENT_RELATIONS = frozenset({"<=>", "==>", "<=="})


def quick_check(spec: StepSpec, options: CheckOptions) -> StepResult | None:
    """The step's result when the quick pass decides it, else ``None``."""
    started = time.perf_counter()
    if options.assume or options.symbols or spec.premise or spec.condition \
            or spec.reading is not None:
        return None
    complex_mode = options.domain == "complex"
    if complex_mode and (spec.kind != "expression" or spec.relation != "="):
        return None  # in complex mode only identities, and only proved here
    try:
        if spec.kind == "expression" and spec.relation in _EXPRESSION_RELATIONS:
            decided = _expression_step(spec, complex_mode)
        elif spec.kind == "statement" and spec.relation in _STATEMENT_RELATIONS:
            decided = _statement_step(spec)
        else:
            return None
    except (Unsupported, NotPolynomial, RecursionError, ArithmeticError, ValueError):
        return None
    if decided is None:
        return None
    status, method, witness, notes = decided
    return StepResult(
        index=spec.index, relation=spec.relation, lhs=spec.lhs, rhs=spec.rhs, status=status,
        method=method, seconds=time.perf_counter() - started, counterexample=witness,
        notes=notes, flags=("domain",) if notes else (),
        lhs_latex=render_latex(spec.lhs), rhs_latex=render_latex(spec.rhs), line=spec.line,
        seed=step_seed(options.seed, spec.origin, spec.lhs, spec.rhs, spec.relation)
        if witness is not None else None)


#: (status, method, witness, domain notes)
Decision = tuple[Status, str, Counterexample | None, tuple[str, ...]]


def _expression_step(spec: StepSpec, complex_mode: bool = False) -> Decision | None:
    lhs, rhs = parse_expression(spec.lhs), parse_expression(spec.rhs)
    origin = lhs if spec.origin.strip() == spec.lhs.strip() else parse_expression(spec.origin)
    letters = sorted(letters_of(lhs) | letters_of(rhs) | letters_of(origin))
    if len(letters) > MAX_VARIABLES:
        return None
    if complex_mode:
        # An identity of normal forms holds for complex values of the letters and atoms
        # alike; refutations and domain notes need complex points: the full checker's.
        proved = _identity(spec.relation, lhs, rhs, origin, letters, holes_allowed=False)
        return None if proved is None else ("proved", proved[0], None, ())
    points = list(_points(letters, _trig_letters(lhs, rhs, origin)))
    # Most false steps fail at one of the first points: try those before the normal forms.
    found = _counterexample(spec.relation, lhs, rhs, origin, points[:FIRST_POINTS])
    if found is None:
        proved = _identity(spec.relation, lhs, rhs, origin, letters)
        if proved is not None:
            return "proved", proved[0], None, proved[1]
    if found is None:
        found = _counterexample(spec.relation, lhs, rhs, origin, points[FIRST_POINTS:])
    return None if found is None else ("refuted", "counterexample", found, ())


def _counterexample(relation: str, lhs: Node, rhs: Node, origin: Node,
                    points: Sequence[Point]) -> Counterexample | None:
    """The witness at the first of ``points`` where every side has a value and the step
    certainly fails."""
    for point in points:
        try:
            if origin is not lhs:
                value(origin, point)
            a, b = value(lhs, point), value(rhs, point)
            if relation_holds(relation, lhs, rhs, point, (a, b)):
                continue
        except (Undefined, Unsure):
            continue
        return _value_witness(relation, point, lhs, rhs, a, b)
    return None


def _identity(relation: str, lhs: Node, rhs: Node, origin: Node, letters: Sequence[str],
              holes_allowed: bool = True) -> tuple[str, tuple[str, ...]] | None:
    """How ``lhs relation rhs`` is proved by normal forms over atoms (:mod:`.forms`), with
    its domain notes: equal forms for ``=``, a constant difference of the right sign for the
    others (``2x + 3 < 2x + 5``). Only when both sides and the chain's first expression are
    defined at the same points, and at some; or, in one letter, when they differ only by
    denominators with rational roots, which become the notes (``x ≠ 1``)."""
    readers = Reader(), Reader(), Reader()
    try:
        left, right = readers[0].form(lhs), readers[1].form(rhs)
        if origin is not lhs:
            readers[2].form(origin)
        else:
            readers[2].restrictions = readers[0].restrictions
    except NotPolynomial:
        return None
    try:
        if relation == "=":
            if not same(left, right):
                return None
        else:
            difference = constant_difference(left, right)
            if difference is None or not _SIGN_HOLDS[relation](difference):
                return None
    except NotPolynomial:  # sin^2 + cos^2 reduction past the size bound
        return None
    restrictions = readers[0].restrictions
    notes: tuple[str, ...] = ()
    if readers[1].restrictions != restrictions:
        if not holes_allowed:
            return None
        notes_found = _hole_notes(relation, (lhs, rhs), readers, origin is lhs, letters)
        if notes_found is None:
            return None
        notes = tuple(notes_found)
    elif readers[2].restrictions != restrictions:
        return None
    if not any(_defined((lhs, rhs, origin), point) for point in _points(letters)):
        return None  # a side with no real value (sqrt(-1) - sqrt(-1) = 0) proves nothing
    if relation != "=":
        return "sign", notes
    if readers[0].trigonometric or readers[1].trigonometric \
            or relation == "=" and not same(left, right, pythagoras=False):
        return "trig-polynomial", notes  # the full checker's name for such a proof
    constant = all(len(form.denominator) == 1 and () in form.denominator
                   for form in (left, right))
    if not letters and constant and set(left.numerator) <= {()}:
        return "identical", notes  # 3^2 - 0^2 = 9: the same number, as the full checker says
    return ("expand" if constant and not notes else "cancel"), notes


def _hole_notes(relation: str, sides: tuple[Node, Node], readers: Sequence[Reader],
                origin_is_lhs: bool, letters: Sequence[str]) -> list[str] | None:
    """The notes of an identity in one letter whose sides differ only in denominators."""
    left, right = readers[0].restrictions, readers[1].restrictions
    differing = left ^ right
    if relation != "=" or not origin_is_lhs or len(letters) != 1 \
            or not all(name.startswith("≠0 ") for name in differing):
        return None
    factors = [readers[0].nonzero.get(name) or readers[1].nonzero[name] for name in differing]
    return holes.notes(letters[0], factors, sides)


_SIGN_HOLDS = {"<": lambda d: d < 0, "<=": lambda d: d <= 0, ">": lambda d: d > 0,
               ">=": lambda d: d >= 0}


def _defined(nodes: Sequence[Node], point: Point) -> bool:
    try:
        for node in nodes:
            value(node, point)
    except (Undefined, Unsure):
        return False
    return True


def _statement_step(spec: StepSpec) -> Decision | None:
    first, second = parse_statement(spec.lhs), parse_statement(spec.rhs)
    if spec.origin.strip() != spec.lhs.strip():
        parse_statement(spec.origin)  # the chain's first line: the full checker reads it too
    letters_before, letters_after = _statement_letters(first), _statement_letters(second)
    if letters_before != letters_after or len(letters_before) > MAX_VARIABLES:
        return None  # a letter on one line only may be a "for some" parameter
    letters = sorted(letters_before)
    method = equivalence.proved(spec.relation, first, second)
    if method is not None:
        return "proved", method, None, ()
    trig = _trig_letters(*_sides(first), *_sides(second))
    for point in _points(letters, trig):
        try:
            before, after = truth(first, point), truth(second, point)
        except (Undefined, Unsure):
            continue
        if before and not after and spec.relation in ("<=>", "==>"):
            return "refuted", "counterexample", _root_witness("lost-root", point), ()
        if after and not before and spec.relation in ("<=>", "<=="):
            return "refuted", "counterexample", _root_witness("gained-root", point), ()
    return None


def _statement_letters(stmt: Statement) -> set[str]:
    match stmt:
        case Relation(_, lhs, rhs):
            return set(letters_of(lhs) | letters_of(rhs))
        case Both(parts) | Either(parts):
            return set().union(*map(_statement_letters, parts))
    return set()


def _points(letters: Sequence[str], trig: frozenset[str] = frozenset()) -> Iterator[Point]:
    """Simplest points first: for several letters, combinations of their first values by
    largest index, then index sum (the full checker's order). A letter inside sin, cos or
    tan tries :data:`TRIG_VALUES`, the others :data:`SIMPLE_VALUES`."""
    if not letters:
        yield {}
        return
    columns = [TRIG_VALUES if letter in trig else SIMPLE_VALUES for letter in letters]
    if len(letters) == 1:
        for v in columns[0][:ONE_VARIABLE_POINTS]:
            yield {letters[0]: v}
        return
    combos = sorted(itertools.product(range(SEVERAL_VALUES), repeat=len(letters)),
                    key=lambda t: (max(t), sum(t), t))
    for combo in combos[:SEVERAL_POINTS]:
        yield {name: column[i] for name, column, i in zip(letters, columns, combo, strict=True)}


def _sides(stmt: Statement) -> Iterator[Node]:
    match stmt:
        case Relation(_, lhs, rhs):
            yield lhs
            yield rhs
        case Both(parts) | Either(parts):
            for part in parts:
                yield from _sides(part)


def _trig_letters(*nodes: Node) -> frozenset[str]:
    """Letters inside a sin, cos or tan call of ``nodes``."""
    found: set[str] = set()

    def visit(node: Node) -> None:
        match node:
            case Call(name, argument):
                if name in ("sin", "cos", "tan"):
                    found.update(letters_of(argument))
                visit(argument)
            case Sum(parts) | Product(parts):
                for part in parts:
                    visit(part)
            case Neg(operand):
                visit(operand)
            case Quotient(a, b) | Power(a, b):
                visit(a)
                visit(b)
            case Derivative(value=tree):
                visit(tree)

    for node in nodes:
        visit(node)
    return frozenset(found)


# -- witnesses, in the full checker's words ------------------------------------------------

def _sympy_point(point: Point) -> dict[sp.Symbol, sp.Rational]:
    return {sp.Symbol(name, real=True): sympy_number(v) for name, v in point.items()}


def _value_witness(relation: str, point: Point, lhs: Node, rhs: Node, a: Number,
                   b: Number) -> Counterexample:
    """The witness sentence of :func:`proofnb.core.witness.probe_expressions` for this point:
    each side's exact value with the point put in, and its decimals (:mod:`.shown`)."""
    intervals = tuple(None if isinstance(v, Fraction) else _enclosure_or_none(side, point)
                      for v, side in ((a, lhs), (b, rhs)))
    texts, values = [], []
    for side, v, interval in ((lhs, a, intervals[0]), (rhs, b, intervals[1])):
        shown = exact_text(side, point, interval=interval)
        exact = _fraction(shown) if interval is not None else None
        if exact is not None:  # e^(-1) - e^(-1) is 0, sqrt(2)*sqrt(8) is 4: no decimals
            v, interval = exact, None
        texts.append((shown, shown if exact is not None
                      else exact_text(side, point, sympy_form=True)))
        values.append((v, interval))
    (left_text, left_value), (right_text, right_value) = texts
    left_near, right_near = approximations(values[0][0], values[1][0],
                                           (values[0][1], values[1][1]))
    where = f"{_point_text(point)}: " if point else ""
    text = f"{where}left side {left_text}{left_near}, right side {right_text}{right_near}"
    if relation != "=":
        text += f" (so {left_text} {relation} {right_text} fails)"
    found = Counterexample(
        kind="value", point=tuple((name, number_text(v)) for name, v in point.items()),
        lhs_value=left_value, rhs_value=right_value, text=text)
    x, y = values[0][0], values[1][0]
    if isinstance(x, Fraction) and isinstance(y, Fraction) and abs(x - y) < NEAR_MISS:
        from ..witness import noting_gap  # 3a - 5 + 10^-12 = 3a - 5: say how far apart

        found = noting_gap(found, sympy_number(x), sympy_number(y))
    return found


#: Sides closer than this get the full checker's "the sides differ by about ..." note.
NEAR_MISS = Fraction(1, 10**6)


def _fraction(text: str) -> Fraction | None:
    try:
        return Fraction(text)
    except ValueError:
        return None


def _point_text(point: Point) -> str:
    return ", ".join(f"{name} = {number_text(v)}" for name, v in point.items())


def _enclosure_or_none(node: Node, point: Point) -> Any:
    try:
        return enclosure(node, point)
    except Unsure:
        return None


def _root_witness(kind: str, point: Point) -> Counterexample:
    from ..witness import root_witness

    return root_witness(kind, _sympy_point(point))


__all__ = ["quick_check"]
