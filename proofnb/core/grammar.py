"""The expression and statement grammar, precedence from loosest to tightest:

``or`` < ``and``/``,`` < relations (chained) < ``+ -`` < ``* /`` and implicit
multiplication < unary ``- +`` < ``^ **`` (right-associative) < postfix ``!`` and
superscripts < atoms (numbers, names, calls, brackets, ``|x|``, LaTeX commands).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import sympy as sp
from sympy.logic.boolalg import Boolean

from proofnb.core import bounds, partials, probability
from proofnb.core.bounds import LimitExceeded
from proofnb.core.calls import PART_NAMES, bounded_substitution
from proofnb.core.cursor import OPENERS, describe, is_simple_name
from proofnb.core.env import symbol_for
from proofnb.core.existence import NO_VALUE
from proofnb.core.functions import (
    CONSTANTS,
    FUNCTIONS,
    GREEK_FUNCTIONS,
    KNOWN_WORDS,
    LANDAU_NAMES,
    PREFIX_FUNCTIONS,
)
from proofnb.core.latex import PRIMARY_COMMANDS, Latex
from proofnb.core.lexer import (
    CMD,
    END,
    GREEK_NAMES,
    NAME,
    NUM,
    OP,
    STR,
    SUP,
    TRUTH_WORDS,
    Token,
)
from proofnb.core.modular import Modulo, congruent, divides, not_integer
from proofnb.core.pasted import UNITS

_CONGRUENCE_OPS = frozenset({"≡", "∣", "∤"})
_RELATIONS: dict[str, Any] = {
    "=": sp.Eq, "==": sp.Eq, "!=": sp.Ne, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge,
}  # fmt: skip
_STOPPERS = frozenset({"sqrt", "√", "∛"})
_SIGNS = frozenset({"+", "-", "±", "∓"})
_NUMBER_SETS = ("R", "C", "Z", "Q", "N")


#: A name glued to its '(' (gamma(5), \Gamma\left(x\right)), perhaps with a power between
#: (\Gamma^{2}\left(x\right), gamma^2(x)): the special function, not the Greek letter.
_CALLED_NAME = re.compile(r"\\?[A-Za-z]+(?:\^(?:[0-9]|\{-?[0-9]+\}))?")


class MathParser(Latex):
    """Recursive descent over one text's tokens, building SymPy objects as it goes."""

    __slots__ = ()

    def parse(self) -> Any:
        if self.peek().kind == END:
            self.fail(self.peek(), "expected an expression, found nothing")
        # The grammar splits tokens in place (4ac as 4 a c): the second reading of a ± needs
        # the tokens as written, or ac is split again (4 a c c).
        written = list(self.tokens)
        result = self.statement()
        tok = self.peek()
        if tok.kind != END and isinstance(result, sp.Expr) and self.at_modulus():
            result = self.residue_class(result, tok)  # a congruence step's "B (mod m)"
            tok = self.peek()
        if tok.kind != END:
            self.fail(tok, _unexpected(tok))
        if self.signed is not None:
            # A statement with ± is the ``or`` of its readings with every ± as + and with
            # every ± as - (∓ the other way round): the signs are tied, as in print.
            if not isinstance(result, Boolean):
                self.fail(self.signed, "± is read only in an equation or inequality "
                          "(x = 1 ± sqrt(2) means x = 1 + sqrt(2) or x = 1 - sqrt(2)); "
                          "here write the two cases out")
            self.i, self.sign, self.tokens = 0, -1, written
            result = sp.Or(result, self.statement())
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
        first = self.negation()
        if not (self.at("and") or (self.nest == 0 and self.at(","))):
            return first
        word = self.peek().text
        parts = [self.boolean(first, start, word)]
        while self.at("and") or (self.nest == 0 and self.at(",")):
            self.advance()
            start = self.peek()
            parts.append(self.boolean(self.negation(), start, word))
        return sp.And(*parts)

    def negation(self) -> Any:
        """``not (x <= 2 and x >= -2)`` (also ``\neg``, ``¬``): the opposite statement."""
        if not self.at("not"):
            return self.relation()
        tok = self.advance()
        start = self.peek()
        # Pushed down to the relations (not (a and b) is not a or not b; not x <= 2 is
        # x > 2), so that solution sets see plain relations; like any relation, the negated
        # one holds only where its sides are defined (the line's natural domain).
        return sp.Not(self.boolean(self.negation(), start, tok.text)).to_nnf()

    def boolean(self, value: Any, tok: Token, word: str) -> Any:
        if not isinstance(value, Boolean) or isinstance(value, sp.Symbol):  # a Symbol is both
            self.fail(tok, f"expected an equation or inequality on each side of {word!r}")
        return value

    def plus_minus(self, tok: Token) -> Any:
        """The sign that ``tok`` (``±`` or ``∓``) stands for in this reading of the text."""
        if self.signed is None:
            self.signed = tok
        return self.sign if tok.text == "±" else -self.sign

    def relation(self) -> Any:
        start = self.peek()
        lhs = self.sum()
        tok = self.peek()
        if tok.text == "in" and (tok.kind == OP or tok.kind == NAME and self.set_follows()):
            return self.membership(self.expr(lhs, start), tok)
        if tok.kind == OP and tok.text == "notin":  # x ∉ [-1, 1]
            return sp.Not(self.membership(self.expr(lhs, start), tok)).to_nnf()
        if tok.kind == OP and tok.text in _CONGRUENCE_OPS:
            return self.congruences(lhs, start)
        if tok.kind != OP or tok.text not in _RELATIONS:
            if tok.kind == OP and tok.text == "=<":
                self.fail(tok, "write '<=' for 'less than or equal to'")
            return lhs
        if tok.text == "=" and self.congruence_follows():
            return self.congruences(lhs, start)
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

    def at_modulus(self) -> bool:
        """A congruence's modulus at the cursor: ``(mod m)``, ``\\pmod{m}``, or a bare
        ``mod m`` after ``≡`` (elsewhere ``mod`` is the remainder operator)."""
        tok = self.peek()
        if tok.kind == OP and tok.text == "(":
            nxt = self.peek(1)
            return nxt.kind == NAME and nxt.text in ("mod", "pmod")
        if tok.kind != NAME or tok.text not in ("mod", "pmod"):
            return False
        if tok.text == "pmod":
            return True
        depth = 0
        for before in reversed(self.tokens[: self.i]):
            if before.kind != OP:
                continue
            if before.text in (")", "]", "}"):
                depth += 1
            elif before.text in ("(", "[", "{"):
                if depth == 0:
                    return False
                depth -= 1
            elif depth == 0 and before.text == "≡":
                return True
            elif depth == 0 and (before.text in _RELATIONS or before.text in (
                    "and", "or", ",", "∣", "∤", "<=>", "==>", "<==")):
                return False
        return False

    def modulus(self) -> Any:
        """Read ``(mod m)``, ``\\pmod{m}``, ``\\pmod m`` or ``mod m``; return m."""
        if self.at("("):
            self.advance()
            self.advance()  # mod
            tok = self.peek()
            value = self.expr(self.sum(), tok)
            self.expect(")", "after the modulus")
            return value
        self.advance()
        tok = self.peek()
        return self.expr(self.unary(), tok)

    def residue_class(self, value: Any, tok: Token) -> Any:
        """``B (mod m)`` alone: the right side of a congruence step."""
        modulus = self.modulus()
        self.integers(tok, value, modulus)
        return Modulo(value, modulus)

    def integers(self, tok: Token, *exprs: Any) -> None:
        names = not_integer(*exprs)
        if names:
            listed = ", ".join(names)
            self.fail(tok, f"a congruence or divisibility is about integers: declare "
                           f"{listed} (assume {listed} integer)")

    def congruence_follows(self) -> bool:
        """``A = B (mod m)``: an equals sign whose right side ends with a modulus."""
        depth = 0
        for tok in self.tokens[self.i + 1 :]:
            if tok.kind == OP and tok.text in ("(", "[", "{"):
                if depth == 0 and tok.text == "(" and self.tokens[
                        self.tokens.index(tok) + 1].text in ("mod", "pmod"):
                    return True
                depth += 1
            elif tok.kind == OP and tok.text in (")", "]", "}"):
                depth -= 1
            elif tok.kind == NAME and tok.text == "pmod" and depth == 0:
                return True
            elif depth == 0 and tok.kind == OP and (tok.text in _RELATIONS or tok.text in (
                    "and", "or", ",", "≡", "∣", "∤")):
                return False
        return False

    def congruences(self, lhs: Any, start: Token) -> Any:
        """``a ≡ b ≡ c (mod m)`` (one modulus for the chain, or one per link), ``d ∣ e``,
        ``d ∤ e``, and ``A = B (mod m)``: statements about integers."""
        parts: list[Any] = []
        pending: list[tuple[Any, Any, Token]] = []  # links of ≡ still without a modulus
        tok = self.peek()
        while tok.kind == OP and (tok.text in _CONGRUENCE_OPS or tok.text == "="):
            self.advance()
            rhs_tok = self.peek()
            rhs = self.expr(self.sum(), rhs_tok)
            self.expr(lhs, start)
            if tok.text in ("∣", "∤"):
                self.integers(tok, lhs, rhs)
                parts.append(divides(lhs, rhs, negated=tok.text == "∤"))
            else:
                pending.append((lhs, rhs, tok))
                parts.append(None)
            if self.at_modulus():
                modulus = self.modulus()
                for a, b, where in pending:
                    self.integers(where, a, b, modulus)
                    parts[parts.index(None)] = congruent(a, b, modulus)
                pending = []
            lhs, start, tok = rhs, rhs_tok, self.peek()
        if pending:
            self.fail(pending[0][2], "write the modulus of this congruence: a ≡ b (mod m)")
        return parts[0] if len(parts) == 1 else sp.And(*parts)

    def set_follows(self) -> bool:
        """Whether the word ``in`` at the cursor is followed by a set (not a product)."""
        nxt = self.peek(1)
        if "in" in self.env.symbols:
            return False
        return nxt.text in ("(", "[", "{") and nxt.kind == OP or nxt.kind == CMD and (
            nxt.text in ("emptyset", "mathbb")) or nxt.kind == NAME and (
            nxt.text in _NUMBER_SETS and nxt.text not in self.env.symbols)

    def membership(self, value: Any, tok: Token) -> Any:
        """``x in S`` as a statement about ``x``: an interval ``(a, b]`` is its two relations
        (an infinite end adds none), a finite set ``{a, b}`` the ``or`` of ``x = a`` and
        ``x = b``, ``\\emptyset`` is false, and ``R`` (``\\mathbb{R}``, ``ℝ``) holds for every
        real ``x`` (every ``x`` in the real domain), ``C`` for every ``x``. A union of sets
        (``(-oo, -2) ∪ (3, oo)``, ``\\cup``) is the ``or`` of the memberships."""
        statement = self.set_term(value)
        while self.at("cup"):
            statement = sp.Or(statement, self.set_term(value))
        return statement

    def set_term(self, value: Any) -> Any:
        """``value`` in an intersection or difference of sets (``[0, 6] ∩ (1, 8)``,
        ``[0, 6] \\setminus (1, 2)``), which bind tighter than a union."""
        statement = self.one_set(value)
        while (tok := self.peek()).kind == CMD and tok.text in ("cap", "setminus"):
            other = self.one_set(value)
            statement = sp.And(statement, other if tok.text == "cap" else sp.Not(other).to_nnf())
        return statement

    def one_set(self, value: Any) -> Any:
        """``value`` in the set after the word at the cursor (``in``, ``∪``, ``∩``, ...)."""
        self.advance()
        nxt = self.peek()
        if nxt.kind == OP and nxt.text == "{":
            return self.finite_set(value)
        if nxt.kind == CMD and nxt.text == "emptyset":
            self.advance()
            return sp.false
        if nxt.kind == CMD and nxt.text == "mathbb" or nxt.kind == NAME:
            return self.number_set(value)
        if not (nxt.kind == OP and nxt.text in ("(", "[")):
            self.fail(nxt, "expected a set after 'in': an interval such as (0, 1], a finite "
                      "set such as {2, -2}, \\emptyset or R")
        opener = self.advance()
        self.nest += 1
        try:
            low = self.expr(self.sum(), self.peek())
            if not (self.at(",") or self.at(";")):  # [1; 3] where 2,5 is a decimal
                self.fail(self.peek(), "expected ',' between the ends of the interval")
            self.advance()
            high = self.expr(self.sum(), self.peek())
        finally:
            self.nest -= 1
        closer = self.advance()
        if closer.text not in (")", "]"):
            self.fail(closer, "expected ')' or ']' to close the interval")
        parts = []
        if not (low.is_infinite and low.is_extended_negative):  # -oo as written: -1 * oo
            parts.append((sp.Lt if opener.text == "(" else sp.Le)(low, value, evaluate=False))
        if not (high.is_infinite and high.is_extended_positive):
            parts.append((sp.Lt if closer.text == ")" else sp.Le)(value, high, evaluate=False))
        if not parts:
            return sp.true
        return parts[0] if len(parts) == 1 else sp.And(*parts, evaluate=False)

    def finite_set(self, value: Any) -> Any:
        """``x in {a, b, ...}``: ``x = a or x = b or ...`` (``{}`` is empty: false)."""
        self.advance()
        members: list[Any] = []
        self.nest += 1
        try:
            while not self.at("}"):
                if members:
                    if not (self.at(",") or self.at(";")):  # {2; 3} where 2,5 is a decimal
                        self.fail(self.peek(), "expected ',' or '}' in the set")
                    self.advance()
                members.append(self.expr(self.sum(), self.peek()))
        finally:
            self.nest -= 1
        self.advance()
        if not members:
            return sp.false
        parts = [sp.Eq(value, member, evaluate=False) for member in members]
        return parts[0] if len(parts) == 1 else sp.Or(*parts, evaluate=False)

    def number_set(self, value: Any) -> Any:
        """``x in R`` (or ``\\mathbb{R}``, ``ℝ``) and ``x in C``."""
        tok = self.advance()
        name = tok
        if tok.kind == CMD:
            self.expect("{", "after \\mathbb")
            name = self.advance()
            self.expect("}", "to close \\mathbb{...}")
        if name.kind != NAME or name.text not in _NUMBER_SETS:
            self.fail(name, "expected one of " + ", ".join(_NUMBER_SETS) + " after 'in'")
        if name.text in ("Z", "Q", "N"):
            self.fail(name, f"membership of {name.text} is read only in assume lines "
                      f"(assume n in {name.text}); in a step write the equation or "
                      "inequality it stands for")
        if name.text == "C" or self.env.domain == "real":
            return sp.true
        return sp.Eq(sp.im(value), 0, evaluate=False)

    def sum(self) -> Any:
        start = self.peek()
        first = self.product()
        if not (self.peek().kind == OP and self.peek().text in _SIGNS):
            return first
        terms = [self.expr(first, start)]
        while self.peek().kind == OP and self.peek().text in _SIGNS:
            sign = self.advance()
            tok = self.peek()
            term = self.expr(self.product(), tok)
            if sign.text == "-" or (sign.text in "±∓" and self.plus_minus(sign) < 0):
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
        colons = 0
        while True:
            tok = self.peek()
            if tok.kind == OP and (tok.text in ("*", "/") or tok.text == ":" and not (
                    self.peek(1).kind == END or tok.pos == 0 or not self.text[tok.pos - 1].isspace()
                    or self.peek(1).kind == OP and self.peek(1).text in ("=", ":"))):
                # 12 : 3 is 12/3 (a ratio a : b too), as many schools write it; "lambda: 1"
                # (no space before the colon) stays an error
                if tok.text == ":":
                    colons += 1
                    if colons == 2:  # 2 : 4 : 6 = 1 : 2 : 3 is a ratio of three, not a/b/c
                        self.fail(tok, "a : b : c is a ratio of three numbers, or a division "
                                       "left to right: write a/b/c to divide, or compare the "
                                       "ratios two at a time (a : b = 1 : 2 and b : c = 2 : 3)")
                self.advance()
                nxt = self.peek()
                factor = self.expr(self.unary(), nxt)
                if tok.text != "*":
                    factor = self.power_of(factor, sp.S.NegativeOne, tok)
            elif tok.kind == NAME and tok.text in ("mod", "pmod") or (
                    tok.kind == OP and tok.text == "(" and self.at_modulus()):
                if self.at_modulus():
                    break  # a congruence's modulus: the product ends here
                self.advance()  # n^2 mod 4: the remainder, as binding as * and /
                nxt = self.peek()
                divisor = self.expr(self.unary(), nxt)
                value = self.expr(first, start) if factors is None else self.build(
                    sp.Mul, factors, start)
                first, factors = self.build(sp.Mod, [value, divisor], tok), None
                continue
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
            if tok.text == "in" and "in" not in self.env.symbols:
                return False  # x in (0, 1): a membership, not x times in
            if self.differential and self.differential_at(self.i) is not None:
                return False
            if self.simple_arg and self.is_function(tok.text):
                return False
            return True
        if kind == OP:
            text = tok.text
            if text in OPENERS:
                return not (self.simple_arg and text == "(")
            if text == "|":
                return self.abs_depth == 0 and not self.simple_arg
            if text in ("√", "∛"):
                return not self.simple_arg
            return False
        if kind == CMD:
            if self.differential and self.differential_at(self.i) is not None:
                return False
            return tok.text in PRIMARY_COMMANDS and not (
                self.simple_arg and tok.text in _STOPPERS
            )
        if kind == NUM:
            return self.number_factor()
        return False

    def number_factor(self) -> bool:
        """A number set apart by a space after a factor multiplies it only where it cannot be
        read otherwise: after a closing bracket, a superscript or a factorial (``(x + 1) 2``,
        ``2^(1/2) 3^(1/3)``, ``3! 4!``), or as the base of a power (``k 2^k``, ``2^x 2^y``).
        ``x 2``, ``2 3`` and ``(a)2`` stay errors: a subscript, a lost operator or a lost
        digit is as likely as a product there. LaTeX's spaces (``2!\\,3!``) are spaces, and a
        factorial right after a factorial (``\\frac{5!}{2!3!}``) multiplies it."""
        if self.simple_arg or not self.i:
            return False  # sin x 2^x is sin(x)·2^x
        before, tok = self.tokens[self.i - 1], self.peek()
        after = self.peek(1)
        if before.kind == OP and before.text == "!" and after.kind == OP and after.text == "!":
            return True  # 2!3!: nothing else reads a number between two factorials
        if not _SPACED.search(self.text[before.pos : tok.pos]):
            return False  # (a)2 and x2 are not products: a space must set the number apart
        if before.kind == SUP or (before.kind == OP and before.text in (")", "]", "}", "!")):
            return True
        return after.kind == SUP or (after.kind == OP and after.text in ("^", "**"))

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
            if tok.kind == OP and tok.text in "±∓":
                self.advance()
                nxt = self.peek()
                value = self.expr(self.unary(), nxt)
                if self.plus_minus(tok) > 0:
                    return value
                return self.build(sp.Mul, [sp.S.NegativeOne, value], tok)
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
            elif tok.kind == OP and tok.text == "%":  # 5\% and 5% are 5/100
                self.advance()
                base = self.build(sp.Mul, [self.expr(base, start), sp.Rational(1, 100)], tok)
                if self.peek().kind == NAME and self.peek().text == "of":  # 20% of 150
                    self.advance()
                    nxt = self.peek()
                    base = self.build(sp.Mul, [base, self.expr(self.power(), nxt)], tok)
            elif tok.kind == OP and tok.text == "°" or self.at_latex_degree(tok):
                self.skip_degree()
                base = self.build(sp.Mul, [self.expr(base, start), sp.pi / 180], tok)
            elif tok.kind == OP and tok.text == "'":
                self.advance()
                base = self.prime(self.expr(base, start), tok)
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

    def at_latex_degree(self, tok: Token) -> bool:
        """``^\\circ`` or ``^{\\circ}``: degrees in LaTeX."""
        if tok.kind != OP or tok.text != "^":
            return False
        ahead = [self.peek(k).text for k in (1, 2, 3)]
        return ahead[0] == "circ" or ahead == ["{", "circ", "}"]

    def skip_degree(self) -> None:
        if self.advance().text == "^":
            if self.advance().text == "{":
                self.advance()
                self.advance()

    def prime(self, value: Any, tok: Token) -> Any:
        """``(x^2)'``: the derivative with respect to the expression's one variable."""
        if isinstance(value, sp.Symbol):
            self.fail(tok, f"{value}' would be the derivative of a function named {value}: "
                           f"declare it (assume {value} function) to write {value}'(x), or "
                           "write the expression instead, e.g. (x^2)'")
        free = sorted(value.free_symbols, key=str)
        if not free:
            self.fail(tok, "a prime ' needs a variable to differentiate by")
        if len(free) > 1:
            names = ", ".join(map(str, free))
            self.fail(tok, f"a prime ' differentiates in one variable, but this has {names}: "
                           "write diff(..., x) to say which")
        return self.build(sp.Derivative, [value, free[0]], tok)

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
            if text in ("^", "_") or text == "{" and self.at("}") and self.peek(1).text in (
                    "^", "_"):
                return probability.prefix_count(self, tok)  # ^{5}C_{2}, {}^{6}P_{2}, _5C_2
            if text == "{" and probability.choose_inside(self):
                return probability.choose(self, tok)  # {n \choose k}
            if text in OPENERS:
                value = self.enclosed(self.statement, OPENERS[text], tok)
                if text == "[" and self.at("_"):
                    return self.evaluation_bracket(self.expr(value, tok), tok)
                return value
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
        self.fail(tok, f"expected an expression, found {describe(tok)}")

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
        numerator, power = int(whole + fraction or "0"), int(exponent or "0") - len(fraction)
        repeating = self.repeating_digits(tok) if "." in mantissa and not exponent else None
        if repeating is not None:  # 0.1\overline{6}: 1/10 + 6/90
            period = 10 ** len(repeating) - 1
            return sp.Rational(numerator, 10 ** len(fraction)) + sp.Rational(
                int(repeating), period * 10 ** len(fraction))
        if power >= 0:
            return sp.Integer(numerator * 10**power)
        return sp.Rational(numerator, 10**-power)

    def repeating_digits(self, tok: Token) -> str | None:
        """The digits of ``\\overline{3}`` or ``\\dot{3}`` written right after a decimal
        (``0.\\overline{3}`` is 1/3), consumed; ``None`` (nothing consumed) otherwise."""
        mark, opener, digits, closer = (self.peek(k) for k in range(4))
        if not (mark.kind == CMD and mark.text in ("overline", "dot", "bar")
                and mark.pos == tok.pos + len(tok.text) and opener.text == "{"
                and digits.kind == NUM and digits.text.isdigit() and closer.text == "}"
                and len(digits.text) <= 20):
            return None
        for _ in range(4):
            self.advance()
        return digits.text

    def name(self, tok: Token, upright: bool = False) -> Any:
        """The name ``tok``; ``upright`` when it was written in ``\\mathrm{...}`` (or
        ``\\operatorname``, ``\\text``): one word then, never a product of letters."""
        name = tok.text
        env = self.env
        if name in env.functions:
            function = env.functions[name]
            if isinstance(function, sp.Lambda) and self.at("_"):
                if len(function.variables) > 1 and not isinstance(function, SequenceTerms):
                    return partials.subscript_partial(self, tok, function)  # f_x, f_{xy}
                return self.sequence_term(tok, function)
            if isinstance(function, SequenceTerms) and (not self.at("(") or any(
                    s.name == name for s in function.expr.free_symbols)):
                # a_n = a + (n - 1)d: a alone is the first term, a(1 - r^n) a product
                return self.letter(name)
            return self.apply_undefined(tok, function)
        if name not in env.symbols:
            if (name in probability.HEADS or name in probability.OTHER or name == "C") and (
                    self.at("(") or self.at("[")):
                found = probability.read(self, tok)  # E(X), P(A | B), Var(X), C(5, 2)
                if found is not None:
                    return found
            if name == "DNE":  # L = DNE: the limit does not exist (core/existence.py)
                return NO_VALUE
            if name == "lim" and self.at("_"):  # lim_{x->2} as typed: read as \lim_{x \to 2}
                return self.limit(tok)
            if name in ("sum", "prod") and self.at("_"):  # sum_{k=1}^n as typed: \sum_{k=1}^{n}
                return self.series(tok)
            if name == "log" and self.at("_"):
                self.advance()
                base = self.script()
                return self.call(tok, "log", base=base)
            if name in PART_NAMES and self.at("("):  # Re(z) is the real part, not R e (z)
                return self.part_call(tok, PART_NAMES[name])
            if name in FUNCTIONS and not (name in GREEK_FUNCTIONS and not self.called(tok)) \
                    and not (name in LANDAU_NAMES and not self.at("(")):  # O alone: a letter
                return self.call(tok, name)
            if name in CONSTANTS and not self.at("_"):  # E_k and I_1 are letters
                return CONSTANTS[name]
            if name in TRUTH_WORDS:  # x^2 + 1 = 0 <=> false: a statement that never holds
                return sp.true if name.lower() == "true" else sp.false
            if name == "i" and env.domain == "complex":
                return sp.I
            if len(name) == 2 and name[0] == "d" and self.at("/") and _is_leibniz(self.peek(1)):
                self.fail(tok, f"write d/d{self.peek(1).text[1:]} ({name[1:]}) or "
                               f"diff({name[1:]}, {self.peek(1).text[1:]}) for a derivative")
            if name == "d" and self.at("("):
                quotient = self.bracket_quotient(tok)
                if quotient is not None:
                    return quotient
            if name == "d" and (self.at("/") or self.at("^") or self.peek().kind == SUP):
                derivative = self.derivative_operator(tok)
                if derivative is not None:
                    return derivative
            glued = _glued_call(name)
            if glued is not None:
                # cos2x is cos(2x): the function name, then its argument as written.
                func, digits, rest = glued
                extra = [Token(NUM, digits, tok.pos + len(func))]
                if rest:
                    extra.append(Token(NAME, rest, tok.pos + len(func) + len(digits)))
                self.tokens[self.i : self.i] = extra
                return self.call(Token(NAME, func, tok.pos), func)
            if not is_simple_name(name) and name not in GREEK_NAMES:
                if len(name) == 3 and name[0].isupper() and name[1:].islower():
                    self.fail(tok, _capitalised(name))
                if partials.total_differential(self.text, name):  # 2xy dx + x^2 dy
                    self.fail(tok, partials.DIFFERENTIAL_HINT)
                if name in _HYPERBOLIC_SHORT and self.peek().text in ("(", "^"):
                    self.fail(tok, _HYPERBOLIC_SHORT[name])
                if name in _ANGLE_UNITS and name not in env.symbols:  # not sin(30 d e g)
                    self.fail(tok, _ANGLE_UNITS[name])
                if name in _SPELLED_OPERATORS and name not in env.symbols:  # not i*n*t(2x)
                    self.fail(tok, _SPELLED_OPERATORS[name])
                if upright:  # \mathrm{cm}, \operatorname{foo}: a word, not c*m
                    self.fail(tok, _upright_word(name))
                if name.isalpha() and len(name) <= 3 and not _known_prefix(name):
                    # ab is a*b: the remaining letters become the next tokens, one each.
                    self.tokens[self.i : self.i] = [
                        Token(NAME, letter, tok.pos + k) for k, letter in enumerate(name) if k
                    ]
                    return self.letter(name[0])
                self.fail(tok, _unknown_name(name))
        if self.at("_"):
            self.advance()
            name = f"{name}_{self.subscript(name)}"
            if name in env.functions:
                return self.apply_undefined(tok, env.functions[name])
        return symbol_for(name, env)

    def called(self, tok: Token) -> bool:
        """``(`` right after the name, with no space (``gamma(5)``, not ``gamma (5)``), also
        past a whole-number power (``gamma^2(x)``, ``\\Gamma^{2}\\left(x\\right)``)."""
        ahead = 0
        while ahead < 6 and self.peek(ahead).kind in (OP, NUM) and self.peek(ahead).text != "(":
            ahead += 1
        nxt = self.peek(ahead)
        if not (nxt.kind == OP and nxt.text == "("):
            return False
        between = self.text[tok.pos : nxt.pos]
        sized = between.endswith("\\left")
        if sized:  # \Gamma\left(n + 3\right): SymPy's LaTeX of gamma(n + 3)
            between = between[: -len("\\left")]
        if any(ch.isspace() for ch in between):
            return False
        if "^" in between and not sized and between.lstrip("\\").split("^")[0] != "Gamma":
            # \gamma^2(1 - v^2) is the Lorentz factor squared times the bracket, \beta^2(x + 1)
            # and \zeta^2(a + b) letters too (they were read as the functions: false rejects)
            return False
        # \Gamma^{2}\left(x\right), Gamma^2(x): SymPy's LaTeX of gamma(x)**2
        return bool(_CALLED_NAME.fullmatch(between))

    def letter(self, name: str) -> Any:
        if name in self.env.symbols:
            return self.env.symbols[name]
        if name in ("e", "E", "I") or (name == "i" and self.env.domain == "complex"):
            return sp.E if name in ("e", "E") else sp.I
        return symbol_for(name, self.env)

    def sequence_term(self, tok: Token, sequence: sp.Lambda) -> Any:
        """``a_n``, ``a_{n+1}``, ``a_1`` for a sequence the cell defined (``a_n = 3n + 2``):
        its term at that index."""
        self.advance()  # _
        nxt = self.peek()
        if nxt.kind == OP and nxt.text == "{":
            self.advance()
            index = self.enclosed(self.sum, "}", nxt)
        elif nxt.kind in (NUM, NAME) and nxt.text.isalnum():
            index = self.primary()
        else:
            self.fail(nxt, f"expected the index of {tok.text}: {tok.text}_n, {tok.text}_1 or "
                           f"{tok.text}_{{n+1}}")
        if len(sequence.variables) != 1:
            self.fail(tok, f"{tok.text} was defined with {len(sequence.variables)} variables")
        if isinstance(sequence, SequenceTerms) and (
                index.is_integer is False or index.is_negative):
            self.fail(nxt, f"the index of {tok.text} is a whole number: {tok.text}_0, "
                           f"{tok.text}_1, {tok.text}_n, {tok.text}_{{n+1}}")
        try:  # bounded like typed maths: a_n = n! makes a_{a_{10}} the factorial of 3628800
            return bounded_substitution(sequence.expr, {sequence.variables[0]: index})
        except LimitExceeded as exc:
            self.too_big(tok, exc.reason)

    def subscript(self, base: str = "") -> str:
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
            if parts and base and len(base) == 1 and self.peek().kind == OP:
                # a_{n+1} of a sequence no line defines (a recurrence is not solved here)
                end = self.text.find("}", tok.pos)
                term = f"{base}_{self.text[tok.pos:end + 1] if end > 0 else '{...}'}"
                self.fail(tok, "expected a subscript such as x_1, a_n or x_{12}; "
                               f"{term} is a term of a sequence the cell does not "
                               f"define: define {base} first by a formula in n on a line of "
                               f"its own ({base}_n = 3n + 2), then state recurrences "
                               f"({base}_{{n+1}} = {base}_n + 3) and first terms ({base}_1 = 5)"
                               " as claims on the lines after it")
        self.fail(tok, "expected a subscript such as x_1, a_n or x_{12}")


