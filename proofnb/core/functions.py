"""The whitelist of names a cell may call, and how each builds its SymPy object.

A builder takes the parsed arguments (SymPy objects, tuples of them for integration or
summation limits, or a direction string for limits) and the domain, and returns a SymPy
object. Calculus objects are built unevaluated. Builders raise :class:`ArgumentError` for a
wrong call and :class:`~proofnb.core.bounds.LimitExceeded` for one that is too big.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Union

import sympy as sp

from proofnb.core import bounds, integers
from proofnb.core.checked import CheckedProduct, CheckedSum
from proofnb.core.landau import BigO, LittleO, occurrence

Arg = Union[Any, tuple[Any, ...], str]  # noqa: UP007 - Any inside | is rejected at runtime
Builder = Callable[[list[Arg], str], Any]


class ArgumentError(Exception):
    """Raised by a builder when the arguments do not fit the function."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _exprs(name: str, args: list[Arg], low: int, high: int | None = None) -> list[Any]:
    high = low if high is None else high
    if not low <= len(args) <= high:
        if low == high:
            want = f"{low} argument" + ("s" if low != 1 else "")
        elif high > 99:
            want = f"at least {low} arguments"
        else:
            want = f"{low} to {high} arguments"
        raise ArgumentError(f"{name} takes {want}, got {len(args)}")
    for arg in args:
        if not isinstance(arg, sp.Expr):
            raise ArgumentError(f"the arguments of {name} must be expressions")
    return list(args)


def _unary(name: str, func: Any) -> Builder:
    def build(args: list[Arg], domain: str) -> Any:
        (x,) = _exprs(name, args, 1)
        return func(x)

    return build


def _root(x: Any, n: Any, domain: str) -> Any:
    """n-th root; in the real domain an odd root of a negative number is real (cbrt(-8) = -2)."""
    if n.is_zero:
        raise ArgumentError("root of order 0 is undefined")
    if isinstance(n, sp.Integer):
        bounds.check_power(x, sp.Rational(1, int(n.p)))
        if domain == "real" and int(n.p) % 2 == 1:
            # real_root's own form, built directly also for a number: unevaluated,
            # real_root(2, 5) is a Piecewise that no point can evaluate (\sqrt[5]{2} \sqrt[5]{y}
            # = \sqrt[5]{2} \sqrt[5]{y} + 1 was 'unknown: only 0 points could be evaluated')
            return sp.Mul(sp.sign(x), sp.Pow(sp.Abs(x), sp.Rational(1, int(n.p))))
    return sp.root(x, n)


def _build_root(args: list[Arg], domain: str) -> Any:
    x, n = _exprs("root", args, 2)
    return _root(x, n, domain)


def _build_cbrt(args: list[Arg], domain: str) -> Any:
    (x,) = _exprs("cbrt", args, 1)
    return _root(x, sp.Integer(3), domain)


def _build_log(args: list[Arg], domain: str) -> Any:
    values = _exprs("log", args, 1, 2)
    return sp.log(*values)


def _log_base(base: int) -> Builder:
    def build(args: list[Arg], domain: str) -> Any:
        (x,) = _exprs(f"log{base}", args, 1)
        return sp.log(x, base)

    return build


def _build_lg(args: list[Arg], domain: str) -> Any:
    """``lg(x)`` is the common logarithm; ``lg(x, b)`` the base-b one (as in STACK)."""
    values = _exprs("lg", args, 1, 2)
    return sp.log(values[0], values[1] if len(values) == 2 else 10)


def _build_factorial(args: list[Arg], domain: str) -> Any:
    (n,) = _exprs("factorial", args, 1)
    bounds.check_factorial(n)
    return sp.factorial(n)


def _build_binomial(args: list[Arg], domain: str) -> Any:
    n, k = _exprs("binomial", args, 2)
    bounds.check_binomial(n, k)
    return sp.binomial(n, k)


def _build_ncr(args: list[Arg], domain: str) -> Any:
    """``nCr(n, r)`` (a calculator's key): the binomial coefficient."""
    n, k = _exprs("nCr", args, 2)
    bounds.check_binomial(n, k)
    return sp.binomial(n, k)


