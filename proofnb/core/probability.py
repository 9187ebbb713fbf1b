"""Probability and counting notation: quantities such as ``E(X)``, ``Var(X)``, ``P(A | B)``,
and counting calls such as ``C(5, 2)``, ``P(5, 2)``, ``^{5}C_{2}``.

The reading (documented in notebooks/cell-language.md):

* A quantity head (``E``, ``P``, ``Pr``, ``Var``, ``SD``, ``Cov``, ``Corr``, also through
  ``\\operatorname``, ``\\mathrm``, ``\\mathbb{E}``, ``\\Pr``) applied to a random variable or an
  event is an opaque real number, one symbol per quantity: never a product of letters and
  never Euler's e. ``E(X)`` and ``E[X]`` are the same quantity; an event is compared as
  written, up to spacing and notation (``\\cap`` and ``∩``, ``A^c`` and ``A'``; the parts of
  ``A ∩ B`` in any order). ``E`` and ``P`` are quantities when their argument has a capital
  letter or an event operator; ``E(x + 1)`` stays e(x + 1).
* A value chain gives a quantity its number (``E(X) = 0 \\cdot 0.2 + 1 \\cdot 0.5 = 0.5``, see
  :meth:`proofnb.core.definitions.Definitions._value`).
* Before a step is decided, each quantity without a given value is written by its definition
  where one applies: ``E`` is linear (``E(2X + 1) = 2 E(X) + 1``, ``E(X + Y) = E(X) + E(Y)``),
  ``Var(aX + b) = a^2 (E(X^2) - E(X)^2)``, ``SD(X) = sqrt(Var(X))``,
  ``Cov(X, Y) = E(XY) - E(X) E(Y)``, ``P(A') = 1 - P(A)``,
  ``P(A ∪ B) = P(A) + P(B) - P(A ∩ B)``, ``P(A | B) = P(A ∩ B)/P(B)``. Nothing else is assumed
  (no independence: ``E(XY)`` and ``Var(X + Y)`` stay quantities of their own).
* Quantities are related (``E(X^2) >= E(X)^2``, ``0 <= P(A) <= 1``), so a point that gives a
  quantity without a given value an arbitrary number is no counterexample: such a step is
  left ``unknown`` with a message, never refuted (:func:`guarded`). A proof for every value
  of the quantities holds in particular.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sympy as sp

from proofnb.core.domain import conditions as natural_domain
from proofnb.core.errors import ParseError
from proofnb.core.lexer import CMD, NAME, NUM, OP, Token
from proofnb.core.model import Counterexample

if TYPE_CHECKING:
    from proofnb.core.decide import Outcome
    from proofnb.core.grammar import MathParser

#: Heads read as a quantity whenever a bracket follows; E and P only with a random variable
#: or an event inside (E(x + 1) is e(x + 1); P(1.05) after P = 1000 is a product).
ALWAYS = {"Var": "Var", "Cov": "Cov", "SD": "SD", "Corr": "Corr", "Pr": "P"}
#: Names read by :func:`read` besides the heads: \\Phi(1.96), the normal distribution function.
OTHER = frozenset({"Phi"})
SOMETIMES = {"E": "E", "P": "P"}
HEADS = frozenset(ALWAYS) | frozenset(SOMETIMES)

#: name of a quantity symbol -> (head, arguments: expressions, or the event text for P)
_QUANTITIES: dict[str, tuple[str, tuple[Any, ...]]] = {}

_CLOSERS = {"(": ")", "[": "]"}
_EVENT_OPS = {"cap": "∩", "cup": "∪", "|": "|", "∣": "|", "'": "'", "<=": "≤", ">=": "≥",
              "!=": "≠", "and": "∩", "or": "∪", "not": "not "}


def quantity_text(text: str) -> bool:
    """Might ``text`` hold a quantity (a cheap screen before any work)?"""
    return _SCREEN.search(text) is not None


_SCREEN = re.compile(r"(?<![A-Za-z])(?:E|P|Pr|Var|Cov|SD|Corr)\s*[(\[]|\\Pr|\\mathbb\s*\{\s*E")


def read(parser: MathParser, tok: Token) -> Any | None:
    """The quantity or counting call that the name ``tok`` starts (the cursor is on the
    bracket after it), consumed; None (nothing consumed) when the name is no such head."""
    name = tok.text
    opener = parser.peek()
    if opener.kind != OP or opener.text not in _CLOSERS:
        return None
    end = _closing(parser.tokens, parser.i)
    if end is None:
        return None
    inner = parser.tokens[parser.i + 1 : end]
    written = parser.text[opener.pos + 1 : parser.tokens[end].pos]
    if name == "Phi":
        return _normal_cdf(parser, written) if opener.text == "(" else None
    commas = _top_commas(inner)
    if name in ("C", "P") and opener.text == "(" and commas == 1 and not _capital(written):
        return parser.call(tok, "binomial" if name == "C" else "nPr")
    if name == "E" and not _capital(written) or name == "P" and not _event_like(written):
        return None  # E(x + 1) is e(x + 1); P(1 + R) after P = 1000 is a product
    if name not in HEADS:
        return None
    head = ALWAYS.get(name) or SOMETIMES[name]
    if head == "P":
        bound = _bound(parser, parser.i + 1, end)
        if bound is not None:  # P(Z < \\frac{5 - 3}{2}) is P(Z < 1)
            event = _event(parser.tokens[parser.i + 1 : bound[0] + 1], parser, tok, bound[1])
        else:
            event = _event(inner, parser, tok)
        parser.i = end + 1
        return _symbol("P", (event,))
    parser.advance()
    parser.nest += 1
    try:
        args = [parser.expr(parser.sum(), parser.peek())]
        while parser.at(","):
            parser.advance()
            args.append(parser.expr(parser.sum(), parser.peek()))
    finally:
        parser.nest -= 1
    parser.expect(_CLOSERS[opener.text], f"to close {name}{opener.text}")
    wanted = 2 if head in ("Cov", "Corr") else 1
    if len(args) != wanted:
        parser.fail(tok, f"{name} takes {wanted} argument{'s' if wanted > 1 else ''}: "
                         + ("Cov(X, Y)" if wanted == 2 else f"{name}(X)"))
    args = [_settled(a) for a in args]
    return _symbol(head, tuple(args))


def _normal_cdf(parser: MathParser, written: str) -> Any | None:
    """``\\Phi(1.96)``, ``Φ(-1)``: the standard normal distribution function,
    (1 + erf(z/sqrt(2)))/2, when its argument is a number (``\\Phi(x)`` with a letter stays
    what it was: a flux Φ times x)."""
    if re.search(r"[A-Za-z]", re.sub(r"\\(?:frac|dfrac|tfrac|sqrt|cdot|times|left|right)"
                                      r"(?![A-Za-z])", " ", written)):
        return None
    parser.advance()
    parser.nest += 1
    try:
        z = parser.expr(parser.sum(), parser.peek())
    finally:
        parser.nest -= 1
    parser.expect(")", "to close \\Phi(...)")
    return (1 + sp.erf(z / sp.sqrt(2))) / 2


def _settled(arg: Any) -> Any:
    """The argument with its arithmetic done, so that both parses name the same quantity."""
    try:
        return arg.doit() if isinstance(arg, sp.Basic) else arg
    except Exception:  # noqa: BLE001 - a failed doit keeps the argument as written
        return arg


def _symbol(head: str, args: tuple[Any, ...]) -> sp.Symbol:
    shown = ", ".join(a if isinstance(a, str) else _show(a) for a in args)
    name = f"{head}({shown})"
    _QUANTITIES.setdefault(name, (head, args))
    return sp.Symbol(name, real=True)


def _show(expr: Any) -> str:
    return str(expr).replace("**", "^").replace("*", "")


def _closing(tokens: list[Token], index: int) -> int | None:
    depth = 0
    for j in range(index, len(tokens)):
        t = tokens[j]
        if t.kind != OP:
            continue
        if t.text in ("(", "[", "{"):
            depth += 1
        elif t.text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return j
    return None


def _top_commas(tokens: list[Token]) -> int:
    depth = count = 0
    for t in tokens:
        if t.kind == OP and t.text in ("(", "[", "{"):
            depth += 1
        elif t.kind == OP and t.text in (")", "]", "}"):
            depth -= 1
        elif t.kind == OP and t.text == "," and depth == 0:
            count += 1
    return count


def _event(tokens: list[Token], parser: MathParser, head: Token, bound: str = "") -> str:
    """An event as one canonical text: ``A ∩ B`` for ``A \\cap B`` and ``B ∩ A``, ``A'`` for
    ``A^c``, ``\\bar{A}``, ``\\overline{A}``; ``bound`` goes after the tokens (the number that
    ends ``Z < \\frac{5 - 3}{2}``, worked out)."""
    parts: list[str] = []
    for t in tokens:
        if t.kind in (NAME, NUM):
            parts.append(t.text if not parts or not parts[-1][-1:].isalnum() else " " + t.text)
        elif t.kind == OP and t.text in _EVENT_OPS:
            parts.append(_EVENT_OPS[t.text])
        elif t.kind == CMD and t.text in ("cap", "cup"):
            parts.append(_EVENT_OPS[t.text])
        elif t.kind == CMD and t.text in ("bar", "overline", "left", "right", "mathrm",
                                          "text", "prime", "complement", "mathsf"):
            parts.append({"bar": "\\bar", "overline": "\\bar", "prime": "'",
                          "complement": "'"}.get(t.text, ""))
        elif t.kind == OP:
            parts.append(t.text)
        elif t.kind == CMD:
            parts.append("\\" + t.text)
        else:
            parser.fail(t, f"unexpected {t.text!r} in the event of {head.text}(...)")
    text = "".join(parts).strip() + bound
    text = re.sub(r"\\bar\{([A-Za-z])\}", r"\1'", text)
    text = re.sub(r"\\bar\{([^{}]*)\}", r"(\1)'", text)
    text = re.sub(r"\^\{?[cC]\}?", "'", text)
    text = re.sub(r"\^\{?'\}?", "'", text)
    return _canonical(text)


#: Relations that can end an event with a number (``X ≤ 2``); the lexer writes ``\\le`` as ``<=``.
_BOUND_RELATIONS = frozenset({"<", "<=", ">", ">=", "=", "!="})
#: Commands a number bound may use: ``\\frac{5 - 3}{2}``, ``2 \\cdot 1.5``.
_BOUND_COMMANDS = frozenset({"frac", "dfrac", "tfrac", "cdot", "times", "left", "right"})


def _bound(parser: MathParser, start: int, end: int) -> tuple[int, str] | None:
    """``P(Z < \\frac{5 - 3}{2})`` and ``P(Z < 1)`` are one quantity: where the event (tokens
    ``start`` to ``end``) is one relation whose right side is arithmetic on numbers, the
    relation's index and that number as text (a terminating decimal, else ``p/q``); None
    otherwise (the event is then compared as written)."""
    tokens = parser.tokens
    relations = [j for j in range(start, end)
                 if tokens[j].kind == OP and tokens[j].text in _BOUND_RELATIONS]
    if len(relations) != 1 or relations[0] + 1 >= end or relations[0] == start:
        return None
    relation = relations[0]
    rest = tokens[relation + 1 : end]
    if any(t.kind not in (NUM, OP, CMD) or t.kind == CMD and t.text not in _BOUND_COMMANDS
           or t.kind == OP and t.text not in ("+", "-", "*", "/", "^", "(", ")", "{", "}")
           for t in rest) or not any(t.kind == NUM for t in rest):
        return None
    saved = parser.i, parser.nest
    try:
        parser.i = relation + 1
        parser.nest += 1
        value = parser.sum()
        if parser.i != end:
            return None
    except Exception:  # noqa: BLE001 - a bound that does not parse is compared as written
        return None
    finally:
        parser.i, parser.nest = saved
    value = _settled(value)
    if not isinstance(value, sp.Rational):
        return None
    return relation, _number_text(value)


def _number_text(value: sp.Rational) -> str:
    """3/2 as ``1.5``; 1/3 as ``1/3`` (no terminating decimal)."""
    q = int(value.q)
    twos = fives = 0
    while q % 2 == 0:
        q //= 2
        twos += 1
    while q % 5 == 0:
        q //= 5
        fives += 1
    if q != 1 or max(twos, fives) > 30:
        return str(value)
    digits = max(twos, fives)
    scaled = int(value * 10**digits)
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled), 10**digits)
    return sign + str(whole) + ("." + str(frac).rjust(digits, "0") if digits else "")


_SIMPLE = re.compile(r"[A-Za-z][A-Za-z0-9]*'?")


def _canonical(event: str) -> str:
    """``B∩A`` as ``A∩B``: the parts of an intersection or union of simple events sorted."""
    for op in ("∩", "∪"):
        pieces = _split(event, op)
        if len(pieces) > 1 and all(_SIMPLE.fullmatch(p) for p in pieces):
            return op.join(sorted(pieces))
    return event


def _split(event: str, op: str) -> list[str]:
    """The parts of ``event`` at ``op`` outside brackets."""
    depth, start, pieces = 0, 0, []
    for k, ch in enumerate(event):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == op and depth == 0:
            pieces.append(event[start:k])
            start = k + 1
    pieces.append(event[start:])
    return pieces


def quantities(*exprs: Any) -> set[sp.Symbol]:
    """The quantity symbols in ``exprs``."""
    return {s for e in exprs if isinstance(e, sp.Basic) for s in e.free_symbols
            if isinstance(s, sp.Symbol) and s.name in _QUANTITIES}


def given_names(conditions: Iterable[Any]) -> set[sp.Symbol]:
    """The names the cell gave a value (``E(X) := 1.1`` arrives as the condition E(X) = 1.1)."""
    return {c.lhs for c in conditions if isinstance(c, sp.Equality)
            and isinstance(c.lhs, sp.Symbol)}


#: Groups of names declared independent together, one group per declaration.
Groups = frozenset[frozenset[str]]


def independent(texts: Iterable[str]) -> Groups:
    """The groups of events and random variables that assumptions declare independent
    (``assume A, B independent``): each declaration is one group, mutually independent.
    Two declarations are not one (``A, B`` and ``C, D`` say nothing about A and C), and
    pairwise declarations give no triple product."""
    groups: set[frozenset[str]] = set()
    run: list[str] = []
    # "--assume 'A, B independent'" may arrive as "A" and "B independent": read them together
    for piece in ", ".join(texts).split(","):  # one pass: the text may be long
        last = _LAST_NAME.match(piece)
        if last is not None:
            group = frozenset([*run, last.group(1)]) - _WORDS
            if len(group) > 1:
                groups.add(group)
            run = []
        elif _NAME.fullmatch(piece.strip()):
            run.append(piece.strip())
        else:
            run = []
    return frozenset(groups)


def _together(names: Iterable[str], apart: Groups) -> bool:
    """Are ``names`` declared independent in one declaration?"""
    wanted = set(names)
    return any(wanted <= group for group in apart)


_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_LAST_NAME = re.compile(r"\s*([A-Za-z][A-Za-z0-9_]*)\s+independent\b")
_WORDS = frozenset("real complex integer integers rational natural positive negative nonnegative "
                   "nonpositive nonzero even odd prime function functions".split())


def expanded(sides: tuple[Any, ...], raw: tuple[Any, ...], conditions: Iterable[Any],
             apart: Groups = frozenset()) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Both parses of a step's sides with each quantity that has no given value written by
    its definition (the rules in the module docstring), repeated while one applies; the
    names in ``apart`` are independent."""
    conditions = tuple(conditions)
    given = given_names(conditions)
    for _ in range(6):
        found = quantities(*sides, *raw) - given
        mapping = {q: r for q in found if (r := _definition(q, apart)) is not None}
        if not mapping:
            break
        sides = tuple(s.xreplace(mapping) if isinstance(s, sp.Basic) else s for s in sides)
        raw = tuple(s.xreplace(mapping) if isinstance(s, sp.Basic) else s for s in raw)
    derived = _derived(conditions, apart)
    if derived:  # P(B | A) = 0.5 and P(A) = 0.3 given: P(A ∩ B) is 0.15
        sides = tuple(s.xreplace(derived) if isinstance(s, sp.Basic) else s for s in sides)
        raw = tuple(s.xreplace(derived) if isinstance(s, sp.Basic) else s for s in raw)
    return sides, raw


