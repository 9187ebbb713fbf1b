"""The public entry points: ``proofnb.verify``, ``proofnb.averify``, ``proofnb.stream``.

Each takes the body of a ``%%verify`` cell and the options of DESIGN.md §1 as keywords,
validates them (:class:`~proofnb.core.errors.OptionsError` with a message naming the option)
and checks the proof on the process-wide :func:`~proofnb.runner.service.default_checker`
unless a ``checker`` is given.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import cast

from proofnb.core.errors import OptionsError
from proofnb.core.model import VERDICTS, CheckOptions, ProofResult, StepResult, SymbolDecl, Verdict

from .service import ProofChecker, ProofRun, default_checker

__all__ = ("averify", "iter_steps", "make_options", "split_assumptions", "stream", "verify")

MAX_TIMEOUT_S = 600.0
_MAX_ASSUMPTION_CHARS = 1000
_OPEN, _CLOSE = "([{", ")]}"


def split_assumptions(text: str) -> tuple[str, ...]:
    """Split ``"x > 0, n integer; y != 0"`` at top-level commas, semicolons and newlines.

    Separators inside brackets stay (``"x in (0, 1)"`` is one assumption).
    """
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and char in ",;\n":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return tuple(p.strip() for p in parts if p.strip())


def make_options(
    *,
    assume: str | Sequence[str] | None = None,
    domain: str = "real",
    timeout: float | str = 10.0,
    seed: int | str = 0,
    symbols: Sequence[SymbolDecl] = (),
) -> CheckOptions:
    """Validate the checking options and build :class:`CheckOptions` (``OptionsError`` if bad)."""
    if assume is None:
        items: Sequence[str] = ()
    elif isinstance(assume, str):
        items = (assume,)
    else:
        items = assume
    assumptions: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise OptionsError("assume", f"expected text such as 'x > 0', got {item!r}")
        for part in split_assumptions(item):
            if len(part) > _MAX_ASSUMPTION_CHARS:
                raise OptionsError(
                    "assume", f"an assumption is longer than {_MAX_ASSUMPTION_CHARS} characters"
                )
            assumptions.append(part)

    if not isinstance(domain, str) or domain.strip().lower() not in ("real", "complex"):
        raise OptionsError("domain", f"expected 'real' or 'complex', got {domain!r}")
    domain_name = domain.strip().lower()

    seconds = _number("timeout", timeout)
    if not 0 < seconds <= MAX_TIMEOUT_S:
        raise OptionsError(
            "timeout",
            f"expected seconds greater than 0 and at most {MAX_TIMEOUT_S:g}, got {timeout!r}",
        )

    if isinstance(seed, bool):
        raise OptionsError("seed", f"expected a whole number, got {seed!r}")
    try:
        seed_value = int(seed) if isinstance(seed, int) else int(str(seed).strip())
    except ValueError:
        raise OptionsError("seed", f"expected a whole number, got {seed!r}") from None

    decls = tuple(symbols)
    for decl in decls:
        if not isinstance(decl, SymbolDecl):
            raise OptionsError("symbols", f"expected SymbolDecl values, got {decl!r}")

    return CheckOptions(
        assume=tuple(assumptions),
        domain="complex" if domain_name == "complex" else "real",
        timeout=seconds,
        seed=seed_value,
        symbols=decls,
    )


def _number(option: str, value: object) -> float:
    if isinstance(value, bool):
        raise OptionsError(option, f"expected a number of seconds, got {value!r}")
    try:
        number = float(value) if isinstance(value, int | float | str) else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise OptionsError(option, f"expected a number of seconds, got {value!r}")
    return number


def _expect(expect: str | None) -> Verdict | None:
    if expect is None:
        return None
    if expect not in VERDICTS:
        raise OptionsError("expect", f"expected one of {', '.join(VERDICTS)}, got {expect!r}")
    return cast(Verdict, expect)


def _submit(
    text: str,
    *,
    assume: str | Sequence[str] | None,
    domain: str,
    timeout: float,
    seed: int,
    title: str,
    expect: str | None,
    symbols: Sequence[SymbolDecl],
    checker: ProofChecker | None,
) -> ProofRun:
    if not isinstance(text, str):
        raise TypeError(f"expected the proof as text, got {type(text).__name__}")
    options = make_options(
        assume=assume, domain=domain, timeout=timeout, seed=seed, symbols=symbols
    )
    verdict = _expect(expect)
    return (checker or default_checker()).submit(text, options, title=title, expect=verdict)


def verify(
    text: str,
    *,
    assume: str | Sequence[str] | None = None,
    domain: str = "real",
    timeout: float = 10.0,
    seed: int = 0,
    title: str = "",
    expect: str | None = None,
    symbols: Sequence[SymbolDecl] = (),
    checker: ProofChecker | None = None,
) -> ProofResult:
    """Check a proof (the body of a ``%%verify`` cell) and return its :class:`ProofResult`.

    Blocks until every step has a verdict; each step is limited to ``timeout`` seconds.
    """
    run = _submit(
        text,
        assume=assume,
        domain=domain,
        timeout=timeout,
        seed=seed,
        title=title,
        expect=expect,
        symbols=symbols,
        checker=checker,
    )
    try:
        return run.result()
    except BaseException:  # KeyboardInterrupt included: stop the workers
        run.cancel()
        raise


async def averify(
    text: str,
    *,
    assume: str | Sequence[str] | None = None,
    domain: str = "real",
    timeout: float = 10.0,  # noqa: ASYNC109 - the limit per step, not on the call
    seed: int = 0,
    title: str = "",
    expect: str | None = None,
    symbols: Sequence[SymbolDecl] = (),
    checker: ProofChecker | None = None,
) -> ProofResult:
    """:func:`verify` for asyncio: awaits the result without blocking the event loop.

    Cancelling the awaiting task cancels the proof's unfinished steps.
    """
    run = _submit(
        text,
        assume=assume,
        domain=domain,
        timeout=timeout,
        seed=seed,
        title=title,
        expect=expect,
        symbols=symbols,
        checker=checker,
    )
    try:
        return await run.aresult()
    except asyncio.CancelledError:
        run.cancel()
        raise


async def stream(
    text: str,
    *,
    assume: str | Sequence[str] | None = None,
    domain: str = "real",
    timeout: float = 10.0,  # noqa: ASYNC109 - the limit per step, not on the call
    seed: int = 0,
    title: str = "",
    expect: str | None = None,
    symbols: Sequence[SymbolDecl] = (),
    checker: ProofChecker | None = None,
) -> AsyncIterator[StepResult]:
    """Yield each step's :class:`StepResult` as soon as a worker finishes it.

    Steps arrive in completion order (``step.index`` gives the position). Leaving the loop
    early cancels the steps not yet finished.
    """
    run = _submit(
        text,
        assume=assume,
        domain=domain,
        timeout=timeout,
        seed=seed,
        title=title,
        expect=expect,
        symbols=symbols,
        checker=checker,
    )
    try:
        async for step in run.aiter_steps():
            yield step
    finally:
        if not run.done:
            run.cancel()


def iter_steps(
    text: str,
    *,
    assume: str | Sequence[str] | None = None,
    domain: str = "real",
    timeout: float = 10.0,
    seed: int = 0,
    title: str = "",
    expect: str | None = None,
    symbols: Sequence[SymbolDecl] = (),
    checker: ProofChecker | None = None,
) -> Iterator[StepResult]:
    """Blocking :func:`stream`: yield each step's result as soon as it is finished."""
    run = _submit(
        text,
        assume=assume,
        domain=domain,
        timeout=timeout,
        seed=seed,
        title=title,
        expect=expect,
        symbols=symbols,
        checker=checker,
    )
    return _iterate(run)


def _iterate(run: ProofRun) -> Iterator[StepResult]:
    try:
        yield from run.iter_steps()
    finally:
        if not run.done:
            run.cancel()
