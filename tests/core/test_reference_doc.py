"""Every example in notebooks/cell-language.md gets the verdict the page says it gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from proofnb.batch.discover import split_cell
from proofnb.core.check import check_proof
from proofnb.runner.api import make_options

PAGE = Path(__file__).resolve().parents[2] / "notebooks" / "cell-language.md"
EXAMPLE = re.compile(r"^Verdict: (accepted|review|rejected)\n```\n(.*?)```", re.M | re.S)


def _examples() -> list[tuple[str, str]]:
    return [(body, verdict) for verdict, body in EXAMPLE.findall(PAGE.read_text("utf-8"))]


def test_the_page_has_examples() -> None:
    assert len(_examples()) >= 10


@pytest.mark.parametrize(("cell", "verdict"), _examples(), ids=lambda v: v.split("\n")[0][:40])
def test_example_verdict(cell: str, verdict: str) -> None:
    options, body = split_cell(cell)
    result = check_proof(body, make_options(assume=list(options.assume),
                                            domain=options.domain or "real", seed=0))
    shown = [(s.status, s.method, s.message) for s in result.steps]
    assert result.verdict == verdict, shown
