"""A real IPython kernel driven through jupyter_client, with its iopub traffic timed."""

from __future__ import annotations

import os
import queue
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from jupyter_client.manager import KernelManager

Msg = dict[str, Any]


@dataclass
class Execution:
    """One executed cell: its reply, how long the reply took, and the cell's iopub output."""

    msg_id: str
    reply: Msg
    seconds: float
    replied_at: float
    iopub: list[Msg] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.reply["content"]["status"] == "ok")

    def stdout(self) -> str:
        return "".join(
            m["content"]["text"] for m in self.iopub
            if m["msg_type"] == "stream" and m["content"]["name"] == "stdout"
        )

    def displayed_model(self) -> str:
        for m in self.iopub:
            if m["msg_type"] == "display_data":
                view = m["content"]["data"].get("application/vnd.jupyter.widget-view+json")
                if view:
                    return str(view["model_id"])
        raise AssertionError(f"no widget displayed; iopub: {self.iopub}")

    def text_plain(self) -> str:
        for m in self.iopub:
            if m["msg_type"] == "display_data":
                return str(m["content"]["data"]["text/plain"])
        raise AssertionError("nothing displayed")

    def widget_parts(self) -> tuple[list[str], str]:
        """Model ids of the displayed proof widget's step rows and of its verdict line."""
        box = self.displayed_model()
        for m in self.iopub:
            if m["msg_type"] == "comm_open" and m["content"]["comm_id"] == box:
                children = [c.removeprefix("IPY_MODEL_") for c in
                            m["content"]["data"]["state"]["children"]]
                return children[1:-2], children[-1]
        raise AssertionError("the widget's comm_open was not seen")


class LiveKernel:
    """A started kernel plus a blocking client; keeps iopub messages that belong elsewhere."""

    def __init__(self, km: KernelManager) -> None:
        self.km = km
        self.kc = km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)
        self.db = Path()
        #: (arrival time, message) of iopub messages not consumed by ``execute``.
        self.backlog: list[tuple[float, Msg]] = []

    @property
    def pid(self) -> int:
        return int(self.km.provisioner.pid)  # type: ignore[union-attr]

    def descendants(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def execute(self, code: str, timeout: float = 120) -> Execution:
        start = time.perf_counter()
        msg_id = self.kc.execute(code)
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        replied = time.perf_counter()
        done = Execution(msg_id, reply, replied - start, replied)
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id:
                done.iopub.append(msg)
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return done
            else:
                self.backlog.append((time.perf_counter(), msg))

    def ok(self, code: str, timeout: float = 120) -> Execution:
        done = self.execute(code, timeout)
        assert done.ok, done.reply["content"]
        return done

    def wait_iopub(self, until: Callable[[Msg], bool], timeout: float = 120) -> list[
            tuple[float, Msg]]:
        """Read iopub (backlog first) until ``until(msg)``; return everything read, timed."""
        seen: list[tuple[float, Msg]] = []
        while self.backlog:
            item = self.backlog.pop(0)
            seen.append(item)
            if until(item[1]):
                return seen
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out; read {len(seen)} messages")
            try:
                msg = self.kc.get_iopub_msg(timeout=min(1.0, left))
            except queue.Empty:
                continue
            seen.append((time.perf_counter(), msg))
            if until(msg):
                return seen

    def close(self) -> None:
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=False)


def state_value(msg: Msg, comm_id: str) -> str | None:
    """The new ``value`` trait in a widget update for ``comm_id``, if ``msg`` is one."""
    if msg["msg_type"] != "comm_msg" or msg["content"]["comm_id"] != comm_id:
        return None
    data = msg["content"]["data"]
    if data.get("method") != "update":
        return None
    value = data.get("state", {}).get("value")
    return value if isinstance(value, str) else None


def row_status(markup: str) -> str:
    found = re.search(r'class="proofnb-step proofnb-(\w+)"', markup)
    assert found, markup
    return found.group(1)


def verdict_of(markup: str) -> str | None:
    found = re.search(r'class="proofnb-verdict"[^>]*>\S+ (\w+)<', markup)
    return found.group(1) if found else None


def start_kernel(db: Path, **env: str) -> LiveKernel:
    km = KernelManager(kernel_name="python3")
    kernel_env = dict(os.environ)
    kernel_env.update({"PROOFNB_DB": str(db), "PYTHONHASHSEED": "0", **env})
    km.kernel_spec.argv[0] = sys.executable  # the venv's interpreter, whatever the spec says
    km.start_kernel(env=kernel_env)
    live = LiveKernel(km)
    live.db = db
    return live




def alive(pid: int) -> bool:
    """True while ``pid`` is a running process (a zombie waiting to be reaped is not)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def run_to_verdict(kernel: LiveKernel, body: str, seed: int) -> tuple[list[str], str]:
    """Run one %%verify cell and follow its widget to the verdict: the rows' final HTML and
    the verdict."""
    cell = kernel.ok(f"%%verify --seed {seed}\n{body}")
    rows, verdict_id = cell.widget_parts()
    values: dict[str, str] = {}

    def final(msg: dict[str, object]) -> bool:
        for row in rows:
            value = state_value(msg, row)  # type: ignore[arg-type]
            if value is not None:
                values[row] = value
        value = state_value(msg, verdict_id)  # type: ignore[arg-type]
        return value is not None and verdict_of(value) is not None

    seen = kernel.wait_iopub(final, timeout=120)
    verdict = verdict_of(state_value(seen[-1][1], verdict_id) or "")
    assert verdict is not None
    return [values.get(row, "") for row in rows], verdict
