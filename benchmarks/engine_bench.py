"""Engine benchmark: the labelled corpus, proofnb's checker against the naive baseline.

Both engines run in a :class:`~proofnb.runner.pool.WorkerPool` of the same size, warm-up
and per-step limits, one after the other, proofnb first; each gets a freshly started pool,
so that neither finds SymPy's cache filled by the other. The naive baseline is
:func:`proofnb.core.baseline.naive_check`: ``simplify(lhs - rhs) == 0`` for ``=``; for
``< <= > >=`` the sign of ``simplify`` of the difference; for ``<=> ==> <==`` whether the two
statements ``simplify`` to the same thing. It answers proved or refuted, never with a witness
and never with domain reasoning; it is scored on its status alone.

Scoring per step: *decided correctly* = a true step ``proved`` or a false step ``refuted``;
*false accept* = a false step ``proved`` or ``likely``; *false reject* = a true step
``refuted``; *undecided* = anything else (``likely`` on a true step is counted there and
reported on its own). Seconds per step are measured inside the worker
(``StepResult.seconds``; a step killed at its limit counts as the limit); wall time and
throughput cover the whole batch through the pool.

Short mode: a fixed, deterministic subset (about 60 steps, every topic) with small limits.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from benchmarks import target
from benchmarks.corpus import CorpusStep, load_corpus, steps_of

CHECK = "proofnb.runner.tasks:check_step"
NAIVE = "proofnb.core.baseline:naive_check"
WARM = "proofnb.runner.tasks:warm"
SHORT_STEPS = 60
#: (per-step time limit in the checker's options, extra seconds before the pool kills)
LIMITS = {True: (5.0, 2.0), False: (10.0, 5.0)}
WORKERS = 2


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one engine said about one corpus step."""

    status: str
    method: str
    seconds: float
    witness: bool


def short_subset(steps: list[CorpusStep], size: int = SHORT_STEPS) -> list[CorpusStep]:
    """A deterministic subset of about ``size`` steps, spread evenly over every topic."""
    by_topic: dict[str, list[CorpusStep]] = {}
    for step in steps:
        by_topic.setdefault(step.cell.topic, []).append(step)
    chosen: list[CorpusStep] = []
    for members in by_topic.values():
        share = max(2, round(size * len(members) / len(steps)))
        stride = len(members) / share
        chosen += [members[int(i * stride)] for i in range(min(share, len(members)))]
    return chosen


def _specs(steps: list[CorpusStep], timeout: float) -> list[tuple[Any, Any] | str]:
    """Each step's (StepSpec, CheckOptions), or why its cell does not parse."""
    from proofnb.core.cell import parse_cell
    from proofnb.core.errors import ProofnbError
    from proofnb.core.model import CheckOptions

    out: list[tuple[Any, Any] | str] = []
    for step in steps:
        try:
            parsed = parse_cell(step.cell.cell)
        except ProofnbError as exc:
            out.append(f"parse error: {exc}")
            continue
        if len(parsed.steps) != len(step.cell.holds):
            out.append(f"parses into {len(parsed.steps)} steps")
            continue
        options = CheckOptions(assume=step.cell.assume + parsed.assume,
                               domain=step.cell.domain,  # type: ignore[arg-type]
                               timeout=timeout, seed=0)
        out.append((parsed.steps[step.index], options))
    return out


def _run_engine(pool: Any, fn: str, specs: list[tuple[Any, Any] | str],
                limit: float) -> tuple[list[Outcome], float]:
    from proofnb.runner.pool import TaskTimeoutError

    started = time.perf_counter()
    handles = [None if isinstance(s, str) else pool.submit(fn, *s, timeout=limit) for s in specs]
    outcomes = []
    for handle in handles:
        if handle is None:
            outcomes.append(Outcome("error", "parse", 0.0, False))
            continue
        try:
            r = handle.result()
        except TaskTimeoutError:
            outcomes.append(Outcome("unknown", "killed", limit, False))
        except Exception as exc:  # noqa: BLE001 - a crashed worker is an undecided step
            outcomes.append(Outcome("error", type(exc).__name__, 0.0, False))
        else:
            outcomes.append(Outcome(r.status, r.method, r.seconds, r.counterexample is not None))
    return outcomes, time.perf_counter() - started


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def score(steps: list[CorpusStep], outcomes: list[Outcome], wall: float) -> dict[str, Any]:
    """Accuracy, errors by kind and timing of one engine over the steps."""
    correct = false_accepts = false_rejects = likely_true = 0
    for step, o in zip(steps, outcomes, strict=True):
        if o.status == ("proved" if step.holds else "refuted"):
            correct += 1
        elif not step.holds and o.status in ("proved", "likely"):
            false_accepts += 1
        elif step.holds and o.status == "refuted":
            false_rejects += 1
        elif step.holds and o.status == "likely":
            likely_true += 1
    seconds = [o.seconds for o in outcomes]
    n = len(steps)
    return {
        "steps": n,
        "correct": correct,
        "accuracy": correct / n if n else 0.0,
        "false_accepts": false_accepts,
        "false_rejects": false_rejects,
        "undecided": n - correct - false_accepts - false_rejects,
        "likely_on_true": likely_true,
        "median_s": statistics.median(seconds) if seconds else 0.0,
        "p95_s": _pct(seconds, 0.95),
        "max_s": max(seconds, default=0.0),
        "total_cpu_s": sum(seconds),
        "wall_s": wall,
        "steps_per_s": n / wall if wall > 0 else 0.0,
        "statuses": dict(Counter(o.status for o in outcomes)),
    }


