"""parse_math, build_env and symbol_for: every construct of the cell language."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
import sympy as sp

from proofnb.core.checked import CheckedProduct, CheckedSum
from proofnb.core.errors import ParseError, UnsupportedError
from proofnb.core.model import CheckOptions, SymbolDecl
from proofnb.core.parser import MathEnv, build_env, parse_math, symbol_for

ENV = MathEnv()
x, y, z, a, b, c, n, k, r = (symbol_for(name, ENV) for name in "xyzabcnkr")
theta, alpha = symbol_for("theta", ENV), symbol_for("alpha", ENV)


def p(text: str, env: MathEnv = ENV) -> Any:
    return parse_math(text, env)


def same(text: str, expected: Any, env: MathEnv = ENV) -> None:
    got = p(text, env)
    assert got == expected, f"{text!r} parsed to {got}, expected {expected}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x^2", x**2),
        ("x**2", x**2),
        ("2^3^2", sp.Integer(512)),
        ("-x^2", -(x**2)),
        ("2^-1", sp.Rational(1, 2)),
        ("x^-2", x**-2),
        ("(a+b)^2", (a + b) ** 2),
        ("a - b - c", a - b - c),
        ("a/b/c", a / b / c),
        ("a/b*c", a * c / b),
        ("+x", x),
        ("--x", x),
        ("x^{2}", x**2),
        ("e^{x}", sp.exp(x)),
        ("e^x", sp.exp(x)),
        ("E**x", sp.exp(x)),
        ("x²+y³", x**2 + y**3),
        ("x⁻¹", 1 / x),
        ("0.5x", x / 2),
        ("0.1 + 0.2", sp.Rational(3, 10)),
        ("1.5e3", sp.Integer(1500)),
        (".25", sp.Rational(1, 4)),
        ("3!", sp.Integer(6)),
        ("n!", sp.factorial(n)),
        ("(n+1)!", sp.factorial(n + 1)),
    ],
)
def test_arithmetic(text: str, expected: Any) -> None:
    same(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2x", 2 * x),
        ("2(x+1)", 2 * (x + 1)),
        ("(a+b)(a-b)", (a + b) * (a - b)),
        ("ab", a * b),
        ("2ab", 2 * a * b),
        ("abc", a * b * c),
        ("x y", x * y),
        ("xy^2", x * y**2),
        ("2|x|", 2 * sp.Abs(x)),
        ("|x|y", sp.Abs(x) * y),
        ("1/2x", x / 2),
        ("a/bc", a * c / b),
        ("a(b+c)", a * (b + c)),
        ("(a)(b)", a * b),
        ("2 sin x", 2 * sp.sin(x)),
        ("x sqrt(2)", sp.sqrt(2) * x),
        ("2pi r", 2 * sp.pi * r),
        ("πr^2", sp.pi * r**2),
        ("2[x+1]", 2 * (x + 1)),
        ("x_1 x_2", symbol_for("x_1", ENV) * symbol_for("x_2", ENV)),
    ],
)
def test_implicit_multiplication(text: str, expected: Any) -> None:
    same(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sin x", sp.sin(x)),
        ("sin(x)", sp.sin(x)),
        ("sin 2x", sp.sin(2 * x)),
        ("sin x^2", sp.sin(x**2)),
        ("sin x cos x", sp.sin(x) * sp.cos(x)),
        ("sin x / 2", sp.sin(x) / 2),
        ("sin(x)^2", sp.sin(x) ** 2),
        ("sin^2 x", sp.sin(x) ** 2),
        ("sin^2(x)", sp.sin(x) ** 2),
        ("sin² x", sp.sin(x) ** 2),
        ("sin^{-1} x", sp.asin(x)),
        ("tan^{-1}(x)", sp.atan(x)),
        ("sin -x", sp.sin(-x)),
        ("arcsin x", sp.asin(x)),
        ("asin(x)", sp.asin(x)),
        ("arctan x", sp.atan(x)),
        ("sinh x", sp.sinh(x)),
        ("arsinh x", sp.asinh(x)),
        ("cosec x", sp.csc(x)),
        ("sin sin x", sp.sin(sp.sin(x))),
        ("sin x + cos x", sp.sin(x) + sp.cos(x)),
        ("log x", sp.log(x)),
        ("ln x", sp.log(x)),
        ("ln|x|", sp.log(sp.Abs(x))),
        ("log(x, 2)", sp.log(x, 2)),
        ("log_2(x)", sp.log(x, 2)),
        ("log_2 8", sp.Integer(3)),
        ("log_{10} x", sp.log(x, 10)),
        ("log10(x)", sp.log(x, 10)),
        ("exp(x)", sp.exp(x)),
        ("sqrt(x)", sp.sqrt(x)),
        ("cbrt(-8)", sp.Integer(-2)),
        ("root(x, 4)", x ** sp.Rational(1, 4)),
        ("abs(x)", sp.Abs(x)),
        ("Abs(x)", sp.Abs(x)),
        ("|x - 1|", sp.Abs(x - 1)),
        ("||x| - 1|", sp.Abs(sp.Abs(x) - 1)),
        ("floor(x)", sp.floor(x)),
        ("ceil(x)", sp.ceiling(x)),
        ("factorial(5)", sp.Integer(120)),
        ("binomial(n, 2)", sp.binomial(n, 2)),
        ("gcd(12, 18)", sp.Integer(6)),
        ("lcm(4, 6)", sp.Integer(12)),
        ("min(x, y)", sp.Min(x, y)),
        ("max(1, 2, 3)", sp.Integer(3)),
        ("sign(x)", sp.sign(x)),
        ("atan2(y, x)", sp.atan2(y, x)),
        ("Mod(n, 2)", sp.Mod(n, 2)),
        ("Rational(1, 2)", sp.Rational(1, 2)),
        ("√x", sp.sqrt(x)),
        ("√(x+1)", sp.sqrt(x + 1)),
        ("∛8", sp.Integer(2)),
        ("sqrt(2)*x/2", sp.sqrt(2) * x / 2),
    ],
)
def test_functions(text: str, expected: Any) -> None:
    same(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pi", sp.pi),
        ("π", sp.pi),
        ("e", sp.E),
        ("E", sp.E),
        ("I", sp.I),
        ("oo", sp.oo),
        ("∞", sp.oo),
        ("-oo", -sp.oo),
        ("alpha + θ", alpha + theta),
        ("i", symbol_for("i", ENV)),
        ("x_1", symbol_for("x_1", ENV)),
        ("a_n", symbol_for("a_n", ENV)),
        ("x_{12}", symbol_for("x_12", ENV)),
        ("x2", symbol_for("x2", ENV)),
    ],
)
def test_names_and_constants(text: str, expected: Any) -> None:
    same(text, expected)


def test_i_is_the_imaginary_unit_only_in_the_complex_domain() -> None:
    env = build_env(CheckOptions(domain="complex"))
    assert p("i^2", env) == -1
    assert p("e^{i pi}", env) == -1
    assert p("i", ENV).is_real


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\frac{a}{b}", a / b),
        (r"\dfrac{x+1}{2}", (x + 1) / 2),
        (r"\frac12", sp.Rational(1, 2)),
        (r"\sqrt{x}", sp.sqrt(x)),
        (r"\sqrt[3]{8}", sp.Integer(2)),
        (r"\sqrt[4]{x}", x ** sp.Rational(1, 4)),
        (r"a \cdot b", a * b),
        (r"a \times b", a * b),
        (r"a \div b", a / b),
        (r"\left( x + 1 \right)^2", (x + 1) ** 2),
        (r"\left| x \right|", sp.Abs(x)),
        (r"x^{2}_{}", None),
        (r"\sin x", sp.sin(x)),
        (r"\sin^2 \theta", sp.sin(theta) ** 2),
        (r"\ln x", sp.log(x)),
        (r"\log_{2} x", sp.log(x, 2)),
        (r"\pi", sp.pi),
        (r"\infty", sp.oo),
        (r"e^{2x}", sp.exp(2 * x)),
        (r"\alpha", alpha),
        (r"\binom{5}{2}", sp.Integer(10)),
        (r"\lfloor x \rfloor", sp.floor(x)),
        (r"\lceil x \rceil", sp.ceiling(x)),
        (r"\mathrm{e}^{x}", sp.exp(x)),
        (r"$x^2$", x**2),
        (r"2 \, x", 2 * x),
        (r"\{x + 1\}", x + 1),
    ],
)
def test_latex(text: str, expected: Any) -> None:
    if expected is None:
        with pytest.raises(ParseError):
            p(text)
    else:
        same(text, expected)


def test_calculus_objects_stay_unevaluated() -> None:
    assert p("diff(x^2, x)") == sp.Derivative(x**2, x)
    assert p("Derivative(sin(x), x)") == sp.Derivative(sp.sin(x), x)
    assert p("diff(sin(x), x, 2)") == sp.Derivative(sp.sin(x), (x, 2))
    assert p("d/dx (x^2)") == sp.Derivative(x**2, x)
    assert p(r"\frac{d}{dx} x^3") == sp.Derivative(x**3, x)
    assert p("integrate(x^2, x)") == sp.Integral(x**2, x)
    assert p("integrate(x^2, (x, 0, 1))") == sp.Integral(x**2, (x, 0, 1))
    assert p("Integral(x, (x, 0, 1))") == sp.Integral(x, (x, 0, 1))
    assert p(r"\int_0^1 x^2 dx") == sp.Integral(x**2, (x, 0, 1))
    assert p(r"\int x \, dx") == sp.Integral(x, x)
    assert p(r"\int_{0}^{\pi} \sin x \, dx") == sp.Integral(sp.sin(x), (x, 0, sp.pi))
    assert p(r"\int_0^1 x \mathrm{d}x + 1") == sp.Integral(x, (x, 0, 1)) + 1
    assert p("limit(sin(x)/x, x, 0)") == sp.Limit(sp.sin(x) / x, x, 0, dir="+-")  # two-sided
    assert p("Limit(1/x, x, 0, dir='-')") == sp.Limit(1 / x, x, 0, dir="-")
    assert p(r"\lim_{x \to 0} \frac{\sin x}{x}") == sp.Limit(sp.sin(x) / x, x, 0, dir="+-")
    assert p(r"\lim_{x \to 0^+} 1/x") == sp.Limit(1 / x, x, 0, dir="+")
    # Sums and products from a cell check their closed forms (proofnb.core.checked).
    assert p("Sum(k, (k, 1, n))") == CheckedSum(k, (k, 1, n))
    assert p("sum(k^2, (k, 1, 10))") == CheckedSum(k**2, (k, 1, 10))
    assert p(r"\sum_{k=1}^{n} k^2 + 1") == CheckedSum(k**2, (k, 1, n)) + 1
    assert p(r"\prod_{k=1}^{n} k") == CheckedProduct(k, (k, 1, n))
    for text in ("diff(x^2, x)", r"\int_0^1 x dx", "Sum(k, (k, 1, n))", "limit(x, x, 0)"):
        assert not isinstance(p(text), sp.Number)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x = 1", sp.Eq(x, 1, evaluate=False)),
        ("x == 1", sp.Eq(x, 1, evaluate=False)),
        ("x != 1", sp.Ne(x, 1, evaluate=False)),
        ("x ≠ 1", sp.Ne(x, 1, evaluate=False)),
        (r"x \neq 1", sp.Ne(x, 1, evaluate=False)),
        ("x < 1", sp.Lt(x, 1, evaluate=False)),
        ("x ≤ 1", sp.Le(x, 1, evaluate=False)),
        (r"x \ge 1", sp.Ge(x, 1, evaluate=False)),
        ("1 < x < 3", sp.And(sp.Lt(1, x, evaluate=False), sp.Lt(x, 3, evaluate=False))),
        ("x = 2 or x = 3", sp.Or(sp.Eq(x, 2), sp.Eq(x, 3))),
        ("x = 2 ∨ x = 3", sp.Or(sp.Eq(x, 2), sp.Eq(x, 3))),
        (r"x = 2 \text{ or } x = 3", sp.Or(sp.Eq(x, 2), sp.Eq(x, 3))),
        ("x = 1 and y = 2", sp.And(sp.Eq(x, 1), sp.Eq(y, 2))),
        ("x = 1, y = 2", sp.And(sp.Eq(x, 1), sp.Eq(y, 2))),
        ("x > 0 ∧ y > 0 or x < 0", sp.Or(sp.And(x > 0, y > 0), x < 0)),
        ("Eq(x, 1)", sp.Eq(x, 1, evaluate=False)),
        ("(x-2)(x-3) = 0", sp.Eq((x - 2) * (x - 3), 0, evaluate=False)),
    ],
)
def test_statements(text: str, expected: Any) -> None:
    same(text, expected)


def test_relations_are_not_evaluated() -> None:
    got = p("x + x = 2x")
    assert isinstance(got, sp.Equality)
    assert got is not sp.true
    assert isinstance(p("1 = 2"), sp.Equality)


def test_declared_symbols_functions_and_assumptions() -> None:
    env = build_env(
        CheckOptions(
            assume=("x > 0", "n integer, m, j integers", "0 < t < 1", "f function"),
            symbols=(
                SymbolDecl("beta", "symbol", ("positive",)),
                SymbolDecl("g", "function"),
                SymbolDecl("rate", "symbol", ("real",)),
                SymbolDecl("bad name", "symbol"),
            ),
        )
    )
    assert env.symbols["x"].is_positive
    assert env.symbols["n"].is_integer and env.symbols["m"].is_integer
    assert env.symbols["j"].is_integer and env.symbols["t"].is_positive
    assert env.symbols["beta"].is_positive
    assert "bad name" not in env.symbols
    assert set(env.functions) == {"f", "g"}
    xs = env.symbols["x"]
    assert symbol_for("x", env) is xs
    assert p("sqrt(x^2)", env) == xs
    assert p("f(x) + g(x, 1)", env) == env.functions["f"](xs) + env.functions["g"](xs, 1)
    assert p("2 rate", env) == 2 * env.symbols["rate"]
    assert sp.Gt(xs, 0, evaluate=False) in env.conditions
    assert sp.Contains(env.symbols["n"], sp.S.Integers, evaluate=False) in env.conditions
    ts = env.symbols["t"]
    assert sp.Lt(0, ts, evaluate=False) in env.conditions  # 0 < t < 1: two relations
    assert sp.Lt(ts, 1, evaluate=False) in env.conditions
    assert env.domain == "real"


@pytest.mark.parametrize(
    ("assume", "name", "prop"),
    [
        ("x >= 0", "x", "nonnegative"),
        ("x < 0", "x", "negative"),
        ("x <= -1", "x", "negative"),
        ("x != 0", "x", "nonzero"),
        ("2 < x", "x", "positive"),
        (r"n \in \mathbb{Z}", "n", "integer"),
        ("n ∈ ℕ", "n", "nonnegative"),
        ("n natural", "n", "integer"),
        ("n even", "n", "even"),
        ("x > 0 and y > 0", "y", "positive"),
    ],
)
def test_assumption_forms(assume: str, name: str, prop: str) -> None:
    env = build_env(CheckOptions(assume=(assume,)))
    assert getattr(env.symbols[name], f"is_{prop}") is True


@pytest.mark.parametrize(
    ("assume", "reason"),
    [
        ("x > 0, x < 0", "contradict"),
        ("x foo", "unknown property"),
        ("n", "expected a property"),
        ("x +", "expected an expression"),
        ("x + 1", "expected an assumption"),
        (",", "expected an assumption"),
    ],
)
def test_bad_assumptions(assume: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        build_env(CheckOptions(assume=(assume,)))


def test_symbol_for_is_stable_per_env_and_domain() -> None:
    env = MathEnv()
    assert symbol_for("q", env) is symbol_for("q", env)
    assert symbol_for("q", env).is_real
    complex_env = MathEnv(domain="complex")
    assert symbol_for("q", complex_env).is_real is None
    assert p("q", env) is symbol_for("q", env)


@pytest.mark.parametrize(
    ("text", "col", "reason"),
    [
        ("", 1, "expected an expression, found nothing"),
        ("x +", 4, "expected an expression, found the end"),
        ("x +* 2", 4, "expected an expression, found '*'"),
        ("(x + 1", 1, "'(' is never closed"),
        ("x + 1)", 6, "unmatched ')'"),
        ("(x + 1]", 7, "expected ')'"),
        ("expand(x)", 1, "unknown name 'expand'; did you mean exp? a word belongs after #"),
        ("sinx", 1, "did you mean sin x"),
        ("7 (subtract 3)", 4, "unknown name 'subtract'; a word belongs after # (a comment)"),
        ("Then x", 1, "unknown name 'Then'; did you mean Theta? a word belongs after #"),
        ("lnx + 1", 1, "did you mean ln x"),
        ("x 2", 3, "expected an operator before the number 2"),
        ("(a)2", 4, "expected an operator before the number 2"),
        ("x @ y", 3, "unexpected '@'"),
        ("sin", 4, "expected an argument after sin"),
        ("sin()", 1, "sin takes 1 argument, got 0"),
        ("log(x, 2, 3)", 1, "log takes 1 to 2 arguments, got 3"),
        ("diff(x, 2)", 1, "expected a variable in diff"),
        ("(1, 2)", 3, "a tuple (a, b) is only allowed as a function argument"),
        (r"\foo{x}", 1, r"unsupported LaTeX command \foo"),
        (r"\int x^2", 9, "expected the differential"),
        ("'os'", 1, "strings are not maths"),
        ("x!!", 3, "double factorial"),
        ("x = 1 <=> y", 7, "relates whole statements"),
        ("x = 1 or 2", 10, "expected an equation or inequality on each side of 'or'"),
        ("(x = 1) + 2", 1, "expected an expression here, not a statement"),
        ("x =< 1", 3, "write '<='"),
        ("a_{n+1}", 3, "expected a subscript"),
        ("sin^x y", 5, "expected a whole number"),
    ],
)
def test_errors_say_where_and_what(text: str, col: int, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_math(text, ENV, line=7, col=1)
    assert reason in info.value.reason
    assert (info.value.line, info.value.col) == (7, col)
    assert info.value.text == text


def test_column_offset_is_added() -> None:
    with pytest.raises(ParseError) as info:
        parse_math("x +", ENV, line=2, col=10)
    assert info.value.col == 13


def test_parse_errors_pickle() -> None:
    with pytest.raises(ParseError) as info:
        p("expand(x)")
    again = pickle.loads(pickle.dumps(info.value))
    assert again.args == info.value.args


def test_unsupported_sizes() -> None:
    for text, reason in [
        ("9**9**9**9", "would have more than 10000 digits"),
        ("factorial(10**9)", "factorial of 1000000000 is too large"),
        ("(10^9)!", "factorial of 1000000000 is too large"),
        ("(x+1)^100000", "exponent 100000 is too large (limit 1000)"),
        ("x^600 * x^600", "exponent 1200 is too large"),
        ("binomial(5000, 3)", "binomial argument 5000"),
        ("2^(2^(2^(2^2)))", "2^65536"),
        ("10^9999 * 10^9999 * 10^9999 * 10^9999", "digits"),
        ("1" * 1001, "1001 digits"),
        ("diff(x, (x, 1000))", "order 1000"),
        ("Product(k, (k, 1, 10^6))", "too long"),
        ("(" * 300 + "x" + ")" * 300, "nests too deeply"),
        ("-" * 300 + "x", "nests too deeply"),
        ("2^" * 300 + "2", "nests too deeply"),
        ("x+" * 6000 + "x", "tokens"),
        ("x" * 30000, "characters"),
    ]:
        with pytest.raises(UnsupportedError) as info:
            parse_math(text, ENV, line=3)
        assert reason in info.value.reason, (text[:30], info.value.reason)
        assert info.value.line == 3


def test_allowed_sizes_still_parse() -> None:
    assert p("2^1000") == sp.Integer(2) ** 1000
    assert p("(x+1)^1000") == (x + 1) ** 1000
    assert p("factorial(1000)") == sp.factorial(1000)
    assert p("(" * 150 + "x" + ")" * 150) == x
    assert p("1" * 1000) == sp.Integer("1" * 1000)


def test_determinism() -> None:
    text = r"\frac{x^2 - 1}{x - 1} + sin^2 x + 2ab - \sqrt[3]{y} + |z|"
    first = sp.srepr(p(text))
    for _ in range(3):
        assert sp.srepr(parse_math(text, MathEnv())) == first


@pytest.mark.parametrize(
    ("text", "expected"),
    [(r"\[ x^2 \]", x**2), (r"\( \frac{a}{b} \)", a / b), ("x\u200b+1", x + 1),
     ("x\u00a0+\u00a01", x + 1), (r"x^2 &= 4 \\", sp.Eq(x**2, 4, evaluate=False))],
)  # fmt: skip
def test_pasted_text_wrappers_and_invisible_characters(text: str, expected: Any) -> None:
    same(text, expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("(a ± b)^2", "write the two cases out"), ("dy/dx", "diff(y, x)"),
     ("x ≈ 2", "unexpected '≈'")],
)
def test_helpful_hints(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        p(text)


def test_as_written_form_under_evaluate_false() -> None:
    with sp.evaluate(False):
        doubled = p("x + x")
        square = p("sqrt(x)*sqrt(x)")
        assert p("0.25") == sp.Rational(1, 4)
        assert isinstance(p("x^2 = 4"), sp.Equality)
        for text in ("(x+1)^100000", "factorial(10000)", "(" * 300 + "x" + ")" * 300):
            with pytest.raises(UnsupportedError):
                p(text)
    assert doubled.args == (x, x)
    assert isinstance(square, sp.Mul) and len(square.args) == 2


@pytest.mark.parametrize(("text", "value"), [
    (r"0.\overline{3}", sp.Rational(1, 3)), (r"0.1\overline{6}", sp.Rational(1, 6)),
    (r"1.\overline{142857}", sp.Rational(8, 7)), (r"0.\dot{3}", sp.Rational(1, 3)),
    (r"0.\overline{9}", sp.Integer(1)),
])
def test_a_repeating_decimal_is_its_exact_fraction(text: str, value: sp.Expr) -> None:
    assert p(text) == value