def _derived(conditions: tuple[Any, ...], apart: Groups = frozenset()
             ) -> dict[sp.Symbol, Any]:
    """Values that the given values fix through the definitions: a given quantity whose
    definition has one quantity without a value, in which it has one solution
    (``Var(X) = 1`` and ``E(X) = 2`` give ``E(X^2) = 5``; ``E(X^2)`` and ``Var(X)`` leave
    ``E(X)`` open, as ±)."""
    values: dict[sp.Symbol, Any] = {c.lhs: c.rhs for c in conditions
                                    if isinstance(c, sp.Equality) and isinstance(c.lhs, sp.Symbol)
                                    and c.rhs.is_number}
    known = [q for q in values if q.name in _QUANTITIES]
    derived: dict[sp.Symbol, Any] = {}
    for _ in range(4):
        grew = False
        for q in known:
            definition = _definition(q, apart)
            if definition is None:
                continue
            for _ in range(4):  # the definition's own quantities written out (Var(2X))
                inner = {u: d for u in quantities(definition) - set(values)
                         if (d := _definition(u, apart)) is not None}
                if not inner:
                    break
                definition = definition.xreplace(inner)
            definition = definition.xreplace(values)
            open_ = quantities(definition) - set(values)
            if len(open_) != 1:
                continue
            (u,) = open_
            try:
                found = sp.solve(sp.Eq(definition, values[q]), u, dict=False)
            except Exception:  # noqa: BLE001 - no solution found: nothing derived
                continue
            if len(found) == 1 and found[0].is_number and found[0].is_real:
                values[u] = derived[u] = found[0]
                grew = True
        if not grew:
            break
    return derived


