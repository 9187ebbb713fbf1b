"""The runner inside a real ipykernel: top-level await, streaming on the kernel's loop."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import Any

import psutil
import pytest
from jupyter_client.manager import KernelManager

HANG_GUARD = 60


@pytest.fixture()
def kernel() -> Iterator[tuple[KernelManager, Any]]:
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=HANG_GUARD)
    try:
        yield manager, client
    finally:
        client.stop_channels()
        if manager.is_alive():
            manager.shutdown_kernel(now=True)


def execute(client: Any, code: str) -> list[str]:
    out: list[str] = []

    def hook(msg: dict[str, Any]) -> None:
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            out.append("ERROR " + msg["content"]["ename"] + ": " + msg["content"]["evalue"])

    reply = client.execute_interactive(textwrap.dedent(code), timeout=HANG_GUARD, output_hook=hook)
    assert reply["content"]["status"] == "ok", out
    return "".join(out).split()


def test_streaming_inside_a_kernel_and_no_orphans(kernel: tuple[KernelManager, Any]) -> None:
    manager, client = kernel
    words = execute(
        client,
        """
        import asyncio, os, time
        import proofnb
        from proofnb.runner.service import ProofChecker
        checker = ProofChecker(2, step_task="proofnb.runner._selftest:check_step", warm=())
        ticks = 0
        async def ticker():
            global ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)
        task = asyncio.ensure_future(ticker())
        order = [s.index async for s in proofnb.stream("x + 1 = s\\n  = y", checker=checker)]
        result = await proofnb.averify("x + 1 = h\\n  = y", timeout=0.5, checker=checker)
        task.cancel()
        print(*order, result.steps[0].method, ticks > 20, checker.pool.zygote_pid)
        """,
    )
    assert words[:4] == ["1", "0", "timeout", "True"]
    zygote = int(words[4])
    kernel_pid = manager.provisioner.process.pid  # type: ignore[union-attr]
    workers = [p.pid for p in psutil.Process(zygote).children()]
    assert zygote in {p.pid for p in psutil.Process(kernel_pid).children()}
    # Killed, not asked: nothing in the kernel gets to clean up; the workers must still go.
    manager.shutdown_kernel(now=True)
    gone, alive = psutil.wait_procs(
        [psutil.Process(p) for p in [zygote, *workers] if psutil.pid_exists(p)], timeout=20
    )
    assert alive == [], "worker processes outlived the kernel"
