"""LaTeX constructs and calculus notation: ``\\frac``, ``\\sqrt[n]``, ``\\int_a^b ... dx``,
``\\sum_{k=1}^{n}``, ``\\lim_{x \\to a}``, ``d/dx``."""

from __future__ import annotations

from typing import Any

import sympy as sp

from proofnb.core import bounds, partials
from proofnb.core.bounds import LimitExceeded
from proofnb.core.calls import PART_NAMES, Calls
from proofnb.core.cursor import is_simple_name
from proofnb.core.env import symbol_for
from proofnb.core.functions import settled
from proofnb.core.lexer import CMD, END, GREEK_NAMES, LATEX_HYPERBOLIC, NAME, NUM, OP, SUP, Token

#: Commands that start a factor (so ``2\\frac{1}{x}`` multiplies).
PRIMARY_COMMANDS = frozenset(
    "frac dfrac tfrac cfrac sqrt root binom dbinom tbinom int sum prod lim lfloor lceil "
    "mathrm operatorname text mathit textrm mathbb mbox bar overline Re Im mathcal "
    "imaginaryI".split()
)
_NAME_COMMANDS = frozenset("mathrm operatorname text mathit textrm mathbb mbox mathcal".split())


#: ``\\lim_{x \\downarrow 0}``: x decreases to 0 (from the right); ``\\uparrow``: from the left.
_SIDE_ARROWS = {"downarrow": "+", "searrow": "+", "uparrow": "-", "nearrow": "-"}