def _random(expr: Any) -> set[Any]:
    """The random variables in ``expr``: its capital letters."""
    return {s for s in expr.free_symbols if s.name[:1].isupper()}


def _linear(arg: Any) -> list[tuple[Any, Any]] | None:
    """``arg`` as (coefficient, monomial in the random variables) pairs, monomial 1 for the
    constant; None when a random variable is under a function (E(e^X) is a quantity)."""
    terms: dict[Any, Any] = {}
    for term in sp.Add.make_args(sp.expand(arg)):
        coeff, mono = sp.Integer(1), sp.Integer(1)
        for factor in sp.Mul.make_args(term):
            if not _random(factor):
                coeff *= factor
            elif factor.is_Symbol or factor.is_Pow and factor.base.is_Symbol \
                    and factor.exp.is_Integer and factor.exp > 0:
                mono *= factor
            else:
                return None
        terms[mono] = terms.get(mono, 0) + coeff
    return [(c, m) for m, c in terms.items() if c != 0]


def _definition(q: sp.Symbol, apart: Groups = frozenset()) -> Any | None:
    head, args = _QUANTITIES[q.name]
    if head == "P":
        return _probability(args[0], apart)
    if head in ("Var", "SD", "Cov") and any(
            isinstance(a, sp.Basic) and a.free_symbols and not _random(a) for a in args):
        return None  # Var(x) of data x (or a lowercase variable) is no constant's 0
    if head == "E":
        parts = _linear(args[0])
        if parts is None:
            return None
        if parts == [(1, args[0])]:  # E(XY) = E(X) E(Y) for independent X, Y
            factors = sp.Mul.make_args(args[0])
            names = [f.free_symbols.pop().name for f in factors]
            if len(factors) > 1 and len(set(names)) == len(names) and _together(names, apart):
                return sp.Mul(*(_symbol("E", (f,)) for f in factors))
            return None
        return sp.Add(*(c * (1 if m == 1 else _symbol("E", (m,))) for c, m in parts))
    if head == "Var":
        parts = _linear(args[0])
        if parts is None:
            return None
        moving = [(c, m) for c, m in parts if m != 1]
        if not moving:
            return sp.Integer(0)
        if len(moving) > 1:  # Var(X + Y) needs the covariance, 0 for independent X, Y
            names = [m.name if m.is_Symbol else "" for _, m in moving]
            if len(set(names)) == len(names) and _together(names, apart):
                return sp.Add(*(c**2 * _symbol("Var", (m,)) for c, m in moving))
            return None
        c, m = moving[0]
        if c == 1 and len(parts) == 1:
            return _symbol("E", (m**2,)) - _symbol("E", (m,)) ** 2
        return c**2 * _symbol("Var", (m,))
    if head == "SD":
        return sp.sqrt(_symbol("Var", args))
    if head == "Cov":
        x, y = args
        return _symbol("E", (sp.expand(x * y),)) - _symbol("E", (x,)) * _symbol("E", (y,))
    return None