def _ratio(a: float, b: float) -> float:
    return a / b if b > 0 else float("inf")


def _topic_rows(steps: list[CorpusStep], ours: list[Outcome],
                naive: list[Outcome]) -> list[dict[str, Any]]:
    rows = []
    for topic in dict.fromkeys(s.cell.topic for s in steps):
        idx = [i for i, s in enumerate(steps) if s.cell.topic == topic]
        sub = [steps[i] for i in idx]
        a = score(sub, [ours[i] for i in idx], 1.0)
        b = score(sub, [naive[i] for i in idx], 1.0)
        rows.append({"topic": topic, "steps": len(idx), "false": sum(not s.holds for s in sub),
                     "proofnb_acc": f"{a['accuracy']:.1%}", "proofnb_FA": a["false_accepts"],
                     "proofnb_FR": a["false_rejects"], "proofnb_med_ms": a["median_s"] * 1e3,
                     "naive_acc": f"{b['accuracy']:.1%}", "naive_FA": b["false_accepts"],
                     "naive_med_ms": b["median_s"] * 1e3})
    return rows


def run(short: bool) -> dict[str, Any]:
    """Run the corpus (or its short subset) through both engines; report and compare."""
    from proofnb.runner.pool import WorkerPool

    steps = steps_of(load_corpus())
    if short:
        steps = short_subset(steps)
    step_timeout, grace = LIMITS[short]
    specs = _specs(steps, step_timeout)
    results = []
    for engine in (CHECK, NAIVE):
        # A fresh pool (same size, same warm-up) per engine: in one pool the baseline ran
        # second and found SymPy's cache holding the expressions proofnb had built.
        pool = WorkerPool(workers=WORKERS, warm=[WARM])
        try:
            pool.start()
            results.append(_run_engine(pool, engine, specs, step_timeout + grace))
        finally:
            pool.close()
    (ours, ours_wall), (naive, naive_wall) = results
    a, b = score(steps, ours, ours_wall), score(steps, naive, naive_wall)
    speedup = _ratio(b["median_s"], a["median_s"])
    misses = [
        {"id": s.id, "holds": s.holds, "status": o.status, "method": o.method,
         "seconds": round(o.seconds, 3)}
        for s, o in zip(steps, ours, strict=True)
        if o.status != ("proved" if s.holds else "refuted")
    ]
    metric_names = ("accuracy", "false_accepts", "false_rejects", "undecided", "likely_on_true",
                    "median_s", "p95_s", "max_s", "wall_s", "steps_per_s")
    return {
        "title": f"{'short subset' if short else 'full corpus'}: {len(steps)} steps, "
                 f"{WORKERS} workers, limit {step_timeout:g} s/step",
        "metrics": {
            "steps": len(steps),
            "false steps": sum(not s.holds for s in steps),
            "median ratio (naive / proofnb)": speedup,
            "p95 ratio (naive / proofnb)": _ratio(b["p95_s"], a["p95_s"]),
            "throughput ratio (proofnb / naive)": _ratio(a["steps_per_s"], b["steps_per_s"]),
            "accuracy gain (proofnb - naive)": a["accuracy"] - b["accuracy"],
        },
        "tables": {
            "engines": [{"engine": name} | {k: s[k] for k in metric_names}
                        for name, s in (("proofnb", a), ("naive", b))],
            "per topic": _topic_rows(steps, ours, naive),
            "proofnb misses": misses,
        },
        "targets": [
            target("zero false accepts", "0", a["false_accepts"], a["false_accepts"] == 0),
            target("decided correctly", ">= 98%", f"{a['accuracy']:.1%}", a["accuracy"] >= 0.98),
            target("median per step vs naive", ">= 10x faster", f"{speedup:.1f}x",
                   speedup >= 10),
        ],
        "proofnb": a,
        "naive": b,
    }
