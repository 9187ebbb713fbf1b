"""Worker entry points of the checker: imported by name inside worker processes."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from proofnb.core.model import (
    CheckOptions,
    ProofResult,
    Reading,
    StepResult,
    StepSpec,
    Verdict,
)

#: Import path of :func:`check_step`, as :meth:`WorkerPool.submit` takes it.
CHECK_STEP = "proofnb.runner.tasks:check_step"
#: Import path of :func:`check_proofs`, the batch checker's one-task-per-chunk entry point.
CHECK_PROOFS = "proofnb.runner.tasks:check_proofs"
#: Import path of :func:`warm`, run once in the zygote before any worker starts.
WARM = "proofnb.runner.tasks:warm"

#: Modules SymPy imports lazily inside the first step that needs them (found with
#: ``python -X importtime``): importing them in the zygote keeps that cost out of every
#: forked worker's first steps.
_LAZY_MODULES = (
    "sympy.physics.units",
    "sympy.assumptions.wrapper",
    "sympy.sets.handlers.functions",
    "sympy.sets.handlers.issubset",
    "sympy.polys.domains.old_fractionfield",
    "sympy.polys.domains.old_polynomialring",
    "sympy.integrals.heurisch",
    "sympy.integrals.manualintegrate",
    "sympy.integrals.risch",
)

#: One small step of each kind the checker treats differently (polynomial, rational, radical,
#: exp/log, trig, calculus, equation and inequality statements), so that the code paths,
#: SymPy's caches and the dispatch tables are warm in every worker forked afterwards.
_WARM_STEPS = (
    ("=", "(x + 1)^2", "x^2 + 2x + 1", "expression"),
    ("=", "(t^2 - 4)/(t - 2)", "t + 2", "expression"),
    ("=", "sqrt(t^2)", "t", "expression"),
    ("=", "log(t^3)", "3 log(t)", "expression"),
    ("=", "exp(u + v)", "exp(u) exp(v)", "expression"),
    ("=", "sin(2t)", "2 sin(t) cos(t)", "expression"),
    ("=", "diff(t^2 cos(t), t)", "2t cos(t) - t^2 sin(t)", "expression"),
    ("=", "integrate(3t^2, (t, 0, 2))", "8", "expression"),
    ("=", "Sum(j^2, (j, 1, n))", "n(n + 1)(2n + 1)/6", "expression"),
    ("=", "limit(sin(2t)/t, t, 0)", "2", "expression"),
    ("<=>", "t^2 - 5t + 6 = 0", "t = 2 or t = 3", "statement"),
    ("<=>", "3 - 2t > 7", "t < -2", "statement"),
    ("<=>", "log(t) = 2", "t = exp(2)", "statement"),
    (">=", "t^2 + 1", "2t", "expression"),
)


def check_step(spec: StepSpec, options: CheckOptions) -> StepResult:
    """Check one step in this worker (the core checker is pure and never raises on input)."""
    from proofnb.core.check import check_step as _check_step

    result: StepResult = _check_step(spec, options)
    return result


def _warm_meijerg_table() -> None:
    """SymPy builds the Meijer G lookup table (about 0.3 s) on the first definite integral
    that needs it; build it here, once, instead of inside some student's step."""
    try:
        from sympy.integrals import meijerint

        if not meijerint._lookup_table:
            table: dict[object, object] = {}
            meijerint._create_lookup_table(table)
            meijerint._lookup_table = table
    except (ImportError, AttributeError):  # another SymPy: it builds the table itself
        return


def warm() -> None:
    """Import SymPy, the checker and what SymPy loads lazily, then check one small step of
    each kind, so that workers forked afterwards start warm."""
    import sympy  # noqa: F401

    from proofnb.core.check import check_step as _check_step

    _assumptions_in_order()

    for name in _LAZY_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # a SymPy version without it: nothing to warm
            continue
    _warm_meijerg_table()
    for relation, lhs, rhs, kind in _WARM_STEPS:
        spec = StepSpec(0, relation, lhs, rhs, lhs, 1, kind=kind)  # type: ignore[arg-type]
        _check_step(spec, CheckOptions())


def _assumptions_in_order() -> None:
    """Make SymPy's assumption queries visit facts in one fixed order in this worker.

    SymPy shuffles the facts it checks next with an unseeded generator, so that bugs in its
    handlers show up as flaky results in its own test runs. In a worker that would make a
    verdict depend on the worker's history; sorted, every worker asks in the same order.
    """
    assumptions = importlib.import_module("sympy.core.assumptions")  # the attribute of
    if hasattr(assumptions, "shuffle"):  # sympy.core by that name is a function
        setattr(assumptions, "shuffle", _sort_in_place)  # noqa: B010 - SymPy declares no type


def _sort_in_place(items: list[str]) -> None:
    items.sort()


#: Step results this worker process already found, as the service's cache keys them (the
#: checker is deterministic for equal steps and options): a course repeats many steps
#: across proofs. Bounded; the oldest entry goes first.
_STEP_CACHE: dict[tuple[str, str, str, str, str, str, Reading | None, str, CheckOptions],
                  StepResult] = {}
_STEP_CACHE_SIZE = 4096

#: One proof for :func:`check_proofs`: its text, options, title and expectation.
ProofItem = tuple[str, CheckOptions, str, "Verdict | None"]


def check_proof(
    text: str, options: CheckOptions, title: str, expect: Verdict | None
) -> ProofResult | None:
    """Parse and check a whole proof in this worker, as ``ProofChecker.submit`` would.

    Returns ``None`` when the proof needs the per-step path for an exact answer (the cell
    does not parse, or a step raised): the caller then submits it step by step.
    """
    import dataclasses
    import time

    from proofnb.core.assume import function_names, with_cell_assumptions
    from proofnb.core.cell import parse_cell
    from proofnb.core.check import check_step as _check_step
    from proofnb.core.errors import ParseError
    from proofnb.core.verdict import summarize

    started = time.perf_counter()
    try:
        cell = parse_cell(text, function_names(options.assume, options.symbols))
    except ParseError:
        return None
    if cell.assume:
        options = with_cell_assumptions(options, cell.assume)
    steps: list[StepResult] = []
    try:
        for spec in cell.steps:
            key = (spec.relation, spec.lhs, spec.rhs, spec.origin, spec.kind, spec.premise,
                   spec.reading, spec.condition, options)
            step = _STEP_CACHE.get(key)
            if step is None:
                step = _check_step(spec, options)
                if step.status != "error":  # an error's message names its line and column
                    if len(_STEP_CACHE) >= _STEP_CACHE_SIZE:
                        del _STEP_CACHE[next(iter(_STEP_CACHE))]
                    _STEP_CACHE[key] = step
            steps.append(dataclasses.replace(step, index=spec.index, line=spec.line))
        result: ProofResult = summarize(
            text,
            cell,
            steps,
            options,
            title=title,
            expect=expect,
            seconds=time.perf_counter() - started,
        )
    except Exception:  # noqa: BLE001 - the per-step path reports it exactly
        return None
    return result


def check_proofs(items: Sequence[ProofItem]) -> list[ProofResult | None]:
    """Check whole proofs one after another in this worker (see :func:`check_proof`)."""
    return [check_proof(*item) for item in items]
