"""Query-parameter parsing for the REST API. Pure: raises OptionsError naming the parameter."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..core.errors import OptionsError

_INTEGER = re.compile(r"-?[0-9]{1,18}")

#: Parameters any route accepts besides its own (token auth and XSRF by query string).
AUTH_PARAMETERS = frozenset({"token", "_xsrf"})


def integer(name: str, raw: str | None, default: int) -> int:
    """A decimal integer parameter (``"12"``); the default when absent or empty."""
    if raw is None or raw == "":
        return default
    if not _INTEGER.fullmatch(raw):
        raise OptionsError(name, "must be an integer")
    return int(raw)


def text(raw: str | None) -> str | None:
    """An optional text parameter; absent and empty both mean "no filter"."""
    if raw is None or raw == "":
        return None
    return raw


def _is_cache_buster(name: str) -> bool:
    # JupyterLab's ServerConnection appends a bare timestamp (``?1732800000000``) to GETs.
    return name.isdigit()


def only(arguments: Mapping[str, Sequence[object]], allowed: frozenset[str]) -> None:
    """Refuse unknown or repeated parameters, so a typo never silently means "no filter"."""
    for name, values in arguments.items():
        if name in AUTH_PARAMETERS or _is_cache_buster(name):
            continue
        if name not in allowed:
            shown = name if name.isidentifier() else "(unreadable name)"
            raise OptionsError(shown, f"unknown parameter; expected {', '.join(sorted(allowed))}")
        if len(values) > 1:
            raise OptionsError(name, "given more than once")