class Latex(Calls):
    """Parses LaTeX commands and calculus operators."""

    __slots__ = ()

    def derivative_operator(self, tok: Token) -> Any:
        """``d/dx f`` (or ``d^2/dx^2 f``): returns None when the tokens are not that pattern
        (then d is a name)."""
        order, width = self.order_at(self.i)
        if self.tokens[self.i + width].text != "/" or self.tokens[self.i + width].kind != OP:
            return None
        nxt = self.tokens[self.i + width + 1]
        if nxt.kind != NAME or not nxt.text.startswith("d") or len(nxt.text) < 2:
            return None
        var_name = nxt.text[1:]
        if not (is_simple_name(var_name) or var_name in GREEK_NAMES):
            return None
        below, below_width = self.order_at(self.i + width + 2)
        if below != order:
            return None
        self.i += width + 2 + below_width
        return self.derivative_of(symbol_for(var_name, self.env), tok, order)

    def order_at(self, index: int) -> tuple[int, int]:
        """The order written at ``index`` after a Leibniz d or dx (``^2``, ``^{2}``, ``²``)
        and how many tokens it spans; (1, 0) when none is written."""
        tok = self.tokens[index]
        if tok.kind == SUP and tok.text.isdigit():
            return int(tok.text), 1
        if tok.kind != OP or tok.text != "^" or index + 1 >= len(self.tokens):
            return 1, 0
        nxt = self.tokens[index + 1]
        if nxt.kind == NUM and nxt.text.isdigit():
            return int(nxt.text), 2
        window = self.tokens[index + 1 : index + 4]
        if (len(window) == 3 and window[0].text == "{" and window[1].kind == NUM
                and window[1].text.isdigit() and window[2].text == "}"):
            return int(window[1].text), 4
        return 1, 0

    def derivative_of(self, var: Any, tok: Token, order: int = 1) -> Any:
        operand_tok = self.peek()
        if operand_tok.kind == END:
            self.fail(operand_tok, "expected what to differentiate after d/dx")
        operand = self.derivative_operand(operand_tok)
        if order == 1:
            return self.build(sp.Derivative, [operand, var], tok)
        try:
            bounds.check_order(sp.Integer(order))
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)
        return self.build(sp.Derivative, [operand, (var, order)], tok)

    def derivative_operand(self, operand_tok: Token) -> Any:
        """What ``d/dx`` applies to: a bracket (with its exponent), or else the whole
        implicit product that follows (``d/dx 3x^2`` is the derivative of 3x^2, not
        d/dx(3)·x^2); an explicit ``*`` or ``/`` after it is an error, not a guess."""
        if operand_tok.kind == OP and operand_tok.text in ("(", "[", "{"):
            return self.expr(self.power(), operand_tok)
        factors = [self.expr(self.power(), operand_tok)]
        while self.implicit(self.peek()):
            factors.append(self.expr(self.power(), self.peek()))
        after = self.peek()
        if after.kind == OP and after.text in ("*", "/"):
            self.fail(after, "bracket what the derivative applies to: d/dx (u * v), or "
                             "(d/dx u) * v")
        if len(factors) == 1:
            return factors[0]
        return self.build(sp.Mul, factors, operand_tok)

    def leibniz_quotient(self, tok: Token) -> Any:
        """``\\frac{d(x^2)}{dx}`` or ``\\frac{d \\sin x}{dx}``: the derivative of what
        follows the d on top; None when the tokens are not that pattern. ``\\frac{dy}{dx}``
        of a plain variable y is an error (y is not a function of x here)."""
        i = self.i
        if self.tokens[i].text != "{" or self.tokens[i].kind != OP:
            return None
        close = self.matching(i)
        if close is None or self.tokens[close + 1].text != "{":
            return None
        top = self.tokens[i + 1]
        width = self.d_marker(i + 1)
        glued = not width and top.kind == NAME and len(top.text) == 2 and top.text[0] == "d"
        if not (width or glued) or (width and i + 1 + width == close):
            return None
        below = self.differential_at(close + 2)
        if below is None or self.tokens[close + 2 + below[1]].text != "}":
            return None
        var = below[0]
        rest = self.tokens[i + 1 + width : close] if width else [top]
        if glued or (len(rest) == 1 and rest[0].kind == NAME):
            name = top.text[1:] if glued else rest[0].text
            self.fail(top, f"{name} is a variable here, not a function of {var}: write the "
                           f"derivative of an expression, such as \\frac{{d}}{{d{var}}}(x^2)")
        self.i = i + 1 + width
        self.nest += 1
        try:
            operand = self.expr(self.sum(), self.peek())
        finally:
            self.nest -= 1
        if self.i != close:
            return self.fail(self.peek(), "expected '}' to close the top of the derivative")
        self.i = close + 3 + below[1]
        return self.build(sp.Derivative, [operand, var], tok)

    def bracket_quotient(self, tok: Token) -> Any:
        """ASCII ``d(x^2)/dx``: the derivative of the bracket; None when not that pattern."""
        depth = 0
        for j in range(self.i, len(self.tokens)):
            t = self.tokens[j]
            if t.kind == OP and t.text == "(":
                depth += 1
            elif t.kind == OP and t.text == ")":
                depth -= 1
                if depth == 0:
                    break
        else:
            return None
        if j + 3 >= len(self.tokens):
            return None
        slash, under = self.tokens[j + 1], self.tokens[j + 2]
        if not (slash.kind == OP and slash.text == "/" and under.kind == NAME
                and len(under.text) == 2 and under.text[0] == "d"
                and (is_simple_name(under.text[1:]))):
            return None
        after = self.tokens[j + 3]
        if after.kind == SUP or (after.kind == OP and after.text in ("^", "**")):
            return None
        operand = self.expr(self.primary(), tok)
        self.i += 2
        return self.build(sp.Derivative, [operand, symbol_for(under.text[1:], self.env)], tok)

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
        if name == "root":  # itex (SymPy's latex(itex=True)): \root{3}{x} is \sqrt[3]{x}
            if not self.at("{"):
                self.fail(self.peek(), "write \\root{n}{x} or \\sqrt[n]{x} for the n-th root")
            order = self.expr(self.latex_arg(), self.peek())
            arg = self.expr(self.latex_arg(), self.peek())
            return self.call_builder("root", [arg, order], tok)
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
            letter = [self.peek(k) for k in range(3)]
            if self.env.domain != "complex" and letter[0].text == "{" and letter[2].text == "}" \
                    and f"{letter[1].text}\u0304" in self.env.symbols:
                self.i += 3  # \bar{x} = ... gave the mean x̄ a value (core/assume.py)
                return self.env.symbols[f"{letter[1].text}\u0304"]
            if self.env.domain != "complex":
                self.fail(tok, f"\\{name} is the complex conjugate here: check with --domain "
                               "complex (for a mean, give it its value first: "
                               "\\bar{x} = \\frac{2 + 4 + 9}{3} = 5)")
            return self.call_builder("conjugate", [self.expr(self.latex_arg(), self.peek())], tok)
        if name in _NAME_COMMANDS:
            self.expect("{", f"after \\{name}")
            inner = self.advance()
            if inner.kind != NAME:
                self.fail(inner, f"expected a name inside \\{name}{{...}}")
            self.expect("}", f"to close \\{name}{{...}}")
            if inner.text == "i" and name == "mathrm":  # \\mathrm{i}: upright, the unit
                return self.imaginary_unit(inner)
            if inner.text in PART_NAMES:  # \\operatorname{Re} z, \\mathrm{Im}(z)
                return self.part_call(inner, PART_NAMES[inner.text])
            if inner.text in LATEX_HYPERBOLIC and name in ("operatorname", "mathrm"):
                inner = Token(NAME, LATEX_HYPERBOLIC[inner.text], inner.pos)  # \\mathrm{ch}
            return self.name(inner, upright=True)
        if name in ("Re", "Im"):
            return self.part_call(tok, PART_NAMES[name])
        if name == "imaginaryI":  # MathLive's \imaginaryI, Word's ⅈ
            return self.imaginary_unit(tok)
        if name == "Pr":  # \Pr(A): a probability
            return self.name(Token(NAME, "Pr", tok.pos))
        if name == "partial":  # ∂f/∂x, ∂/∂x (x^2 y)
            return partials.slash(self, tok)
        if name == "nabla":
            partials.gradient(self, tok)
        if name in ("iint", "iiint", "oint"):
            self.fail(tok, f"\\{name} over a region is not read: write the iterated "
                           "integral with its limits, \\int_0^1 \\int_0^x f \\, dy \\, dx")
        self.fail(tok, f"unsupported LaTeX command \\{name}")

    def imaginary_unit(self, tok: Token) -> Any:
        """The imaginary unit as editors write it (``\\imaginaryI``, ``\\mathrm{i}``, ``ⅈ``):
        i in complex mode; in real mode an error, not a variable named i."""
        if self.env.domain == "complex":
            return sp.I
        self.fail(tok, "this is the imaginary unit i: check the cell with --domain complex "
                       "(in real mode i is an ordinary variable)")

    def i_of(self, tok: Token) -> int:
        """Index of ``tok`` (searched backwards from the cursor)."""
        for j in range(self.i - 1, -1, -1):
            if self.tokens[j] is tok:
                return j
        return -1

    def starts_factor(self, index: int) -> bool:
        """Whether the token at ``index`` starts a factor (not an exponent, a subscript or
        a LaTeX argument, as the 2 in ``x^2\\frac{1}{2}`` or ``\\sqrt2\\frac{1}{2}``)."""
        if index < 0:
            return False
        if index == 0:
            return True
        prev = self.tokens[index - 1]
        return prev.kind == OP and prev.text not in ("^", "**", "_", "}", ")", "]", "|", "!",
                                                     "'", "%", "°")

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

    def leibniz(self) -> tuple[Any, int] | None:
        """``{d}{dx}`` or ``{d^n}{dx^n}`` after ``\\frac`` (any spelling of d): the variable
        and the order, tokens consumed."""
        i = self.i
        if self.tokens[i].text != "{" or self.tokens[i].kind != OP:
            return None
        width = self.d_marker(i + 1)
        if not width:
            return None
        order, order_width = self.order_at(i + 1 + width)
        width += order_width
        if self.tokens[i + 1 + width].text != "}":
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
        below, below_width = self.order_at(end)
        if below != order:
            return None
        end += below_width
        if self.tokens[end].text != "}" or self.tokens[end].kind != OP:
            return None
        self.i = end + 1
        return symbol_for(name, self.env), order

    def fraction(self, tok: Token) -> Any:
        partial = partials.fraction(self, tok)
        if partial is not None:
            return partial
        found = self.leibniz()
        if found is not None:
            return self.derivative_of(found[0], tok, found[1])
        quotient = self.leibniz_quotient(tok)
        if quotient is not None:
            return quotient
        before = self.tokens[self.i - 2] if self.i >= 2 else None
        num_tok = self.peek()
        num = self.expr(self.latex_arg(), num_tok)
        den_tok = self.peek()
        den = self.expr(self.latex_arg(), den_tok)
        if (before is not None and before.kind == NUM and isinstance(num, sp.Integer)
                and isinstance(den, sp.Integer) and self.starts_factor(self.i_of(before))):
            # 2\frac{1}{2} (and 2½) is two and a half in print, one as a product
            whole = before.text
            self.fail(before, f"{whole} followed by a fraction is ambiguous: write "
                              f"{whole} + \\frac{{{num}}}{{{den}}} for a mixed number, or "
                              f"{whole} \\cdot \\frac{{{num}}}{{{den}}} for a product")
        inverse = self.power_of(den, sp.S.NegativeOne, den_tok)
        return self.build(sp.Mul, [num, inverse], tok)

    def evaluation_bracket(self, value: Any, tok: Token) -> Any:
        """``[F]_a^b`` (``\\left[ F \\right]_a^b``, ``\\Big[ F \\Big]_a^b``) after the
        closing bracket: ``F(b) - F(a)`` in F's one variable."""
        at = self.peek()
        low, high = self.scripts()
        if low is None or high is None:
            self.fail(at, "write [F]_a^b with both limits for F(b) - F(a)")
        low, high = self.expr(low, at), self.expr(high, at)
        free = sorted(value.free_symbols, key=str)
        if len(free) != 1:
            names = ", ".join(map(str, free)) or "no variable"
            self.fail(tok, f"[F]_a^b needs F in one variable, but this has {names}: "
                           "write F(b) - F(a) instead")
        (var,) = free
        upper = _replaced(value, var, high, self.evaluate)
        lower = _replaced(value, var, low, self.evaluate)
        return self.build(sp.Add, [upper, self.build(sp.Mul, [sp.S.NegativeOne, lower], tok)],
                          tok)

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
        self.differential_in_numerator()
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

    def differential_in_numerator(self) -> None:
        """``\\int \\frac{dx}{1 + x^2}`` (and ``\\frac{x \\, dx}{...}``): a differential that
        ends the fraction's numerator is the integral's. The tokens are read as
        ``\\frac{x}{...} dx`` (``\\frac{1}{...} dx`` for a lone dx)."""
        toks, i = self.tokens, self.i
        if not (i + 1 < len(toks) and toks[i].kind == CMD
                and toks[i].text in ("frac", "dfrac", "tfrac")
                and toks[i + 1].kind == OP and toks[i + 1].text == "{"):
            return
        close = self.matching(i + 1)
        if close is None or close + 1 >= len(toks) or toks[close + 1].text != "{":
            return
        den_close = self.matching(close + 1)
        if den_close is None or den_close + 1 >= len(toks):
            return
        if self.differential_at(close + 2) is not None or self.differential_at(den_close + 1):
            return  # \\frac{dy}{dx} is a derivative; a differential after the fraction ends it
        for width in range(1, 6):
            start = close - width
            if start < i + 2:
                return
            found = self.differential_at(start)
            if found is not None and found[1] == width:
                break
        else:
            return
        numerator = toks[i + 2 : start] or [Token(NUM, "1", toks[start].pos)]
        toks[i : den_close + 1] = (toks[i : i + 2] + numerator + toks[close : den_close + 1]
                                   + toks[start:close])

    def series(self, tok: Token) -> Any:
        if not self.at("_"):
            self.fail(self.peek(), f"expected _{{k=1}} after \\{tok.text}")
        self.advance()
        self.paren_subscript()  # ∑_(k=1)^n as Word writes it
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
        apart: list[Any] = []
        if name == "Product" and isinstance(body, sp.Mul):
            # \prod_{k} a_k \cdot \prod_{k} b_k is two products, not the first taken over
            # a_k times the second (which would be raised to the number of factors); a sum
            # of a factor free of k is that factor times the sum, so only products need it
            apart = [f for f in body.args if var not in f.free_symbols and isinstance(
                f.base if isinstance(f, sp.Pow) else f, (sp.Sum, sp.Product))]
            kept = [f for f in body.args if f not in apart]
            if apart and kept:
                body = self.build(sp.Mul, kept, body_tok) if len(kept) > 1 else kept[0]
            else:
                apart = []
        made = self.call_builder(name, [body, (var, low, high)], tok)
        return self.build(sp.Mul, [made, *apart], tok) if apart else made

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
        self.paren_subscript()
        open_tok = self.expect("{", "after \\lim_")
        var_tok = self.advance()
        if var_tok.kind != NAME:
            self.fail(var_tok, "expected the variable, as in \\lim_{x \\to 0}")
        arrow = self.peek()
        side = _SIDE_ARROWS.get(arrow.text) if arrow.kind == CMD else None
        if side is None:
            self.expect("->", "(\\to) after the variable")
        else:  # x \downarrow 0: x decreases to 0, the limit from the right
            self.advance()
        close = self.matching(self.i - 1)
        direction = side or "+-"
        if close is not None and close >= 3:
            sign, caret = self.tokens[close - 1], self.tokens[close - 2]
            if caret.text == "^" and sign.text in ("+", "-"):
                direction = sign.text
                self.tokens[close - 2] = Token(OP, "}", caret.pos)
            elif sign.text in ("+", "-") and sign.kind == OP and (
                    caret.kind in (NUM, NAME) or caret.text in (")", "}")):
                direction = sign.text  # x -> 0+ as typed
                self.tokens[close - 1] = Token(OP, "}", sign.pos)
            elif close >= 5 and [t.text for t in self.tokens[close - 4 : close]] in (
                ["^", "{", "+", "}"], ["^", "{", "-", "}"]
            ):  # 0^{+}
                direction = self.tokens[close - 2].text
                self.tokens[close - 4] = Token(OP, "}", self.tokens[close - 4].pos)
        point = self.index_bound(open_tok)
        if direction != "+-":
            self.i = close + 1 if close is not None else self.i
        var = self.name(var_tok)
        if point in (sp.oo, -sp.oo):
            direction = "-" if point == sp.oo else "+"
        body_tok = self.peek()
        body = self.expr(self.product(), body_tok)
        return self.call_builder("limit", [body, var, point, direction], tok)

    def paren_subscript(self) -> None:
        """``lim_(x->2)`` as typed: the parentheses are read as the braces of ``_{x \\to 2}``."""
        if not self.at("("):
            return
        depth = 0
        for j in range(self.i, len(self.tokens)):
            text = self.tokens[j].text if self.tokens[j].kind == OP else ""
            depth += (text == "(") - (text == ")")
            if depth == 0:
                self.tokens[self.i] = Token(OP, "{", self.tokens[self.i].pos)
                self.tokens[j] = Token(OP, "}", self.tokens[j].pos)
                return

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


def _replaced(expr: Any, var: Any, value: Any, evaluate: bool) -> Any:
    """``expr`` with ``var`` replaced by ``value``; as written (no evaluation) when asked."""
    if evaluate:
        return expr.xreplace({var: value})
    if expr == var:
        return value
    if not expr.args or not expr.has(var):
        return expr
    args = [_replaced(a, var, value, evaluate) for a in expr.args]
    func = expr.func
    if func in (sp.Add, sp.Mul, sp.Pow) or (isinstance(func, type)
                                           and issubclass(func, sp.Function)):
        return func(*args, evaluate=False)
    return func(*args)
