"""Function calls: ``f(x, y)``, ``sin x``, ``sin^2 x``, ``log_2 x``, tuple arguments."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sympy as sp

from proofnb.core import bounds
from proofnb.core.bounds import LimitExceeded
from proofnb.core.cursor import (
    BUILD_ERRORS,
    OPENERS,
    Cursor,
    NeedsGlobalUnevaluate,
    describe,
    unevaluated,
)
from proofnb.core.dependent import through_assumptions
from proofnb.core.functions import (
    FUNCTIONS,
    INERT_BUILDERS,
    INVERSES,
    PREFIX_FUNCTIONS,
    RAW_BUILDERS,
    UNARY_CLASSES,
    Arg,
    ArgumentError,
)
from proofnb.core.kinks import undefined_kinks
from proofnb.core.lexer import CMD, END, NAME, NUM, OP, STR, SUP, Token
from proofnb.core.piecewise import read_pairs

#: Names read as the real and imaginary part when called: Re(z), Im(z), \\Re z.
PART_NAMES: dict[str, str] = {"Re": "re", "Im": "im"}


#: A defined function with these is not differentiated: SymPy's answers are wrong at kinks
#: and jumps (d/dx arg(x) is 0, also at 0; d/dx atan2(x, -1) ignores its jump at 0).
_NOT_SMOOTH = (sp.floor, sp.ceiling, sp.Max, sp.Min, sp.Piecewise, sp.Heaviside, sp.sign,
               sp.DiracDelta, sp.frac, sp.arg, sp.atan2, sp.Mod)


def _derivative(body: sp.Expr, x: sp.Symbol, order: int, robust: bool = False
                ) -> sp.Expr | None:
    """The ``order``-th derivative of a defined function, one order at a time: at a kink of
    ``|u|`` it is undefined where it does not exist (``|x|`` at 0) and kept where it does
    (``x |x|`` at 0: :func:`proofnb.core.kinks.undefined_kinks`). Each order's formula is
    continuous wherever it is defined, so the ``DiracDelta(u)`` that differentiating its
    ``sign(u)`` adds (0 off the kink) is dropped. None when a lower order has a kink where
    it does not exist: ``u/|u|`` does not stay undefined under differentiation (the second
    derivative of ``|x|`` came out as 0, also at 0)."""
    written = body.atoms(sp.sign, sp.DiracDelta)  # none: such bodies are refused before
    for step in range(1, order + 1):
        body = sp.diff(body, x)
        body = body.xreplace({d: sp.S.Zero for d in body.atoms(sp.DiracDelta) - written})
        # Every sign(u) again, not only new ones: x |x| has x sign(x) + |x| as its first
        # derivative (sides meet at 0), but 2 sign(x) as its second (they do not).
        resolved = undefined_kinks(body, body.atoms(sp.sign) - written, robust)
        if resolved != body and step < order:
            return None
        body = resolved
    return body


def bounded_substitution(body: sp.Basic, values: dict[Any, Any]) -> Any:
    """``body.xreplace(values)`` with every rebuilt node bounded as the parser bounds it
    (:mod:`proofnb.core.bounds`): the substitution evaluates, and a definition's body was
    only bounded for its letters (``f(x) = x!`` makes ``f(f(10))`` the factorial of 3628800).
    Raises :class:`LimitExceeded`."""

    def rebuild(node: sp.Basic) -> Any:
        if node in values:
            return values[node]
        if not node.args:
            return node
        args = [rebuild(arg) for arg in node.args]
        if all(new is old for new, old in zip(args, node.args, strict=True)):
            return node
        _check_node(node, args)
        value = node.func(*args)
        bounds.check_result(value)
        return value

    return rebuild(body)


def _check_node(node: sp.Basic, args: list[Any]) -> None:
    """The bound the parser applies when it builds ``node``'s kind from ``args``."""
    if isinstance(node, sp.Pow):
        bounds.check_power(*args)
    elif isinstance(node, (sp.Add, sp.Mul, sp.Max, sp.Min)):
        bounds.check_numbers(args)
    elif isinstance(node, _FACTORIAL_LIKE):
        for arg in args:
            bounds.check_factorial(arg)
    elif isinstance(node, (sp.Sum, sp.Product)):
        what, limit = (("sum", bounds.MAX_SUM_TERMS) if isinstance(node, sp.Sum)
                       else ("product", bounds.MAX_PRODUCT_TERMS))
        for item in args[1:]:
            bounds.check_range(item[1], item[2], limit, what)


