"""Core error classes. Adapters translate them once: UsageError, HTTP 400, exit code 2.

Every class keeps ``args`` equal to its constructor arguments so that it survives
pickling back from a worker process.
"""

from __future__ import annotations


class ProofnbError(Exception):
    """Base class of every error proofnb raises on purpose."""


class ParseError(ProofnbError):
    """Raised when a cell, a line or an assumption cannot be parsed.

    ``text`` is the offending source line, ``reason`` says what was expected,
    ``line`` and ``col`` are 1-based positions in the cell (0 when unknown).
    """

    def __init__(self, text: str, reason: str, line: int = 0, col: int = 0) -> None:
        super().__init__(text, reason, line, col)
        self.text = text
        self.reason = reason
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = ""
        if self.line:
            where = f"line {self.line}, column {self.col}: " if self.col else f"line {self.line}: "
        text = self.text.strip()
        snippet = text if len(text) <= 80 else text[:77] + "..."
        return f"{where}{self.reason} (in {snippet!r})" if snippet else f"{where}{self.reason}"


class UnsupportedError(ProofnbError):
    """Raised when input is well-formed but outside what proofnb can check (too big, unknown)."""

    def __init__(self, reason: str, line: int = 0) -> None:
        super().__init__(reason, line)
        self.reason = reason
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line else self.reason


class OptionsError(ProofnbError):
    """Raised when an option (assume, domain, timeout, expect...) has a bad value."""

    def __init__(self, option: str, reason: str) -> None:
        super().__init__(option, reason)
        self.option = option
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.option}: {self.reason}"
