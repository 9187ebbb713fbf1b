"""The public entry points: option validation, verify/averify/stream/iter_steps plumbing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

import proofnb
from proofnb.core.errors import OptionsError
from proofnb.core.model import SymbolDecl
from proofnb.runner.api import iter_steps, make_options, split_assumptions
from proofnb.runner.service import ProofChecker

HANG_GUARD = 60


@pytest.fixture(scope="module")
def checker() -> Iterator[ProofChecker]:
    checker = ProofChecker(2, step_task="proofnb.runner._selftest:check_step", warm=())
    yield checker
    checker.close()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("x > 0, n integer", ("x > 0", "n integer")),
        ("x > 0; y != 0\nz < 1", ("x > 0", "y != 0", "z < 1")),
        ("x in (0, 1), f(a, b) > 0", ("x in (0, 1)", "f(a, b) > 0")),
        (" , ;", ()),
    ],
)
def test_split_assumptions(text: str, parts: tuple[str, ...]) -> None:
    assert split_assumptions(text) == parts


def test_make_options_normalises() -> None:
    options = make_options(
        assume=["x > 0, n integer", "y < 0"],
        domain=" Complex ",
        timeout="2.5",
        seed="7",
        symbols=[SymbolDecl("k", assumptions=("integer",))],
    )
    assert options.assume == ("x > 0", "n integer", "y < 0")
    assert options.domain == "complex"
    assert options.timeout == 2.5 and options.seed == 7
    assert options.symbols == (SymbolDecl("k", assumptions=("integer",)),)
    assert make_options() == proofnb.core.model.CheckOptions()


@pytest.mark.parametrize(
    ("kwargs", "option", "says"),
    [
        ({"domain": "integer"}, "domain", "expected 'real' or 'complex'"),
        ({"timeout": 0}, "timeout", "greater than 0 and at most 600"),
        ({"timeout": 601}, "timeout", "at most 600"),
        ({"timeout": "soon"}, "timeout", "expected a number of seconds"),
        ({"timeout": float("nan")}, "timeout", "expected a number of seconds"),
        ({"timeout": True}, "timeout", "expected a number of seconds"),
        ({"seed": "abc"}, "seed", "expected a whole number"),
        ({"assume": [3]}, "assume", "expected text"),
        ({"assume": "x > " + "1" * 2000}, "assume", "longer than 1000 characters"),
        ({"symbols": ["x"]}, "symbols", "SymbolDecl"),
    ],
)
def test_make_options_rejects_bad_values(kwargs: dict[str, object], option: str, says: str) -> None:
    with pytest.raises(OptionsError) as info:
        make_options(**kwargs)  # type: ignore[arg-type]
    assert info.value.option == option
    assert says in str(info.value)


def test_verify_validates_before_checking(checker: ProofChecker) -> None:
    with pytest.raises(OptionsError, match="expect"):
        proofnb.verify("x = y", expect="maybe", checker=checker)
    with pytest.raises(TypeError):
        proofnb.verify(b"x = y", checker=checker)  # type: ignore[arg-type]


def test_verify_passes_options_and_expectation(checker: ProofChecker) -> None:
    result = proofnb.verify(
        "x = y", assume="a > 0, b > 0", seed=3, title="T", expect="accepted", checker=checker
    )
    assert result.verdict == "accepted" and result.meets_expectation
    assert result.title == "T" and result.seed == 3
    assert result.steps[0].notes == ("a > 0", "b > 0")


def test_iter_steps_and_stream_yield_steps_as_they_finish(checker: ProofChecker) -> None:
    assert [s.index for s in iter_steps("x + 1 = s\n  = y", checker=checker)] == [1, 0]

    async def collect() -> list[int]:
        return [s.index async for s in proofnb.stream("w + 1 = s\n  = z", checker=checker)]

    assert asyncio.run(collect()) == [1, 0]


def test_averify_and_cancelling_it(checker: ProofChecker) -> None:
    async def main() -> float:
        result = await proofnb.averify("x = y", checker=checker)
        assert result.verdict == "accepted"
        task = asyncio.create_task(proofnb.averify("x = h", timeout=300, checker=checker))
        await asyncio.sleep(0.5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        started = time.monotonic()
        # Both workers free again: two sleeping steps run side by side.
        await proofnb.averify("u + 1 = s\n  = s\n  = v", checker=checker)
        return time.monotonic() - started

    assert asyncio.run(main()) < 1.9


def test_leaving_stream_early_cancels_the_rest(checker: ProofChecker) -> None:
    async def main() -> None:
        async for step in proofnb.stream("x + 1 = y\n  = h", timeout=300, checker=checker):
            assert step.index == 0
            break

    asyncio.run(main())
    started = time.monotonic()
    proofnb.verify("a + 1 = s\n  = s\n  = b", checker=checker)
    assert time.monotonic() - started < 1.9, "a hung worker was left running"