def _build_npr(args: list[Arg], domain: str) -> Any:
    """``nPr(n, r)``, ``P(n, r)``, ``^{n}P_{r}``: ordered choices, n!/(n - r)!."""
    n, k = _exprs("nPr", args, 2)
    bounds.check_binomial(n, k)
    return sp.factorial(n) / sp.factorial(n - k)


def _raw_npr(args: list[Arg], domain: str) -> Any:
    n, k = _exprs("nPr", args, 2)
    return sp.Mul(sp.factorial(n, evaluate=False),
                  sp.Pow(sp.factorial(n - k, evaluate=False), -1, evaluate=False), evaluate=False)


def _special(name: str, func: Any, low: int, high: int) -> Builder:
    """Gamma, zeta, beta, erf...: arguments bounded like factorial (gamma(n) is (n-1)!)."""
    def build(args: list[Arg], domain: str) -> Any:
        values = _exprs(name, args, low, high)
        for value in values:
            try:
                bounds.check_factorial(value)
            except bounds.LimitExceeded as exc:
                raise bounds.LimitExceeded(exc.reason.replace("factorial", name)) from None
        return func(*values)

    return build


def _nary(name: str, func: Any, low: int = 2) -> Builder:
    def build(args: list[Arg], domain: str) -> Any:
        values = _exprs(name, args, low, 1000)
        bounds.check_numbers(values)
        return func(*values)

    return build


def _build_gcd(name: str, func: Any) -> Builder:
    def build(args: list[Arg], domain: str) -> Any:
        values = _exprs(name, args, 2, 1000)
        bounds.check_numbers(values)
        result = values[0]
        for value in values[1:]:
            result = func(result, value)
        return result

    return build


def _build_rational(args: list[Arg], domain: str) -> Any:
    values = _exprs("Rational", args, 1, 2)
    if not all(isinstance(v, sp.Rational) for v in values):
        raise ArgumentError("Rational takes numbers")
    if len(values) == 2 and values[1].is_zero:
        raise ArgumentError("Rational with denominator 0")
    return values[0] if len(values) == 1 else values[0] / values[1]


def _build_integer(args: list[Arg], domain: str) -> Any:
    (value,) = _exprs("Integer", args, 1)
    if not isinstance(value, sp.Integer):
        raise ArgumentError("Integer takes a whole number")
    return value


def _relation(name: str, cls: Any) -> Builder:
    def build(args: list[Arg], domain: str) -> Any:
        lhs, rhs = _exprs(name, args, 2)
        return cls(lhs, rhs, evaluate=False)

    return build


def _logic(name: str, cls: Any) -> Builder:
    def build(args: list[Arg], domain: str) -> Any:
        if len(args) < 2:
            raise ArgumentError(f"{name} takes at least 2 statements")
        if not all(isinstance(a, sp.logic.boolalg.Boolean) for a in args):
            raise ArgumentError(f"the arguments of {name} must be equations or inequalities")
        return cls(*args)

    return build


def _variable(arg: Any, name: str) -> Any:
    if not isinstance(arg, sp.Symbol):
        raise ArgumentError(f"expected a variable in {name}, got {_text(arg)}")
    return arg


def _build_derivative(args: list[Arg], domain: str) -> Any:
    if len(args) < 2:
        raise ArgumentError("diff takes an expression and at least one variable")
    expr = args[0]
    if not isinstance(expr, sp.Expr):
        raise ArgumentError("diff takes an expression first")
    variables: list[Any] = []
    for arg in args[1:]:
        if isinstance(arg, tuple):
            if len(arg) != 2:
                raise ArgumentError("write diff(f, (x, n)) for the n-th derivative")
            bounds.check_order(arg[1])
            variables.append((_variable(arg[0], "diff"), arg[1]))
        elif isinstance(arg, sp.Integer) and variables:
            bounds.check_order(arg)
            last = variables.pop()
            variables.append((last, arg))
        else:
            variables.append(_variable(arg, "diff"))
    return sp.Derivative(expr, *variables)


def settled(bound: Any) -> Any:
    """A limit of integration or summation with its arithmetic done.

    The as-written parse keeps ``-oo`` as ``Mul(-1, oo)``, which SymPy's ``Integral.doit``
    mistakes for a finite bound (half of the integral over the real line comes back).
    """
    if isinstance(bound, sp.Expr) and not bound.has(sp.Integral, sp.Sum, sp.Product):
        return bound.doit()
    return bound


