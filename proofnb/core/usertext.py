"""Exact values and expressions printed the way a student types them.

Counterexample sentences and domain notes are read by people: ``x^2``, not ``x**2``;
``|x|``, not ``Abs(x)``; ``ln(2)``, not ``log(2)``; ``e`` and ``i``, not ``E`` and ``I``.
Machine-readable fields (a witness point's coordinates) stay in SymPy's own string form.
"""

from __future__ import annotations

from sympy import Basic, Expr
from sympy.printing.str import StrPrinter


class _UserPrinter(StrPrinter):  # type: ignore[misc]
    """SymPy's string printer with the notation of the cell language."""

    def _print_Abs(self, expr: Expr) -> str:
        return f"|{self._print(expr.args[0])}|"

    def _print_log(self, expr: Expr) -> str:
        if len(expr.args) == 2:
            return f"log({self._print(expr.args[0])}, {self._print(expr.args[1])})"
        return f"ln({self._print(expr.args[0])})"

    def _print_Exp1(self, expr: Expr) -> str:
        return "e"

    def _print_ImaginaryUnit(self, expr: Expr) -> str:
        return "i"

    def _print_exp(self, expr: Expr) -> str:
        power = expr.args[0]
        shown = self._print(power)
        simple = power.is_Symbol or (power.is_Integer and power.is_nonnegative)
        return f"e^{shown}" if simple else f"e^({shown})"


def user_text(expr: Basic) -> str:
    """``expr`` as a student writes it: ``x^2``, ``|x|``, ``ln(x)``, ``2*sin(1)``."""
    return str(_UserPrinter().doprint(expr)).replace("**", "^")
