"""proofnb benchmarks: ``python -m benchmarks [--short] [NAME ...]``.

Every module ``benchmarks/<name>_bench.py`` exposes ``run(short: bool) -> dict``; the harness
(:mod:`benchmarks.__main__`) runs them in name order, prints each result and writes all of
them as JSON to ``test-artifacts/benchmarks.json``. Short mode is what CI runs: it must stay
fast. A result is a JSON-safe dict; the harness understands these keys (all optional):

``title``    one line naming what was measured.
``metrics``  ``{name: scalar}``, printed as a two-column table.
``tables``   ``{caption: [row dict, ...]}``, each printed as a table.
``targets``  ``[{"name", "target", "value", "pass"}]`` (or ``{name: bool | "PASS" | "MISS"}``):
             printed with PASS/MISS; a miss is reported, never a failure (only a crashing
             benchmark fails the run).
``notes``    a list of lines printed under the result.

Anything else is kept in the JSON. :func:`target` builds a target row.
"""

from __future__ import annotations

from typing import Any

__all__ = ["target"]


def target(name: str, wanted: str, value: Any, ok: bool) -> dict[str, Any]:
    """One target row: what was wanted, what was measured, whether it was met."""
    return {"name": name, "target": wanted, "value": value, "pass": bool(ok)}
