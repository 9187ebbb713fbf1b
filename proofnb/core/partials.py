"""Partial derivatives as worksheets write them.

* ``f_x``, ``f_{xy}``, ``f_{xx}(1, 2)`` for a function the cell defined with several
  variables (``f(x, y) = x^2 y``): f differentiated by x, then y (``f_{xy} = (f_x)_y``), at
  the point when one follows;
* ``\\frac{\\partial f}{\\partial x}``, ``\\frac{\\partial^2 f}{\\partial x \\partial y}``
  (by y, then x), ``\\frac{\\partial (x^2 y)}{\\partial y}`` and the operator
  ``\\frac{\\partial^2}{\\partial x \\partial y} (...)``;
* the same in plain text with ``∂`` (read by the lexer as ``\\partial``): ``∂f/∂x``,
  ``∂/∂x (x^2 y)``, ``∂²f/∂x∂y``.

What is not read here gets an error that says how to write it: a Jacobian
``\\partial(x, y)/\\partial(r, \\theta)``, a gradient ``\\nabla f``, a letter that is no
function (``\\partial z/\\partial x`` after ``z = x^2 y``). Nothing is evaluated beyond
differentiating the defined body.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import sympy as sp

from proofnb.core import bounds
from proofnb.core.bounds import LimitExceeded
from proofnb.core.calls import _NOT_SMOOTH, bounded_substitution
from proofnb.core.calls import _derivative as kinked_derivative
from proofnb.core.cursor import is_simple_name
from proofnb.core.env import symbol_for
from proofnb.core.lexer import CMD, GREEK_NAMES, NAME, NUM, OP, SUP, Token

if TYPE_CHECKING:
    from proofnb.core.latex import Latex


_GRADIENT_HINT = ("\\nabla is read for a function the cell defines with several variables: "
                  "write f(x, y) = x^2 + y^2 on a line above, then \\nabla f = (2x, 2y), "
                  "\\nabla f(1, 2) = (2, 4), or the gradient by its components, "
                  "f_x = 2x and f_y = 2y")
_JACOBIAN_HINT = ("a Jacobian \\partial(x, y)/\\partial(u, v) is not read: write it as the "
                  "determinant of the partial derivatives, \\begin{vmatrix} x_u & x_v \\\\ "
                  "y_u & y_v \\end{vmatrix} with the entries written out, or "
                  "det(Matrix([[diff(x, u), diff(x, v)], [diff(y, u), diff(y, v)]]))")


DIFFERENTIAL_HINT = ("a total differential (dz = 2xy dx + x^2 dy) is not read: check its "
                     "coefficients as partial derivatives, diff(x^2 y, x) = 2xy and "
                     "diff(x^2 y, y) = x^2 (or z_x, z_y for z(x, y) = x^2 y)")
_GLUED_DIFFERENTIAL = re.compile(r"(?<![A-Za-z\\])d([a-z])(?![A-Za-z(])")


def total_differential(text: str, name: str) -> bool:
    """Is the glued ``name`` (``dx``) one of two or more differentials of a line
    (``2xy dx + x^2 dy``)? Read as the product d·x it would be proved or refuted as
    algebra in a letter d."""
    if len(name) != 2 or name[0] != "d" or not name[1].islower():
        return False
    if re.search(r"(?<![A-Za-z\\])d(?![A-Za-z(/^])", text):
        return False  # (a + d)(x + y) = ax + ay + dx + dy: d is a letter of its own here
    return len(set(_GLUED_DIFFERENTIAL.findall(text))) >= 2


def defined_function(parser: Latex, name: str) -> sp.Lambda | None:
    """The function the cell defined under ``name`` (``f(x, y) = ...``), or None."""
    from proofnb.core.grammar import SequenceTerms

    function = parser.env.functions.get(name)
    if isinstance(function, sp.Lambda) and not isinstance(function, SequenceTerms):
        return function
    return None


def subscript_partial(parser: Latex, tok: Token, function: sp.Lambda) -> Any:
    """``f_x``, ``f_{xy}``, ``f_{xy}(1, 2)`` (the cursor is at ``_``) for f defined with
    several variables; an index that does not name f's variables is an error."""
    names = [str(v) for v in function.variables]
    brace = parser.peek(1).kind == OP and parser.peek(1).text == "{"
    index_tok = parser.peek(2 if brace else 1)
    letters = _index_letters(parser, 2 if brace else 1, names)
    if letters is None:
        parser.fail(tok, f"{tok.text} was defined with {len(names)} variables "
                         f"({', '.join(names)}): write {tok.text}_{names[0]} or "
                         f"{tok.text}_{{{names[0]}{names[-1]}}} for its partial derivatives, "
                         f"{tok.text}({', '.join(names)}) for its value")
    for _ in range(1 + int(brace) + len(letters[1])):
        parser.advance()
    if brace:
        parser.expect("}", f"to close the subscript of {tok.text}")
    return _at_point(parser, tok, function, letters[0], index_tok)


