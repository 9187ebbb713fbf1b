"""The held-out probe (benchmarks/corpus/heldout_probe.toml) through the checker: soundness only.

The probe is not part of the accuracy corpus (``load_corpus`` never reads it); here it only has
to be sound: no false step ``proved``/``likely``, no true step ``refuted``, and every witness
re-checked independently exactly as ``test_corpus`` does.
"""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import sympy as sp
import test_corpus
from test_corpus import witness_problem

from proofnb.core.cell import parse_cell
from proofnb.core.check import check_step
from proofnb.core.errors import ProofnbError
from proofnb.core.model import CheckOptions, StepResult
from proofnb.core.parser import build_env, parse_math

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from benchmarks.corpus import CORPUS_DIR, _cell  # noqa: E402

pytestmark = pytest.mark.slow

_DATA = tomllib.loads((CORPUS_DIR / "heldout_probe.toml").read_text(encoding="utf-8"))
CELLS = {c.id: c for c in (_cell("probe", raw) for raw in _DATA["step"])}


@cache
def _checked(cell_id: str) -> tuple[object, CheckOptions, StepResult] | str:
    cell = CELLS[cell_id]
    try:
        parsed = parse_cell(cell.cell)
    except ProofnbError as exc:
        return f"cell does not parse: {exc}"
    if len(parsed.steps) != 1:
        return f"cell parses into {len(parsed.steps)} steps"
    options = CheckOptions(assume=cell.assume + parsed.assume, domain=cell.domain,  # type: ignore[arg-type]
                           timeout=10.0, seed=0)
    spec = parsed.steps[0]
    return spec, options, check_step(spec, options)


def _constant_problem(spec: Any, options: CheckOptions) -> str | None:
    """Two constants that the corpus checker's relative 1e-20 cannot separate (e^(pi sqrt 163)
    is within 1e-12 of an integer): they differ when evaluations at two precisions agree."""
    env = build_env(options)
    diff = parse_math(spec.lhs, env) - parse_math(spec.rhs, env)
    low, high = sp.N(diff, 40), sp.N(diff, 80)
    if low != 0 and abs(low - high) < abs(high) * sp.Float("1e-30"):
        return None
    return f"the sides do not differ (difference {high})"


@pytest.mark.parametrize("cell_id", list(CELLS))
def test_probe_step_is_sound(cell_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cell = CELLS[cell_id]
    checked = _checked(cell_id)
    if isinstance(checked, str):
        pytest.skip(checked)
    spec, options, result = checked
    said = f"{cell.cell!r}: {result.status} by {result.method} ({result.message})"
    if cell.holds[0]:
        assert result.status != "refuted", f"FALSE REJECT {said}; {result.counterexample}"
    else:
        assert result.status not in ("proved", "likely"), f"FALSE ACCEPT {said}"
    if result.status == "refuted":
        ce = result.counterexample
        assert ce is not None, f"refuted without a witness: {said}"
        problem = witness_problem(spec, options, ce)  # type: ignore[arg-type]
        if problem is not None:
            # Domains come from the sides as written (DESIGN §2): e^(2 ln x) is undefined at
            # x = -1 although SymPy's evaluation turns it into x^2. Re-check on that form.
            monkeypatch.setattr(test_corpus, "parse_math",
                                lambda text, env: parse_math(text, env, evaluate=False))
            problem = witness_problem(spec, options, ce)  # type: ignore[arg-type]
        if problem is not None and not ce.point and spec.relation == "=":  # type: ignore[attr-defined]
            problem = _constant_problem(spec, options)
        assert problem is None, f"witness {ce.point} ({ce.text}): {problem}"