def _probability(event: str, apart: Groups = frozenset()) -> Any | None:
    conditional = _split(event, "|")
    if len(conditional) == 2:
        a, b = conditional
        both = _canonical(f"{_grouped(a)}∩{_grouped(b)}")
        return _symbol("P", (both,)) / _symbol("P", (b,))
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*'", event):
        return 1 - _symbol("P", (event[:-1],))
    above = re.fullmatch(r"([A-Z][A-Za-z0-9_]*)([>≥])([^<>≤≥=|∩∪]+)", event)
    if above:  # P(X > 2) = 1 - P(X ≤ 2)
        below = "≤" if above.group(2) == ">" else "<"
        return 1 - _symbol("P", (f"{above.group(1)}{below}{above.group(3)}",))
    between = re.fullmatch(r"([^<>≤≥=|∩∪]+)([<≤])([A-Z][A-Za-z0-9_]*)([<≤])([^<>≤≥=|∩∪]+)", event)
    if between:  # P(1 < X ≤ 3) = P(X ≤ 3) - P(X ≤ 1), for numbers 1 < 3
        low, left, x, right, high = between.groups()
        ends = [_number(low), _number(high)]
        if ends[0] is not None and ends[1] is not None and ends[0] < ends[1]:
            return _symbol("P", (f"{x}{right}{high}",)) - _symbol(
                "P", (f"{x}{'≤' if left == '<' else '<'}{low}",))
    meet = _split(event, "∩")
    plain = {p.rstrip("'") for p in meet}
    if len(meet) > 1 and all(_SIMPLE.fullmatch(p) for p in meet) and len(plain) == len(meet) \
            and _together(plain, apart):
        return sp.Mul(*(_symbol("P", (p,)) for p in meet))  # independent events
    union = _split(event, "∪")
    if len(union) == 2 and all(_SIMPLE.fullmatch(p) for p in union):
        a, b = union
        return _symbol("P", (a,)) + _symbol("P", (b,)) - _symbol("P", (_canonical(f"{a}∩{b}"),))
    return None


