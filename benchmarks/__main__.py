"""Run the benchmarks: ``python -m benchmarks [--short] [--json PATH] [NAME ...]``.

Discovers ``benchmarks/<name>_bench.py`` modules, runs each one's ``run(short)`` in name
order, prints readable tables and writes every result to one JSON file. Exit status is 1
only when a benchmark crashes (or a named one does not exist); missed targets are reported
with MISS, not failed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE.parent / "test-artifacts" / "benchmarks.json"


def discover() -> list[str]:
    """Names of every benchmark module (``engine`` for ``engine_bench.py``), sorted."""
    return sorted(p.name[: -len("_bench.py")] for p in HERE.glob("*_bench.py"))


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def format_table(rows: list[dict[str, Any]]) -> str:
    """Rows of dicts as an aligned text table (columns in first-seen order)."""
    if not rows:
        return "  (no rows)"
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    cells = [[_cell(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  " + "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  " + "  ".join("-" * w for w in widths))
    lines += ["  " + "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(lines)


def normalize_targets(targets: Any) -> list[dict[str, Any]]:
    """Targets as rows: a list of :func:`benchmarks.target` dicts, or a mapping
    ``{name: bool | "PASS" | "MISS" | row}`` as some benchmarks return."""
    if isinstance(targets, dict):
        rows = []
        for name, value in targets.items():
            if isinstance(value, dict):
                rows.append({"name": name, **value})
            else:
                ok = value.upper() == "PASS" if isinstance(value, str) else bool(value)
                rows.append({"name": name, "pass": ok})
        return rows
    return [t for t in targets or [] if isinstance(t, dict)]


def format_result(name: str, result: dict[str, Any]) -> str:
    """A benchmark's result as text: title, metrics, tables, targets (PASS/MISS), notes."""
    out = [f"== {name}: {result.get('title', '')}".rstrip(": ")]
    metrics = result.get("metrics")
    if isinstance(metrics, dict) and metrics:
        out.append(format_table([{"metric": k, "value": v} for k, v in metrics.items()]))
    for caption, rows in (result.get("tables") or {}).items():
        out.append(f"  -- {caption}")
        out.append(format_table(list(rows)))
    targets = normalize_targets(result.get("targets"))
    if targets:
        out.append("  -- targets")
        out.append(format_table([
            {"result": "PASS" if t.get("pass") else "MISS", "target": t.get("name", ""),
             "wanted": t.get("target", ""), "measured": t.get("value", "")}
            for t in targets
        ]))
    for line in result.get("notes") or []:
        out.append(f"  note: {line}")
    known = {"title", "metrics", "tables", "targets", "notes"}
    for key, value in result.items():
        if key in known or isinstance(value, dict):
            continue
        if isinstance(value, list):
            if not all(isinstance(v, (int, float, str, bool)) for v in value):
                continue
            value = ", ".join(_cell(v) for v in value)
        out.append(f"  {key}: {_cell(value)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--short", action="store_true", help="the fast mode CI runs")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write results")
    args = parser.parse_args(argv)

    available = discover()
    unknown = [n for n in args.names if n not in available]
    if unknown:
        print(f"unknown benchmark(s) {unknown}; available: {available}", file=sys.stderr)
        return 2
    names = args.names or available
    if str(HERE.parent) not in sys.path:
        sys.path.insert(0, str(HERE.parent))

    report: dict[str, Any] = {
        "short": args.short,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "results": {},
    }
    crashed = []
    for name in names:
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.{name}_bench")
            result = dict(module.run(args.short))
        except Exception:  # noqa: BLE001 - report the crash, run the others, fail at the end
            crashed.append(name)
            result = {"error": traceback.format_exc()}
            print(f"== {name}: CRASHED\n{result['error']}", file=sys.stderr, flush=True)
        else:
            try:
                print(format_result(name, result), flush=True)
            except Exception:  # noqa: BLE001 - an odd result shape still lands in the JSON
                print(f"== {name}\n{json.dumps(result, indent=2, default=str)}", flush=True)
        result.setdefault("seconds", round(time.perf_counter() - started, 3))
        report["results"][name] = result
        print(f"  ({name} took {result['seconds']:.1f} s)\n", flush=True)

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"results written to {args.json}")
    if crashed:
        print(f"crashed: {', '.join(crashed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