def _index_letters(parser: Latex, start: int, names: list[str]
                   ) -> tuple[list[str], list[Token]] | None:
    """The variables a subscript names, letter by letter (``xy`` is x then y; in braces
    also ``x y`` and ``\\theta``), with the tokens that spell them; None if it names
    anything else."""
    found: list[str] = []
    tokens: list[Token] = []
    k = start
    brace = start == 2
    while True:
        t = parser.peek(k)
        if t.kind == NAME and all(ch in names for ch in t.text) and t.text.isalpha():
            found += list(t.text)
        elif t.kind == CMD and t.text in names:
            found.append(t.text)
        elif t.kind == NAME and t.text in names:
            found.append(t.text)
        else:
            break
        tokens.append(t)
        k += 1
        if not brace:
            break
    if not found or (brace and not (parser.peek(k).kind == OP and parser.peek(k).text == "}")):
        return None
    return found, tokens


def _at_point(parser: Latex, tok: Token, function: sp.Lambda, wrt: list[str],
              where: Token) -> Any:
    """f's body differentiated by ``wrt`` in order, at the point in brackets after it if
    one follows (``f_x(1, 2)``), else in f's own letters."""
    variables = list(function.variables)
    body = function.expr
    if body.has(*_NOT_SMOOTH):
        parser.fail(tok, f"partial derivatives of {tok.text}, defined with floor, max, min, "
                         "sign, mod, arg or cases, are not supported: write them on each piece")
    try:
        bounds.check_order(sp.Integer(len(wrt)))
    except LimitExceeded as exc:
        parser.too_big(where, exc.reason)
    by_name = {str(v): v for v in variables}
    point = _point_follows(parser)
    if len(set(wrt)) > 1 and body.has(sp.Abs):
        parser.fail(tok, f"mixed partial derivatives of {tok.text}, defined with |u|, are not "
                         "supported: write them on each piece")
    # kinks of |u| stay undefined where the derivative does not exist, as for f'(x)
    by_name.update({w: symbol_for(w, parser.env) for w in wrt if w not in by_name})  # f_z: 0
    found = kinked_derivative(body, by_name[wrt[0]], len(wrt), robust=point) \
        if len(set(wrt)) == 1 else sp.diff(body, *[by_name[w] for w in wrt])
    if found is None:
        parser.fail(tok, f"a lower partial derivative of {tok.text} has a kink (|u| at "
                         "u = 0) where it does not exist; write it on each piece")
    derivative = found
    if point:
        args = parser.arguments(tok)
        if len(args) != len(variables) or not all(isinstance(a, sp.Expr) for a in args):
            parser.fail(tok, f"{tok.text} was defined with {len(variables)} variables, so its "
                             f"partial derivatives take {len(variables)} values")
        try:
            return bounded_substitution(derivative, dict(zip(variables, args, strict=True)))
        except LimitExceeded as exc:
            parser.too_big(tok, exc.reason)
    return derivative.xreplace(_own_letters(parser, function))


def _point_follows(parser: Latex) -> bool:
    """A bracket with a comma at its top level follows: a point (``f_x(1, 2)``), not a
    factor (``f_x (x - 1)``)."""
    if not parser.at("("):
        return False
    depth = 0
    for k in range(parser.i, len(parser.tokens)):
        t = parser.tokens[k]
        if t.kind != OP:
            continue
        if t.text in ("(", "[", "{"):
            depth += 1
        elif t.text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return False
        elif t.text == "," and depth == 1:
            return True
    return False


