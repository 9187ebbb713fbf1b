"""``%%verify`` in a real kernel (jupyter_client): the kernel never waits on a worker."""

from __future__ import annotations

import time
from pathlib import Path

import psutil
import pytest
from kernel_client import (
    LiveKernel,
    Msg,
    alive,
    row_status,
    start_kernel,
    state_value,
    verdict_of,
)
from kernel_heavy import NAMES, endless_steps, four_heavy_steps, lagrange_sum

from proofnb.store.history import ProofStore

pytestmark = pytest.mark.slow

WARM_UP = "%%verify --seed {seed}\n(x + 1)^2 = x^2 + 2x + 1"


def _expected_verdict(statuses: list[str]) -> str:
    if set(statuses) & {"refuted", "error"}:
        return "rejected"
    return "accepted" if set(statuses) <= {"proved"} else "review"


def _warm(kernel: LiveKernel, seed: int) -> None:
    kernel.ok(WARM_UP.format(seed=seed))
    kernel.ok("import proofnb\nawait proofnb.last().wait()")


def _follow(kernel: LiveKernel, rows: list[str], verdict_id: str, timeout: float = 240) -> tuple[
        dict[str, list[tuple[float, str]]], str, float]:
    """Read iopub until the verdict line is set: row updates (timed), verdict, its time."""
    updates: dict[str, list[tuple[float, str]]] = {row: [] for row in rows}

    def final(msg: Msg) -> bool:
        value = state_value(msg, verdict_id)
        return value is not None and verdict_of(value) is not None

    seen = kernel.wait_iopub(final, timeout=timeout)
    for at, msg in seen:
        for row in rows:
            value = state_value(msg, row)
            if value is not None:
                updates[row].append((at, value))
    at, last = seen[-1]
    verdict = verdict_of(state_value(last, verdict_id) or "")
    assert verdict is not None
    return updates, verdict, at


def _click(kernel: LiveKernel, comm_id: str) -> None:
    content = {"comm_id": comm_id, "data": {"method": "custom", "content": {"event": "click"}}}
    kernel.kc.shell_channel.send(kernel.kc.session.msg("comm_msg", content))


def _button_id(iopub: list[Msg]) -> str:
    for msg in iopub:
        if msg["msg_type"] == "comm_open":
            state = msg["content"]["data"]["state"]
            if state.get("_model_name") == "ButtonModel" and state.get("description") == "Cancel":
                return str(msg["content"]["comm_id"])
    raise AssertionError("no Cancel button")


def _printed(kernel: LiveKernel, code: str) -> str:
    return kernel.ok(code).stdout().strip()


def test_heavy_cell_returns_at_once_and_streams_verdicts(kernel: LiveKernel) -> None:
    _warm(kernel, seed=1)
    cell = kernel.ok(f'%%verify --timeout 120 --seed 2 --title "Lagrange"\n{four_heavy_steps()}')
    assert cell.seconds < 0.5, f"the cell took {cell.seconds:.3f} s to reply"
    assert cell.text_plain().count("pending") == 4

    quick = kernel.ok("1+1")
    assert quick.seconds < 0.5, f"1+1 took {quick.seconds:.3f} s while steps ran"
    assert any(m["msg_type"] == "execute_result" and m["content"]["data"]["text/plain"] == "2"
               for m in quick.iopub)
    assert _printed(kernel, "print(proofnb.last().done)") == "False"

    rows, verdict_id = cell.widget_parts()
    assert len(rows) == 4
    updates, verdict, _ = _follow(kernel, rows, verdict_id)
    statuses = []
    for row in rows:
        checked = [(at, v) for at, v in updates[row] if row_status(v) != "pending"]
        assert checked, f"row {row} never got its verdict"
        assert all(at > cell.replied_at for at, _ in checked)
        statuses.append(row_status(checked[-1][1]))
    assert statuses == ["proved"] * 4  # four true identities
    assert verdict == _expected_verdict(statuses) == "accepted"

    seconds = _printed(kernel, "r = await proofnb.last().wait()\n"
                               "print(min(s.seconds for s in r.steps), r.verdict)").split()
    assert float(seconds[0]) > 0.5, "the steps were not heavy: the test proves nothing"
    assert seconds[1] == "accepted"
    page = ProofStore(kernel.db).page(limit=5)
    assert any(item["title"] == "Lagrange" and item["verdict"] == "accepted"
               and item["notebook"] == "course/week1.ipynb" for item in page.items)


