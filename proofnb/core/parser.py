"""Parse one side of a step (ASCII, Unicode or LaTeX maths) into SymPy, without ``eval``.

A recursive-descent parser over the tokens of :mod:`proofnb.core.lexer` builds SymPy
objects directly from a whitelist of names (:mod:`proofnb.core.functions`). Sizes are
checked before SymPy evaluates (:mod:`proofnb.core.bounds`). The language is described in
:mod:`proofnb.core.cell`.
"""

from __future__ import annotations

import difflib
import sys
from typing import Any, NoReturn

import sympy as sp
from sympy.logic.boolalg import Boolean

from proofnb.core import bounds
from proofnb.core.bounds import LimitExceeded
from proofnb.core.env import MathEnv, symbol_for
from proofnb.core.errors import ParseError, UnsupportedError
from proofnb.core.functions import (
    CONSTANTS,
    FUNCTIONS,
    INVERSES,
    KNOWN_WORDS,
    PREFIX_FUNCTIONS,
    Arg,
    ArgumentError,
)
from proofnb.core.lexer import CMD, END, GREEK_NAMES, NAME, NUM, OP, STR, SUP, Token, tokenize

__all__ = ["MathEnv", "build_env", "parse_math", "symbol_for"]

_RELATIONS: dict[str, Any] = {
    "=": sp.Eq, "==": sp.Eq, "!=": sp.Ne, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge,
}  # fmt: skip
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_PRIMARY_COMMANDS = frozenset(
    "frac dfrac tfrac cfrac sqrt binom dbinom tbinom int sum prod lim lfloor lceil "
    "mathrm operatorname text mathit textrm mathbb mbox".split()
)
_NAME_COMMANDS = frozenset("mathrm operatorname text mathit textrm mathbb mbox".split())
_STOPPERS = frozenset({"sqrt", "√", "∛"})
_EXCEPTIONS = (TypeError, ValueError, ArithmeticError, AttributeError, NotImplementedError)
_DEEP_RECURSION = 4000


def parse_math(text: str, env: MathEnv, *, line: int = 0, col: int = 1) -> Any:
    """Parse an expression (to a SymPy ``Expr``) or a statement (to ``Eq``/``Lt``/...,
    ``And``, ``Or``). ``line``/``col`` place ``text`` in the cell for error messages.

    Raises :class:`ParseError` (with the column of the offending token and what was
    expected) or :class:`UnsupportedError` (too big or too deep). Never evaluates user text.
    """
    if len(text) > bounds.MAX_EXPRESSION_CHARS:
        raise UnsupportedError(
            f"expression is too long ({len(text)} characters; limit "
            f"{bounds.MAX_EXPRESSION_CHARS})",
            line,
        )
    parser = _Parser(text, env, line, col)
    try:
        return parser.parse()
    except RecursionError:
        raise UnsupportedError(
            f"expression nests too deeply (limit {bounds.MAX_DEPTH})", line
        ) from None


def build_env(options: Any) -> MathEnv:
    """Build the :class:`MathEnv` of a proof from its ``CheckOptions`` (assume texts,
    kernel symbols, domain). Raises :class:`ParseError` for an assumption it cannot read."""
    from proofnb.core.assume import build_env as build

    return build(options)


