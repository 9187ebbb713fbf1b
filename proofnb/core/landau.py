"""The inert Landau symbols ``O(g)`` and ``o(g)`` as parsed; :mod:`proofnb.core.asymptotic`
reads them."""

from __future__ import annotations

from typing import Any

import sympy as sp
from sympy import Basic


class BigO(sp.Function):  # type: ignore[misc]
    """``O(g)`` as written: inert until a step is decided (the point comes from g)."""

    nargs = 1

    def _sympystr(self, printer: Any) -> str:
        return f"O({printer._print(self.args[0])})"


class LittleO(sp.Function):  # type: ignore[misc]
    """``o(g)`` as written: the functions that vanish against g at its point."""

    nargs = 1

    def _sympystr(self, printer: Any) -> str:
        return f"o({printer._print(self.args[0])})"


def has_landau(*exprs: Basic) -> bool:
    """Whether a step uses ``O(...)`` or ``o(...)`` (only then does the asymptotic tier
    decide it)."""
    return any(isinstance(e, Basic) and e.has(BigO, LittleO) for e in exprs)