def test_cancel_button_kills_the_running_workers(kernel: LiveKernel) -> None:
    _warm(kernel, seed=3)
    cell = kernel.ok(f"%%verify --timeout 300 --seed 4\n{endless_steps()}")
    rows, verdict_id = cell.widget_parts()
    deadline = time.monotonic() + 30
    busy: list[int] = []
    while not busy and time.monotonic() < deadline:
        time.sleep(0.3)
        out = _printed(kernel, "print(*[h.pid for h in proofnb.last().run._handles"
                               " if h.pid and not h.done()])")
        busy = [int(p) for p in out.split()]
    assert busy, "no step started"
    assert set(busy) <= {p.pid for p in kernel.descendants()}

    _click(kernel, _button_id(cell.iopub))
    updates, verdict, _ = _follow(kernel, rows, verdict_id, timeout=30)
    statuses = [row_status(updates[r][-1][1]) if updates[r] else "pending" for r in rows]
    assert "unknown" in statuses and "pending" not in statuses
    assert verdict == "review"
    gone = time.monotonic() + 10
    while any(alive(p) for p in busy) and time.monotonic() < gone:
        time.sleep(0.1)
    survivors = [p for p in busy if alive(p)]
    assert not survivors, f"workers {survivors} survived Cancel"
    assert "cancelled" in _printed(kernel, "print(proofnb.last().result().steps[-1].method)")


def test_step_over_its_limit_is_unknown_and_next_run_is_prompt(kernel: LiveKernel) -> None:
    _warm(kernel, seed=5)
    # True (the Lagrange identity with k = n - 1), and over a minute of polynomial arithmetic.
    slow = f"%%verify --timeout 1 --seed 6\n{lagrange_sum(NAMES[:7], 6)} = 1"
    cell = kernel.ok(slow)
    rows, verdict_id = cell.widget_parts()
    updates, verdict, _ = _follow(kernel, rows, verdict_id, timeout=60)
    last = updates[rows[0]][-1][1]
    assert row_status(last) == "unknown" and "timeout" in last
    assert verdict == "review"

    start = time.perf_counter()
    again = kernel.ok("%%verify --seed 7\n(x - 1)(x + 1) = x^2 - 1")
    rows, verdict_id = again.widget_parts()
    updates, verdict, at = _follow(kernel, rows, verdict_id, timeout=30)
    assert verdict == "accepted"
    assert at - start < 3.0, f"the next proof took {at - start:.2f} s"


def test_wait_checks_in_the_foreground_with_plain_text(kernel: LiveKernel) -> None:
    cell = kernel.ok('%%verify --wait --seed 8 --title "Square <of> a sum"\n'
                     "(a + b)^2\n  = (a + b)(a + b)\n  = a^2 + 2ab + b^2")
    text = cell.text_plain()
    assert text.splitlines()[0] == "Square <of> a sum — accepted"
    assert [line.split()[0] for line in text.splitlines()[1:3]] == ["1.", "2."]
    assert all("proved" in line for line in text.splitlines()[1:3])
    assert _printed(kernel, "print(proofnb.last().done)") == "True"


def test_names_bound_to_sympy_symbols_are_honoured(kernel: LiveKernel) -> None:
    kernel.ok("import sympy\nt = sympy.Symbol('t', positive=True)")
    bound = kernel.ok("%%verify --wait --seed 9\nlog(t^2) = 2 log(t)").text_plain()
    free = kernel.ok("%%verify --wait --seed 9\nlog(u^2) = 2 log(u)").text_plain()
    assert bound.splitlines()[0].endswith("accepted")
    assert free.splitlines()[0].endswith("rejected")


@pytest.mark.parametrize(
    ("code", "needle"),
    [
        ("%%verify --domain imaginary\nx = x", "--domain"),
        ("%%verify --timeout -3\nx = x", "timeout"),
        ("%%verify --frobnicate\nx = x", "--frobnicate"),
        ('%%verify --title "unclosed\nx = x', "line 1"),
        ("%%verify\n(x + 1)^2\n  = (x^2 + 1", "line 3"),
        ("%proofnb colour=blue", "colour"),
        ("%proofnb timeout=soon", "timeout"),
    ],
)
def test_mistakes_are_usage_errors(kernel: LiveKernel, code: str, needle: str) -> None:
    reply = kernel.execute(code).reply["content"]
    assert reply["status"] == "error"
    assert reply["ename"] == "UsageError"
    assert needle in reply["evalue"]


def test_settings_line_magic(kernel: LiveKernel) -> None:
    kernel.ok("%proofnb timeout=5 save=no")
    shown = _printed(kernel, "%proofnb")
    assert "timeout = 5.0" in shown and "save = False" in shown
    kernel.ok("%proofnb timeout=10 save=yes")


