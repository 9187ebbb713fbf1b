"""Worker entry points of the checker: imported by name inside worker processes."""

from __future__ import annotations

from proofnb.core.model import CheckOptions, StepResult, StepSpec

#: Import path of :func:`check_step`, as :meth:`WorkerPool.submit` takes it.
CHECK_STEP = "proofnb.runner.tasks:check_step"
#: Import path of :func:`warm`, run once in the zygote before any worker starts.
WARM = "proofnb.runner.tasks:warm"


def check_step(spec: StepSpec, options: CheckOptions) -> StepResult:
    """Check one step in this worker (the core checker is pure and never raises on input)."""
    from proofnb.core.check import check_step as _check_step

    result: StepResult = _check_step(spec, options)
    return result


def warm() -> None:
    """Import SymPy and the checker and check one tiny step, so workers start warm."""
    import sympy  # noqa: F401

    from proofnb.core.check import check_step as _check_step

    _check_step(StepSpec(0, "=", "(x + 1)^2", "x^2 + 2x + 1", "(x + 1)^2", 1), CheckOptions())
