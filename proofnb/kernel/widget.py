"""The verdict widget: a composite ``VBox`` that shows a proof while its steps are checked.

One ``HTMLMath`` row per step (the two sides as mathematics when the worker sent LaTeX,
escaped source text otherwise), a progress line, a verdict line and a Cancel button. The
widget only changes through its methods, which the kernel service calls from the kernel's
event loop; it never prints. ``text()`` is a deterministic plain-text rendering (no
times, no ids) used for ``text/plain`` in consoles, nbconvert and nbval.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import ipywidgets as widgets

from proofnb.core.model import ProofResult, StepResult
from proofnb.core.render import render_latex

#: Icon and colour for each step status.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "pending": ("⏳", "#6b7280"),
    "proved": ("✔", "#15803d"),
    "likely": ("≈", "#b45309"),
    "refuted": ("✘", "#b91c1c"),
    "unknown": ("?", "#6b7280"),
    "error": ("⚠", "#b91c1c"),
}

VERDICT_STYLE: dict[str, tuple[str, str]] = {
    "accepted": ("✔", "#15803d"),
    "review": ("👁", "#b45309"),
    "rejected": ("✘", "#b91c1c"),
}

_LATEX_RELATION = {
    "=": "=",
    "<": "<",
    "<=": r"\le",
    ">": ">",
    ">=": r"\ge",
    "<=>": r"\iff",
    "==>": r"\implies",
    "<==": r"\impliedby",
    "≈": r"\approx",
    "≡": r"\equiv",
}


class StepLike(Protocol):
    """What the widget needs from a step before it is checked (a ``StepSpec``)."""

    @property
    def index(self) -> int: ...
    @property
    def relation(self) -> str: ...
    @property
    def lhs(self) -> str: ...
    @property
    def rhs(self) -> str: ...


def _text(value: str) -> str:
    """User text as inert HTML: escaped, and kept away from MathJax (``$`` is not maths)."""
    return f'<span class="tex2jax_ignore">{html.escape(value, quote=True)}</span>'


def _math(latex: str) -> str:
    return f"${html.escape(latex, quote=True)}$"


def _usable_latex(latex: str) -> bool:
    return bool(latex) and "$" not in latex


def _side(source: str, latex: str) -> str:
    return _math(latex) if _usable_latex(latex) else _text(source)


def _conclusion_html(conclusion: str) -> str:
    """The conclusion as mathematics (``|\\vec{a}| = 3`` showed its LaTeX source), each
    chain's part on its own; a part the renderer cannot typeset stays escaped text."""
    if conclusion.startswith("no single conclusion"):  # a sentence, not a relation
        return _text(conclusion)
    parts = []
    for part in _chain_parts(conclusion):
        latex = render_latex(part)
        parts.append(_text(part) if latex.startswith(r"\text{") or not _usable_latex(latex)
                     else _math(latex))
    return "; ".join(parts)