def _own_letters(parser: Latex, function: sp.Lambda) -> dict[Any, Any]:
    """f's variables as the cell's letters of the same names."""
    return {v: parser.env.symbols.get(str(v)) or symbol_for(str(v), parser.env)
            for v in function.variables}


def fraction(parser: Latex, tok: Token) -> Any:
    """``\\frac{\\partial ...}{\\partial ...}`` with the cursor at the first ``{``; None when
    the top does not start with ``\\partial``."""
    i = parser.i
    tokens = parser.tokens
    if not (tokens[i].kind == OP and tokens[i].text == "{" and _is_partial(tokens[i + 1])):
        return None
    close = parser.matching(i)
    if close is None or not (tokens[close + 1].kind == OP and tokens[close + 1].text == "{"):
        return None
    bottom_close = parser.matching(close + 1)
    if bottom_close is None:
        return None
    order, width = parser.order_at(i + 2)
    top = tokens[i + 2 + width : close]
    bottom = tokens[close + 2 : bottom_close]
    if top and top[0].kind == OP and top[0].text == "(" and _has_comma(top):
        parser.fail(tok, _JACOBIAN_HINT)
    wrt = _denominator(parser, bottom, tok)
    if len(wrt) != order:
        parser.fail(tok, f"the top says order {order} but the bottom differentiates "
                         f"{len(wrt)} time{'s' if len(wrt) != 1 else ''}: write "
                         "\\frac{\\partial^2 f}{\\partial x \\partial y} or "
                         "\\frac{\\partial^2 f}{\\partial x^2}")
    parser.i = bottom_close + 1
    if not top:  # the operator: what follows is differentiated
        operand = parser.derivative_operand(parser.peek())
        return _derivative(parser, operand, wrt, tok)
    function = defined_function(parser, top[0].text) if len(top) == 1 else None
    if function is not None and _point_follows(parser):  # \frac{\partial f}{\partial x}(1, 2)
        return _at_point(parser, top[0], function, [str(w) for w in reversed(wrt)], tok)
    operand = _numerator(parser, top, i + 2 + width, close, tok, wrt)
    return _derivative(parser, operand, wrt, tok)


def _numerator(parser: Latex, top: list[Token], start: int, close: int, tok: Token,
               wrt: list[Any]) -> Any:
    """What ``\\partial`` differentiates on top: a defined function's body, or an
    expression; a letter that is no function is an error."""
    if len(top) == 1 and top[0].kind == NAME:
        function = defined_function(parser, top[0].text)
        if function is not None:
            return _body(parser, top[0], function)
        name = top[0].text
        var = wrt[0]
        parser.fail(top[0], f"{name} is a variable here, not a function of {var}: define it "
                            f"as a function ({name}(x, y) = ...) or write the derivative of "
                            f"its expression, such as \\frac{{\\partial}}{{\\partial {var}}}"
                            "(x^2 y)")
    after = parser.i
    parser.i = start
    parser.nest += 1
    try:
        operand = parser.expr(parser.sum(), parser.peek())
    finally:
        parser.nest -= 1
    if parser.i != close:
        parser.fail(parser.peek(), "expected '}' to close the top of the derivative")
    parser.i = after
    return operand


def _body(parser: Latex, tok: Token, function: sp.Lambda) -> Any:
    if function.expr.has(*_NOT_SMOOTH):
        parser.fail(tok, f"derivatives of {tok.text}, defined with floor, max, min, sign, "
                         "mod, arg or cases, are not supported: write them on each piece")
    return function.expr.xreplace(_own_letters(parser, function))


