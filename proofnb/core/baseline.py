"""The naive baseline the benchmark compares against: ``simplify(lhs - rhs) == 0``.

For comparison only: it proves what simplify reaches and "refutes" everything else, with no
witness and no domain reasoning. Never use it to decide a real proof.
"""

from __future__ import annotations

import time

import sympy as sp

from .errors import ProofnbError
from .model import CheckOptions, StepResult, StepSpec


def naive_check(spec: StepSpec, options: CheckOptions) -> StepResult:
    """Baseline verdict on one step: proved when simplify reaches 0, else refuted."""
    from .parser import build_env, parse_math

    started = time.perf_counter()
    try:
        env = build_env(options)
        lhs = parse_math(spec.lhs, env, line=spec.lhs_line or spec.line)
        rhs = parse_math(spec.rhs, env, line=spec.line, col=spec.col)
        if spec.kind == "statement" or spec.relation != "=":
            ok = _naive_relation(spec.relation, lhs, rhs)
        else:
            ok = sp.simplify(lhs - rhs) == 0
    except ProofnbError as exc:
        return StepResult(index=spec.index, relation=spec.relation, lhs=spec.lhs, rhs=spec.rhs,
                          status="error", method="naive", message=str(exc), line=spec.line,
                          seconds=time.perf_counter() - started)
    except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
        ok = False
    return StepResult(
        index=spec.index, relation=spec.relation, lhs=spec.lhs, rhs=spec.rhs,
        status="proved" if ok else "refuted", method="naive-simplify",
        seconds=time.perf_counter() - started, line=spec.line,
    )


def _naive_relation(relation: str, lhs: sp.Basic, rhs: sp.Basic) -> bool:
    if relation in ("<", "<=", ">", ">="):
        diff = sp.simplify(rhs - lhs if relation[0] == "<" else lhs - rhs)
        return bool(diff.is_positive if len(relation) == 1 else diff.is_nonnegative)
    # Statements: the same relation after simplify (what a naive checker would try).
    return bool(sp.simplify(lhs) == sp.simplify(rhs))