class SequenceTerms(sp.Lambda):  # type: ignore[misc]
    """A sequence the cell defines (``a_n = 3n + 2``, index n a whole number): ``a_n``,
    ``a_{n+1}``, ``a_1`` are its terms, while ``a`` alone stays a letter (``a_n = a + (n - 1)d``).
    Unlike a Lambda it stays itself for ``a_n = n``."""

    def __new__(cls, signature: tuple[Any, ...], expr: sp.Expr) -> SequenceTerms:
        made: SequenceTerms = sp.Expr.__new__(cls, sp.Tuple(*signature), expr)
        return made


#: What sets a number apart from the factor before it: a space, also LaTeX's ``\\,`` ``\\;``
#: ``\\:`` ``\\ `` ``\\quad`` and ``~`` (``\\!`` is a negative space: it joins).
_SPACED = re.compile(r"\s|\\[,;: ]|\\q?quad(?![A-Za-z])|~")
_GLUED = re.compile(r"([A-Za-z]+?)([0-9]+)([A-Za-z]*)")


def _glued_call(name: str) -> tuple[str, str, str] | None:
    """``cos2x`` as (cos, 2, x): a prefix function glued to a number. Not when the name
    with its digits is a function itself (``log2x`` could be log2(x) or log(2x))."""
    match = _GLUED.fullmatch(name)
    if match is None:
        return None
    func, digits, rest = match.groups()
    if func not in PREFIX_FUNCTIONS or func + digits in FUNCTIONS:
        return None
    return func, digits, rest


