"""The magic's pure helpers: names bound to SymPy objects, option parsing."""

from __future__ import annotations

import pytest
import sympy
from IPython.core.error import UsageError

from proofnb.core.model import SymbolDecl
from proofnb.core.namespace import symbol_decls
from proofnb.kernel.magics import _split, _verify_parser


def test_user_symbols_finds_bound_symbols_and_undefined_functions() -> None:
    namespace = {
        "t": sympy.Symbol("t", positive=True),
        "n": sympy.Symbol("n", integer=True, nonnegative=True),
        "foo": sympy.Function("foo"),
        "x": sympy.Symbol("x"),
        "sin": sympy.sin,  # a defined function: the checker knows it already
        "k": 3,  # not a SymPy object
        "unused": sympy.Symbol("unused", positive=True),
    }
    decls = symbol_decls("log(t^2) = 2 log(t) + foo(x) - foo(x) + sin(n) + k", namespace)
    assert decls == (
        SymbolDecl("foo", "function"),
        SymbolDecl("n", "symbol", ("integer", "nonnegative")),
        SymbolDecl("t", "symbol", ("positive",)),
        SymbolDecl("x", "symbol", ()),
    )


def test_options_parse_with_quotes_and_repeats() -> None:
    args = _verify_parser().parse_args(
        _split('--assume "x > 0" --assume "n integer" --title "A <b> title" --wait --no-save')
    )
    assert args.assume == ["x > 0", "n integer"]
    assert args.title == "A <b> title"
    assert args.wait and args.no_save
    assert args.domain is None and args.timeout is None


@pytest.mark.parametrize(
    "line", ["--domain imaginary", "--timeout soon", "--expect maybe", "--bogus", "stray"]
)
def test_bad_options_are_usage_errors(line: str) -> None:
    with pytest.raises(UsageError, match="%%verify"):
        _verify_parser().parse_args(_split(line))


def test_unbalanced_quote_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="line 1"):
        _split('--title "unclosed')