def _number(text: str) -> Any | None:
    """A plain number written in an event (``2``, ``-1.5``), or None."""
    return sp.Rational(text) if re.fullmatch(r"-?\d+(?:\.\d+)?", text) else None


def _grouped(event: str) -> str:
    return event if _SIMPLE.fullmatch(event) or len(_split(event, "∩")) > 1 and all(
        _SIMPLE.fullmatch(p) for p in _split(event, "∩")) else f"({event})"


def guarded(outcome: Outcome, sides: tuple[Any, Any], conditions: Iterable[Any],
            relation: str, apart: Groups = frozenset()) -> Outcome:
    """A refutation that gives a quantity without a given value a number is no witness:
    the step is left unknown, with what to write to settle it, unless the two sides of an
    equation differ there by a number whatever the quantities are (``E(aX + b) = a E(X)`` at
    b = 1)."""
    if outcome.status != "refuted":
        return outcome
    conditions = tuple(conditions)
    free = sorted(quantities(*sides) - given_names(conditions) - set(_derived(conditions, apart)),
                  key=lambda s: s.name)
    if not free:
        return outcome
    kept = _whatever(outcome, sides, conditions, relation, set(free))
    if kept is not None:
        return kept
    names = ", ".join(s.name for s in free)
    message = (f"{names} {'has' if len(free) == 1 else 'have'} no value in this cell, and "
               "quantities are related (E(X^2) >= E(X)^2, 0 <= P(A) <= 1), so no single value "
               f"refutes this step: give {'it' if len(free) == 1 else 'them'} a value on a "
               f"line above ({free[0].name} = ...) to check it with numbers")
    return dataclasses.replace(outcome, status="unknown", counterexample=None,
                               method="quantities", message=message)


