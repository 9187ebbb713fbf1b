"""The names a proof may use: declared symbols with assumptions, functions, conditions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sympy as sp


@dataclass(frozen=True)
class MathEnv:
    """Symbols and functions a proof's text refers to, with the declared assumptions.

    ``symbols`` holds every declared or assumed symbol with its SymPy assumptions;
    ``functions`` the user's undefined functions; ``conditions`` every declared assumption as
    an unevaluated SymPy boolean in terms of these symbols; ``domain`` is ``"real"`` or
    ``"complex"``. Other names get a fresh symbol from :func:`symbol_for`.
    """

    symbols: Mapping[str, Any] = field(default_factory=dict)
    functions: Mapping[str, Any] = field(default_factory=dict)
    conditions: tuple[Any, ...] = ()
    domain: str = "real"
    _made: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def symbol_for(name: str, env: MathEnv) -> Any:
    """The one Symbol used for ``name`` in ``env``: the declared one, else a real symbol
    (complex in the complex domain), the same object on every call."""
    declared = env.symbols.get(name)
    if declared is not None:
        return declared
    made = env._made.get(name)
    if made is None:
        if env.domain == "real":
            made = sp.Symbol(name, real=True)
        else:
            made = sp.Symbol(name, complex=True)
        env._made[name] = made
    return made
