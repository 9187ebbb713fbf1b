"""Reports of a batch run: readable text, JSON for scripts, JUnit XML for CI systems."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..core.model import VERDICTS, ProofResult, StepResult
from .discover import RAISES_TAG, ProofJob, SourceProblem


@dataclass(frozen=True, slots=True)
class Outcome:
    """One checked proof and where it came from."""

    job: ProofJob
    result: ProofResult

    @property
    def ok(self) -> bool:
        return self.result.meets_expectation

    @property
    def where(self) -> str:
        return f"{self.job.path} cell {self.job.cell}" if self.job.cell else self.job.path


@dataclass(slots=True)
class BatchReport:
    """Everything a batch run found, in a stable order (file, then cell)."""

    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    seconds: float = 0.0
    backend: str = "local"

    def sort(self) -> None:
        self.outcomes.sort(key=lambda o: (o.job.path, o.job.cell))
        self.problems.sort(key=lambda p: (p.path, p.cell))

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def unexpected_problems(self) -> list[SourceProblem]:
        """Problems that count: not in a cell tagged ``raises-exception``."""
        return [p for p in self.problems if not p.expected]

    def exit_code(self) -> int:
        """2 when a source could not be read, else 1 when a proof missed its expectation.

        A cell tagged ``raises-exception`` whose ``%%verify`` the kernel refuses is an
        intended error (nbval passes it), so it is reported but does not count.
        """
        if self.unexpected_problems:
            return 2
        return 1 if self.failures else 0

    def summary(self) -> dict[str, Any]:
        verdicts: Counter[str] = Counter(o.result.verdict for o in self.outcomes)
        return {
            "proofs": len(self.outcomes),
            "files": len({o.job.path for o in self.outcomes}),
            "verdicts": {v: verdicts.get(v, 0) for v in VERDICTS},
            "failed": len(self.failures),
            "problems": len(self.unexpected_problems),
            "expected_errors": len(self.problems) - len(self.unexpected_problems),
            "seconds": round(self.seconds, 3),
            "backend": self.backend,
        }


def _expected(result: ProofResult) -> str:
    return result.expect or "accepted"


def _step_line(step: StepResult) -> str:
    where = f"step {step.index + 1}" + (f", line {step.line}" if step.line else "")
    claim = f"{step.lhs} {step.relation} {step.rhs}".strip()
    detail = ""
    if step.counterexample is not None:
        detail = step.counterexample.text
    elif step.message:
        detail = step.message
    elif step.notes:
        detail = "; ".join(step.notes)
    line = f"      {where}: {claim}  [{step.status}]"
    return f"{line}  {detail}" if detail else line


def write_text(report: BatchReport, out: TextIO) -> None:
    """The human-readable report: one line per proof, step details for failures."""
    current = None
    for outcome in report.outcomes:
        if outcome.job.path != current:
            current = outcome.job.path
            out.write(f"{current}\n")
        r = outcome.result
        label = f"cell {outcome.job.cell}" if outcome.job.cell else "proof"
        title = f" {r.title!r}" if r.title else ""
        status = "ok" if outcome.ok else f"FAIL (expected {_expected(r)})"
        flags = f" [{', '.join(r.flags)}]" if r.flags else ""
        out.write(f"  {label}{title}: {r.verdict}{flags}  {status}\n")
        for note in outcome.job.notes:
            out.write(f"      note: {note}\n")
        if not outcome.ok or r.verdict != "accepted":
            if r.message:
                out.write(f"      {r.message}\n")
            for step in r.steps:
                if step.status != "proved":
                    out.write(_step_line(step) + "\n")
    for problem in report.problems:
        where = f"{problem.path} cell {problem.cell}" if problem.cell else problem.path
        kind = f"error as intended ({RAISES_TAG})" if problem.expected else "ERROR"
        out.write(f"{where}: {kind} {problem.message}\n")
    s = report.summary()
    counts = ", ".join(f"{s['verdicts'][v]} {v}" for v in VERDICTS)
    out.write(
        f"\n{s['proofs']} proofs in {s['files']} files ({counts}) in {s['seconds']:.1f} s"
        f" on {report.backend}: {s['failed']} did not meet their expectation"
        + (f", {s['problems']} could not be read" if s["problems"] else "")
        + (f", {s['expected_errors']} errors as intended" if s["expected_errors"] else "")
        + "\n"
    )


def to_json(report: BatchReport) -> dict[str, Any]:
    """The JSON document ``--json`` prints: summary, proofs (with steps), problems."""
    return {
        "summary": report.summary(),
        "proofs": [
            {
                "file": o.job.path,
                "cell": o.job.cell,
                "expect": _expected(o.result),
                "verdict": o.result.verdict,
                "ok": o.ok,
                "notes": list(o.job.notes),
                "result": o.result.to_dict(),
            }
            for o in report.outcomes
        ],
        "problems": [
            {"file": p.path, "cell": p.cell, "message": p.message, "expected": p.expected}
            for p in report.problems
        ],
    }


def write_json(report: BatchReport, out: TextIO) -> None:
    json.dump(to_json(report), out, indent=2, ensure_ascii=False)
    out.write("\n")


def _failure_text(outcome: Outcome) -> str:
    r = outcome.result
    lines = [f"{outcome.where}: verdict {r.verdict}, expected {_expected(r)}"]
    if r.message:
        lines.append(r.message)
    lines.extend(_step_line(s).strip() for s in r.steps if s.status != "proved")
    return "\n".join(lines)


def junit_tree(report: BatchReport) -> ET.ElementTree[ET.Element]:
    """JUnit XML: one testcase per proof, a failure when it misses its expectation."""
    suites = ET.Element("testsuites")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="proofnb",
        tests=str(len(report.outcomes) + len(report.problems)),
        failures=str(len(report.failures)),
        errors=str(len(report.unexpected_problems)),
        skipped="0",
        time=f"{report.seconds:.3f}",
    )
    for o in report.outcomes:
        name = f"cell {o.job.cell}" if o.job.cell else "proof"
        if o.result.title:
            name += f": {o.result.title}"
        case = ET.SubElement(
            suite, "testcase", classname=o.job.path, name=name, time=f"{o.result.seconds:.3f}"
        )
        if not o.ok:
            failure = ET.SubElement(
                case,
                "failure",
                message=f"verdict {o.result.verdict}, expected {_expected(o.result)}",
                type=o.result.verdict,
            )
            failure.text = _failure_text(o)
        if o.job.notes:
            ET.SubElement(case, "system-out").text = "\n".join(o.job.notes)
    for p in report.problems:
        name = f"cell {p.cell}" if p.cell else "file"
        case = ET.SubElement(suite, "testcase", classname=p.path, name=name, time="0")
        if p.expected:  # the kernel's error is intended: a passing case that says so
            ET.SubElement(case, "system-out").text = f"error as intended: {p.message}"
            continue
        error = ET.SubElement(case, "error", message=p.message, type="unreadable")
        error.text = p.message
    ET.indent(suites)
    return ET.ElementTree(suites)


def write_junit(report: BatchReport, path: str) -> None:
    junit_tree(report).write(path, encoding="utf-8", xml_declaration=True)