def prefix_count(parser: MathParser, tok: Token) -> Any:
    """``^{n}C_{r}`` and ``^{n}P_{r}`` (also ``{}^{n}C_{r}``, ``{}_{n}C_{r}``, ``_nC_r``):
    choices and ordered choices."""
    reason = (f"{'a superscript' if tok.text != '_' else 'a subscript'} needs something before"
              " it (for choices write ^{n}C_{r} or ^{n}P_{r}, or binomial(n, r))")
    if tok.text == "{":  # {}^{6}P_{2}: the empty group holds the superscript
        parser.advance()
        parser.advance()
    try:
        value = parser.script()
    except ParseError:  # __import__: the error is the leading mark, not what follows it
        parser.fail(tok, reason)
    name = parser.advance()
    if name.kind != NAME or name.text not in ("C", "P") or not parser.at("_"):
        parser.fail(tok, reason)
    parser.advance()
    chosen = parser.script()
    return parser.call_builder("binomial" if name.text == "C" else "nPr", [value, chosen], name)


_HEAD_WORD = (r"(?:\\(?:operatorname|mathrm|text|mathbb)\s*\{\s*(?:Var|Cov|SD|E|Pr|P)\s*\}"
              r"|\\Pr|Var|Cov|SD|Pr|E|P)")
