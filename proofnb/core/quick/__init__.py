"""The quick first pass: plain steps decided without SymPy (see :mod:`.step`)."""

from .step import quick_check

__all__ = ["quick_check"]