def _is_leibniz(tok: Token) -> bool:
    return tok.kind == NAME and len(tok.text) == 2 and tok.text[0] == "d"


def _upright_word(word: str) -> str:
    """Why ``\\mathrm{word}`` is not read, and what to write instead."""
    if word in UNITS:
        return (f"{word} is a unit: units are read only when the same unit labels the "
                "results of the cell (\\pi \\cdot 3^2 = 9\\pi \\mathrm{~cm}^2); convert "
                "units as numbers (3 \\cdot 100 = 300) and leave the units out")
    return (f"unknown name '{word}': a word in \\mathrm{{...}} or \\operatorname{{...}} is one "
            f"name, not a product of letters; write {' '.join(word)} for the product, or a "
            "known function such as \\sin, \\ln, \\operatorname{floor}")


def _known_prefix(word: str) -> str | None:
    for size in range(len(word) - 1, 1, -1):
        if word[:size] in KNOWN_WORDS or word[:size] in GREEK_NAMES:
            return word[:size]
    return None


def _unknown_name(word: str) -> str:
    hints: list[str] = []
    prefix = _known_prefix(word)
    glued = prefix is not None and len(word) - len(prefix) <= 2
    if prefix is not None and glued:
        hints.append(f"{prefix} {word[len(prefix):]}")
    elif word.isalpha() and len(word) <= 3:
        hints.append("*".join(word))
    for close in difflib.get_close_matches(word, sorted(KNOWN_WORDS | GREEK_NAMES), n=2):
        hints.append(close)
    hint = f"did you mean {' or '.join(hints)}? " if hints else ""
    if word.isalpha() and len(word) > 3 and not glued:  # subtract, have: prose, not letters
        return (f"unknown name {word!r}; {hint}{_WORDS_HINT}; a product of letters is written "
                f"with spaces or * ({'*'.join(word)})")
    return f"unknown name {word!r}; {hint}write products with spaces or *"