def _limits(name: str, args: list[Arg], sizes: tuple[int, ...]) -> list[Any]:
    result: list[Any] = []
    for arg in args:
        if isinstance(arg, tuple):
            if len(arg) not in sizes:
                raise ArgumentError(f"write {name}(f, (x, a, b)) for limits a to b")
            result.append((_variable(arg[0], name), *(settled(b) for b in arg[1:])))
        else:
            result.append(_variable(arg, name))
    return result


def _build_order(args: list[Arg], domain: str) -> Any:
    (arg,) = _exprs("O", args, 1)
    return BigO(arg, occurrence())  # O(x) - O(x) is O(x), not 0


def _build_little_order(args: list[Arg], domain: str) -> Any:
    (arg,) = _exprs("o", args, 1)
    return LittleO(arg, occurrence())


def _build_integral(args: list[Arg], domain: str) -> Any:
    if len(args) < 2 or not isinstance(args[0], sp.Expr):
        raise ArgumentError("integrate takes an expression and a variable or (x, a, b)")
    return sp.Integral(args[0], *_limits("integrate", args[1:], (1, 3)))


def _series(name: str, cls: Any, limit: int) -> Builder:
    def build(args: list[Arg], domain: str) -> Any:
        if len(args) < 2 or not isinstance(args[0], sp.Expr):
            raise ArgumentError(f"{name} takes an expression and (k, a, b)")
        if len(args) == 4 and not any(isinstance(a, tuple) for a in args):
            # Maxima's flat form sum(f, k, a, b), as STACK and wxMaxima users write it.
            args = [args[0], (args[1], args[2], args[3])]
        ranges = _limits(name, args[1:], (3,))
        for item in ranges:
            if not isinstance(item, tuple):
                raise ArgumentError(f"write {name}(f, (k, a, b)) for k from a to b")
            bounds.check_range(item[1], item[2], limit, name)
        return cls(args[0], *ranges)

    return build


def _build_limit(args: list[Arg], domain: str) -> Any:
    if len(args) not in (3, 4):
        raise ArgumentError("limit takes an expression, a variable, a point (and '+' or '-')")
    expr, var, point = args[:3]
    if not isinstance(expr, sp.Expr) or not isinstance(point, sp.Expr):
        raise ArgumentError("limit takes an expression, a variable and a point")
    # Without a direction a limit at a finite point is two-sided, as a teacher means it
    # (SymPy's own default is the right-hand limit: limit(1/x, x, 0) would be oo).
    direction = args[3] if len(args) == 4 else ("+" if point.is_infinite else "+-")
    if direction not in ("+", "-", "+-"):
        raise ArgumentError("the direction of a limit is '+', '-' or '+-'")
    if expr.has(sp.Piecewise):  # SymPy's limit of a Piecewise can take the wrong case
        from proofnb.core.piecewise import CasesError, limit_of_cases

        try:
            return limit_of_cases(expr, _variable(var, "limit"), point, direction)
        except CasesError as exc:
            raise ArgumentError(exc.reason) from None
    return sp.Limit(expr, _variable(var, "limit"), point, dir=direction)


def _text(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:27] + "..."


_UNARY: dict[str, Any] = {
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "cot": sp.cot, "sec": sp.sec, "csc": sp.csc,
    "cosec": sp.csc, "cosech": sp.csch, "acosec": sp.acsc, "arccosec": sp.acsc,
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "acot": sp.acot,
    "asec": sp.asec, "acsc": sp.acsc, "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan,
    "arccot": sp.acot, "arcsec": sp.asec, "arccsc": sp.acsc, "sinh": sp.sinh, "cosh": sp.cosh,
    "tanh": sp.tanh, "coth": sp.coth, "sech": sp.sech, "csch": sp.csch, "asinh": sp.asinh,
    "acosh": sp.acosh, "atanh": sp.atanh, "acoth": sp.acoth, "asech": sp.asech,
    "acsch": sp.acsch, "arsinh": sp.asinh, "arcosh": sp.acosh, "artanh": sp.atanh,
    "arcoth": sp.acoth, "arcsinh": sp.asinh, "arccosh": sp.acosh, "arctanh": sp.atanh,
    "arccoth": sp.acoth, "exp": sp.exp, "ln": sp.log, "sqrt": sp.sqrt, "abs": sp.Abs,
    "Abs": sp.Abs, "sign": sp.sign, "sgn": sp.sign, "floor": sp.floor, "ceil": sp.ceiling,
    "ceiling": sp.ceiling, "re": sp.re, "im": sp.im, "conjugate": sp.conjugate,
    "conj": sp.conjugate, "arg": sp.arg, "Arg": sp.arg,
    # as written in France, Spain, Russia and central Europe: tg x, ctg x, arctg x, argsh x
    "tg": sp.tan, "ctg": sp.cot, "cotg": sp.cot, "cotan": sp.cot, "arctg": sp.atan,
    "arcctg": sp.acot, "argsh": sp.asinh, "argch": sp.acosh, "argth": sp.atanh,
    # Spanish, Portuguese and Italian: sen x, arcsen x, senh x, tgh x, cossec x
    "sen": sp.sin, "arcsen": sp.asin, "senh": sp.sinh, "tgh": sp.tanh, "cossec": sp.csc,
}  # fmt: skip

