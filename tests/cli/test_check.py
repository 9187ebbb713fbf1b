"""``proofnb check`` end to end: real processes, the real checker, generated notebooks."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import nbformat
import pytest

from proofnb import __version__

from .conftest import Course, run_cli

REPO = Path(__file__).resolve().parents[2]


def _notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("%load_ext proofnb"))
    nb.cells.extend(nbformat.v4.new_code_cell(s) for s in sources)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def test_course_verdicts_match_labels(course: Course, local_run: dict[str, Any]) -> None:
    done, report = local_run["done"], local_run["report"]
    labels = course.by_place()
    assert done.returncode == 1, done.stderr  # the course has wrong expectations on purpose
    assert done.stderr == ""  # no progress bar or noise when stderr is not a terminal
    got = {(p["file"], p["cell"]): p for p in report["proofs"]}
    assert got.keys() == labels.keys()
    wrong = {
        place: (p["verdict"], labels[place].verdict)
        for place, p in got.items()
        if p["verdict"] != labels[place].verdict
    }
    assert wrong == {}
    assert all(p["ok"] == labels[place].ok for place, p in got.items())
    assert all(p["expect"] == (labels[place].expect or "accepted") for place, p in got.items())
    summary = report["summary"]
    assert summary["proofs"] == len(labels) == 300
    assert summary["failed"] == sum(not label.ok for label in course.labels) > 0
    assert summary["problems"] == 0
    rejected = [p for p in got.values() if p["verdict"] == "rejected"]
    assert all(any(s["counterexample"] for s in p["result"]["steps"]) for p in rejected), (
        "every deliberately wrong step is refuted with a witness"
    )


def test_course_junit(course: Course, local_run: dict[str, Any]) -> None:
    root = ET.parse(local_run["junit"]).getroot()
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == int(suite.get("tests", "-1")) == len(course.labels)
    failed = {
        (c.get("classname"), int(c.get("name", "").split(":")[0].removeprefix("cell ")))
        for c in cases
        if c.find("failure") is not None
    }
    assert failed == {(lab.path, lab.cell) for lab in course.labels if not lab.ok}
    assert int(suite.get("failures", "-1")) == len(failed)
    assert all(c.find("error") is None for c in cases)


def test_all_expectations_met_exits_0(tmp_path: Path) -> None:
    _notebook(
        tmp_path / "sheet.ipynb",
        '%%verify --title "Square of a sum"\n(a + b)^2\n  = (a + b)(a + b)\n  = a^2 + 2ab + b^2',
        "%%verify --expect rejected\n(x + 1)^2 = x^2 + 1",
    )
    (tmp_path / "log.proof").write_text('%%verify --assume "x > 0"\nlog(x^2) = 2 log(x)\n')
    done = run_cli("check", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "sheet.ipynb" in done.stdout and "log.proof" in done.stdout
    assert "cell 2 'Square of a sum': accepted" in done.stdout
    assert "3 proofs in 2 files (2 accepted, 0 review, 1 rejected)" in done.stdout
    assert done.stderr == ""


def test_missed_expectation_exits_1_and_shows_the_witness(tmp_path: Path) -> None:
    proof = tmp_path / "log.txt"
    proof.write_text("log(x^2) = 2 log(x)\n")  # without x > 0 it fails at x = -1
    done = run_cli("check", str(proof))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "rejected  FAIL (expected accepted)" in done.stdout
    assert "[refuted]" in done.stdout and "x = -1" in done.stdout


def test_expect_is_honoured_both_ways(tmp_path: Path) -> None:
    good = "(x + 2)^2 = x^2 + 4x + 4"
    bad = "(x + 2)^2 = x^2 + 4"
    _notebook(
        tmp_path / "n.ipynb",
        f"%%verify\n{good}",
        f"%%verify --expect rejected\n{bad}",
        f"%%verify --expect rejected\n{good}",
        f"%%verify --expect accepted\n{bad}",
    )
    done = run_cli("check", str(tmp_path), "--json")
    assert done.returncode == 1
    got = [
        (p["cell"], p["verdict"], p["expect"], p["ok"]) for p in json.loads(done.stdout)["proofs"]
    ]
    assert got == [
        (2, "accepted", "accepted", True),
        (3, "rejected", "rejected", True),
        (4, "accepted", "rejected", False),
        (5, "rejected", "accepted", False),
    ]


def test_corrupt_notebook_is_reported_without_stopping_the_others(tmp_path: Path) -> None:
    _notebook(tmp_path / "a.ipynb", "%%verify\n2(x + 1) = 2x + 2")
    (tmp_path / "b.ipynb").write_text('{"cells": [ broken')
    _notebook(tmp_path / "c.ipynb", "%%verify --domain rational\nx = x", "%%verify\nx + x = 2x")
    junit = tmp_path / "out.xml"
    done = run_cli("check", str(tmp_path), "--json", "--junit", str(junit))
    assert done.returncode == 2, done.stderr
    report = json.loads(done.stdout)
    assert [(Path(p["file"]).name, p["cell"], p["verdict"]) for p in report["proofs"]] == [
        ("a.ipynb", 2, "accepted"),
        ("c.ipynb", 3, "accepted"),
    ]
    problems = [(Path(p["file"]).name, p["cell"]) for p in report["problems"]]
    assert problems == [("b.ipynb", 0), ("c.ipynb", 2)]
    assert "domain" in report["problems"][1]["message"]
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None and suite.get("errors") == "2" and suite.get("failures") == "0"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "no/such/notebook.ipynb"], "no such file or folder: no/such/notebook.ipynb"),
        (["check", ".", "--timeout", "-3"], "--timeout"),
        (["check", ".", "--workers", "0"], "--workers"),
        (["check", ".", "--frobnicate"], "unrecognized arguments"),
        (["check"], "PATH"),
        ([], "usage"),
    ],
)
def test_bad_usage_exits_2_with_a_message(args: list[str], message: str) -> None:
    done = run_cli(*args, timeout=60)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stdout == ""


def test_version_and_help() -> None:
    done = run_cli("--version", timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"proofnb {__version__}"
    done = run_cli("check", "--help", timeout=60)
    assert done.returncode == 0
    for option in ("--json", "--junit", "--timeout", "--workers", "--scheduler", "--save"):
        assert option in done.stdout
    script = Path(sys.executable).with_name("proofnb")
    if script.exists():  # the console script installed by `pip install -e .`
        out = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == f"proofnb {__version__}"


def test_scheduler_without_dask_says_how_to_install(tmp_path: Path) -> None:
    (tmp_path / "p.proof").write_text("x = x\n")
    # Make `import distributed` fail in the child, as on an install without the extra.
    shadow = tmp_path / "shadow"
    (shadow / "distributed").mkdir(parents=True)
    (shadow / "distributed" / "__init__.py").write_text("raise ImportError('not installed')\n")
    done = run_cli(
        "check", str(tmp_path / "p.proof"), "--scheduler", "tcp://127.0.0.1:1",
        env={"PYTHONPATH": str(shadow)}, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "pip install 'proofnb[dask]'" in done.stderr


def test_local_check_imports_neither_dask_nor_ipython(tmp_path: Path) -> None:
    (tmp_path / "p.proof").write_text("2x + 3x = 5x\n")
    code = (
        "import sys, proofnb.cli\n"
        f"status = proofnb.cli.main(['check', {str(tmp_path)!r}, '--json'])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'dask', 'distributed', 'IPython', 'ipykernel', 'ipywidgets'})\n"
        "print('LOADED', status, loaded, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "LOADED 0 []" in done.stderr, done.stderr


def test_unreachable_scheduler_is_bad_usage(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "p.proof").write_text("x = x\n")
    done = run_cli(
        "check", str(tmp_path / "p.proof"), "--scheduler", "tcp://127.0.0.1:9",
        env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}, timeout=90,
    )  # fmt: skip
    assert done.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr


def test_time_limit_reports_unknown_not_a_crash(tmp_path: Path) -> None:
    # No symbolic argument exists for this step, so under a 10 ms limit it can only end
    # unknown (the checker ran out of time) or likely; never a crash, never proved.
    (tmp_path / "a-heavy.proof").write_text(
        "%%verify --timeout 0.01 --expect review\nabs(x) + abs(x - 7) >= 7\n"
    )
    (tmp_path / "b-light.proof").write_text("(x + 1)^2 = x^2 + 2x + 1\n")
    done = run_cli("check", str(tmp_path), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    heavy, light = json.loads(done.stdout)["proofs"]
    assert heavy["verdict"] == "review" and light["verdict"] == "accepted"
    for step in heavy["result"]["steps"]:
        assert step["status"] in ("unknown", "likely")
        if step["status"] == "unknown":
            assert step["method"] == "timeout" and "timed out" in step["message"]


def test_save_writes_every_saved_proof_to_the_history(tmp_path: Path) -> None:
    _notebook(
        tmp_path / "n.ipynb",
        "%%verify\nx + x = 2x",
        "%%verify --no-save\n3x - x = 2x",
        "%%verify --expect rejected\nx^2 = x",
    )
    db = tmp_path / "history.sqlite"
    done = run_cli("check", str(tmp_path), "--save", env={"PROOFNB_DB": str(db)})
    assert done.returncode == 0, done.stdout + done.stderr
    from proofnb.store.history import ProofStore

    with ProofStore(str(db)) as store:
        page = store.page(limit=10)
    assert page.total == 2
    assert sorted((item["first_line"], item["notebook"]) for item in page.items) == [
        ("x + x = 2x", str(tmp_path / "n.ipynb")),
        ("x^2 = x", str(tmp_path / "n.ipynb")),
    ]
    with sqlite3.connect(db) as conn:  # the file is a real SQLite database
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_teaching_notebooks_meet_their_expectations() -> None:
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    with_proofs = [nb for nb in notebooks if "%%verify" in nb.read_text(encoding="utf-8")]
    if not with_proofs:
        pytest.skip("no teaching notebook with a %%verify cell yet")
    done = run_cli("check", *map(str, with_proofs), "--json")
    report = json.loads(done.stdout)
    failing = [
        (p["file"], p["cell"], p["verdict"], p["expect"]) for p in report["proofs"] if not p["ok"]
    ]
    assert failing == [] and report["problems"] == []
    assert done.returncode == 0
