"""Worker functions used by the runner's own tests (they must be importable in workers)."""

from __future__ import annotations

import os
import signal
import sys
import time

from proofnb.core.model import CheckOptions, StepResult, StepSpec


def echo(value: object) -> object:
    """Return ``value`` unchanged."""
    return value


def whoami() -> tuple[int, bool, str]:
    """This worker's pid, whether SymPy was already imported, and its hash seed setting."""
    return os.getpid(), "sympy" in sys.modules, os.environ.get("PYTHONHASHSEED", "")


def sleep(seconds: float) -> int:
    """Sleep, then return the pid."""
    time.sleep(seconds)
    return os.getpid()


def hog(megabytes: int) -> int:
    """Allocate ``megabytes`` of memory in 16 MB blocks and keep it."""
    blocks = [bytearray(16 * 1024 * 1024) for _ in range(megabytes // 16)]
    return len(blocks)


def crash_exit(code: int) -> None:
    """Leave the worker without a word."""
    os._exit(code)


def crash_segv() -> None:
    """Die the way a segfaulting C extension dies."""
    os.kill(os.getpid(), signal.SIGSEGV)


def fail(message: str) -> None:
    """Raise an ordinary exception."""
    raise ValueError(message)


def unpicklable() -> object:
    """Return something that cannot be sent back."""
    return lambda: None


def hash_of(text: str) -> int:
    """``hash(text)``: equal across workers only when PYTHONHASHSEED is fixed."""
    return hash(text)


def check_step(spec: StepSpec, options: CheckOptions) -> StepResult:
    """A stand-in checker whose behaviour the right-hand side picks.

    ``h``: hang, ``c``: crash, ``m``: exhaust memory, ``s``: sleep one second, ``e``: raise;
    anything else is "proved" at once. Lets the runner's tests drive every failure path
    without depending on how the real checker performs.
    """
    if spec.rhs == "h":
        time.sleep(3600)
    elif spec.rhs == "c":
        os._exit(1)
    elif spec.rhs == "m":
        hog(1 << 16)
    elif spec.rhs == "s":
        time.sleep(1.0)
    elif spec.rhs == "e":
        raise RuntimeError("checker bug")
    return StepResult(
        index=spec.index,
        relation=spec.relation,
        lhs=spec.lhs,
        rhs=spec.rhs,
        status="proved",
        method=f"selftest pid {os.getpid()}",
        seconds=0.001,
        line=spec.line,
        notes=options.assume,
    )


def assumption_order(items: list[str]) -> list[str]:
    """``items`` in the order SymPy's assumption system would check them in this worker."""
    queue = list(items)
    sys.modules["sympy.core.assumptions"].shuffle(queue)
    return queue