#: The SymPy class (or sqrt) behind each one-argument function, for the as-written form.
UNARY_CLASSES: dict[str, Any] = dict(_UNARY)

def _raw_log(name: str, base: int | None = None, default: int | None = None) -> Builder:
    """The as-written ``log`` family: what the builder gives under ``sympy.evaluate(False)``
    (``log(x)``, ``log(x, b)``), built with ``evaluate=False`` instead of the global flag.
    ``base`` is fixed by the name (``log10``); ``default`` is used when none is written
    (``lg(x)`` is ``lg(x, 10)``)."""
    def build(args: list[Arg], domain: str) -> Any:
        values = _exprs(name, args, 1, 1 if base is not None else 2)
        extra = base if base is not None else default if len(values) == 1 else None
        if extra is not None:
            values.append(sp.Integer(extra))
        return sp.log(*values, evaluate=False)

    return build


def _build_cis(args: list[Arg], domain: str) -> Any:
    """``cis t = cos t + i sin t`` (as ``e^(i t)``): a complex number, so complex domain only."""
    (t,) = _exprs("cis", args, 1)
    if domain == "real":
        raise ArgumentError("cis(t) = cos t + i sin t is complex: use --domain complex")
    return sp.exp(sp.I * t)


def _raw_binomial(args: list[Arg], domain: str) -> Any:
    return sp.binomial(*_exprs("binomial", args, 2), evaluate=False)


#: As-written builders for functions that are not one SymPy class of one argument, so that
#: the as-written parse need not switch SymPy's global flag (each switch clears its cache).
RAW_BUILDERS: dict[str, Builder] = {
    "log": _raw_log("log"), "log10": _raw_log("log10", 10), "log2": _raw_log("log2", 2),
    "lg": _raw_log("lg", default=10), "binomial": _raw_binomial, "cis": _build_cis,
    "nCr": _raw_binomial, "nPr": _raw_npr,
}


#: Builders whose result is unevaluated anyway (calculus objects, relations, and/or): the
#: as-written parse may call them as they are.
INERT_BUILDERS: frozenset[str] = frozenset(
    "diff Derivative integrate Integral limit Limit Sum sum Product product Eq Ne Lt Le Gt Ge "
    "And Or O".split()
)

#: Inverse of each trigonometric/hyperbolic function, for ``sin^{-1} x``.
INVERSES: dict[str, str] = {
    "sin": "asin", "cos": "acos", "tan": "atan", "cot": "acot", "sec": "asec", "csc": "acsc",
    "sinh": "asinh", "cosh": "acosh", "tanh": "atanh", "coth": "acoth", "sech": "asech",
    "csch": "acsch",
}  # fmt: skip

def _build_piecewise(args: list[Arg], domain: str) -> Any:
    from proofnb.core.piecewise import CasesError, build_piecewise  # imports this module

    try:
        return build_piecewise(args)
    except CasesError as exc:
        raise ArgumentError(exc.reason) from None