class _Parser:
    __slots__ = (
        "text", "env", "line", "col", "tokens", "i", "depth", "nest", "abs_depth",
        "simple_arg", "differential",
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

    # ----------------------------------------------------------------- helpers
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
        self.fail(tok, f"expected {text!r}{where}, found {_describe(tok)}")

    def fail(self, tok: Token, reason: str) -> NoReturn:
        raise ParseError(self.text, reason, self.line, self.col + tok.pos)

    def too_big(self, tok: Token, reason: str) -> NoReturn:
        raise UnsupportedError(f"{reason} (column {self.col + tok.pos})", self.line)

    def expr(self, value: Any, tok: Token) -> Any:
        if not isinstance(value, sp.Expr):
            self.fail(tok, "expected an expression here, not a statement")
        return value

    # ----------------------------------------------------------------- grammar
    def parse(self) -> Any:
        if self.peek().kind == END:
            self.fail(self.peek(), "expected an expression, found nothing")
        result = self.statement()
        tok = self.peek()
        if tok.kind != END:
            self.fail(tok, _unexpected(tok))
        return result

    def statement(self) -> Any:
        start = self.peek()
        first = self.conjunction()
        if not self.at("or"):
            return first
        parts = [self.boolean(first, start, "or")]
        while self.at("or"):
            self.advance()
            start = self.peek()
            parts.append(self.boolean(self.conjunction(), start, "or"))
        return sp.Or(*parts)

    def conjunction(self) -> Any:
        start = self.peek()
        first = self.relation()
        if not (self.at("and") or (self.nest == 0 and self.at(","))):
            return first
        word = self.peek().text
        parts = [self.boolean(first, start, word)]
        while self.at("and") or (self.nest == 0 and self.at(",")):
            self.advance()
            start = self.peek()
            parts.append(self.boolean(self.relation(), start, word))
        return sp.And(*parts)

    def boolean(self, value: Any, tok: Token, word: str) -> Any:
        if not isinstance(value, Boolean):
            self.fail(tok, f"expected an equation or inequality on each side of {word!r}")
        return value

    def relation(self) -> Any:
        start = self.peek()
        lhs = self.sum()
        tok = self.peek()
        if tok.kind != OP or tok.text not in _RELATIONS:
            if tok.kind == OP and tok.text == "=<":
                self.fail(tok, "write '<=' for 'less than or equal to'")
            return lhs
        parts = []
        while tok.kind == OP and tok.text in _RELATIONS:
            self.advance()
            rhs_tok = self.peek()
            rhs = self.sum()
            self.expr(lhs, start)
            self.expr(rhs, rhs_tok)
            parts.append(_RELATIONS[tok.text](lhs, rhs, evaluate=False))
            lhs, start, tok = rhs, rhs_tok, self.peek()
        return parts[0] if len(parts) == 1 else sp.And(*parts)

    def sum(self) -> Any:
        start = self.peek()
        first = self.product()
        if not (self.at("+") or self.at("-")):
            return first
        terms = [self.expr(first, start)]
        while self.at("+") or self.at("-"):
            sign = self.advance()
            tok = self.peek()
            term = self.expr(self.product(), tok)
            if sign.text == "-":
                term = self.build(sp.Mul, [sp.S.NegativeOne, term], sign)
            terms.append(term)
        try:
            bounds.check_numbers(terms)
        except LimitExceeded as exc:
            self.too_big(start, exc.reason)
        return self.build(sp.Add, terms, start)

    def product(self) -> Any:
        start = self.peek()
        first = self.unary()
        factors: list[Any] | None = None
        while True:
            tok = self.peek()
            if tok.kind == OP and tok.text in ("*", "/"):
                self.advance()
                nxt = self.peek()
                factor = self.expr(self.unary(), nxt)
                if tok.text == "/":
                    factor = self.power_of(factor, sp.S.NegativeOne, tok)
            elif self.implicit(tok):
                factor = self.expr(self.power(), tok)
            else:
                break
            if factors is None:
                factors = [self.expr(first, start)]
            factors.append(factor)
        if factors is None:
            return first
        try:
            bounds.check_numbers(factors)
        except LimitExceeded as exc:
            self.too_big(start, exc.reason)
        return self.build(sp.Mul, factors, start)

    def implicit(self, tok: Token) -> bool:
        """Whether ``tok`` starts a factor that multiplies the previous one."""
        kind = tok.kind
        if kind == NAME:
            if self.differential and self.differential_at(self.i) is not None:
                return False
            if self.simple_arg and self.is_function(tok.text):
                return False
            return True
        if kind == OP:
            text = tok.text
            if text in _OPENERS:
                return not (self.simple_arg and text == "(")
            if text == "|":
                return self.abs_depth == 0 and not self.simple_arg
            if text in ("√", "∛"):
                return not self.simple_arg
            return False
        if kind == CMD:
            if self.differential and self.differential_at(self.i) is not None:
                return False
            return tok.text in _PRIMARY_COMMANDS and not (
                self.simple_arg and tok.text in _STOPPERS
            )
        return False

    def is_function(self, name: str) -> bool:
        if name in self.env.functions:
            return True
        return name in FUNCTIONS and name not in self.env.symbols

    def unary(self) -> Any:
        self.depth += 1
        if self.depth > bounds.MAX_DEPTH:
            self.too_big(self.peek(), f"expression nests too deeply (limit {bounds.MAX_DEPTH})")
        try:
            tok = self.peek()
            if tok.kind == OP and tok.text == "-":
                self.advance()
                nxt = self.peek()
                value = self.expr(self.unary(), nxt)
                return self.build(sp.Mul, [sp.S.NegativeOne, value], tok)
            if tok.kind == OP and tok.text == "+":
                self.advance()
                nxt = self.peek()
                return self.expr(self.unary(), nxt)
            return self.power()
        finally:
            self.depth -= 1

    def power(self) -> Any:
        start = self.peek()
        base = self.primary()
        while True:
            tok = self.peek()
            if tok.kind == OP and tok.text == "!":
                self.advance()
                if self.at("!"):
                    self.fail(self.peek(), "double factorial n!! is not supported")
                value = self.expr(base, start)
                try:
                    bounds.check_factorial(value)
                except LimitExceeded as exc:
                    self.too_big(tok, exc.reason)
                base = self.build(sp.factorial, [value], tok)
            elif tok.kind == SUP:
                self.advance()
                base = self.power_of(self.expr(base, start), sp.Integer(int(tok.text)), tok)
            elif tok.kind == OP and tok.text in ("^", "**"):
                self.advance()
                nxt = self.peek()
                if nxt.kind == END:
                    self.fail(nxt, f"expected an exponent after {tok.text!r}")
                exponent = self.expr(self.unary(), nxt)
                return self.power_of(self.expr(base, start), exponent, tok)
            else:
                return base

    def power_of(self, base: Any, exponent: Any, tok: Token) -> Any:
        try:
            bounds.check_power(base, exponent)
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        return self.build(sp.Pow, [base, exponent], tok)

    def build(self, func: Any, args: list[Any], tok: Token) -> Any:
        try:
            value = func(*args)
            bounds.check_result(value)
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        except _EXCEPTIONS as exc:
            self.fail(tok, f"cannot build this expression ({type(exc).__name__}: {exc})")
        return value

    # ----------------------------------------------------------------- atoms
    def primary(self) -> Any:
        tok = self.advance()
        kind = tok.kind
        if kind == NUM:
            return self.number(tok)
        if kind == NAME:
            return self.name(tok)
        if kind == CMD:
            return self.command(tok)
        if kind == OP:
            text = tok.text
            if text in _OPENERS:
                return self.enclosed(self.statement, _OPENERS[text], tok)
            if text == "|":
                self.abs_depth += 1
                try:
                    value = self.enclosed(self.sum, "|", tok, keep_abs=True)
                finally:
                    self.abs_depth -= 1
                return self.build(sp.Abs, [self.expr(value, tok)], tok)
            if text in ("√", "∛"):
                arg = self.expr(self.primary(), self.peek())
                if text == "√":
                    return self.build(sp.sqrt, [arg], tok)
                return self.call_builder("cbrt", [arg], tok)
        if kind == END:
            self.fail(tok, "expected an expression, found the end")
        if kind == STR:
            self.fail(tok, f"unexpected string {tok.text!r}: strings are not maths")
        if kind == SUP:
            self.fail(tok, "a superscript needs something before it")
        self.fail(tok, f"expected an expression, found {_describe(tok)}")

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
                    self.fail(end, "a tuple (a, b) is only allowed as a function argument")
                self.fail(end, f"expected {close!r} to close {tok.text!r} at column "
                               f"{self.col + tok.pos}, found {_describe(end)}")
            self.advance()
            return value
        finally:
            self.nest -= 1
            self.simple_arg, self.differential, self.abs_depth = saved

    def number(self, tok: Token) -> Any:
        text = tok.text
        mantissa, _, exponent = text.lower().partition("e")
        whole, _, fraction = mantissa.partition(".")
        try:
            bounds.check_literal(whole + fraction)
            if exponent and abs(int(exponent)) > bounds.MAX_LITERAL_DIGITS:
                raise LimitExceeded(f"exponent in {text} is too large")
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        value = sp.Integer(int(whole or "0"))
        if fraction:
            value = sp.Rational(int(whole + fraction), 10 ** len(fraction))
        if exponent:
            value = value * sp.Rational(10) ** int(exponent)
        return value

    def name(self, tok: Token) -> Any:
        name = tok.text
        env = self.env
        if name in env.functions:
            return self.apply_undefined(tok, env.functions[name])
        if name not in env.symbols:
            if name == "log" and self.at("_"):
                self.advance()
                base = self.script()
                return self.call(tok, "log", base=base)
            if name in FUNCTIONS:
                return self.call(tok, name)
            if name in CONSTANTS:
                return CONSTANTS[name]
            if name == "i" and env.domain == "complex":
                return sp.I
            if name == "d" and self.at("/"):
                derivative = self.derivative_operator(tok)
                if derivative is not None:
                    return derivative
            if not _is_simple_name(name) and name not in GREEK_NAMES:
                if name.isalpha() and len(name) <= 3 and not _known_prefix(name):
                    # ab is a*b: the remaining letters become the next tokens, one each.
                    self.tokens[self.i : self.i] = [
                        Token(NAME, letter, tok.pos + k) for k, letter in enumerate(name) if k
                    ]
                    return self.letter(name[0])
                self.fail(tok, _unknown_name(name))
        if self.at("_"):
            self.advance()
            name = f"{name}_{self.subscript()}"
            if name in env.functions:
                return self.apply_undefined(tok, env.functions[name])
        return symbol_for(name, env)

    def letter(self, name: str) -> Any:
        if name in self.env.symbols:
            return self.env.symbols[name]
        if name in ("e", "E", "I") or (name == "i" and self.env.domain == "complex"):
            return sp.E if name in ("e", "E") else sp.I
        return symbol_for(name, self.env)

    def subscript(self) -> str:
        tok = self.advance()
        if tok.kind in (NUM, NAME) and tok.text.isalnum():
            return tok.text
        if tok.kind == OP and tok.text == "{":
            parts: list[str] = []
            while self.peek().kind in (NUM, NAME) and self.peek().text.isalnum():
                parts.append(self.advance().text)
            if parts and self.at("}"):
                self.advance()
                return "".join(parts)
        self.fail(tok, "expected a subscript such as x_1, a_n or x_{12}")

    def script(self) -> Any:
        """A LaTeX-style sub/superscript: ``{...}`` or a single token."""
        tok = self.peek()
        if tok.kind == OP and tok.text == "{":
            self.advance()
            return self.enclosed(self.sum, "}", tok)
        if tok.kind == OP and tok.text == "-":
            self.advance()
            value = self.expr(self.primary(), tok)
            return -value
        return self.expr(self.primary(), tok)

    def apply_undefined(self, tok: Token, function: Any) -> Any:
        if not self.at("("):
            self.fail(self.peek(), f"expected '(' after the function {tok.text}")
        args = self.arguments(tok)
        if not args or not all(isinstance(a, sp.Expr) for a in args):
            self.fail(tok, f"{tok.text}(...) takes one or more expressions")
        return self.build(function, args, tok)

    # ----------------------------------------------------------------- calls
    def call(self, tok: Token, name: str, base: Any = None) -> Any:
        power: Any = None
        if self.at("^") or self.at("**") or self.peek().kind == SUP:
            power = self.function_power(tok)
            if power == -1 and name in INVERSES:
                name, power = INVERSES[name], None
        if self.at("("):
            args: list[Arg] = self.arguments(tok)
        elif name in PREFIX_FUNCTIONS:
            if self.peek().kind == END:
                self.fail(self.peek(), f"expected an argument after {name}")
            args = [self.simple_argument()]
        else:
            self.fail(self.peek(), f"expected '(' after {name}, found {_describe(self.peek())}")
        if base is not None:
            if len(args) != 1:
                self.fail(tok, "log_b takes one argument")
            args.append(base)
        value = self.call_builder(name, args, tok)
        if power is not None:
            value = self.power_of(value, power, tok)
        return value

    def call_builder(self, name: str, args: list[Arg], tok: Token) -> Any:
        try:
            value = FUNCTIONS[name](args, self.env.domain)
            bounds.check_result(value)
        except ArgumentError as exc:
            self.fail(tok, exc.reason)
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        except _EXCEPTIONS as exc:
            self.fail(tok, f"cannot build {name}(...) ({type(exc).__name__}: {exc})")
        return value

    def function_power(self, tok: Token) -> Any:
        """The exponent in ``sin^2 x``, ``sin^{-1} x``, ``sin² x``: an integer."""
        sup = self.peek()
        if sup.kind == SUP:
            self.advance()
            return sp.Integer(int(sup.text))
        self.advance()
        start = self.peek()
        if start.kind == OP and start.text == "{":
            self.advance()
            value = self.enclosed(self.sum, "}", start)
        else:
            negative = self.at("-")
            if negative:
                self.advance()
            num = self.advance()
            if num.kind != NUM:
                self.fail(num, f"expected a whole number after {tok.text}^")
            value = self.number(num)
            value = -value if negative else value
        if not isinstance(value, sp.Integer):
            self.fail(start, f"expected a whole number after {tok.text}^")
        return value

    def arguments(self, tok: Token) -> list[Arg]:
        open_tok = self.expect("(")
        saved = (self.simple_arg, self.differential, self.abs_depth)
        self.simple_arg = self.differential = False
        self.abs_depth = 0
        self.nest += 1
        try:
            args: list[Arg] = []
            if self.at(")"):
                self.advance()
                return args
            while True:
                args.append(self.argument())
                nxt = self.peek()
                if nxt.kind == OP and nxt.text == ",":
                    self.advance()
                    continue
                if nxt.kind == OP and nxt.text == ")":
                    self.advance()
                    return args
                if nxt.kind == END:
                    self.fail(open_tok, f"'(' after {tok.text} is never closed")
                self.fail(nxt, f"expected ',' or ')' in the arguments of {tok.text}, "
                               f"found {_describe(nxt)}")
        finally:
            self.nest -= 1
            self.simple_arg, self.differential, self.abs_depth = saved

    def argument(self) -> Arg:
        tok = self.peek()
        if tok.kind == STR:
            self.advance()
            return tok.text
        if tok.kind == NAME and tok.text == "dir" and self.peek(1).text == "=":
            self.advance()
            self.advance()
            value = self.advance()
            if value.kind != STR:
                self.fail(value, "expected '+' or '-' after dir=")
            return value.text
        if tok.kind == OP and tok.text == "(" and self.is_tuple():
            self.advance()
            items: list[Any] = []
            while True:
                item_tok = self.peek()
                items.append(self.expr(self.sum(), item_tok))
                if self.at(","):
                    self.advance()
                    continue
                self.expect(")", "to close the tuple")
                return tuple(items)
        return self.statement()

    def is_tuple(self) -> bool:
        """Whether the bracket at the cursor holds a top-level comma (a tuple argument)."""
        depth = 0
        for tok in self.tokens[self.i :]:
            if tok.kind != OP:
                if tok.kind == END:
                    return False
                continue
            if tok.text in _OPENERS:
                depth += 1
            elif tok.text in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    return False
            elif tok.text == "," and depth == 1:
                return True
        return False

    def simple_argument(self) -> Any:
        """The argument of ``sin x``: an implicit product that stops at the next function."""
        saved = self.simple_arg
        self.simple_arg = True
        try:
            start = self.peek()
            negative = self.at("-")
            if negative:
                self.advance()
            factors = [self.expr(self.power(), self.peek())]
            while self.implicit(self.peek()):
                tok = self.peek()
                factors.append(self.expr(self.power(), tok))
            if negative:
                factors.insert(0, sp.S.NegativeOne)
            return factors[0] if len(factors) == 1 else self.build(sp.Mul, factors, start)
        finally:
            self.simple_arg = saved

    # ----------------------------------------------------------------- calculus
    def derivative_operator(self, tok: Token) -> Any:
        """``d/dx f``: returns None when the tokens are not that pattern (then d is a name)."""
        nxt = self.peek(1)
        if nxt.kind != NAME or not nxt.text.startswith("d") or len(nxt.text) < 2:
            return None
        var_name = nxt.text[1:]
        if not (_is_simple_name(var_name) or var_name in GREEK_NAMES):
            return None
        self.advance()
        self.advance()
        return self.derivative_of(symbol_for(var_name, self.env), tok)

    def derivative_of(self, var: Any, tok: Token) -> Any:
        operand_tok = self.peek()
        if operand_tok.kind == END:
            self.fail(operand_tok, "expected what to differentiate after d/dx")
        operand = self.expr(self.power(), operand_tok)
        return self.build(sp.Derivative, [operand, var], tok)

    def differential_at(self, index: int) -> tuple[Any, int] | None:
        """The variable of a differential (``dx``, ``d x``, ``\\mathrm{d}x``) at ``index``
        and how many tokens it spans, or None."""
        tok = self.tokens[index]
        if tok.kind == NAME:
            if tok.text == "d":
                var = self.tokens[index + 1] if index + 1 < len(self.tokens) else tok
                if var.kind == NAME and (_is_simple_name(var.text) or var.text in GREEK_NAMES):
                    return symbol_for(var.text, self.env), 2
                return None
            rest = tok.text[1:]
            if tok.text.startswith("d") and (len(rest) == 1 or rest in GREEK_NAMES):
                if tok.text not in self.env.symbols:
                    return symbol_for(rest, self.env), 1
            return None
        if tok.kind == CMD and tok.text == "mathrm":
            window = self.tokens[index + 1 : index + 5]
            if (len(window) == 4 and [t.text for t in window[:3]] == ["{", "d", "}"]
                    and window[3].kind == NAME and _is_simple_name(window[3].text)):
                return symbol_for(window[3].text, self.env), 5
        return None

    def command(self, tok: Token) -> Any:
        name = tok.text
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            return self.fraction(tok)
        if name == "sqrt":
            if self.at("["):
                open_tok = self.advance()
                order = self.expr(self.enclosed(self.sum, "]", open_tok), open_tok)
                arg = self.expr(self.latex_arg(), self.peek())
                return self.call_builder("root", [arg, order], tok)
            return self.build(sp.sqrt, [self.expr(self.latex_arg(), self.peek())], tok)
        if name in ("binom", "dbinom", "tbinom"):
            n = self.expr(self.latex_arg(), self.peek())
            k = self.expr(self.latex_arg(), self.peek())
            return self.call_builder("binomial", [n, k], tok)
        if name == "int":
            return self.integral(tok)
        if name in ("sum", "prod"):
            return self.series(tok)
        if name == "lim":
            return self.limit(tok)
        if name in ("lfloor", "lceil"):
            close = "rfloor" if name == "lfloor" else "rceil"
            value = self.expr(self.sum(), self.peek())
            end = self.advance()
            if end.kind != CMD or end.text != close:
                self.fail(end, f"expected \\{close} to close \\{name}")
            func = sp.floor if name == "lfloor" else sp.ceiling
            return self.build(func, [value], tok)
        if name in _NAME_COMMANDS:
            self.expect("{", f"after \\{name}")
            inner = self.advance()
            if inner.kind != NAME:
                self.fail(inner, f"expected a name inside \\{name}{{...}}")
            self.expect("}", f"to close \\{name}{{...}}")
            return self.name(inner)
        self.fail(tok, f"unsupported LaTeX command \\{name}")

    def latex_arg(self) -> Any:
        """A LaTeX argument: ``{...}``, or one token (``\\frac12`` is 1/2)."""
        tok = self.peek()
        if tok.kind == OP and tok.text == "{":
            self.advance()
            return self.enclosed(self.sum, "}", tok)
        if tok.kind == NUM and len(tok.text) > 1 and tok.text.isdigit():
            self.tokens[self.i] = Token(NUM, tok.text[1:], tok.pos + 1)
            return sp.Integer(int(tok.text[0]))
        if tok.kind == END:
            self.fail(tok, "expected an argument such as {x}")
        return self.primary()

    def fraction(self, tok: Token) -> Any:
        texts = [t.text for t in self.tokens[self.i : self.i + 6]]
        if texts[:3] == ["{", "d", "}"] and texts[3] == "{" and texts[5] == "}":
            var_tok = self.tokens[self.i + 4]
            rest = var_tok.text[1:]
            if var_tok.kind == NAME and var_tok.text.startswith("d") and (
                _is_simple_name(rest) or rest in GREEK_NAMES
            ):
                self.i += 6
                return self.derivative_of(symbol_for(rest, self.env), tok)
        num_tok = self.peek()
        num = self.expr(self.latex_arg(), num_tok)
        den_tok = self.peek()
        den = self.expr(self.latex_arg(), den_tok)
        inverse = self.power_of(den, sp.S.NegativeOne, den_tok)
        return self.build(sp.Mul, [num, inverse], tok)

    def scripts(self) -> tuple[Any, Any]:
        low = high = None
        for _ in range(2):
            if self.at("_") and low is None:
                self.advance()
                low = self.script()
            elif (self.at("^") or self.at("**")) and high is None:
                self.advance()
                high = self.script()
        return low, high

    def integral(self, tok: Token) -> Any:
        low, high = self.scripts()
        saved = self.differential
        self.differential = True
        try:
            body_tok = self.peek()
            if self.differential_at(self.i) is not None:
                body: Any = sp.S.One
            else:
                body = self.expr(self.sum(), body_tok)
        finally:
            self.differential = saved
        found = self.differential_at(self.i)
        if found is None:
            self.fail(self.peek(), "expected the differential (such as dx) that ends the integral")
        var, width = found
        self.i += width
        if (low is None) != (high is None):
            self.fail(tok, "an integral needs both limits, or none")
        limits = var if low is None else (var, low, high)
        return self.build(sp.Integral, [body, limits], tok)

    def series(self, tok: Token) -> Any:
        if not self.at("_"):
            self.fail(self.peek(), f"expected _{{k=1}} after \\{tok.text}")
        self.advance()
        open_tok = self.expect("{", f"after \\{tok.text}_")
        var_tok = self.advance()
        if var_tok.kind != NAME or not (_is_simple_name(var_tok.text)
                                        or var_tok.text in GREEK_NAMES):
            self.fail(var_tok, "expected the index variable, as in \\sum_{k=1}^{n}")
        self.expect("=", "after the index variable")
        low = self.index_bound(open_tok)
        if not (self.at("^") or self.at("**")):
            self.fail(self.peek(), "expected ^{n}: the upper limit")
        self.advance()
        high = self.script()
        body_tok = self.peek()
        body = self.expr(self.product(), body_tok)
        var = symbol_for(var_tok.text, self.env)
        name = "Sum" if tok.text == "sum" else "Product"
        return self.call_builder(name, [body, (var, low, high)], tok)

    def index_bound(self, open_tok: Token) -> Any:
        self.nest += 1
        try:
            value = self.expr(self.sum(), self.peek())
        finally:
            self.nest -= 1
        self.expect("}", f"to close the subscript opened at column {self.col + open_tok.pos}")
        return value

    def limit(self, tok: Token) -> Any:
        if not self.at("_"):
            self.fail(self.peek(), "expected _{x \\to a} after \\lim")
        self.advance()
        open_tok = self.expect("{", "after \\lim_")
        var_tok = self.advance()
        if var_tok.kind != NAME:
            self.fail(var_tok, "expected the variable, as in \\lim_{x \\to 0}")
        self.expect("->", "(\\to) after the variable")
        close = self.matching(self.i - 1)
        direction = "+-"
        if close is not None and close >= 3:
            sign, caret = self.tokens[close - 1], self.tokens[close - 2]
            if caret.text == "^" and sign.text in ("+", "-"):
                direction = sign.text
                self.tokens[close - 2] = Token(OP, "}", caret.pos)
        point = self.index_bound(open_tok)
        if direction != "+-":
            self.i = close + 1 if close is not None else self.i
        var = self.name(var_tok)
        if point in (sp.oo, -sp.oo):
            direction = "-" if point == sp.oo else "+"
        body_tok = self.peek()
        body = self.expr(self.product(), body_tok)
        return self.call_builder("limit", [body, var, point, direction], tok)

    def matching(self, index: int) -> int | None:
        """Index of the ``}`` that closes the brace group containing ``index``."""
        depth = 1
        for j in range(index + 1, len(self.tokens)):
            text = self.tokens[j].text
            if self.tokens[j].kind != OP:
                continue
            if text == "{":
                depth += 1
            elif text == "}":
                depth -= 1
                if depth == 0:
                    return j
        return None


def _is_simple_name(name: str) -> bool:
    """One letter, optionally followed by digits: x, y2, a10."""
    return name[:1].isalpha() and (len(name) == 1 or name[1:].isdigit())


def _known_prefix(word: str) -> str | None:
    for size in range(len(word) - 1, 1, -1):
        if word[:size] in KNOWN_WORDS or word[:size] in GREEK_NAMES:
            return word[:size]
    return None


def _unknown_name(word: str) -> str:
    hints: list[str] = []
    prefix = _known_prefix(word)
    if prefix is not None and len(word) - len(prefix) <= 2:
        hints.append(f"{prefix} {word[len(prefix):]}")
    elif word.isalpha():
        hints.append("*".join(word))
    for close in difflib.get_close_matches(word, sorted(KNOWN_WORDS | GREEK_NAMES), n=2):
        hints.append(close)
    hint = f"did you mean {' or '.join(hints)}? " if hints else ""
    return f"unknown name {word!r}; {hint}write products with spaces or *"


def _describe(tok: Token) -> str:
    if tok.kind == END:
        return "the end"
    if tok.kind == CMD:
        return f"\\{tok.text}"
    return repr(tok.text)


def _unexpected(tok: Token) -> str:
    text = tok.text
    if tok.kind == OP and text in (")", "]", "}"):
        return f"unmatched {text!r}"
    if tok.kind == OP and text in ("<=>", "==>", "<==", "=>"):
        return f"{text!r} relates whole statements: put it between lines or at a line's start"
    if tok.kind == NUM:
        return f"expected an operator before the number {text}"
    if tok.kind == STR:
        return f"unexpected string {text!r}: strings are not maths"
    if tok.kind == OP and text == ",":
        return "unexpected ','"
    return f"unexpected {_describe(tok)}; expected an operator or the end"
