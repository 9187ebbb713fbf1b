"""A note for a lowercase ``e`` used as a coefficient among other letters.

``a x + b y = e and c x + d y = f`` reads e as Euler's number, so a statement that fails
only for special values of a coefficient named e is checked for e = 2.718... alone. A step
that uses e on its own (never as ``e^...``, ``exp`` or inside a logarithm) next to at least
two other coefficient-like letters (and not as a function's argument, ``f(e)``) is told so,
with the way to make e a letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NOTE = "e is Euler's number here; for a coefficient named e write assume e real"

_LONE_E = re.compile(r"(?<![A-Za-z0-9_\\{])e(?![A-Za-z0-9_(^*])")
_AS_CONSTANT = re.compile(
    r"(?<![A-Za-z0-9_\\])e\s*(\^|\*\*)|exp|\\?ln|\\?log|mathrm\{e\}|[A-Za-z']\(\s*e\s*\)")
#: Letters that name coefficients beside e (a x + b y = e, c x + d y = f).
_NEIGHBOURS = frozenset("abcdfgh")


def euler_coefficient_note(text: str, names: Iterable[str]) -> str | None:
    """The note when ``text`` uses a lone e as a coefficient next to at least two of the
    letters a, b, c, d, f, g, h among ``names`` (the step's variables), else None."""
    if not _LONE_E.search(text) or _AS_CONSTANT.search(text):
        return None
    if len(_NEIGHBOURS & set(names)) < 2:
        return None
    return NOTE