#: Angle units a calculator accepts, never read as a product of letters.
_ANGLE_UNITS = {
    "deg": "'deg' as an angle unit: write degrees as 30° or 30^\\circ (or write d*e*g)",
    "rad": "'rad' as an angle unit: radians need no unit, write sin(pi/6) (or write r*a*d)",
}

#: Operators spelled as a word, never read as a product of letters (int(2x) = x^2 + C was
#: refuted as i·n·t·2x at i = n = t = 0).
_SPELLED_OPERATORS = {
    "int": "'int' as an integral: write integrate(f, x), integrate(f, (x, a, b)) or"
           " \\int f \\, dx (or write i*n*t)",
    # linear algebra (round 41: dim(V) = 2 was refuted at d = i = m = V = 0)
    "adj": "'adj' as an adjugate applies to a matrix: write adj(A) with A given as a matrix"
           " (or write a*d*j)",
    "ker": "'ker' as a kernel is not computed here: write A x = 0 as equations and solve them"
           " (or write k*e*r)",
    "dim": "'dim' as a dimension is not computed here: for the columns of a matrix write"
           " rank(A) (or write d*i*m)",
    "rk": "'rk' as a rank: write rank(A) (or write r*k)",
    "eig": "'eig' as eigenvalues is not computed here: write det(A - \\lambda I) = 0 <=>"
           " \\lambda = ... (or write e*i*g)",
    "nul": "'nul' as a nullity is not computed here: write the number of columns minus"
           " rank(A) (or write n*u*l)",
}

