"""LaTeX constructs and calculus notation: ``\\frac``, ``\\sqrt[n]``, ``\\int_a^b ... dx``,
``\\sum_{k=1}^{n}``, ``\\lim_{x \\to a}``, ``d/dx``."""

from __future__ import annotations

from typing import Any

import sympy as sp

from proofnb.core.calls import Calls
from proofnb.core.cursor import is_simple_name
from proofnb.core.env import symbol_for
from proofnb.core.functions import settled
from proofnb.core.lexer import CMD, END, GREEK_NAMES, NAME, NUM, OP, Token

#: Commands that start a factor (so ``2\\frac{1}{x}`` multiplies).
PRIMARY_COMMANDS = frozenset(
    "frac dfrac tfrac cfrac sqrt binom dbinom tbinom int sum prod lim lfloor lceil "
    "mathrm operatorname text mathit textrm mathbb mbox bar overline".split()
)
_NAME_COMMANDS = frozenset("mathrm operatorname text mathit textrm mathbb mbox".split())


class Latex(Calls):
    """Parses LaTeX commands and calculus operators."""

    __slots__ = ()

    def derivative_operator(self, tok: Token) -> Any:
        """``d/dx f``: returns None when the tokens are not that pattern (then d is a name)."""
        nxt = self.peek(1)
        if nxt.kind != NAME or not nxt.text.startswith("d") or len(nxt.text) < 2:
            return None
        var_name = nxt.text[1:]
        if not (is_simple_name(var_name) or var_name in GREEK_NAMES):
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
                if var.kind == NAME and (is_simple_name(var.text) or var.text in GREEK_NAMES):
                    return symbol_for(var.text, self.env), 2
                return None
            rest = tok.text[1:]
            if tok.text.startswith("d") and (len(rest) == 1 or rest in GREEK_NAMES):
                if tok.text not in self.env.symbols:
                    return symbol_for(rest, self.env), 1
            return None
        if tok.kind == CMD and tok.text in _NAME_COMMANDS:
            window = self.tokens[index + 1 : index + 5]
            if (len(window) == 4 and [t.text for t in window[:3]] == ["{", "d", "}"]
                    and window[3].kind == NAME and is_simple_name(window[3].text)):
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
        if name in ("bar", "overline"):
            if self.env.domain != "complex":
                self.fail(tok, f"\\{name} is the complex conjugate here: check with --domain "
                               "complex (for a mean, use a plain name such as xbar)")
            return self.call_builder("conjugate", [self.expr(self.latex_arg(), self.peek())], tok)
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

    def d_marker(self, index: int) -> int:
        """Tokens spanned by a Leibniz ``d`` at ``index``: ``d``, ``\\partial``,
        ``\\mathrm{d}`` (or ``\\text{d}``, ``\\operatorname{d}``...); 0 if none."""
        tok = self.tokens[index]
        if tok.kind == NAME and tok.text == "d":
            return 1
        if tok.kind == CMD and tok.text == "partial":
            return 1
        if tok.kind == CMD and tok.text in _NAME_COMMANDS:
            window = [t.text for t in self.tokens[index + 1 : index + 4]]
            if window == ["{", "d", "}"]:
                return 4
        return 0

    def leibniz(self) -> Any:
        """``{d}{dx}`` after ``\\frac`` (any spelling of d): the variable, tokens consumed."""
        i = self.i
        if self.tokens[i].text != "{" or self.tokens[i].kind != OP:
            return None
        width = self.d_marker(i + 1)
        if not width or self.tokens[i + 1 + width].text != "}":
            return None
        j = i + 2 + width
        if self.tokens[j].text != "{" or self.tokens[j].kind != OP:
            return None
        var_tok = self.tokens[j + 1]
        width = self.d_marker(j + 1)
        if width:
            var_tok = self.tokens[j + 1 + width]
            name, end = var_tok.text, j + 2 + width
        elif var_tok.kind == NAME and var_tok.text.startswith("d"):
            name, end = var_tok.text[1:], j + 2
        else:
            return None
        if var_tok.kind != NAME or not (is_simple_name(name) or name in GREEK_NAMES):
            return None
        if self.tokens[end].text != "}" or self.tokens[end].kind != OP:
            return None
        self.i = end + 1
        return symbol_for(name, self.env)

    def fraction(self, tok: Token) -> Any:
        var = self.leibniz()
        if var is not None:
            return self.derivative_of(var, tok)
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
        limits = var if low is None else (var, settled(low), settled(high))
        return self.build(sp.Integral, [body, limits], tok)

    def series(self, tok: Token) -> Any:
        if not self.at("_"):
            self.fail(self.peek(), f"expected _{{k=1}} after \\{tok.text}")
        self.advance()
        open_tok = self.expect("{", f"after \\{tok.text}_")
        var_tok = self.advance()
        if var_tok.kind != NAME or not (is_simple_name(var_tok.text)
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
