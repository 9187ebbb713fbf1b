"""A small grammar for plain classroom steps, read without SymPy.

It accepts a strict subset of the cell language and reads it exactly as
:mod:`proofnb.core.grammar` does: numbers (``3``, ``1.5``), the one-letter real variables
:data:`LETTERS`, ``pi`` and ``e``, ``+ - * / ^ **``, brackets, implicit products of a number
or a factor with a letter, a bracket or a call (``2x``, ``3(x + 1)``, ``x y``, ``(x+1)(x-1)``),
the calls :data:`FUNCTIONS` with their argument in brackets, derivatives (``diff(x^3, x)``,
``d/dx (x^2)``), definite integrals of polynomials (``integrate(x^2, (x, 0, 3))``), and in
LaTeX ``\\frac{}{}``, ``\\sqrt{}``, ``^{}``, ``\\left( \\right)``, ``\\cdot``, ``\\times`` and
the functions' commands. A statement is relations joined by ``and``/``or``. Anything else
(other commands, words, other letters, a function without brackets, ``x/2y``) raises
:class:`Unsupported`: the full checker reads it instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from ..functions import KNOWN_WORDS
from ..lexer import GREEK_NAMES

#: Letters read as plain real variables. Left out: e (Euler's number), i and j (the imaginary
#: unit and unit vectors get hints), k, m, n (integers and periods), d (``d/dx``), f, g, h
#: (functions), l and o (read as 1 and 0, Landau's o).
LETTERS = frozenset("abcpqrstuvwxyz")
#: Calls read here, each with its argument in brackets (``log`` is ``ln``, as in the full
#: grammar; ``log10`` is the reading a refuted step with ``log`` is also tried in).
FUNCTIONS = frozenset({"sqrt", "sin", "cos", "tan", "exp", "ln", "log", "log10", "abs"})
#: Largest whole exponent of a letter, and most digits of a number (the full grammar's bounds).
MAX_EXPONENT = 1000
MAX_NUMBER_DIGITS = 10000
#: Deepest nesting of brackets and signs read here.
MAX_DEPTH = 60
#: Highest order of a derivative read here.
MAX_ORDER = 4
#: Longest number literal, in characters.
MAX_DIGITS = 30



@dataclass(frozen=True, slots=True)
class Num:
    value: Fraction


@dataclass(frozen=True, slots=True)
class Var:
    name: str


@dataclass(frozen=True, slots=True)
class Const:
    name: str  # "pi" or "e"


@dataclass(frozen=True, slots=True)
class Sum:
    terms: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Product:
    factors: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


@dataclass(frozen=True, slots=True)
class Quotient:
    numerator: Node
    denominator: Node


@dataclass(frozen=True, slots=True)
class Power:
    base: Node
    exponent: Node


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    argument: Node


@dataclass(frozen=True, slots=True)
class Derivative:
    """``diff(body, letter, order)`` or ``d/dletter (body)``; ``value`` is the derivative's
    own tree (:func:`proofnb.core.quick.calculus.derivative`)."""

    body: Node
    letter: str
    order: int
    value: Node


Node = Num | Var | Const | Sum | Product | Neg | Quotient | Power | Call | Derivative


@dataclass(frozen=True, slots=True)
class Relation:
    op: str
    lhs: Node
    rhs: Node


@dataclass(frozen=True, slots=True)
class Both:
    parts: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Either:
    parts: tuple[Statement, ...]


Statement = Relation | Both | Either

RELATIONS = frozenset({"=", "<", "<=", ">", ">="})
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)(?![\d.]|,\d)"  # a number, not 1,5 (decimal comma)
                    r"|(log10|[a-z]+)|(\*\*|<=|>=|[-+*/^()=<>,{}])"
                    r"|(\\left\s*\(|\\right\s*\)|\\[A-Za-z]+))")
#: LaTeX commands read here, as the plain token they stand for (not thin spaces: the full
#: grammar reads ``2\\,s`` but not ``(2\\,s)``).
_COMMANDS = {
    "\\frac": "\\frac", "\\dfrac": "\\frac", "\\tfrac": "\\frac", "\\sqrt": "\\sqrt",
    "\\cdot": "*", "\\times": "*", "\\pi": "pi", "\\sin": "sin", "\\cos": "cos",
    "\\tan": "tan", "\\ln": "ln", "\\log": "log", "\\exp": "exp", "\\le": "<=",
    "\\leq": "<=", "\\leqslant": "<=", "\\ge": ">=", "\\geq": ">=", "\\geqslant": ">=",
    "\\lt": "<", "\\gt": ">",
}  # fmt: skip
_MAX_TOKENS = 400


class Unsupported(Exception):
    """Text outside the quick grammar: the full checker reads it."""


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    pos, end = 0, len(text.rstrip())
    while pos < end:
        match = _TOKEN.match(text, pos)
        if match is None:
            raise Unsupported
        pos = match.end()
        tok = match.group(match.lastindex or 0)
        if tok[0] == "\\":
            tok = "(" if tok.startswith("\\left") else ")" if tok.startswith("\\right") \
                else _COMMANDS.get(tok, "?")
            if tok == "?":
                raise Unsupported
        out.append(tok)
        if len(out) > _MAX_TOKENS:
            raise Unsupported
    if not out:
        raise Unsupported
    return out


class _Reader:
    __slots__ = ("tokens", "pos", "depth")

    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.depth = 0

    def deeper(self) -> None:
        """One more level of brackets or signs; far below the full grammar's limit (200),
        so that what it calls too deeply nested never gets a verdict here."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Unsupported

    def peek(self) -> str:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ""

    def take(self, expected: str | None = None) -> str:
        tok = self.peek()
        if not tok or expected is not None and tok != expected:
            raise Unsupported
        self.pos += 1
        return tok

    def done(self) -> None:
        if self.pos != len(self.tokens):
            raise Unsupported

    # expression := term (("+" | "-") term)*
    def expression(self) -> Node:
        self.deeper()
        terms = [self.term()]
        while self.peek() in ("+", "-"):
            sign = self.take()
            term = self.term()
            terms.append(Neg(term) if sign == "-" else term)
        self.depth -= 1
        return terms[0] if len(terms) == 1 else Sum(tuple(terms))

    # term := unary (("*" | "/" | implicit) unary)*
    def term(self) -> Node:
        factors = [self.unary()]
        while True:
            tok = self.peek()
            if tok in ("*", "/"):
                self.take()
                factor = self.unary()
                if tok == "/":
                    if _starts_factor(self.peek()):  # x/2y: the full checker adds a hint
                        raise Unsupported
                    factors[-1] = Quotient(factors[-1], factor)
                else:
                    factors.append(factor)
            elif _starts_factor(tok) and not tok[0].isdigit():
                if tok == "\\frac" and isinstance(factors[-1], Num):
                    raise Unsupported  # 2\frac{1}{2}: a mixed number? the full grammar asks
                factors.append(self.unary_free())
            else:
                break
        return factors[0] if len(factors) == 1 else Product(tuple(factors))

    # unary := ("-" | "+") unary | power
    def unary(self) -> Node:
        tok = self.peek()
        if tok in ("-", "+"):
            self.take()
            self.deeper()
            operand = self.unary()
            self.depth -= 1
            return Neg(operand) if tok == "-" else operand
        return self.power()

    def unary_free(self) -> Node:
        """A factor of an implicit product (no sign of its own)."""
        return self.power()

    # power := primary (("^" | "**") exponent)?; exponent := unary (right-associative)
    def power(self) -> Node:
        base = self.primary()
        if self.peek() in ("^", "**"):
            self.take()
            self.deeper()
            exponent = self.braced() if self.peek() == "{" else self.unary()
            self.depth -= 1
            power = Power(base, exponent)
            _within_limits(power)
            return power
        if base == Const("e"):  # a lone e may be meant as a coefficient: the full checker
            raise Unsupported  # says how it reads it
        return base

    def primary(self) -> Node:
        tok = self.take()
        if tok[0].isdigit():
            if len(tok) > MAX_DIGITS:
                raise Unsupported
            return Num(Fraction(tok))
        if tok == "(":
            inner = self.expression()
            self.take(")")
            return inner
        if tok in LETTERS:
            return Var(tok)
        letters = _glued_letters(tok)
        if letters is not None and self.peek() != "(":
            # ab is a*b as the full grammar reads a short unknown word: its letters become
            # the next tokens, one each (3^ab is 3^a·b, 2/xy is (2/x)·y)
            self.tokens[self.pos:self.pos] = list(letters[1:])
            return Var(letters[0])
        if tok in ("pi", "e"):
            return Const(tok)
        if tok == "diff":  # diff(x^3, x), diff(x^4, x, 2)
            return self.diff()
        if tok == "integrate":  # integrate(x^2, (x, 0, 3)): a polynomial's definite integral
            return self.definite_integral()
        if tok == "d" and self.peek() == "/":  # d/dx (x^2 + 3x)
            return self.leibniz()
        if tok in FUNCTIONS:
            self.take("(")
            argument = self.expression()
            self.take(")")
            return Call("ln" if tok == "log" else tok, argument)
        if tok == "\\frac":
            return Quotient(self.braced(), self.braced())
        if tok == "\\sqrt":  # \sqrt[3]{x} is not read here
            return Call("sqrt", self.braced())
        raise Unsupported

    def braced(self) -> Node:
        """A LaTeX group ``{...}``: a fraction's part, a root's radicand, an exponent."""
        self.take("{")
        inner = self.expression()
        self.take("}")
        return inner

    def diff(self) -> Node:
        self.take("(")
        body = self.expression()
        self.take(",")
        letter = self.take()
        order = 1
        if self.peek() == ",":
            self.take()
            count = self.take()
            if not count.isdigit() or not 1 <= int(count) <= MAX_ORDER:
                raise Unsupported
            order = int(count)
        self.take(")")
        return _derivative(body, letter, order)

    def definite_integral(self) -> Node:
        from .calculus import definite_integral

        self.take("(")
        body = self.expression()
        self.take(",")
        self.take("(")
        letter = self.take()
        self.take(",")
        lower = self.expression()
        self.take(",")
        upper = self.expression()
        self.take(")")
        self.take(")")
        if letter not in LETTERS:
            raise Unsupported
        return definite_integral(body, letter, lower, upper)

    def leibniz(self) -> Node:
        self.take("/")
        operator = self.take()
        if len(operator) != 2 or operator[0] != "d" or self.peek() != "(":
            raise Unsupported
        self.take("(")
        body = self.expression()
        self.take(")")
        if _starts_factor(self.peek()) or self.peek() in ("^", "**"):
            raise Unsupported  # d/dx (x^2) x: which factors the operator takes is the full
        return _derivative(body, operator[1], 1)  # grammar's reading

    # statement := conjunction ("or" conjunction)*; conjunction := relation ("and" relation)*
    def statement(self) -> Statement:
        parts = [self.conjunction()]
        while self.peek() == "or":
            self.take()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else Either(tuple(parts))

    def conjunction(self) -> Statement:
        parts = self.relations()
        while self.peek() == "and":
            self.take()
            parts += self.relations()
        return parts[0] if len(parts) == 1 else Both(tuple(parts))

    def relations(self) -> list[Statement]:
        """``a < b <= c``: each neighbouring pair, all of them holding."""
        left = self.expression()
        found: list[Statement] = []
        while self.peek() in RELATIONS:
            op = self.take()
            right = self.expression()
            found.append(Relation(op, left, right))
            left = right
        if not found:
            raise Unsupported
        return found