_BRACKETED = r"(?:\((?:[^()]|\([^()]*\))*\)|\[(?:[^\[\]]|\[[^\[\]]*\])*\])"
#: A quantity at the head of a line (E(X), Var(2X + 1), P(A | B), \operatorname{Var}(X)).
QUANTITY_HEAD = rf"{_HEAD_WORD}\s*{_BRACKETED}"
_HEAD = re.compile(rf"({_HEAD_WORD})\s*({_BRACKETED})")
#: Other names a value chain may give a number: Greek letters (μ, \sigma; not π) and a
#: mean \bar{x}.
GREEK_NAME = (r"\\(?:mu|sigma|lambda|theta|rho|alpha|beta|delta|tau|nu|omega|phi|psi|kappa"
              r"|epsilon|varepsilon|eta|xi|chi)(?![A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?"
              r"|[α-ορ-ωΑ-Ω](?:_\{?[A-Za-z0-9]+\}?)?|\\(?:bar|overline)\s*\{\s*[A-Za-z]\s*\}")


def is_quantity_head(text: str) -> bool:
    """Is ``text`` (a line's first side) a quantity the grammar reads as one?"""
    match = _HEAD.fullmatch(text.strip())
    if match is None:
        return False
    word, inner = match.group(1), match.group(2)[1:-1]
    if word == "P" or re.search(r"\{\s*P\s*\}", word):
        return _event_like(inner)
    if word == "E" or re.search(r"\{\s*E\s*\}", word):
        return _capital(inner)
    return True


def _capital(written: str) -> bool:
    """Does the text name a random variable or an event (a capital letter, not in a LaTeX
    command such as \\Delta)?"""
    return re.search(r"[A-Z]", re.sub(r"\\[A-Za-z]+", " ", written)) is not None


_EVENT_SIGNS = re.compile(r"[|∣∩∪=<>≤≥'≠]|\\(?:cap|cup|mid|bar|overline|le|ge|leq|geq|lt|gt|ne"
                          r"|neq|complement)(?![A-Za-z])|\^\s*\{?\s*[cC]\b"
                          r"|(?<![A-Za-z])(?:and|or)(?![A-Za-z])")
_EVENT_NAME = re.compile(r"\s*[A-Z][A-Za-z]*(?:_\{?[A-Za-z0-9]+\}?)?\s*")


def _event_like(written: str) -> bool:
    """Is the text inside P(...) an event: a named one (A, HH, A_1) or one with an event's
    sign (X = 2, A | B, A \\cap B, A')? ``P(1 + R)`` is P times 1 + R."""
    return _EVENT_NAME.fullmatch(written) is not None or (
        _EVENT_SIGNS.search(written) is not None and _capital(written))


def without_quantities(text: str) -> str:
    """``text`` with its quantities blanked out (``E(X) = 1.1`` uses no letter E)."""
    return _QUANTITY_ANYWHERE.sub(lambda m: " " if is_quantity_head(m.group(0)) else m.group(0),
                                  text)


_QUANTITY_ANYWHERE = re.compile(rf"(?<![A-Za-z]){QUANTITY_HEAD}")


def _whatever(outcome: Outcome, sides: tuple[Any, Any], conditions: tuple[Any, ...],
              relation: str, free: set[sp.Symbol]) -> Outcome | None:
    """The refutation restated without the quantities when, at its point, the sides of the
    equation differ by a nonzero number that no value of the quantities changes."""
    witness = outcome.counterexample
    if relation != "=" or witness is None or witness.kind != "value":
        return None
    if any(c.expr.has(*free) for side in sides if isinstance(side, sp.Basic)
           for c in natural_domain(side, real=True)):
        return None  # sqrt(-P(A) - 1): defined for no probability, whatever the difference
    names = {s.name: s for side in sides for s in side.free_symbols}
    point: dict[Any, Any] = {}
    shown: list[str] = []
    for name, value in witness.point:
        symbol = names.get(name)
        if symbol is None or symbol in free:
            continue
        try:
            point[symbol] = sp.Rational(value)
        except (TypeError, ValueError):
            return None
        shown.append(f"{name} = {value}")
    given = {c.lhs: c.rhs for c in conditions if isinstance(c, sp.Equality)
             and isinstance(c.lhs, sp.Symbol)}
    difference = sp.expand((sides[0] - sides[1]).xreplace(given).xreplace(point))
    if difference.free_symbols or not difference.is_number or difference.is_zero is not False:
        return None
    where = ", ".join(shown) or "here"
    listed = ", ".join(sorted(s.name for s in free))
    text = (f"{where}: left side minus right side is {difference}, whatever {listed} "
            f"{'is' if len(free) == 1 else 'are'}")
    return dataclasses.replace(outcome, counterexample=Counterexample(
        "value", tuple((n, v) for n, v in witness.point if names.get(n) not in free),
        None, None, text))


