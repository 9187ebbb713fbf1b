"""The inert Landau symbols ``O(g)`` and ``o(g)`` as parsed; :mod:`proofnb.core.asymptotic`
reads them."""

from __future__ import annotations

import itertools
from typing import Any

import sympy as sp
from sympy import Basic

#: Numbers the occurrences of Landau terms as parsed (see :func:`occurrence`).
_OCCURRENCES = itertools.count(1)


def occurrence() -> sp.Integer:
    """A fresh tag for one written O(g) or o(g): each stands for its own unknown function,
    so ``o(x) - o(x)`` is o(x), not 0, and ``o(x)/o(x)`` is not 1. With the same arguments
    two terms would be one SymPy object, and SymPy would cancel them as it reads the line."""
    return sp.Integer(next(_OCCURRENCES))


class BigO(sp.Function):  # type: ignore[misc]
    """``O(g)`` as written: inert until a step is decided (the point comes from g). A second
    argument, when there is one, is the occurrence's tag (:func:`occurrence`), never shown."""

    nargs = (1, 2)

    def _sympystr(self, printer: Any) -> str:
        return f"O({printer._print(self.args[0])})"


class LittleO(sp.Function):  # type: ignore[misc]
    """``o(g)`` as written: the functions that vanish against g at its point (a second
    argument: the occurrence's tag, as for :class:`BigO`)."""

    nargs = (1, 2)

    def _sympystr(self, printer: Any) -> str:
        return f"o({printer._print(self.args[0])})"


def has_landau(*exprs: Basic) -> bool:
    """Whether a step uses ``O(...)`` or ``o(...)`` (only then does the asymptotic tier
    decide it)."""
    return any(isinstance(e, Basic) and e.has(BigO, LittleO) for e in exprs)