#: Where the words of a line go (2x = 4 # divide by 2).
_WORDS_HINT = r"a word belongs after # (a comment) or in \text{...}"


def _capitalised(word: str) -> str:
    """A capitalised word (``Var``, ``Abc``) is written as a name, so it is not split into
    a product of letters as ``abc`` is."""
    if word in probability.HEADS:
        return (f"{word} needs its random variable in brackets: {word}(X)"
                + (", Cov(X, Y)" if word == "Cov" else ""))
    return (f"unknown name {word!r}: a capitalised word is read as a name, not as a product "
            f"of letters; write {' '.join(word)} for a product"
            + (f"; {_WORDS_HINT}" if len(word) > 2 and word[1:].islower() else ""))


#: French hyperbolic functions (ch x, sh x, th x): as a call they are never read as a
#: product of letters, which is what an English cell would mean by them.
_HYPERBOLIC_SHORT = {
    short: f"{short}(...) is ambiguous: write {full}(...) for the hyperbolic {what} "
           f"({short} in French notation), or {' '.join(short)} (...) for a product"
    for short, full, what in (("sh", "sinh", "sine"), ("ch", "cosh", "cosine"),
                              ("th", "tanh", "tangent"), ("cth", "coth", "cotangent"))}


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
    if tok.kind == OP and text == "…":  # 1.4142... inside an expression or a statement
        return ("a truncated decimal (1.4142...) is checked as one side of = or ≈ on its "
                "own: write sqrt(2) = 1.4142... as a line of its own")
    return f"unexpected {describe(tok)}; expected an operator or the end"