def choose_inside(parser: MathParser) -> bool:
    """Is the brace group that starts before the cursor ``{n \\choose k}``?"""
    if "choose" not in parser.text:
        return False
    depth = 1
    for t in parser.tokens[parser.i :]:
        if t.kind == OP and t.text in ("(", "[", "{"):
            depth += 1
        elif t.kind == OP and t.text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return False
        elif depth == 1 and t.kind == CMD and t.text == "choose":
            return True
    return False


def choose(parser: MathParser, tok: Token) -> Any:
    """``{n \\choose k}`` (TeX's form of ``\\binom{n}{k}``)."""
    parser.nest += 1
    try:
        n = parser.expr(parser.sum(), parser.peek())
        parser.advance()  # \choose
        k = parser.expr(parser.sum(), parser.peek())
    finally:
        parser.nest -= 1
    parser.expect("}", "to close {n \\choose k}")
    return parser.call_builder("binomial", [n, k], tok)


def starts_claim(first: str, rel: str | None) -> bool:
    """Does a line that starts with a quantity and ``=`` start a claim of its own
    (``SD(X) = \\sqrt{Var(X)} = 1`` after a chain that computed ``Var(X)``), rather than
    join the line above by ``<=>``?"""
    return rel == "=" and is_quantity_head(first)


def keeps_head(definition: str, pieces: int) -> bool:
    """Does a value chain that starts with a quantity keep its first link as a step
    (``P(X > 3) = 1 - 0.8 = 0.2``)? It does when it computes (a lone ``P(A) = 0.3`` is
    given): the quantity may be fixed by values given above, and the link is then checked
    against them (:func:`own_definition`)."""
    return pieces >= 5 and is_quantity_head(definition.split(":=", 1)[0])


def own_definition(lhs: str, rhs: str, assume: Iterable[str]) -> str | None:
    """The assumption ``Q := rhs`` that a chain's first link ``Q = rhs`` made, if it is one:
    that link is checked without it."""
    for text in assume:
        name, sep, body = text.partition(":=")
        if sep and name.strip() == lhs.strip() and body.strip() == rhs.strip():
            return text
    return None


def clash(conditions: Iterable[Any], apart: Groups = frozenset()) -> str | None:
    """What two given values say against each other through a definition (``P(A) = 0.3``
    and ``P(A^c) = 0.5``, where P(A^c) = 1 - P(A) = 0.7), or None: a step proved from such
    values proves nothing."""
    values: dict[sp.Symbol, Any] = {c.lhs: c.rhs for c in conditions
                                    if isinstance(c, sp.Equality) and isinstance(c.lhs, sp.Symbol)
                                    and c.lhs.name in _QUANTITIES and c.rhs.is_number}
    for q, value in values.items():
        definition = _definition(q, apart)
        for _ in range(4):  # Var(X) = E(X^2) - E(X)^2 with E(X^2) and E(X) given
            if definition is None or not isinstance(definition, sp.Basic):
                break
            definition = definition.xreplace(values)
            inner = {u: d for u in quantities(definition)
                     if (d := _definition(u, apart)) is not None}
            if not inner:
                break
            definition = definition.xreplace(inner)
        if not isinstance(definition, sp.Basic) or not definition.is_number:
            continue
        try:
            gap = abs(sp.N(definition - value, 30))
        except (TypeError, ValueError):
            continue
        if gap.is_number and gap > sp.Float("1e-12"):
            return (f"the given values contradict each other: {q.name} = {value} is given, "
                    f"but the other values make it {sp.N(definition, 10)}: check the lines "
                    "that give them")
    return None
