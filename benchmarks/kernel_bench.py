"""Kernel responsiveness while ``%%verify`` checks heavy steps, measured with jupyter_client.

A real kernel loads proofnb. Three measurements on a warm pool:

* first verdict: time from sending a small ``%%verify`` cell to the widget's first step
  update (a comm message on iopub);
* streaming: while a ``%%verify`` cell with 8 heavy steps (true Lagrange identities whose
  proof is seconds of SymPy each) runs in the background, a trivial ``1+1`` cell is sent every
  100 ms and the time to its execute_reply is recorded (p50/p95);
* blocking baseline: the same steps checked with ``%%verify --wait`` (the kernel blocks, as
  inline checking would), probed the same way.

Targets: streaming p95 under 50 ms, at least 100x better than the baseline's p95, and a first
verdict under 150 ms. Short mode: 4 heavy steps and fewer probes.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

P95_TARGET_S = 0.050
RATIO_TARGET = 100.0
FIRST_VERDICT_TARGET_S = 0.150
PROBE_INTERVAL_S = 0.1

_HERE = Path(__file__).resolve().parent
_KERNEL_TESTS = _HERE.parent / "tests" / "kernel"


def _load(name: str) -> ModuleType:
    """The kernel test helpers (a real jupyter_client driver and the heavy identities)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _KERNEL_TESTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def _probe(live: Any, count: int, first: str | None = None) -> list[float]:
    """Send ``1+1`` every PROBE_INTERVAL_S (after ``first``, if given); reply latencies."""
    kc = live.kc
    sent: dict[str, float] = {}
    latencies: list[float] = []
    first_id = kc.execute(first) if first is not None else None
    next_send = time.perf_counter()
    remaining = count
    while remaining or sent or first_id:
        now = time.perf_counter()
        if remaining and now >= next_send:
            sent[kc.execute("1+1", store_history=False)] = time.perf_counter()
            remaining -= 1
            next_send += PROBE_INTERVAL_S
            continue
        wait = max(0.0, next_send - now) if remaining else 1.0
        try:
            msg = kc.get_shell_msg(timeout=max(wait, 0.001))
        except Exception:  # queue.Empty: nothing arrived before the next probe is due
            continue
        parent = msg["parent_header"].get("msg_id")
        if parent in sent:
            latencies.append(time.perf_counter() - sent.pop(parent))
        elif parent == first_id:
            first_id = None
    return latencies


def _first_verdict(live: Any, trial: int) -> float:
    client = _load("kernel_client")
    start = time.perf_counter()
    cell = live.ok(f"%%verify --seed {500 + trial}\n(x + {trial})^2 = x^2 + {2 * trial}x + "
                   f"{trial * trial}")
    rows, _ = cell.widget_parts()

    def verdict(msg: dict[str, Any]) -> bool:
        value = client.state_value(msg, rows[0])
        return value is not None and client.row_status(value) != "pending"

    seen = live.wait_iopub(verdict, timeout=60)
    return float(seen[-1][0] - start)


def run(short: bool) -> dict[str, Any]:
    """Run the benchmark; ``short`` uses 4 heavy steps and fewer probes instead of 8."""
    client = _load("kernel_client")
    heavy = _load("kernel_heavy")
    steps = 4 if short else 8
    probes = 15 if short else 50
    trials = 3 if short else 10
    with tempfile.TemporaryDirectory(prefix="proofnb-kernel-bench-") as folder:
        live = client.start_kernel(Path(folder) / "history.sqlite")
        try:
            live.ok("%load_ext proofnb")
            live.ok("%%verify --seed 1\n(x + 1)^2 = x^2 + 2x + 1")
            live.ok("import proofnb\nawait proofnb.last().wait()")
            first = [_first_verdict(live, t) for t in range(1, trials + 1)]

            proof = heavy.heavy_steps(steps)
            live.ok(f"%%verify --timeout 300 --seed 2\n{proof}")
            streaming = _probe(live, probes)
            still_running = live.ok("print(proofnb.last().done)").stdout().strip() == "False"
            live.ok("proofnb.last().cancel()")

            blocking_start = time.perf_counter()
            blocking_cell = f"%%verify --wait --timeout 300 --seed 3\n{proof}"
            baseline = _probe(live, probes, first=blocking_cell)
            blocking_s = time.perf_counter() - blocking_start
            verdict = live.ok("print(proofnb.last().result().verdict)").stdout().strip()
        finally:
            live.close()

    p50, p95 = statistics.median(streaming), _percentile(streaming, 95)
    b50, b95 = statistics.median(baseline), _percentile(baseline, 95)
    ratio = b95 / p95 if p95 > 0 else float("inf")
    first_p50 = statistics.median(first)
    return {
        "heavy_steps": steps,
        "probes": probes,
        "probe_interval_s": PROBE_INTERVAL_S,
        "streaming_p50_s": round(p50, 4),
        "streaming_p95_s": round(p95, 4),
        "probes_while_steps_ran": still_running,
        "blocking_p50_s": round(b50, 4),
        "blocking_p95_s": round(b95, 4),
        "blocking_run_s": round(blocking_s, 2),
        "blocking_verdict": verdict,
        "p95_ratio": round(ratio, 1),
        "p50_ratio": round(b50 / p50, 1) if p50 > 0 else float("inf"),
        "first_verdict_p50_s": round(first_p50, 4),
        "first_verdict_max_s": round(max(first), 4),
        "targets": {
            "streaming p95 (a 1+1 cell while steps run)": {
                "target": f"< {P95_TARGET_S * 1000:.0f} ms", "value": f"{p95 * 1000:.1f} ms",
                "pass": p95 < P95_TARGET_S,
            },
            "p95 better than blocking": {
                "target": f">= {RATIO_TARGET:.0f}x", "value": f"{ratio:.0f}x",
                "pass": ratio >= RATIO_TARGET,
            },
            "first verdict (warm pool)": {
                "target": f"< {FIRST_VERDICT_TARGET_S * 1000:.0f} ms",
                "value": f"{first_p50 * 1000:.1f} ms", "pass": first_p50 < FIRST_VERDICT_TARGET_S,
            },
            "probes taken while the steps ran": {
                "target": "yes", "value": "yes" if still_running else "no", "pass": still_running,
            },
        },
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(short="--short" in sys.argv), indent=2))
