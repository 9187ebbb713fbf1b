"""The names a user's namespace binds to SymPy symbols or functions, as ``SymbolDecl`` values.

One conversion for the kernel magic (the live namespace) and ``proofnb check`` (the bindings
it reads from a notebook's code cells), so that a bound name means the same in both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .model import SymbolDecl

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def symbol_decls(text: str, namespace: Mapping[str, Any]) -> tuple[SymbolDecl, ...]:
    """The names in ``text`` that ``namespace`` binds to SymPy symbols or functions."""
    import sys

    if "sympy" not in sys.modules:  # no SymPy object can exist yet
        return ()
    import sympy
    from sympy.core.function import UndefinedFunction

    decls = []
    for name in sorted(set(_IDENTIFIER.findall(text))):
        value = namespace.get(name)
        if isinstance(value, sympy.Symbol):
            decls.append(SymbolDecl(name, "symbol", _true_assumptions(value)))
        elif isinstance(value, UndefinedFunction):
            decls.append(SymbolDecl(name, "function"))
    return tuple(decls)


def _true_assumptions(symbol: Any) -> tuple[str, ...]:
    # The assumptions the user gave (positive=True), not every consequence SymPy derives.
    given = getattr(symbol, "_assumptions_orig", None)
    if given is None:
        given = symbol.assumptions0
    return tuple(sorted(k for k, v in given.items() if v is True and k != "commutative"))