FUNCTIONS: dict[str, Builder] = {name: _unary(name, f) for name, f in _UNARY.items()}
FUNCTIONS["Piecewise"] = _build_piecewise
FUNCTIONS.update({
    "log": _build_log, "log10": _log_base(10), "log2": _log_base(2), "lg": _build_lg,
    "cbrt": _build_cbrt, "cis": _build_cis, "root": _build_root, "factorial": _build_factorial,
    "binomial": _build_binomial, "nCr": _build_ncr, "nPr": _build_npr,
    "atan2": _nary("atan2", sp.atan2), "min": _nary("min", sp.Min),
    "max": _nary("max", sp.Max), "Min": _nary("Min", sp.Min), "Max": _nary("Max", sp.Max),
    "gcd": _build_gcd("gcd", integers.gcd), "lcm": _build_gcd("lcm", integers.lcm),
    "mod": _nary("mod", sp.Mod), "Mod": _nary("Mod", sp.Mod), "Rational": _build_rational,
    "Integer": _build_integer, "diff": _build_derivative, "Derivative": _build_derivative,
    "integrate": _build_integral, "Integral": _build_integral, "limit": _build_limit,
    "Limit": _build_limit, "lim": _build_limit,
    "Sum": _series("Sum", CheckedSum, bounds.MAX_SUM_TERMS),
    "sum": _series("sum", CheckedSum, bounds.MAX_SUM_TERMS),
    "Product": _series("Product", CheckedProduct, bounds.MAX_PRODUCT_TERMS),
    "product": _series("product", CheckedProduct, bounds.MAX_PRODUCT_TERMS),
    "Eq": _relation("Eq", sp.Eq), "Ne": _relation("Ne", sp.Ne), "Lt": _relation("Lt", sp.Lt),
    "Le": _relation("Le", sp.Le), "Gt": _relation("Gt", sp.Gt), "Ge": _relation("Ge", sp.Ge),
    "And": _logic("And", sp.And), "Or": _logic("Or", sp.Or),
    "gamma": _special("gamma", sp.gamma, 1, 1), "Gamma": _special("Gamma", sp.gamma, 1, 1),
    "zeta": _special("zeta", sp.zeta, 1, 2), "beta": _special("beta", sp.beta, 2, 2),
    "Beta": _special("Beta", sp.beta, 2, 2), "erf": _special("erf", sp.erf, 1, 1),
    "erfc": _special("erfc", sp.erfc, 1, 1), "erfi": _special("erfi", sp.erfi, 1, 1),
    "O": _build_order, "o": _build_little_order,
})  # fmt: skip

#: Landau symbols: a call only when ``(`` follows (``O(x^3)``, ``o(x^2)``), else the letter.
LANDAU_NAMES: frozenset[str] = frozenset({"O", "o"})

#: Functions named like a Greek letter: a call only when ``(`` follows at once
#: (``gamma(5)`` is 24), else the letter (``gamma x``, ``2 gamma``, ``gamma (x + 1)``).
GREEK_FUNCTIONS: frozenset[str] = frozenset({"gamma", "Gamma", "zeta", "beta", "Beta"})

#: Functions that take a simple argument without parentheses (``sin x``, ``log x``).
PREFIX_FUNCTIONS: frozenset[str] = frozenset(_UNARY) | {"log", "log10", "log2", "lg", "cbrt", "cis"}

#: Names of constants; ``i`` is the imaginary unit only in the complex domain.
CONSTANTS: dict[str, Any] = {
    "pi": sp.pi, "e": sp.E, "E": sp.E, "I": sp.I, "oo": sp.oo, "inf": sp.oo,
    "infinity": sp.oo, "zoo": sp.zoo,
}  # fmt: skip

#: Capital letters read as constants (SymPy prints e and i as E and I) that physics uses as
#: quantities (an energy, a current): declared in an assumption they are letters.
CONSTANT_LETTERS = ("E", "I")
_LONE = {name: re.compile(rf"(?<![A-Za-z0-9_\\]){name}(?![A-Za-z0-9_])")
         for name in CONSTANT_LETTERS}


def lone_constant_letters(text: str) -> tuple[str, ...]:
    """The letters of :data:`CONSTANT_LETTERS` that ``text`` uses on their own (``E``, not
    ``E_k`` or ``Ex``)."""
    return tuple(name for name in CONSTANT_LETTERS if _LONE[name].search(text))


#: Every built-in word (for "did you mean" and for refusing to split e.g. ``lnx``).
KNOWN_WORDS: frozenset[str] = frozenset(FUNCTIONS) | frozenset(CONSTANTS)
