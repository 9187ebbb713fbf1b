"""Differential equations as worksheets write them: lines with differentials.

A **differential line** ``P dy = Q dx`` (``du = 2x dx``, ``dy/y = x dx``, ``e^y \\, dy = e^x
\\, dx``) is read as the claim about derivatives it abbreviates: dividing both sides by dx,
``P dy/dx = Q``. That is the only meaning a first-year course gives it (dx is never zero),
and it is exact: the line holds for a function y exactly when that equation does. It is
rewritten before the cell is split (:func:`differential_lines`), so the line then reads as
any line with ``dy/dx``: a curve ``u = x^2 + 1`` above makes it a claim about that curve,
``assume u = g(x)`` puts ``d/dx g(x)`` in place of du/dx.

A line is rewritten only when each side is one product with exactly one differential factor
(``x dx``, ``\\frac{dy}{y}``, ``dy/y``), not under a root or in a denominator, or a sum of
such terms in two letters, x or t one of them (``y dy + x dx = 0`` is ``y dy/dx + x = 0``),
and the line has no integral (whose ``dx`` ends it) and no derivative already. Anything else
keeps its old reading.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import time
from collections.abc import Sequence

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.core.function import AppliedUndef

from .decide import Outcome
from .domain import Condition, conditions
from .implicit import one_function_of_one_letter
from .model import Counterexample
from .numeric import evaluate
from .usertext import user_text

__all__ = ["decide_ode", "differential_lines"]

#: A differential: d and one letter, standing alone (``dx``, ``dy``, ``du``; not ``dx2``).
_DIFFERENTIAL = re.compile(r"(?<![A-Za-z\\_])d([A-Za-z])(?![A-Za-z0-9_'(])")
#: Lines whose d's belong to something else: integrals and derivatives.
_OTHER = re.compile(r"\\int|∫|integrate|Integral|\\frac\s*\{\s*d\s*\}|(?<![A-Za-z\\])d\s*/\s*d"
                    r"|(?<![A-Za-z\\])d[A-Za-z]\s*/\s*d[A-Za-z](?![A-Za-z])"
                    r"|\\frac\s*\{\s*d[A-Za-z]\s*\}\s*\{\s*d[A-Za-z]\s*\}|diff|\\partial")
#: Relations a differential line may start with (it continues a chain of statements).
_LEAD = re.compile(r"\s*(?:<=>|==>|=>|⇔|⇒|\\iff|\\implies|\\Rightarrow|\\Leftrightarrow)?\s*")
#: Assumptions ``u = g(x)``: du is then g'(x) dx.
_SUBSTITUTION = re.compile(r"\s*assume:?\s+([A-Za-z])\s*=\s*([^,;#]+?)\s*$")


def differential_lines(text: str) -> str:
    """The cell with each differential line written with derivatives: ``du = 2x dx`` as
    ``(du/dx) = 2x``, or ``(d/dx (x^2 + 1)) = 2x (1)`` under ``assume u = x^2 + 1``.
    Other lines, and every line of a cell without such a line, are kept as they are.

    Also ``y = C e^{2x}, y(0) = 2`` (a formula and its initial values on one line) becomes
    two rows of that line, ``y = C e^{2x} \\\\ y(0) = 2``: the formula defines y and
    the condition is about its constants (y(0) was the product y·0)."""
    if "(" in text and ("," in text or ";" in text):
        text = "\n".join(_INITIAL.sub(_rows_apart, line) for line in text.split("\n"))
    if not re.search(r"(?<![A-Za-z\\])d[A-Za-z]", text):
        return text
    lines = text.split("\n")
    given = {m.group(1): m.group(2) for line in lines
             if (m := _SUBSTITUTION.match(line.split("#", 1)[0])) is not None}
    differentiated = {m.group(1) or m.group(2) or m.group(3)
                      for m in _DIFFERENTIATED.finditer(text)}
    return "\n".join(_line(line, given, differentiated) for line in lines)


#: ``y = <formula>, y(0) = 2, y'(0) = 6``: a formula with its initial values on one line.
_INITIAL = re.compile(r"^(?P<head>\s*(?P<y>[A-Za-z])\s*=\s*[^=,;<>#]+?)"
                      r"(?P<rest>(?:\s*[,;]\s*(?:\\q?quad\s*)?(?P=y)'*\s*\([^()=]*\)"
                      r"\s*=\s*[^=,;<>#]+?)+)\s*$")


def _rows_apart(match: re.Match[str]) -> str:
    y = match.group("y")
    rest = re.sub(rf"\s*[,;]\s*(?:\\q?quad\s*)?(?={re.escape(y)}'*\s*\()", r" \\\\ ",
                  match.group("rest"))
    return match.group("head") + rest


#: A letter differentiated somewhere: ``dy/dx``, ``\frac{dy}{dx}``, ``y'``.
_DIFFERENTIATED = re.compile(r"(?<![A-Za-z\\])d([A-Za-z])\s*/\s*d[A-Za-z](?![A-Za-z])"
                             r"|\\frac\s*\{\s*d([A-Za-z])\s*\}\s*\{\s*d[A-Za-z]\s*\}"
                             r"|(?<![A-Za-z_\\])([A-Za-z])'")
#: ``\int P dy = \int Q dx``: both sides one indefinite integral.
_BOTH_INTEGRALS = re.compile(r"\s*(?:\\int|∫)(?!\s*[_^])(?P<left>(?:(?!\\int|∫)[^=])+)="
                             r"\s*(?:\\int|∫)(?!\s*[_^])(?P<right>(?:(?!\\int|∫)[^=])+)$")


def _line(line: str, given: dict[str, str], differentiated: set[str]) -> str:
    code, hash_, comment = line.partition("#")
    stripped = code.strip()
    if not stripped or stripped.startswith(("%", "assume", "Assume")):
        return line
    lead = _LEAD.match(code)
    start = lead.end() if lead else 0
    body = code[start:]
    both = _BOTH_INTEGRALS.fullmatch(body)
    if both is not None:
        # ∫ dy/y = ∫ x dx about a function y(x): F(y) - G(x) is constant, i.e. P y' = Q
        letters = [_single(both.group("left")), _single(both.group("right"))]
        if None in letters or not any(found[0] in differentiated and found[0] not in given
                                      for found in letters if found is not None):
            return line
        body = f"{both.group('left')}={both.group('right')}"
    elif _OTHER.search(code):
        return line
    if body.count("=") != 1 or re.search(r"[<>≤≥]|\\[lg]eq?(?![A-Za-z])", body):
        return line
    left, right = body.split("=")
    found = [_single(left), _single(right)]
    if None in found:
        summed = _sum_form(left, right, given)  # y dy + x dx = 0: y dy/dx + x = 0
        return line if summed is None else f"{code[:start]}{summed}{hash_}{comment}"
    (dep, _), (ind, _) = found  # type: ignore[misc]
    if dep == ind:
        return line
    if ind != "x" and dep in ("x", "t") or dep == "x":
        # x dx = y dy: x is still the variable
        left, right, dep, ind = right, left, ind, dep
    derivative = f"(d/d{ind} ({given[dep]}))" if dep in given else f"(d{dep}/d{ind})"
    new_left = _DIFFERENTIAL.sub(lambda m: derivative if m.group(1) == dep else m.group(0),
                                 left, count=1)
    new_right = _without(right, ind)
    return f"{code[:start]}{new_left}={new_right}{hash_}{comment}"


def _sum_form(left: str, right: str, given: dict[str, str]) -> str | None:
    """``P dx + Q dy = 0`` (each term one differential factor, of two letters, x or t one
    of them) as ``P + Q dy/dx = 0``; None for anything else."""
    sides: list[list[tuple[str, str]]] = []
    for side in (left, right):
        if side.strip() == "0":
            sides.append([])
            continue
        terms = []
        for term in _terms_of(side):
            found = _single(term)
            if found is None:
                return None
            terms.append((term, found[0]))
        sides.append(terms)
    letters = {letter for side in sides for _, letter in side}
    ind = "x" if "x" in letters else "t" if "t" in letters else None
    if len(letters) != 2 or ind is None:
        return None
    (dep,) = letters - {ind}
    derivative = f"(d/d{ind} ({given[dep]}))" if dep in given else f"(d{dep}/d{ind})"
    out = []
    for group in sides:
        if not group:
            out.append(" 0 ")
            continue
        out.append("".join(
            _DIFFERENTIAL.sub(lambda m: derivative if m.group(1) == dep else m.group(0),
                              term, count=1) if letter == dep else _without(term, ind)
            for term, letter in group))
    return "=".join(out)


def _terms_of(side: str) -> list[str]:
    """The side cut before each + or - outside brackets (a leading sign and signs after ^
    or _ stay), each term keeping its sign."""
    terms: list[str] = []
    depth, start, previous = 0, 0, ""
    for i, ch in enumerate(side):
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch in "+-" and depth == 0 and previous and previous not in "^_+-*/(":
            terms.append(side[start:i])
            start = i
        if not ch.isspace():
            previous = ch
    terms.append(side[start:])
    return terms


#: What joins a factor to its neighbour: ``\,``, ``\cdot``, ``*``, spaces.
_JOIN = r"(?:\\[,;:! ]|\\cdot(?![A-Za-z])|\\times(?![A-Za-z])|\*|\s)*"


def _without(side: str, letter: str) -> str:
    r"""The side with its factor ``d<letter>`` taken out (``x \, dx`` is ``x``; ``dx``
    alone is 1)."""
    match = next(m for m in _DIFFERENTIAL.finditer(side) if m.group(1) == letter)
    before, after = side[: match.start()], side[match.end():]
    if not after.strip():
        before = re.sub(_JOIN + "$", "", before)
    elif not before.strip():
        after = re.sub("^" + _JOIN, "", after)
    if not (before + after).strip():
        return " 1 "
    if (before + after).strip() in ("+", "-"):  # a dy + dx = 0: the term dx is 1
        return f"{(before + after).strip()} 1 "
    # dx/x is 1/x, \frac{dx}{x} is \frac{1}{x} (they were "/x" and "\frac{ }{x}": errors)
    before = re.sub(r"(\\[dt]?frac\s*\{)\s*$", r"\1 1", before)
    if not before.strip() and after.lstrip().startswith("/"):
        after = " 1" + after
    return f"{before} {after}" if before.strip() and after.strip() else f"{before}{after} "


def _single(side: str) -> tuple[str, int] | None:
    """(letter, position) of the one differential factor of a side that is a product, or
    None (no differential, two, or one inside a sum, a denominator or a root)."""
    found = list(_DIFFERENTIAL.finditer(side))
    if len(found) != 1:
        return None
    match = found[0]
    before = side[: match.start()]
    if _depth(before) != _frac_numerator_depth(before):
        return None  # inside brackets other than a fraction's numerator
    if re.search(r"/\s*$|\\sqrt\s*(?:\[[^\]]*\])?\s*\{?\s*$", before):
        return None  # 1/dx, \sqrt{dx}
    rest = side[: match.start()] + " " + side[match.end():]
    if _top_level_sum(rest):
        return None
    return match.group(1), match.start()


def _depth(text: str) -> int:
    depth = 0
    for ch in text:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
    return depth


def _frac_numerator_depth(before: str) -> int:
    """0, or 1 when ``before`` ends inside the first braces of a ``\\frac`` at the top."""
    m = re.search(r"\\[dt]?frac\s*\{([^{}]*)$", before)
    if m is not None and _depth(before[: m.start()]) == 0:
        return 1
    return 0


def _top_level_sum(text: str) -> bool:
    """Does ``text`` have a + or - outside brackets, past a leading sign and an exponent?"""
    depth = 0
    seen = False
    previous = ""
    for ch in text:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch in "+-" and depth == 0 and seen and previous not in "^_":
            return True
        if not ch.isspace():
            seen = True
            previous = ch
    return False


# --- steps between lines about an unknown function y(x) ----------------------------------
#
# In a cell whose y is an unknown function of x (a line that differentiates y, an ODE, with
# no definition of y: ``dy/dx = xy``, then ``\ln|y| = x^2/2 + C``...), a step between two
# lines says: every function y that satisfies the first line on an interval satisfies the
# second there (<=>: and back). A line with a constant of integration (C, K, A, B, C_1...)
# and no derivative describes a family: "for some constant", so the next line may name its
# constant anew (A = ±e^C, "C absorbs the 2"). Such a line holds for y on an interval
# exactly when C = Φ(x, y) is constant there, that is, when d/dx Φ(x, y(x)) = 0: that ODE
# stands for the line. Then each line is an ODE F(x, y, y') = 0:
#
# * proof: the premise is linear in y', so y' = R(x, y) on it; the conclusion with R for y'
#   is an identity, and it is defined along every solution (wherever the premise is);
# * refutation: a point (x0, y0) where R is defined, and the conclusion false there with
#   y' = R(x0, y0): the solution through (x0, y0) exists (Peano) and the conclusion fails
#   at x0; or a region of points where the premise is defined and the conclusion is not
#   (``ln y`` along the solutions with y < 0); or a solution y = φ(x) along which a
#   denominator of the conclusion vanishes (dividing by y loses the solution y = 0).
# Anything else is left open: a single point never refutes such a step, and a sample
# function that does not solve the premise never does either.

#: Names a constant of integration may have.
CONSTANT_NAMES = frozenset({"C", "c", "K", "A", "B", "D"})
_CONSTANT = re.compile(r"(?:[CcKABD])(?:_\{?\d\}?|_?\d)?")


@dataclasses.dataclass(frozen=True)
class _Line:
    """A line as an ODE ``F(x, y, y') = 0`` over jet symbols, with its domain."""

    form: Expr  # F
    conditions: tuple[Condition, ...]  # where the line (as written) is defined
    order: int
    constant: Symbol | None  # the constant eliminated, if any


def decide_ode(relation: str, lhs: Basic, rhs: Basic, origin: Basic, *,
               conditions: tuple[Basic, ...], real: bool, deadline: float) -> Outcome | None:
    """The decision on a step between two lines about an unknown function y(x) where one of
    them differentiates y, or None when the step is no such step (a chain that starts on a
    curve F(x, y) = 0 is implicit differentiation: :mod:`proofnb.core.implicit`)."""
    if relation not in ("==>", "<==", "<=>") or not real:
        return None
    lhs, rhs = _written_out(lhs), _written_out(rhs)
    if origin.has(sp.Derivative) and (bool(lhs.atoms(AppliedUndef)) != bool(
            rhs.atoms(AppliedUndef))):
        # y'' + 3y' + 2y = 0, then r^2 + 3r + 2 = 0: two different questions
        return _open("one of these lines is about the function y and the other is not (a "
                     "characteristic equation is about r): check each as a claim of its own, "
                     "and write the general solution (y = Ae^{r_1 x} + Be^{r_2 x} with the "
                     "roots put in) right after the differential equation")
    parameters = origin.free_symbols if origin.has(sp.Derivative) else set()
    for side in (lhs, rhs):  # y = Ce^{2x}, then y' = 2Ce^{2x}: the same C, fixed
        if side.has(sp.Derivative):
            parameters = parameters | side.free_symbols
    if _curve(origin, parameters) or not origin.has(sp.Derivative) and any(
            _curve(side, parameters) for side in (lhs, rhs)):
        return None  # a chain on a curve without a constant: implicit differentiation
    # two families after an ODE (e^{2x} y = e^{3x}/3 + C, then y = e^x/3 + Ce^{-2x}): lines
    # about y too, each for some constant
    found = _jets(lhs, rhs, plain=origin.has(sp.Derivative))
    if found is None:
        if _about_derivatives(lhs, rhs):  # y'' = -9y <=> ...: not read, and no sample
            return _open("only differential equations of first or second order in one "
                         "function y(x) are read as such")
        return None
    call, x, jets = found
    lines = []
    for side in (lhs, rhs):
        line = _as_ode(side, call, x, jets, parameters)
        if line is None and not (lhs.has(sp.Derivative) or rhs.has(sp.Derivative)):
            return None  # two lines without y': value by value
        if line is None:
            return _open("this line is not one the checker reads as a differential "
                         "equation in y (one equation, with at most two constants, and two "
                         "only when it is linear in them)")
        lines.append(line)
    given = tuple(c.xreplace(_put(call, x, jets)) for c in conditions)
    if any(g.has(AppliedUndef, sp.Derivative) for g in given):
        return _open("an assumption about y is not read here")
    ways = {"==>": ((0, 1),), "<==": ((1, 0),), "<=>": ((0, 1), (1, 0))}[relation]
    if any(line.order == 0 and line.constant is None for line in lines):
        # one curve (y = 2e^{x^2/2}): refuted by a solution of the other line through a
        # point off it; the way from the curve is implicit differentiation
        for premise, conclusion in ways:
            if lines[premise].order == 0 and lines[premise].constant is None:
                continue
            outcome = _follows(lines[premise], lines[conclusion], x, jets, given, deadline,
                               "previous line" if premise == 0 else "this line")
            if outcome.status == "refuted":
                return outcome
        return None
    proved = True
    for premise, conclusion in ways:
        outcome = _follows(lines[premise], lines[conclusion], x, jets, given, deadline,
                           "previous line" if premise == 0 else "this line")
        if outcome.status == "refuted":
            return outcome
        proved = proved and outcome.status == "proved"
    if proved:
        return Outcome("proved", "differential equation", message=(
            "every function y that satisfies the premise on an interval satisfies the "
            "conclusion there"))
    return _open("no proof found that every solution of the premise satisfies the "
                 "conclusion, and no solution found that does not")


def _open(message: str) -> Outcome:
    return Outcome("unknown", "differential equation", message=message)


def _put(call: AppliedUndef, x: Symbol, jets: tuple[Symbol, ...]) -> dict[Basic, Basic]:
    put: dict[Basic, Basic] = {sp.Derivative(call, (x, j)): jets[j]
                               for j in range(len(jets) - 1, 0, -1)}
    put[call] = jets[0]
    return put


def _curve(side: Basic, parameters: set[Basic]) -> bool:
    """An equation without derivatives and without a constant of integration."""
    return isinstance(side, sp.Equality) and not side.has(sp.Derivative) and not any(
        _CONSTANT.fullmatch(s.name) and s not in parameters
        for s in side.free_symbols if isinstance(s, Symbol))


def _written_out(side: Basic) -> Basic:
    """``(e^{2x} y)'`` by the product rule: derivatives taken down to those of y(x)."""
    if not side.has(sp.Derivative):
        return side
    try:
        return side.replace(lambda n: isinstance(n, sp.Derivative)
                            and not isinstance(n.expr, AppliedUndef), lambda n: n.doit())
    except (TypeError, ValueError, NotImplementedError):
        return side


def _about_derivatives(lhs: Basic, rhs: Basic) -> bool:
    """A step between equations about one unknown function of one variable, with derivatives
    of it (a function that does not solve the premise is no counterexample to it)."""
    calls = lhs.atoms(AppliedUndef) | rhs.atoms(AppliedUndef)
    return (len({c.func for c in calls}) == 1 and all(len(c.args) == 1 for c in calls)
            and (lhs.has(sp.Derivative) or rhs.has(sp.Derivative)))


def _jets(lhs: Basic, rhs: Basic, plain: bool = False
          ) -> tuple[AppliedUndef, Symbol, tuple[Symbol, ...]] | None:
    """y(x), x and the symbols for y, y', y'' when the step is about one function y(x) of
    which one line takes derivatives (up to the second), or none (``plain``)."""
    found = one_function_of_one_letter(lhs, rhs)
    if found is None:
        return None
    call, x = found
    derivatives = lhs.atoms(sp.Derivative) | rhs.atoms(sp.Derivative)
    if not derivatives and not plain or any(
            d.expr != call or d.variables not in ((x,), (x, x)) for d in derivatives):
        return None
    name = str(call.func)
    jets = tuple(sp.Symbol(f"{name}{chr(39) * j}({x})", real=True) for j in range(3))
    return call, x, jets


def _as_ode(side: Basic, call: AppliedUndef, x: Symbol, jets: tuple[Symbol, ...],
            parameters: set[Basic]) -> _Line | None:
    """The line as an ODE: as written when it has y', else with its one constant
    eliminated (C = Φ(x, y) differentiated along y)."""
    if not isinstance(side, sp.Equality):
        return None
    put = _put(call, x, jets)
    form = (side.lhs - side.rhs).xreplace(put)
    if not isinstance(form, Expr) or form.has(AppliedUndef, sp.Derivative, sp.Integral):
        return None
    if form.has(jets[1], jets[2]):
        return _Line(form, conditions(form, real=True), 2 if form.has(jets[2]) else 1, None)
    constants = [s for s in form.free_symbols
                 if isinstance(s, Symbol) and _CONSTANT.fullmatch(s.name)
                 and s not in parameters]
    if not constants and form.has(jets[0]):
        return _Line(form, conditions(form, real=True), 0, None)  # one curve
    if len(constants) == 2 and form.has(jets[0]):
        return _two_constants(form, call, x, jets, tuple(sorted(constants, key=str)))
    if len(constants) != 1 or not form.has(jets[0]):
        return None
    (constant,) = constants
    try:
        solved = sp.solve(form, constant, dict=True)
    except (NotImplementedError, ValueError, TypeError):
        return None
    if len(solved) != 1 or constant not in solved[0]:
        return None
    phi = solved[0][constant]
    if phi.has(constant) or not isinstance(phi, Expr):
        return None
    if sp.simplify(form.xreplace({constant: phi})) != 0:
        return None  # the line is not C = Φ everywhere
    along = phi.xreplace({jets[0]: call})
    ode = _total_derivative(along, x).xreplace(put)
    if ode.has(AppliedUndef, sp.Derivative) or not ode.has(jets[1]):
        return None
    # where the family is defined, with its constant C = Φ(x, y): ln(e^x + C) needs
    # e^x + C > 0, that is e^y > 0
    written = tuple(Condition(sp.simplify(c.expr.xreplace({constant: phi})), c.kind)
                    for c in conditions(form, real=True))
    # and where C = Φ(x, y) itself is: y = e^{x + C} gives C = ln y - x, so only y > 0 is
    # in the family (SymPy's exp(log(y)) = y hid that: y = -e^x solves y' = y)
    return _Line(ode, written + conditions(phi, real=True) + conditions(ode, real=True), 1,
                 constant)


def _two_constants(form: Expr, call: AppliedUndef, x: Symbol, jets: tuple[Symbol, ...],
                   constants: tuple[Symbol, ...]) -> _Line | None:
    """``y = A cos 3x + B sin 3x`` (linear in its two constants) as the second-order ODE
    its family solves: A, B read off the line and its derivative, put into the second
    derivative. Where the Wronskian-like determinant J of the two constants is nonzero,
    y is in the family on an interval exactly when that ODE holds there."""
    try:
        linear = sp.Poly(form, *constants)
    except sp.PolynomialError:
        return None
    if linear.total_degree() != 1 or any(sum(m) > 1 for m in linear.monoms()):
        return None
    put = _put(call, x, jets)
    first = _total_derivative(form.xreplace({jets[0]: call}), x).xreplace(put)
    second = _total_derivative(first.xreplace({jets[1]: sp.Derivative(call, x),
                                                jets[0]: call}), x).xreplace(put)
    jacobian = sp.Matrix([[sp.diff(e, c) for c in constants] for e in (form, first)]).det()
    if jacobian.has(*jets) or _clearly_nonzero(jacobian, x) is not True:
        return None  # A e^{3x} + B e^{3x} has one constant really
    try:
        solved = sp.solve([form, first], constants, dict=True)
    except (NotImplementedError, ValueError, TypeError):
        return None
    if len(solved) != 1 or set(solved[0]) != set(constants):
        return None
    ode = sp.together(second.xreplace(solved[0]))
    if ode.has(AppliedUndef, sp.Derivative, *constants) or not ode.has(jets[2]):
        return None
    return _Line(ode, (Condition(jacobian, "ne"), *conditions(form, real=True)), 2, None)


def _total_derivative(expr: Expr, x: Symbol) -> Expr:
    from .antiderivative import _derivative

    return _derivative(expr, x)


def _follows(premise: _Line, conclusion: _Line, x: Symbol, jets: tuple[Symbol, ...],
             given: tuple[Basic, ...], deadline: float, where: str) -> Outcome:
    """Does every solution of the premise satisfy the conclusion?"""
    if conclusion.order > premise.order or premise.order == 0:
        return _open("")
    slope = jets[premise.order]  # the premise's highest derivative
    try:
        linear = sp.Poly(sp.numer(sp.together(premise.form)), slope)
    except (sp.PolynomialError, sp.GeneratorsNeeded):
        return _open("the premise is not linear in y'")
    if linear.degree() != 1:
        return _open("the premise is not linear in y'")
    a, b = linear.all_coeffs()
    if a.has(slope) or b.has(slope):
        return _open("the premise is not linear in y'")
    rate = sp.cancel(-b / a)  # y' = R(x, y) on the premise (where a != 0)
    rest = _zero_form(conclusion.form.xreplace({slope: rate}), deadline)
    allowed = tuple(premise.conditions)
    new = [c for c in conclusion.conditions if c not in allowed  # |y| >= 0, y^2 + 1 != 0
           and not (c.kind == "ge" and c.expr.is_nonnegative)
           and not (c.kind == "ne" and c.expr.is_zero is False)
           and not (c.kind == "ge" and _assumed(c.expr, given))]  # assume y > 0: y >= 0
    witness = _region_witness(premise, new, rate, x, jets, given, where, deadline)
    if witness is not None:
        return Outcome("refuted", "differential equation", witness)
    if rest != 0:
        witness = _value_witness(premise, conclusion, rate, x, jets, given, where, deadline)
        if witness is not None:
            return Outcome("refuted", "differential equation", witness)
    for c in new:
        if c.kind != "ne":
            continue
        lost = _solution_on(c.expr, premise, x, jets, given)
        if lost is not None:
            return Outcome("refuted", "differential equation", _lost(x, jets, lost, c, where))
    if rest != 0 or any(c.kind == "ge" for c in new) or _degenerate(a, premise, conclusion, x,
                                                                     jets, given):
        return _open("")
    if any(c.kind == "ne" and _solution_inside(c.expr, premise.form, x, jets, given)
           for c in new):
        return _open("")
    return Outcome("proved", "differential equation")


def _assumed(expr: Expr, given: tuple[Basic, ...]) -> bool:
    """Does an assumption say ``expr >= 0`` as written (``assume y > 0`` for y >= 0)?"""
    for g in given:
        if isinstance(g, (sp.StrictGreaterThan, sp.GreaterThan)):
            side = g.lhs - g.rhs
        elif isinstance(g, (sp.StrictLessThan, sp.LessThan)):
            side = g.rhs - g.lhs
        else:
            continue
        if sp.expand(side - expr) == 0:
            return True
    return False


def _along(phi: Expr, x: Symbol, jets: tuple[Symbol, ...]) -> dict[Symbol, Expr]:
    return {jets[j]: sp.diff(phi, x, j) for j in range(len(jets))}


def _solution_on(expr: Expr, premise: _Line, x: Symbol, jets: tuple[Symbol, ...],
                 given: tuple[Basic, ...]) -> Expr | None:
    """A solution y = φ(x) of the premise on which ``expr`` is zero all along (the premise
    defined there, and the assumptions true), or None."""
    if not expr.has(jets[0]) or expr.has(*jets[1:]):
        return None
    try:
        branches = sp.solve(expr, jets[0])
    except (NotImplementedError, ValueError, TypeError):
        return None
    for phi in branches:
        if not isinstance(phi, Expr) or not phi.is_real and phi.is_real is not None:
            continue
        along = _along(phi, x, jets)
        try:
            residue = sp.simplify(premise.form.xreplace(along))
        except (TypeError, ValueError, NotImplementedError):
            continue
        if residue != 0:
            continue
        for x0 in (sp.Rational(1, 2), sp.Integer(1), sp.Integer(2), sp.Integer(-1)):
            at = {k: v.xreplace({x: x0}) for k, v in along.items()}
            at[x] = x0
            if all(isinstance(v, Expr) and v.is_Rational for v in at.values()) \
                    and _in_domain(premise.conditions, given, at):
                return phi
    return None


def _name(where: str) -> str:
    return "the previous line" if where == "previous line" else "this line"


def _other(where: str) -> str:
    return "this line" if where == "previous line" else "the previous line"


def _lost(x: Symbol, jets: tuple[Symbol, ...], phi: Expr, cond: Condition,
          where: str) -> Counterexample:
    text = (f"{jets[0].name} = {user_text(phi)} solves {_name(where)}, but {_other(where)} is "
            f"undefined all along it ({user_text(cond.expr)} = 0): that solution is lost")
    if phi.is_number:  # dividing by y: the student may mean y ≠ 0 throughout
        text += (f"; if it is set aside on purpose, write assume {jets[0].name.split('(')[0]}"
                 f" != {user_text(phi)}")
    return Counterexample(kind="value", point=((jets[0].name, str(phi)),), lhs_value="",
                          rhs_value="", text=text)


def _degenerate(a: Expr, premise: _Line, conclusion: _Line, x: Symbol,
                jets: tuple[Symbol, ...], given: tuple[Basic, ...]) -> bool:
    """Might a solution of the premise lie where its coefficient of y' is zero (y (y' - 1) = 0
    has the solution y = 0, where y' = 1 says nothing) and fail the conclusion?"""
    if a.has(*jets[1:]):
        return True  # y' y'' = ...: not read
    if not a.has(jets[0]):
        return False
    try:
        branches = sp.solve(a, jets[0])
    except (NotImplementedError, ValueError, TypeError):
        return True
    for phi in branches:
        along = _along(phi, x, jets)
        try:
            if sp.simplify(premise.form.xreplace(along)) == 0 \
                    and sp.simplify(conclusion.form.xreplace(along)) != 0:
                return True
        except (TypeError, ValueError, NotImplementedError):
            return True
    return False


def _zero_form(expr: Expr, deadline: float) -> Expr:
    """``expr`` brought to 0 when it is an identity: cancel, then (tan x against sin x/cos x,
    logs and exponentials) simplify while time is left."""
    rest = sp.cancel(sp.together(expr))
    if rest == 0 or time.monotonic() > deadline:
        return rest
    try:
        return sp.simplify(rest)
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return rest


#: Points (x0, y0) tried for a solution through them.
_POINTS = tuple((sp.Rational(a), sp.Rational(b)) for a in ("1/2", "1", "2", "-1", "0", "3/2", "-2")
                for b in ("1", "-1", "2", "-2", "1/2", "3"))


def _value_at(expr: Expr, at: dict[Symbol, Expr]) -> Expr | None:
    value = evaluate(expr, at, real=True)
    return value if isinstance(value, Expr) else None


def _clearly(value: Expr) -> int:
    """The sign of an exact real number, 0 when it is zero or not known for sure."""
    if value.is_Rational:
        return 0 if value == 0 else (1 if value > 0 else -1)
    try:
        quick = value.evalf(15)
        if quick.is_real and abs(quick) > 1e-6:  # far from 0: evalf bounds its error
            return 1 if quick > 0 else -1
        low, high = value.evalf(30), value.evalf(60)
    except (TypeError, ValueError, ArithmeticError):
        return 0
    if not (low.is_real and high.is_real) or abs(high) < sp.Float("1e-20") \
            or abs(low - high) > abs(high) / 10**10:
        return 0
    return 1 if high > 0 else -1


def _in_domain(conds: Sequence[Condition], given: tuple[Basic, ...],
               at: dict[Symbol, Expr]) -> bool:
    for c in conds:
        v = _value_at(c.expr, at)
        if v is None or _clearly(v) == 0 or (c.kind == "ge" and _clearly(v) < 0):
            return False
    for g in given:
        try:
            if g.xreplace(at) is not sp.true:
                return False
        except (TypeError, ValueError):
            return False
    return True


def _settings(*exprs: Expr, x: Symbol, jets: tuple[Symbol, ...]
              ) -> list[dict[Symbol, Expr]]:
    """Values for the step's parameters (k in y' = ky): the step claims every value."""
    names = sorted({s for e in exprs for s in e.free_symbols if isinstance(s, Symbol)}
                   - {x, *jets}, key=str)
    return [{s: sp.Rational(v) for s in names} for v in ("1", "2", "1/2", "-1")] \
        if names else [{}]


def _grid(order: int) -> list[tuple[Expr, ...]]:
    """Initial values (x0, y0) or (x0, y0, y0') of solutions tried as witnesses."""
    if order == 1:
        return list(_POINTS)
    return [(*point, sp.Rational(p)) for point in _POINTS[::2] for p in ("1", "-1", "0", "2")]


def _start(premise: _Line, rate: Expr, x: Symbol, jets: tuple[Symbol, ...],
           given: tuple[Basic, ...], values: tuple[Expr, ...],
           fixed: dict[Symbol, Expr] | None = None) -> dict[Symbol, Expr] | None:
    """The jet of the solution of the premise with the initial values ``values`` (x0, y0
    and for a second-order premise y0'), when the premise is defined there, and its highest
    derivative R is defined and continuous around it (Peano: the solution exists)."""
    at: dict[Symbol, Expr] = {**(fixed or {}), x: values[0]}
    at.update(zip(jets, values[1:], strict=False))
    top = _value_at(rate, at)
    if top is None or not top.is_real:
        return None
    at[jets[premise.order]] = top
    if not _in_domain(premise.conditions + conditions(rate, real=True), given, at):
        return None
    if _on_a_kink(premise.form, at) or _on_a_kink(rate, at):
        return None
    check = _value_at(premise.form, at)
    if check is None or check != 0 and _clearly(check) != 0:
        return None
    return at


def _on_a_kink(expr: Expr, at: dict[Symbol, Expr]) -> bool:
    """Is ``at`` where |u| or sign(u) of ``expr`` has u = 0 (not differentiable there)?"""
    for node in expr.atoms(sp.Abs, sp.sign):
        value = _value_at(node.args[0], at)
        if value is None or _clearly(value) == 0:
            return True
    return False


def _value_witness(premise: _Line, conclusion: _Line, rate: Expr, x: Symbol,
                   jets: tuple[Symbol, ...], given: tuple[Basic, ...], where: str,
                   deadline: float) -> Counterexample | None:
    for fixed, values in itertools.product(
            _settings(premise.form, conclusion.form, x=x, jets=jets), _grid(premise.order)):
        if time.monotonic() > deadline:
            return None
        at = _start(premise, rate, x, jets, given, values, fixed)
        if at is None or not _in_domain(conclusion.conditions, (), at) \
                or _on_a_kink(conclusion.form, at):
            continue
        value = _value_at(conclusion.form, at)
        if value is None or _clearly(value) == 0:
            continue
        return _counterexample(x, jets, at, where, (
            f"{_other(where)} fails there"
            + (f" (left side minus right side is {user_text(value)}, not 0)"
               if conclusion.constant is None else
               f" (its constant {conclusion.constant} would have to change with x)")))
    return None


def _region_witness(premise: _Line, new: Sequence[Condition], rate: Expr, x: Symbol,
                    jets: tuple[Symbol, ...], given: tuple[Basic, ...], where: str,
                    deadline: float) -> Counterexample | None:
    """A solution of the premise through a point where a condition ``u >= 0`` of the
    conclusion fails strictly: near there the conclusion is undefined all along it."""
    for cond in new:
        if cond.kind != "ge" or cond.expr.has(*jets[premise.order:]):
            continue
        for fixed, values in itertools.product(
                _settings(premise.form, cond.expr, x=x, jets=jets), _grid(premise.order)):
            if time.monotonic() > deadline:
                return None
            at = _start(premise, rate, x, jets, given, values, fixed)
            if at is None:
                continue
            value = _value_at(cond.expr, at)
            if value is not None and _clearly(value) < 0:
                return _counterexample(x, jets, at, where, (
                    f"{_other(where)} is undefined along it near there "
                    f"({user_text(cond.expr)} < 0)"))
    return None


def _solution_inside(expr: Expr, premise: Expr, x: Symbol, jets: tuple[Symbol, ...],
                     given: tuple[Basic, ...]) -> bool:
    """Might a solution y = φ(x) of y' = R lie on ``expr = 0`` (so that a line dividing by
    ``expr`` is undefined all along it)? True unless each branch φ is shown no solution, or
    excluded by an assumption (``assume y != 0``)."""
    y = jets[0]
    if not expr.has(y):
        return False
    try:
        branches = sp.solve(expr, y)
    except (NotImplementedError, ValueError, TypeError):
        return True
    if not branches:
        return True
    for phi in branches:
        if any(_excluded(g, y, phi, x) for g in given):
            continue
        try:
            residue = sp.simplify(premise.xreplace(_along(phi, x, jets)))
        except (TypeError, ValueError, NotImplementedError):
            return True
        if not residue.has(sp.nan, sp.zoo) and _clearly_nonzero(residue, x) is not True:
            return True  # φ may solve the premise (y' = R undefined on it, say)
    return False


def _clearly_nonzero(expr: Expr, x: Symbol) -> bool | None:
    """Is ``expr`` (in x) nonzero somewhere, for sure?"""
    if expr == 0:
        return False
    for x0 in (sp.Rational(1, 3), sp.Rational(5, 4), sp.Integer(-2)):
        value = _value_at(expr, {x: x0})
        if value is not None and _clearly(value) != 0:
            return True
    return None


def _excluded(condition: Basic, y: Symbol, phi: Expr, x: Symbol) -> bool:
    """Is ``condition`` false all along y = φ(x) (``y != 0`` along y = 0)?"""
    try:
        return bool(condition.xreplace({y: phi}).simplify() is sp.false)
    except (TypeError, ValueError, NotImplementedError):
        return False


def _counterexample(x: Symbol, jets: tuple[Symbol, ...], at: dict[Symbol, Expr], where: str,
                    why: str) -> Counterexample:
    order = [s for s in sorted(at, key=str) if s not in (x, *jets)] + [x] + [
        j for j in jets if j in at]
    shown = ", ".join(f"{s.name} = {user_text(at[s])}" for s in order)
    text = (f"{shown}: the solution of {_name(where)} with these values at x (it exists: "
            f"the line gives its highest derivative there) is a counterexample: {why}")
    point = tuple((s.name, str(at[s])) for s in order)
    return Counterexample(kind="value", point=point, lhs_value="", rhs_value="", text=text)