def _chain_parts(conclusion: str) -> list[str]:
    """The conclusion cut at the "; " between chains, never inside brackets (L = \\{-2; 2\\})."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(conclusion):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth <= 0 and conclusion.startswith("; ", i):
            parts.append(conclusion[start:i])
            start = i + 2
    return [*parts, conclusion[start:]]


def _relation_html(relation: str, as_math: bool) -> str:
    if as_math and relation in _LATEX_RELATION:
        return _math(_LATEX_RELATION[relation])
    return _text(relation)


class ProofWidget(widgets.VBox):
    """A live view of one proof: rows per step, progress, verdict, flags and Cancel."""

    def __init__(
        self,
        specs: Sequence[StepLike],
        *,
        title: str = "",
        domain: str = "real",
        assume: Sequence[str] = (),
        **kwargs: Any,
    ) -> None:
        self.title = title
        self.domain = domain
        self.assume = tuple(assume)
        self._specs = list(specs)
        self._steps: dict[int, StepResult] = {}
        self._result: ProofResult | None = None
        self._history_error = ""
        self._cancelled = False
        self._cancel_callbacks: list[Callable[[], None]] = []

        self.header = widgets.HTML(value=self._header_html())
        self.rows = [widgets.HTMLMath(value=self._row_html(spec, None)) for spec in self._specs]
        self.progress = widgets.HTML(value=self._progress_html())
        self.verdict = widgets.HTMLMath(value="")  # the conclusion is typeset
        self.cancel_button = widgets.Button(
            description="Cancel",
            tooltip="Stop checking the pending steps",
            icon="stop",
            disabled=not self._specs,
            layout=widgets.Layout(width="auto"),
        )
        self.cancel_button.on_click(self._clicked)
        self.footer = widgets.HBox([self.progress, self.cancel_button])
        super().__init__(
            children=[self.header, *self.rows, self.footer, self.verdict], **kwargs
        )
        self.add_class("proofnb-proof")

    # -- state ------------------------------------------------------------------------

    @property
    def steps_total(self) -> int:
        return len(self._specs)

    @property
    def steps_done(self) -> int:
        return len(self._steps)

    @property
    def done(self) -> bool:
        return self._result is not None

    @property
    def result(self) -> ProofResult | None:
        return self._result

    def status_of(self, index: int) -> str:
        """The shown status of step ``index`` (``pending`` until its verdict arrives)."""
        step = self._steps.get(index)
        return step.status if step else "pending"

    # -- updates (called on the kernel's event loop) -----------------------------------

    def show_step(self, step: StepResult) -> None:
        """Show one finished step: its row and the progress count change."""
        position = self._position(step.index)
        if position is None:
            return
        self._steps[step.index] = step
        self.rows[position].value = self._row_html(self._specs[position], step)
        self.progress.value = self._progress_html()

    def show_result(self, result: ProofResult) -> None:
        """Show the finished proof: every step, the verdict and flags; Cancel is disabled."""
        for step in result.steps:
            if self._steps.get(step.index) != step:
                self.show_step(step)
        self._result = result
        self.cancel_button.disabled = True
        self.progress.value = self._progress_html()
        self.verdict.value = self._verdict_html()

    def show_history_error(self, reason: str) -> None:
        """Say that the history write failed (the proof itself is unaffected)."""
        self._history_error = reason
        self.verdict.value = self._verdict_html()

    def show_cancelling(self) -> None:
        self._cancelled = True
        self.cancel_button.disabled = True
        self.progress.value = self._progress_html()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Register ``callback`` to run when the user presses Cancel."""
        self._cancel_callbacks.append(callback)

    def _clicked(self, _button: Any) -> None:
        if self.done or self._cancelled:
            return
        self.show_cancelling()
        for callback in self._cancel_callbacks:
            callback()

    def _position(self, index: int) -> int | None:
        for position, spec in enumerate(self._specs):
            if spec.index == index:
                return position
        return None

    # -- HTML --------------------------------------------------------------------------

    def _header_html(self) -> str:
        parts = [f"<b>{_text(self.title)}</b>" if self.title else "<b>Proof</b>"]
        details = []
        if self.domain != "real":
            details.append(f"domain {_text(self.domain)}")
        if self.assume:
            details.append("assuming " + ", ".join(_text(a) for a in self.assume))
        if details:
            parts.append(f'<span style="color:#6b7280"> — {"; ".join(details)}</span>')
        return "".join(parts)

    def _row_html(self, spec: StepLike, step: StepResult | None) -> str:
        status = step.status if step else "pending"
        icon, colour = STATUS_STYLE.get(status, ("?", "#6b7280"))
        lhs_latex = step.lhs_latex if step else ""
        rhs_latex = step.rhs_latex if step else ""
        as_math = _usable_latex(lhs_latex) and _usable_latex(rhs_latex)
        claim = " ".join(
            (
                _side(spec.lhs, lhs_latex if as_math else ""),
                _relation_html(spec.relation, as_math),
                _side(spec.rhs, rhs_latex if as_math else ""),
            )
        )
        meta = f'<span style="color:{colour};font-weight:bold">{icon} {status}</span>'
        if step is not None:
            method = f"{_text(step.method)} · " if step.method else ""
            meta += f' <span style="color:#6b7280">({method}{step.seconds:.2f} s)</span>'
        lines = [
            f'<div class="proofnb-step proofnb-{status}">'
            f'<span style="color:#6b7280">{spec.index + 1}.</span> {claim} &nbsp; {meta}</div>'
        ]
        if step is not None:
            lines.extend(self._detail_html(step))
        return "".join(lines)

    @staticmethod
    def _detail_html(step: StepResult) -> list[str]:
        style = 'style="margin-left:2em;color:{}"'
        out = []
        if step.counterexample is not None:
            label = "lost root" if step.counterexample.kind == "lost-root" else "counterexample"
            out.append(
                f'<div {style.format("#b91c1c")}>{label}: {_text(step.counterexample.text)}</div>'
            )
        if step.message and step.status in ("error", "unknown", "likely"):
            out.append(f'<div {style.format("#6b7280")}>{_text(step.message)}</div>')
        for note in step.notes:
            out.append(f'<div {style.format("#6b7280")}>note: {_text(note)}</div>')
        return out

    def _progress_html(self) -> str:
        text = f"{self.steps_done}/{self.steps_total} checked"
        if self._cancelled and not self.done:
            text += " — cancelling"
        return f'<span class="proofnb-progress">{text}</span>'

    def _verdict_html(self) -> str:
        parts = []
        if self._result is not None:
            verdict = self._result.verdict
            icon, colour = VERDICT_STYLE.get(verdict, ("", "#6b7280"))
            parts.append(
                f'<div class="proofnb-verdict" style="color:{colour};font-weight:bold">'
                f"{icon} {verdict}</div>"
            )
            if self._result.flags:
                flags = ", ".join(_text(f) for f in self._result.flags)
                parts.append(f"<div>flags: {flags}</div>")
            if self._result.conclusion:
                parts.append(f"<div>conclusion: {_conclusion_html(self._result.conclusion)}</div>")
            if self._result.expect and not self._result.meets_expectation:
                parts.append(
                    f'<div style="color:#b91c1c">expected {_text(self._result.expect)}</div>'
                )
            if self._result.message:
                parts.append(f"<div>{_text(self._result.message)}</div>")
        if self._history_error:
            parts.append(
                f'<div style="color:#b45309">history not saved: {_text(self._history_error)}</div>'
            )
        return "".join(parts)

    # -- plain text --------------------------------------------------------------------

    def text(self) -> str:
        """A deterministic plain-text rendering: no times, no ids."""
        title = self.title or "Proof"
        if self._result is not None:
            head = f"{title} — {self._result.verdict}"
        else:
            head = f"{title} — checking ({self.steps_done}/{self.steps_total} checked)"
        lines = [head]
        for spec in self._specs:
            step = self._steps.get(spec.index)
            claim = f"{spec.lhs} {spec.relation} {spec.rhs}"
            if step is None:
                lines.append(f"  {spec.index + 1}. {claim}   pending")
                continue
            method = f" ({step.method})" if step.method else ""
            lines.append(f"  {spec.index + 1}. {claim}   {step.status}{method}")
            if step.counterexample is not None:
                label = "lost root" if step.counterexample.kind == "lost-root" else "counterexample"
                lines.append(f"     {label}: {step.counterexample.text}")
            if step.message and step.status in ("error", "unknown"):
                lines.append(f"     {step.message}")
            lines.extend(f"     note: {note}" for note in step.notes)
        if self._result is not None:
            if self._result.flags:
                lines.append(f"  flags: {', '.join(self._result.flags)}")
            if self._result.expect and not self._result.meets_expectation:
                lines.append(f"  expected: {self._result.expect}")
        # The history write is left out on purpose: it depends on the machine, not the proof.
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/plain"] = self.text()
        return bundle
