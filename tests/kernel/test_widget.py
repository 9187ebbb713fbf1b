"""The verdict widget without a kernel: rendering, escaping, plain text, live updates."""

from __future__ import annotations

import html
import re
from typing import Any

import comm
import pytest
from comm.base_comm import BaseComm

from proofnb.core.model import Counterexample, ProofResult, StepResult, StepSpec
from proofnb.kernel.widget import ProofWidget


class RecordingComm(BaseComm):
    """A comm that keeps every message the widget would send to the front end."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.messages: list[tuple[str, dict[str, Any]]] = []
        super().__init__(*args, **kwargs)

    def publish_msg(self, msg_type: str, data: Any = None, metadata: Any = None,
                    buffers: Any = None, **keys: Any) -> None:
        self.messages.append((msg_type, data or {}))


@pytest.fixture
def comms(monkeypatch: pytest.MonkeyPatch) -> list[RecordingComm]:
    made: list[RecordingComm] = []

    def create(*args: Any, **kwargs: Any) -> RecordingComm:
        made.append(RecordingComm(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(comm, "create_comm", create)
    return made


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


SPECS = (
    StepSpec(index=0, relation="=", lhs="(a + b)^2", rhs="(a + b)(a + b)", origin="(a + b)^2",
             line=2),
    StepSpec(index=1, relation="=", lhs="(a + b)(a + b)", rhs="a^2 + 2ab + b^2",
             origin="(a + b)^2", line=3),
)


def _step(index: int, status: str, seconds: float = 0.01, **kw: Any) -> StepResult:
    spec = SPECS[index]
    return StepResult(index=index, relation=spec.relation, lhs=spec.lhs, rhs=spec.rhs,
                      status=status, seconds=seconds, **kw)  # type: ignore[arg-type]


def _result(*steps: StepResult, verdict: str = "accepted", **kw: Any) -> ProofResult:
    return ProofResult(text="...", steps=steps, verdict=verdict, **kw)  # type: ignore[arg-type]


def test_pending_widget_shows_every_step_and_progress() -> None:
    w = ProofWidget(SPECS, title="Square of a sum")
    assert len(w.rows) == 2
    assert all("pending" in row.value for row in w.rows)
    assert "(a + b)^2" in w.rows[0].value
    assert "0/2 checked" in w.progress.value
    assert not w.cancel_button.disabled
    assert w.text() == (
        "Square of a sum — checking (0/2 checked)\n"
        "  1. (a + b)^2 = (a + b)(a + b)   pending\n"
        "  2. (a + b)(a + b) = a^2 + 2ab + b^2   pending"
    )


def test_step_update_renders_latex_status_method_and_progress() -> None:
    w = ProofWidget(SPECS)
    w.show_step(_step(1, "proved", method="expand", lhs_latex=r"\left(a + b\right)^{2}",
                      rhs_latex="a^{2} + 2 a b + b^{2}"))
    row = w.rows[1].value
    assert r"$\left(a + b\right)^{2}$" in row and "$=$" in row
    assert "proved" in row and "expand" in row and "0.01 s" in row
    assert "pending" in w.rows[0].value
    assert "1/2 checked" in w.progress.value
    assert w.status_of(1) == "proved" and w.status_of(0) == "pending"


def test_user_text_is_escaped_everywhere() -> None:
    evil = '<img src=x onerror="alert(1)">'
    spec = StepSpec(index=0, relation="<", lhs=evil, rhs="$x$", origin=evil, line=2)
    w = ProofWidget([spec], title="<script>alert('t')</script>", assume=["x > 0 & <u>"])
    step = StepResult(index=0, relation="<", lhs=evil, rhs="$x$", status="error",
                      message="bad <i>input</i>", lhs_latex="x $ y", rhs_latex="<u>")
    w.show_step(step)
    w.show_result(_result(step, verdict="rejected", conclusion=evil))
    w.show_history_error("disk <full>")
    markup = "".join(child.value for child in (w.header, *w.rows, w.progress, w.verdict))
    for raw in ("<script>", "<img", "<i>", "<u>", "<full>"):
        assert raw not in markup
    assert "&lt;script&gt;" in w.header.value
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in w.rows[0].value
    # A "$" in user text or in unusable LaTeX is never handed to MathJax as maths.
    assert 'class="tex2jax_ignore">$x$' in w.rows[0].value
    assert "history not saved: " in w.verdict.value


def test_text_plain_is_deterministic_and_has_witnesses() -> None:
    def finished(seconds: float) -> ProofWidget:
        w = ProofWidget(SPECS, title="Square of a sum")
        ce = Counterexample("value", (("a", "1"), ("b", "1")), "4", "5",
                            "a = 1, b = 1: left side 4, right side 5")
        s0 = _step(0, "proved", seconds, method="expand", notes=("a ≠ b",))
        s1 = _step(1, "refuted", seconds * 3, method="counterexample", counterexample=ce)
        w.show_step(s1)
        w.show_step(s0)
        w.show_result(_result(s0, s1, verdict="rejected", flags=("domain",)))
        return w

    a, b = finished(0.01), finished(7.5)
    assert a.text() == b.text() == repr(a)
    assert a.text() == (
        "Square of a sum — rejected\n"
        "  1. (a + b)^2 = (a + b)(a + b)   proved (expand)\n"
        "     note: a ≠ b\n"
        "  2. (a + b)(a + b) = a^2 + 2ab + b^2   refuted (counterexample)\n"
        "     counterexample: a = 1, b = 1: left side 4, right side 5\n"
        "  flags: domain"
    )
    bundle = a._repr_mimebundle_()
    assert bundle["text/plain"] == a.text()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "counterexample: a = 1, b = 1" in _plain(a.rows[1].value)
    assert "rejected" in a.verdict.value and "domain" in a.verdict.value


def test_lost_root_and_unknown_message_are_shown() -> None:
    w = ProofWidget(SPECS)
    lost = Counterexample("lost-root", (("x", "0"),), None, None, "x = 0 solves the previous line")
    w.show_step(_step(0, "refuted", method="solveset", counterexample=lost))
    w.show_step(_step(1, "unknown", method="timeout", message="no proof within 1 s"))
    assert "lost root: x = 0 solves" in _plain(w.rows[0].value)
    assert "no proof within 1 s" in _plain(w.rows[1].value)
    assert "     lost root: x = 0 solves the previous line" in w.text()
    assert "unknown (timeout)" in w.text()


def test_updates_reach_the_front_end_as_state_messages(comms: list[RecordingComm]) -> None:
    w = ProofWidget(SPECS)
    by_id = {c.comm_id: c for c in comms}
    row_comm = by_id[w.rows[0].model_id]
    progress_comm = by_id[w.progress.model_id]
    before = len(row_comm.messages), len(progress_comm.messages)
    w.show_step(_step(0, "likely", method="numeric"))
    updates = [d for kind, d in row_comm.messages[before[0]:] if kind == "comm_msg"]
    assert updates and updates[-1]["method"] == "update"
    assert "likely" in updates[-1]["state"]["value"]
    progress = [d for kind, d in progress_comm.messages[before[1]:] if kind == "comm_msg"]
    assert "1/2 checked" in progress[-1]["state"]["value"]


def test_cancel_button_calls_back_once_and_disables() -> None:
    w = ProofWidget(SPECS)
    calls: list[int] = []
    w.on_cancel(lambda: calls.append(1))
    w.cancel_button.click()
    w.cancel_button.click()
    assert calls == [1]
    assert w.cancel_button.disabled
    assert "cancelling" in w.progress.value


def test_finished_widget_disables_cancel_and_ignores_clicks() -> None:
    w = ProofWidget(SPECS)
    calls: list[int] = []
    w.on_cancel(lambda: calls.append(1))
    w.show_result(_result(_step(0, "proved"), _step(1, "proved")))
    w.cancel_button.click()
    assert calls == [] and w.cancel_button.disabled
    assert "2/2 checked" in w.progress.value
    assert w.text().startswith("Proof — accepted")


def test_the_conclusion_is_typeset_and_user_text_stays_escaped() -> None:
    # Round 34: the conclusion showed its source (|\vec{a}| = 3) as escaped text.
    step = StepResult(index=0, relation="=", lhs="|\\vec{a}|", rhs="3", status="proved")
    spec = StepSpec(index=0, relation="=", lhs="|\\vec{a}|", rhs="3", origin="|a|", line=2)
    w = ProofWidget([spec])
    w.show_result(_result(step, verdict="accepted", conclusion="|\\vec{a}| = 3; x_1 = 2"))
    assert r"conclusion: $|\vec{a}| = 3$; $x_{1} = 2$" in w.verdict.value
    w = ProofWidget([spec])  # a set's ';' is no chain separator
    w.show_result(_result(step, verdict="accepted", conclusion="x^2 = 4 <=> L = \\{-2; 2\\}"))
    assert r"$x^2 = 4 \Leftrightarrow  L = \{-2; 2\}$" in w.verdict.value
    for sentence in ("no single conclusion from 1 to 3: the chain mixes < and >",
                     "x $ 1 = 2", "a \\href{x}{y} = 1"):
        w = ProofWidget([spec])
        w.show_result(_result(step, verdict="review", conclusion=sentence))
        assert "conclusion: <span class=\"tex2jax_ignore\">" in w.verdict.value, sentence
