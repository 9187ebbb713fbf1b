"""The parser's state and its shared helpers: token cursor, errors, guarded building.

The grammar is split over mixins (:mod:`proofnb.core.calls`, :mod:`proofnb.core.latex`,
:mod:`proofnb.core.grammar`); this base class declares the grammar entry points they call.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

import sympy as sp

from proofnb.core import bounds
from proofnb.core.bounds import LimitExceeded
from proofnb.core.dependent import through_assumptions
from proofnb.core.env import MathEnv
from proofnb.core.errors import ParseError, UnsupportedError
from proofnb.core.functions import FUNCTIONS
from proofnb.core.lexer import CMD, END, OP, Token, tokenize

OPENERS = {"(": ")", "[": "]", "{": "}"}
BUILD_ERRORS = (TypeError, ValueError, ArithmeticError, AttributeError, NotImplementedError)
_DEEP_RECURSION = 4000


class Cursor:
    """Tokens of one text, the position in them, and the context flags of the grammar."""

    __slots__ = (
        "text", "env", "line", "col", "tokens", "i", "depth", "nest", "abs_depth",
        "simple_arg", "differential", "evaluate", "sign", "signed",
    )  # fmt: skip

    def __init__(self, text: str, env: MathEnv, line: int, col: int) -> None:
        self.text = text
        self.env = env
        self.line = line
        self.col = col
        self.tokens = tokenize(text, line=line, col=col)
        if len(self.tokens) > bounds.MAX_TOKENS + 1:
            raise UnsupportedError(
                f"expression is too long ({len(self.tokens) - 1} tokens; limit "
                f"{bounds.MAX_TOKENS})",
                line,
            )
        if len(self.tokens) > 100 and sys.getrecursionlimit() < _DEEP_RECURSION:
            sys.setrecursionlimit(_DEEP_RECURSION)
        self.i = 0
        self.depth = 0
        self.nest = 0  # brackets and argument lists: a comma means "and" only outside them
        self.abs_depth = 0
        self.simple_arg = False  # inside `sin x`: stop at the next function name
        self.differential = False  # inside an integral: stop at `dx`
        # False: build the as-written form with explicit evaluate=False (see parse_math)
        self.evaluate = True
        # x = 1 ± sqrt(2): the relation is read once with sign 1, once with -1 (see relation)
        self.sign = 1
        self.signed: Token | None = None  # the first ± or ∓ not yet resolved by a relation

    # grammar entry points, defined by the mixins
    statement: Callable[[], Any]
    sum: Callable[[], Any]
    product: Callable[[], Any]
    unary: Callable[[], Any]
    power: Callable[[], Any]
    primary: Callable[[], Any]
    implicit: Callable[[Token], bool]
    name: Callable[..., Any]  # (tok, upright=False)
    number: Callable[[Token], Any]
    call_builder: Callable[[str, list[Any], Token], Any]

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.i + ahead, len(self.tokens) - 1)]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        if tok.kind != END:
            self.i += 1
        return tok

    def at(self, text: str) -> bool:
        tok = self.tokens[self.i]
        return tok.kind == OP and tok.text == text

    def expect(self, text: str, context: str = "") -> Token:
        tok = self.tokens[self.i]
        if tok.kind == OP and tok.text == text:
            self.i += 1
            return tok
        where = f" {context}" if context else ""
        self.fail(tok, f"expected {text!r}{where}, found {describe(tok)}")

    def fail(self, tok: Token, reason: str) -> NoReturn:
        raise ParseError(self.text, reason, self.line, self.col + tok.pos)

    def too_big(self, tok: Token, reason: str) -> NoReturn:
        raise UnsupportedError(f"{reason} (column {self.col + tok.pos})", self.line)

    def expr(self, value: Any, tok: Token) -> Any:
        if not isinstance(value, sp.Expr):
            self.fail(tok, "expected an expression here, not a statement")
        return value

    def power_of(self, base: Any, exponent: Any, tok: Token) -> Any:
        try:
            bounds.check_power(base, exponent)
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        return self.build(sp.Pow, [base, exponent], tok)

    def build(self, func: Any, args: list[Any], tok: Token) -> Any:
        if func is sp.Derivative and args and self.env.conditions:  # x = cos(t): x(t)
            args = [through_assumptions(args[0], args[1:], self.env.conditions), *args[1:]]
        try:
            value = func(*args) if self.evaluate else unevaluated(func, args)
            bounds.check_result(value)
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        except BUILD_ERRORS as exc:
            self.fail(tok, f"cannot build this expression ({type(exc).__name__}: {exc})")
        return value

    def enclosed(self, inner: Any, close: str, tok: Token, keep_abs: bool = False) -> Any:
        """Parse ``inner`` up to ``close``, with the flags of a fresh context."""
        saved = (self.simple_arg, self.differential, self.abs_depth)
        self.simple_arg = self.differential = False
        if not keep_abs:
            self.abs_depth = 0
        self.nest += 1
        try:
            if close != "|" and self.peek().kind == OP and self.peek().text == close:
                self.fail(self.peek(), f"expected an expression inside {tok.text}{close}")
            value = inner()
            end = self.peek()
            if not (end.kind == OP and end.text == close):
                if end.kind == END:
                    self.fail(tok, f"{tok.text!r} is never closed")
                if end.kind == OP and end.text == ",":
                    self.fail(end, "a tuple (a, b) is only allowed as a function argument, or "
                                   "as a vector in a step's sides ((1, 2) \\cdot (3, 4) = 11; "
                                   "r(t) = (t, t^2) for a function of one letter)")
                self.fail(end, f"expected {close!r} to close {tok.text!r} at column "
                               f"{self.col + tok.pos}, found {describe(end)}")
            self.advance()
            return value
        finally:
            self.nest -= 1
            self.simple_arg, self.differential, self.abs_depth = saved

    def is_function(self, name: str) -> bool:
        if name in self.env.functions:
            return True
        return name in FUNCTIONS and name not in self.env.symbols


class NeedsGlobalUnevaluate(Exception):
    """The as-written form uses a builder that only ``sympy.evaluate(False)`` keeps unevaluated."""


#: Constructors that never evaluate on construction, whatever the flag.
_INERT = (sp.Derivative, sp.Integral)


def unevaluated(func: Any, args: list[Any]) -> Any:
    """``func(*args)`` as written: ``evaluate=False`` passed explicitly, so SymPy's global
    flag (whose every switch clears SymPy's cache) stays untouched."""
    if func is sp.sqrt:
        return sp.Pow(args[0], sp.S.Half, evaluate=False)
    if func in _INERT:
        return func(*args)
    if func in (sp.Add, sp.Mul, sp.Pow) or (
        isinstance(func, type) and issubclass(func, sp.Function)
    ):
        return func(*args, evaluate=False)
    raise NeedsGlobalUnevaluate(getattr(func, "__name__", str(func)))


def is_simple_name(name: str) -> bool:
    """One letter, optionally followed by digits: x, y2, a10."""
    return name[:1].isalpha() and (len(name) == 1 or name[1:].isdigit())


def describe(tok: Token) -> str:
    """How a token is shown in a message."""
    if tok.kind == END:
        return "the end"
    if tok.kind == CMD:
        return f"\\{tok.text}"
    return repr(tok.text)
