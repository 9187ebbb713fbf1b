"""Parse one side of a step (ASCII, Unicode or LaTeX maths) into SymPy, without ``eval``.

A recursive-descent parser (:mod:`proofnb.core.grammar`, with :mod:`~proofnb.core.calls`
and :mod:`~proofnb.core.latex`) over the tokens of :mod:`proofnb.core.lexer` builds SymPy
objects directly from a whitelist of names (:mod:`proofnb.core.functions`). Sizes are
checked before SymPy evaluates (:mod:`proofnb.core.bounds`). The language is described in
:mod:`proofnb.core.cell`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sympy as sp

from proofnb.core import bounds
from proofnb.core.cursor import NeedsGlobalUnevaluate
from proofnb.core.env import MathEnv, symbol_for
from proofnb.core.errors import UnsupportedError
from proofnb.core.grammar import MathParser

if TYPE_CHECKING:
    from proofnb.core.model import CheckOptions

__all__ = ["MathEnv", "build_env", "parse_math", "symbol_for"]


def parse_math(
    text: str, env: MathEnv, *, line: int = 0, col: int = 1, evaluate: bool = True
) -> Any:
    """Parse an expression (to a SymPy ``Expr``) or a statement (to ``Eq``/``Lt``/...,
    ``And``, ``Or``). ``line``/``col`` place ``text`` in the cell for error messages.

    ``evaluate=False`` builds the as-written form (``sqrt(x)*sqrt(x)`` stays a product, so
    its domain survives). It passes ``evaluate=False`` to each constructor rather than
    switching SymPy's global flag, whose every switch clears SymPy's cache; only texts with
    a function that needs the flag (``cbrt``, ``log_b``...) fall back to it. Parse the
    evaluated form first: size limits are checked on evaluated values.

    Raises :class:`ParseError` (with the column of the offending token and what was
    expected) or :class:`UnsupportedError` (too big or too deep). Never evaluates user text.
    """
    if len(text) > bounds.MAX_EXPRESSION_CHARS:
        raise UnsupportedError(
            f"expression is too long ({len(text)} characters; limit "
            f"{bounds.MAX_EXPRESSION_CHARS})",
            line,
        )
    parser = MathParser(text, env, line, col)
    try:
        if evaluate:
            return parser.parse()
        parser.evaluate = False
        try:
            return parser.parse()
        except NeedsGlobalUnevaluate:
            with sp.evaluate(False):
                return MathParser(text, env, line, col).parse()
    except RecursionError:
        raise UnsupportedError(
            f"expression nests too deeply (limit {bounds.MAX_DEPTH})", line
        ) from None


def build_env(options: CheckOptions) -> MathEnv:
    """Build the :class:`MathEnv` of a proof from its ``CheckOptions`` (assume texts,
    kernel symbols, domain). Raises :class:`ParseError` for an assumption it cannot read."""
    from proofnb.core.assume import build_env as build

    return build(options)