def test_workers_setting_gives_a_pool_of_that_size(kernel: LiveKernel) -> None:
    kernel.ok("%proofnb workers=1")
    text = kernel.ok("%%verify --wait --seed 17\n(x + 5)^2 = x^2 + 10x + 25").text_plain()
    assert text.splitlines()[0] == "Proof — accepted"
    # Each pool is a zygote (the kernel's child) that forks its workers; ours is the newest.
    zygotes = sorted(psutil.Process(kernel.pid).children(), key=lambda p: p.create_time())
    ours = zygotes[-1]
    assert len(ours.children()) == 1
    kernel.ok("%proofnb workers=0")
    gone = time.monotonic() + 15
    while alive(ours.pid) and time.monotonic() < gone:
        time.sleep(0.2)
    assert not alive(ours.pid)


@pytest.mark.parametrize("how", ["shutdown", "restart", "kill"])
def test_kernel_shutdown_or_restart_leaves_no_worker(tmp_path: Path, how: str) -> None:
    live = start_kernel(tmp_path / "history.sqlite")
    try:
        live.ok("%load_ext proofnb")
        live.ok(f"%%verify --timeout 300 --seed 10\n{endless_steps()}")
        deadline = time.monotonic() + 30
        while len(live.descendants()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        family = [p.pid for p in live.descendants()]
        assert len(family) >= 2, "no zygote and workers started"
        if how == "restart":
            live.km.restart_kernel(now=False)
        elif how == "kill":  # SIGKILL: no atexit, no cleanup code runs in the kernel
            live.km.shutdown_kernel(now=True)
        else:
            live.km.shutdown_kernel(now=False)
        gone = time.monotonic() + 15
        while any(alive(p) for p in family) and time.monotonic() < gone:
            time.sleep(0.2)
        survivors = [p for p in family if alive(p)]
        assert not survivors, f"{how} left {survivors} behind"
    finally:
        live.close()


def test_interrupting_a_wait_cell_stops_its_workers(kernel: LiveKernel) -> None:
    _warm(kernel, seed=12)
    kc = kernel.kc
    msg_id = kc.execute(f"%%verify --wait --timeout 300 --seed 13\n{endless_steps()}")
    deadline = time.monotonic() + 30
    busy: list[int] = []
    while not busy and time.monotonic() < deadline:
        time.sleep(0.3)
        busy = [p.pid for p in kernel.descendants() if p.cpu_percent(interval=0.2) > 20]
    assert busy, "no worker got busy"
    kernel.km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=30)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    gone = time.monotonic() + 10
    while any(alive(p) for p in busy) and time.monotonic() < gone:
        time.sleep(0.1)
    assert not [p for p in busy if alive(p)], "the interrupted steps' workers survived"
    assert kernel.ok("1+1").seconds < 0.5


def test_a_failed_history_write_is_shown_not_raised(tmp_path: Path) -> None:
    live = start_kernel(tmp_path)  # a directory: the history cannot be opened there
    try:
        live.ok("%load_ext proofnb")
        cell = live.ok("%%verify --seed 14\n(x + 2)^2 = x^2 + 4x + 4")
        _, verdict_id = cell.widget_parts()

        def noted(msg: Msg) -> bool:
            return "history not saved" in (state_value(msg, verdict_id) or "")

        seen = live.wait_iopub(noted, timeout=60)
        assert "accepted" in (state_value(seen[-1][1], verdict_id) or "")
        assert "is a directory" in (state_value(seen[-1][1], verdict_id) or "")
        assert live.ok("1+1").seconds < 0.5
    finally:
        live.close()


def test_unload_stops_the_workers_and_reload_works(tmp_path: Path) -> None:
    live = start_kernel(tmp_path / "history.sqlite")
    try:
        live.ok("%load_ext proofnb")
        live.ok("%%verify --wait --seed 15\n(x + 3)^2 = x^2 + 6x + 9")
        family = [p.pid for p in live.descendants()]
        assert family
        live.ok("%unload_ext proofnb")
        gone = time.monotonic() + 15
        while any(alive(p) for p in family) and time.monotonic() < gone:
            time.sleep(0.2)
        assert not [p for p in family if alive(p)]
        live.ok("%load_ext proofnb")
        text = live.ok("%%verify --wait --seed 16\n(x + 3)^2 = x^2 + 6x + 9").text_plain()
        assert text.splitlines()[0] == "Proof — accepted"
    finally:
        live.close()
