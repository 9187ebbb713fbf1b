"""Report formats over hand-made results: text, JSON, JUnit XML, the progress bar."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from proofnb.batch.discover import CellOptions, ProofJob, SourceProblem
from proofnb.batch.progress import Progress
from proofnb.batch.report import BatchReport, Outcome, to_json, write_junit, write_text
from proofnb.core.model import Counterexample, ProofResult, StepResult


def _outcome(path: str, cell: int, verdict: str, expect: str | None, **step: object) -> Outcome:
    steps = ()
    if step:
        steps = (StepResult(index=0, relation="=", lhs="(x+1)^2", rhs="x^2+1", line=2, **step),)  # type: ignore[arg-type]
    result = ProofResult(
        text="(x+1)^2\n = x^2+1",
        steps=steps,
        verdict=verdict,
        expect=expect,
        title="sq",  # type: ignore[arg-type]
    )
    return Outcome(ProofJob(f"{path}#{cell}", path, cell, result.text, CellOptions()), result)


def _report() -> BatchReport:
    witness = Counterexample("value", (("x", "1"),), "4", "2", "x = 1: left side 4, right side 2")
    report = BatchReport(
        outcomes=[
            _outcome("b.ipynb", 2, "accepted", None, status="proved"),
            _outcome("a.ipynb", 4, "rejected", None, status="refuted", counterexample=witness),
            _outcome(
                "a.ipynb", 3, "rejected", "rejected", status="refuted", counterexample=witness
            ),
        ],
        problems=[SourceProblem("c.ipynb", 0, "cannot read notebook: bad JSON")],
        seconds=1.5,
    )
    report.sort()
    return report


def test_exit_codes() -> None:
    report = _report()
    assert report.exit_code() == 2
    report.problems.clear()
    assert report.exit_code() == 1
    report.outcomes = [o for o in report.outcomes if o.ok]
    assert report.exit_code() == 0


def test_text_report_names_file_cell_step_and_witness() -> None:
    out = io.StringIO()
    write_text(_report(), out)
    text = out.getvalue()
    assert text.index("a.ipynb") < text.index("b.ipynb")
    assert "cell 4 'sq': rejected  FAIL (expected accepted)" in text
    assert "step 1, line 2: (x+1)^2 = x^2+1  [refuted]  x = 1: left side 4, right side 2" in text
    assert "cell 3 'sq': rejected  ok" in text
    assert "c.ipynb: ERROR cannot read notebook: bad JSON" in text
    assert "3 proofs in 2 files (1 accepted, 0 review, 2 rejected)" in text


def test_json_report_round_trips() -> None:
    doc = json.loads(json.dumps(to_json(_report())))
    assert doc["summary"]["failed"] == 1 and doc["summary"]["problems"] == 1
    assert [(p["file"], p["cell"], p["ok"]) for p in doc["proofs"]] == [
        ("a.ipynb", 3, True),
        ("a.ipynb", 4, False),
        ("b.ipynb", 2, True),
    ]
    assert ProofResult.from_dict(doc["proofs"][1]["result"]).verdict == "rejected"


def test_junit_one_testcase_per_proof(tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    write_junit(_report(), str(path))
    suite = ET.parse(path).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "1")
    cases = suite.findall("testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert [(c.get("classname"), c.get("name")) for c in failed] == [("a.ipynb", "cell 4: sq")]
    failure = failed[0].find("failure")
    assert failure is not None and "x = 1: left side 4" in (failure.text or "")
    assert [c.get("classname") for c in cases if c.find("error") is not None] == ["c.ipynb"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    bar = Progress(3, stream=quiet)
    for _ in range(3):
        bar.advance()
    bar.close()
    assert quiet.getvalue() == ""
    tty = _Terminal()
    bar = Progress(2, stream=tty)
    bar.advance(ok=False)
    bar.advance()
    bar.close()
    assert "2/2 proofs, 1 failing" in tty.getvalue()