def _denominator(parser: Latex, bottom: list[Token], tok: Token) -> list[Any]:
    """``\\partial x \\partial y`` or ``\\partial x^2``: the variables, left to right."""
    found: list[Any] = []
    k = 0
    while k < len(bottom):
        t = bottom[k]
        if t.kind == CMD and t.text in (",", ";", "!", "quad"):
            k += 1
            continue
        if not _is_partial(t) or k + 1 >= len(bottom):
            break
        var = bottom[k + 1]
        if var.kind == OP and var.text == "(":
            parser.fail(tok, _JACOBIAN_HINT)
        if not _variable_token(var):
            break
        power = 1
        k += 2
        if k < len(bottom) and bottom[k].kind == SUP and bottom[k].text.isdigit():
            power, k = int(bottom[k].text), k + 1
        elif k + 1 < len(bottom) and bottom[k].text == "^" and bottom[k + 1].kind == NUM:
            power, k = int(bottom[k + 1].text), k + 2
        elif (k + 3 < len(bottom) and bottom[k].text == "^" and bottom[k + 1].text == "{"
              and bottom[k + 2].kind == NUM and bottom[k + 3].text == "}"):
            power, k = int(bottom[k + 2].text), k + 4
        if power > bounds_order():
            parser.fail(tok, f"derivatives of order {power} are not supported")
        found += [symbol_for(var.text, parser.env)] * power
    else:
        if found:
            return found
    parser.fail(tok, "expected the variables below \\partial, as in "
                     "\\frac{\\partial f}{\\partial x} or "
                     "\\frac{\\partial^2 f}{\\partial x \\partial y}")


def bounds_order() -> int:
    """The highest order of a partial derivative read here."""
    return 20


def _derivative(parser: Latex, operand: Any, wrt: list[Any], tok: Token) -> Any:
    # \frac{\partial^2 f}{\partial x \partial y} is d/dx of df/dy: the right one first
    return parser.build(sp.Derivative, [operand, *reversed(wrt)], tok)


def slash(parser: Latex, tok: Token) -> Any:
    """Plain ``∂f/∂x``, ``∂/∂x (x^2 y)``, ``∂²f/∂x∂y``, ``∂^2/∂x^2 ...`` with the cursor
    after the first ``∂``."""
    tokens = parser.tokens
    i = parser.i
    order, width = parser.order_at(i)
    j = i + width
    top: list[Token] = []
    if tokens[j].kind == NAME and is_simple_name(tokens[j].text):
        top = [tokens[j]]
        j += 1
    if not (tokens[j].kind == OP and tokens[j].text == "/"):
        parser.fail(tok, "write a partial derivative as ∂f/∂x, ∂/∂x (x^2 y) or "
                         "\\frac{\\partial f}{\\partial x}")
    j += 1
    start = j
    while _is_partial(tokens[j]) and _variable_token(tokens[j + 1]):
        j += 2
        if tokens[j].kind == SUP or (tokens[j].text == "^" and tokens[j + 1].kind == NUM):
            j += 1 if tokens[j].kind == SUP else 2
    bottom = tokens[start:j]
    if start < len(tokens) and _is_partial(tokens[start]) and tokens[start + 1].text == "(":
        parser.fail(tok, _JACOBIAN_HINT)
    wrt = _denominator(parser, bottom, tok)
    if len(wrt) != order:
        parser.fail(tok, f"the top says order {order} but the bottom differentiates "
                         f"{len(wrt)} time{'s' if len(wrt) != 1 else ''}: write ∂²f/∂x∂y "
                         "or ∂²f/∂x²")
    parser.i = j
    if not top:
        return _derivative(parser, parser.derivative_operand(parser.peek()), wrt, tok)
    function = defined_function(parser, top[0].text)
    if function is None:
        parser.fail(top[0], f"{top[0].text} is a variable here, not a function: define it "
                            f"({top[0].text}(x, y) = ...) or write ∂/∂{wrt[0]} (x^2 y)")
    if _point_follows(parser):  # ∂f/∂x (1, 2)
        return _at_point(parser, top[0], function, [str(w) for w in reversed(wrt)], tok)
    return _derivative(parser, _body(parser, top[0], function), wrt, tok)


def gradient(parser: Latex, tok: Token) -> Any:
    """``\\nabla`` that core/definitions.py did not write out (no function of several
    variables defined above): an error that says how to write it."""
    parser.fail(tok, _GRADIENT_HINT)


def _is_partial(t: Token) -> bool:
    return t.kind == CMD and t.text == "partial"


def _variable_token(t: Token) -> bool:
    return (t.kind == NAME and (is_simple_name(t.text) or t.text in GREEK_NAMES)) or (
        t.kind == CMD and t.text in GREEK_NAMES)


def _has_comma(top: list[Token]) -> bool:
    return any(t.kind == OP and t.text == "," for t in top)
