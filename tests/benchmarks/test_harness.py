"""The benchmark harness: discovery, reporting, exit status, and the engine's short subset."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # plain `pytest` does not put the repository root on sys.path
    sys.path.insert(0, str(ROOT))

from benchmarks import target  # noqa: E402
from benchmarks.__main__ import discover, format_result, normalize_targets  # noqa: E402
from benchmarks.corpus import TOPICS, load_corpus, steps_of  # noqa: E402
from benchmarks.engine_bench import short_subset  # noqa: E402


def test_discovers_the_engine_benchmark() -> None:
    assert "engine" in discover()


def test_report_marks_each_target_pass_or_miss() -> None:
    result = {
        "title": "demo",
        "metrics": {"steps": 3, "accuracy": 0.5},
        "tables": {"rows": [{"a": 1, "b": "x"}, {"a": 22, "c": True}]},
        "targets": [target("fast", ">= 10x", "12x", True), target("right", ">= 98%", "50%", False)],
    }
    text = format_result("demo", result)
    lines = text.splitlines()
    assert lines[0] == "== demo: demo"
    assert any(line.strip().startswith("PASS") and "fast" in line for line in lines)
    assert any(line.strip().startswith("MISS") and "right" in line for line in lines)
    assert "accuracy" in text and "22" in text


def test_targets_may_be_a_mapping() -> None:
    rows = normalize_targets({"a": "PASS", "b": "MISS", "c": True, "d": False})
    assert [(r["name"], r["pass"]) for r in rows] == [
        ("a", True), ("b", False), ("c", True), ("d", False)]
    text = format_result("x", {"targets": {"fast": "MISS"}, "load": [0.5, 1.25], "n": 3})
    assert "MISS" in text and "fast" in text and "load: 0.5, 1.25" in text and "n: 3" in text


def test_unknown_benchmark_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--json", str(out), "no-such-bench"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    assert "no-such-bench" in proc.stderr and not out.exists()


def test_short_subset_is_small_deterministic_and_covers_every_topic() -> None:
    steps = steps_of(load_corpus())
    first, second = short_subset(steps), short_subset(steps)
    assert [s.id for s in first] == [s.id for s in second]
    assert 45 <= len(first) <= 75
    assert {s.cell.topic for s in first} == set(TOPICS)
    assert any(not s.holds for s in first) and any(s.holds for s in first)
    assert len({s.id for s in first}) == len(first)
    json.dumps([s.id for s in first])  # ids are plain strings, as the JSON report needs


def test_the_hardware_ceiling_is_a_ratio_of_two_processes_to_one() -> None:
    from benchmarks.hardware import scaling_ceiling

    ratio = scaling_ceiling()
    # One core gives about 1, two free cores about 2; a machine whose speed drifts during
    # the measurement can give more or less, so only the shape is asserted here.
    assert isinstance(ratio, float) and math.isfinite(ratio) and ratio > 0