def _within_limits(power: Power) -> None:
    """:class:`Unsupported` for a power the full grammar refuses, with its message: a
    combined whole exponent past 1000 (``x^1001``, ``(x^3)^400``) or a number past 10000
    digits (``((2^40)^40)^40``)."""
    total, node = 1, power
    while isinstance(node, Power):
        exponent = node.exponent.operand if isinstance(node.exponent, Neg) else node.exponent
        if not (isinstance(exponent, Num) and exponent.value.denominator == 1):
            return
        total *= max(1, abs(exponent.value.numerator))
        if total > MAX_EXPONENT and not isinstance(_innermost(node), Num):
            raise Unsupported
        node = node.base  # type: ignore[assignment]
    if isinstance(node, Num) and abs(node.value) > 1:
        size = max(abs(node.value.numerator), node.value.denominator)
        if total * math.log10(size) > MAX_NUMBER_DIGITS:
            raise Unsupported


def _innermost(node: Node) -> Node:
    while isinstance(node, Power):
        node = node.base
    return node


def _derivative(body: Node, letter: str, order: int) -> Derivative:
    from .calculus import derivative

    if letter not in LETTERS:
        raise Unsupported
    tree = body
    for _ in range(order):
        tree = derivative(tree, letter)
    return Derivative(body, letter, order, tree)


def _glued_letters(word: str) -> str | None:
    """``word`` when the full grammar reads it as a product of its letters (``ab``, ``xyz``):
    two or three of :data:`LETTERS`, no known word or name, nor one glued to a letter."""
    if not (2 <= len(word) <= 3 and set(word) <= LETTERS):
        return None
    if any(word[:size] in KNOWN_WORDS or word[:size] in GREEK_NAMES
           for size in range(2, len(word) + 1)):
        return None
    return word


def _starts_factor(tok: str) -> bool:
    return bool(tok) and (tok[0].isdigit() or tok == "(" or tok in LETTERS
                          or tok in FUNCTIONS or tok in ("pi", "e", "\\frac", "\\sqrt")
                          or _glued_letters(tok) is not None)


def parse_expression(text: str) -> Node:
    """The expression ``text`` as a tree, or :class:`Unsupported`."""
    reader = _Reader(text)
    node = reader.expression()
    reader.done()
    return node


def parse_statement(text: str) -> Statement:
    """The statement ``text`` (relations joined by and/or) as a tree, or :class:`Unsupported`."""
    reader = _Reader(text)
    node = reader.statement()
    reader.done()
    return node