#: Functions whose arguments are bounded like factorial's (gamma(n) is (n - 1)!).
_FACTORIAL_LIKE = (sp.factorial, sp.factorial2, sp.binomial, sp.gamma, sp.beta, sp.zeta)


class Calls(Cursor):
    """Parses the call of a whitelisted or declared function."""

    __slots__ = ()

    def apply_undefined(self, tok: Token, function: Any) -> Any:
        order = 0
        while self.at("'"):  # f'(x), f''(x): derivatives of a declared function
            self.advance()
            order += 1
        if not order and self.at("^"):
            order = self.latex_primes(tok)
        if not self.at("("):
            self.fail(self.peek(), f"expected '(' after the function {tok.text}: write "
                                   f"{tok.text}(x) (and f(x) + g(x) for (f + g)(x), "
                                   "f(x) g(x) for (f g)(x))")
        args = self.arguments(tok)
        if not args or not all(isinstance(a, sp.Expr) for a in args):
            self.fail(tok, f"{tok.text}(...) takes one or more expressions")
        if isinstance(function, sp.Lambda):
            return self.apply_defined(tok, function, args, order)
        if not order:
            return self.build(function, args, tok)
        if len(args) != 1:
            self.fail(tok, f"{tok.text}{chr(39) * order}(...) takes one argument; for a "
                           "function of several variables write diff(f(x, y), x)")
        (arg,) = args
        if isinstance(arg, sp.Symbol):
            return self.build(sp.Derivative, [function(arg), (arg, order)], tok)
        point = sp.Dummy("t")  # f'(x^2): the derivative of f, taken at x^2
        return sp.Subs(sp.Derivative(function(point), (point, order)), point, arg)

    def latex_primes(self, tok: Token) -> int:
        """``f^{\\prime}``, ``f^{\\prime\\prime}``, ``f^\\prime``: the order of the derivative
        (the cursor is at ``^``); ``f^{-1}`` is refused with what to write instead."""
        brace = self.peek(1).kind == OP and self.peek(1).text == "{"
        start = 2 if brace else 1
        count = 0
        while self.peek(start + count).kind == CMD and self.peek(start + count).text == "prime":
            count += 1
        if count and (not brace or self.peek(start + count).text == "}"):
            for _ in range(start + count + (1 if brace else 0)):
                self.advance()
            return count
        self.fail(self.peek(), f"{tok.text}^... is not supported after a function: write "
                               f"{tok.text}'(x) for its derivative, (f(x))^2 for a power, and an "
                               "inverse as a function of its own (g(x) = ..., then f(g(x)) = x)")

    def apply_defined(self, tok: Token, function: sp.Lambda, args: list[Any],
                      order: int) -> Any:
        """A function the cell defined (``f(x) = x^2 + 1``) at ``args``; ``f'(a)`` is its
        derivative at a."""
        variables = function.variables
        if len(args) != len(variables):
            self.fail(tok, f"{tok.text} was defined with {len(variables)} variable"
                           f"{'s' if len(variables) != 1 else ''}, not {len(args)}")
        body = function.expr
        if order:
            if len(variables) != 1:
                self.fail(tok, f"{tok.text}{chr(39) * order}(...) needs a function of one "
                               "variable; for several write diff(f(x, y), x)")
            if body.has(*_NOT_SMOOTH):
                self.fail(tok, f"{tok.text}{chr(39) * order} of a function defined with "
                               "floor, max, min, sign, mod, arg or cases is not supported: "
                               "write its derivative on each piece")
            try:
                bounds.check_order(sp.Integer(order))
            except LimitExceeded as exc:
                self.too_big(tok, exc.reason)
            # At an argument other than a letter (f'(x^2)), a kink's hole must survive the
            # substitution (robust): x^2/|x^2| would simplify to 1.
            derivative = _derivative(body, variables[0], order,
                                     robust=not all(isinstance(a, sp.Symbol) for a in args))
            if derivative is None:
                self.fail(tok, f"{tok.text}{chr(39) * order}: a lower derivative of "
                               f"{tok.text} has a kink (|u| at u = 0) where it does not "
                               "exist; write the derivative on each piece")
            body = derivative
            if body.has(sp.Derivative):  # zeta'(x): SymPy has no formula, nothing to evaluate
                self.fail(tok, f"{tok.text}{chr(39) * order}: the derivative of this "
                               "definition cannot be worked out; write it as a function of "
                               "its own")
        # Substituted as written: the arguments keep their own (unevaluated) form.
        try:
            return bounded_substitution(body, dict(zip(variables, args, strict=True)))
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        except BUILD_ERRORS as exc:
            self.fail(tok, f"cannot evaluate {tok.text} here ({type(exc).__name__}: {exc})")

    def call(self, tok: Token, name: str, base: Any = None) -> Any:
        power: Any = None
        if self.at("^") or self.at("**") or self.peek().kind == SUP:
            power = self.function_power(tok)
            if power == -1 and name in INVERSES:
                name, power = INVERSES[name], None
        if name == "Piecewise" and self.at("("):  # (value, condition) pairs
            args: list[Arg] = read_pairs(self, tok)
        elif self.at("("):
            args = self.arguments(tok)
        elif self.braced_brackets():
            # \log{\left(x \right)}^{2} y (SymPy's LaTeX): the brackets in the braces are the
            # call's, as in log(x)^2 y; read as a bare argument, the power and the factors
            # after them went inside (log(x^2 y))
            open_tok = self.advance()
            args = self.arguments(tok)
            self.expect("}", f"to close '{{' at column {open_tok.pos + self.col}")
        elif name in PREFIX_FUNCTIONS:
            if self.peek().kind == END:
                self.fail(self.peek(), f"expected an argument after {name}")
            args = [self.simple_argument(name)]
        elif name in ("max", "min") and self.peek().text in ("_", "\\limits"):
            # \max_{0 \le x \le 3} f(x) = 20: an extremum over a set (round 44)
            self.fail(self.peek(), f"a {name}imum over a set is not read: state the bound under "
                      "the set as an assumption (assume 0 <= x <= 3, then f(x) <= 20) and the "
                      "value where it is reached (f(3) = 20)")
        else:
            self.fail(self.peek(), f"expected '(' after {name}, found {describe(self.peek())}")
        if base is not None:
            if len(args) != 1:
                self.fail(tok, "log_b takes one argument")
            args.append(base)
        value = self.call_builder(name, args, tok)
        if power is not None:
            value = self.power_of(value, power, tok)
        return value

    def part_call(self, tok: Token, name: str) -> Any:
        """``Re(z)``, ``\\operatorname{Im} z``, ``\\Re z``: the real or imaginary part (``name`` is
        ``re`` or ``im``); without brackets the argument is as for ``sin x``."""
        if self.at("("):
            return self.call(tok, name)
        if self.peek().kind == END:
            self.fail(self.peek(), f"expected an argument after {tok.text}")
        return self.call_builder(name, [self.simple_argument(tok.text)], tok)

    def call_builder(self, name: str, args: list[Arg], tok: Token) -> Any:
        if name in ("diff", "Derivative") and args and self.env.conditions:  # x = cos(t)
            args = [through_assumptions(args[0], args[1:], self.env.conditions), *args[1:]]
        try:
            if not self.evaluate and name in RAW_BUILDERS:
                return RAW_BUILDERS[name](args, self.env.domain)
            if not self.evaluate and name not in INERT_BUILDERS:
                func = UNARY_CLASSES.get(name)
                if func is None or len(args) != 1:
                    raise NeedsGlobalUnevaluate(name)
                return unevaluated(func, args)
            value = FUNCTIONS[name](args, self.env.domain)
            bounds.check_result(value)
        except ArgumentError as exc:
            self.fail(tok, exc.reason)
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        except BUILD_ERRORS as exc:
            self.fail(tok, f"cannot build {name}(...) ({type(exc).__name__}: {exc})")
        return value

    def braced_brackets(self) -> bool:
        """Whether a brace group at the cursor holds exactly one pair of round brackets:
        ``{\\left(x + 1 \\right)}``, ``{(x)}``."""
        if not (self.at("{") and self.peek(1).kind == OP and self.peek(1).text == "("):
            return False
        for j, tok, depth in self.bracket_tokens(self.i + 1):
            if depth == 0:
                nxt = self.tokens[j + 1]
                return tok.text == ")" and nxt.kind == OP and nxt.text == "}"
        return False

    def bracket_tokens(self, start: int) -> Iterator[tuple[int, Token, int]]:
        """(index, token, depth after it) of each bracket and comma from the opening bracket
        at ``start`` up to the one that closes it (depth 0); nothing more at the end."""
        depth = 0
        for j in range(start, len(self.tokens)):
            tok = self.tokens[j]
            if tok.kind == END:
                return
            if tok.kind != OP:
                continue
            if tok.text in OPENERS:
                depth += 1
            elif tok.text in (")", "]", "}"):
                depth -= 1
            elif tok.text != ",":
                continue
            yield j, tok, depth
            if depth == 0:
                return

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
            if isinstance(value, sp.Expr) and value.is_number and not value.is_Integer:
                value = value.doit()  # ^{-1} read unevaluated is -1 * 1
            if isinstance(value, sp.Expr) and value != -1:
                # \cosh^{\frac{3}{2}}{\left(t \right)}, \cot^{t^{2}}{\left(y \right)}
                # (SymPy's LaTeX): a braced exponent other than -1 is a power of the value
                return value
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
                               f"found {describe(nxt)}")
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

    def exponential_at(self, tok: Token) -> bool:
        """Whether ``tok`` starts a power of e (``e^x``, ``e²``)."""
        if tok.kind != NAME or tok.text not in ("e", "E") or tok.text in self.env.symbols:
            return False
        nxt = self.peek(1)
        return nxt.kind == SUP or (nxt.kind == OP and nxt.text in ("^", "**"))

    def is_tuple(self) -> bool:
        """Whether the bracket at the cursor holds a top-level comma (a tuple argument)."""
        return any(tok.text == "," and depth == 1
                   for _, tok, depth in self.bracket_tokens(self.i))

    def spaced_apart(self, tok: Token) -> bool:
        """Whether LaTeX spacing (``\\,``, ``\\;``, ``\\:``, ``\\ ``, ``\\quad``) stands
        between ``tok`` and the token before it."""
        if self.i == 0:
            return False
        gap = self.text[self.tokens[self.i - 1].pos + 1 : tok.pos]
        return any(mark in gap for mark in ("\\,", "\\;", "\\:", "\\ ", "\\quad"))

    def simple_argument(self, name: str = "") -> Any:
        """The argument of ``sin x``: an implicit product that stops at the next function.
        ``sin x e^x`` is an error: e^x is exp(x), yet the reader may see sin(x e^x)."""
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
                if self.exponential_at(tok):
                    if self.spaced_apart(tok):
                        break  # \\cos x \\, e^{\\sin x}: the thin space ends the argument
                    self.fail(tok, f"{name} ... e^... is ambiguous here: write {name}(...) "
                                   f"e^... or put e^... inside the brackets of {name}(...)")
                factors.append(self.expr(self.power(), tok))
            if negative:
                factors.insert(0, sp.S.NegativeOne)
            return factors[0] if len(factors) == 1 else self.build(sp.Mul, factors, start)
        finally:
            self.simple_arg = saved
