"""The Proof history panel in a real JupyterLab, driven in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from proofnb.store.history import ProofStore

from . import seed
from .conftest import Lab, save_failure
from .helpers import PANEL, PANEL_TAB, RANGE, ROWS, open_lab, open_panel, row_titles, wait_range

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Any, lab: Lab, request: pytest.FixtureRequest) -> Any:
    page, dialogs, console = open_lab(browser, lab)
    page.proofnb_dialogs = dialogs
    yield page
    save_failure(request, page, console)
    page.context.close()


def test_panel_opens_from_sidebar_with_counts(page: Any, lab: Lab, artifacts: Path) -> None:
    assert not page.locator(PANEL).is_visible()
    open_panel(page)
    wait_range(page, f"1–25 of {seed.TOTAL}")
    assert page.locator(ROWS).count() == 25
    # Newest first: the last seeded proof leads, then the one before it.
    titles = row_titles(page)
    assert titles[0] == seed.title_of(seed.TOTAL - 1)
    assert titles[1] == seed.title_of(seed.TOTAL - 2)
    badges = page.locator(f"{ROWS} .proofnb-col-verdict").all_text_contents()
    assert badges[:3] == [seed.verdict_of(seed.TOTAL - 1 - i) for i in range(3)]
    steps = page.locator(f"{ROWS} .proofnb-col-steps").all_text_contents()
    assert steps[0] == "3" and steps[1] == "2"  # rejected proofs carry the refuted step
    assert page.locator(f"{ROWS} .proofnb-notebook").first.text_content() == "week1.ipynb"
    page.locator(PANEL).screenshot(path=str(artifacts / "proof-history-panel.png"))
    page.screenshot(path=str(artifacts / "proof-history-lab.png"))


def test_command_palette_entry_opens_panel(page: Any) -> None:
    page.click("#jp-main-dock-panel")  # keyboard focus inside the application
    page.keyboard.press("Control+Shift+C")
    page.wait_for_selector(".lm-CommandPalette-input", state="visible")
    page.fill(".lm-CommandPalette-input", "Proof history")
    # The palette re-renders as it filters, so choose the active match with Enter.
    page.wait_for_selector(
        '.lm-CommandPalette-item.lm-mod-active[data-command="proofnb:open-history"]'
    )
    page.keyboard.press("Enter")
    page.wait_for_selector(PANEL, state="visible")
    wait_range(page, f"1–25 of {seed.TOTAL}")


def test_pages_forward_and_back(page: Any) -> None:
    open_panel(page)
    page.select_option(f"{PANEL} .proofnb-page-size", "10")
    wait_range(page, f"1–10 of {seed.TOTAL}")
    first = row_titles(page)
    assert len(first) == 10
    assert page.locator(f"{PANEL} .proofnb-prev").is_disabled()

    page.click(f"{PANEL} .proofnb-next")
    wait_range(page, f"11–20 of {seed.TOTAL}")
    second = row_titles(page)
    assert second[0] == seed.title_of(seed.TOTAL - 11)
    assert not set(first) & set(second)

    for start in (21, 31, 41):
        page.click(f"{PANEL} .proofnb-next")
        wait_range(page, f"{start}–{start + 9} of {seed.TOTAL}")
    page.click(f"{PANEL} .proofnb-next")
    wait_range(page, f"51–{seed.TOTAL} of {seed.TOTAL}")
    assert page.locator(ROWS).count() == seed.TOTAL - 50
    assert page.locator(f"{PANEL} .proofnb-next").is_disabled()
    assert row_titles(page)[-1] == seed.title_of(0)  # the oldest proof ends the list

    page.click(f"{PANEL} .proofnb-prev")
    wait_range(page, f"41–50 of {seed.TOTAL}")
    page.click(f"{PANEL} .proofnb-prev")
    wait_range(page, f"31–40 of {seed.TOTAL}")


def test_filters_by_verdict_and_searches(page: Any) -> None:
    open_panel(page)
    rejected = sum(seed.verdict_of(i) == "rejected" for i in range(seed.TOTAL))
    page.select_option(f"{PANEL} .proofnb-verdict", "rejected")
    wait_range(page, f"1–{min(rejected, 25)} of {rejected}")
    verdicts = set(page.locator(f"{ROWS} .proofnb-col-verdict").all_text_contents())
    assert verdicts == {"rejected"}

    page.select_option(f"{PANEL} .proofnb-verdict", "")
    wait_range(page, f"1–25 of {seed.TOTAL}")
    page.fill(f"{PANEL} .proofnb-search", seed.SEARCH_WORD.upper())
    wait_range(page, f"1–{seed.SEARCH_HITS} of {seed.SEARCH_HITS}")
    assert all(seed.SEARCH_WORD in t.lower() for t in row_titles(page))

    page.fill(f"{PANEL} .proofnb-search", "no proof has this title")
    page.wait_for_selector(f"{PANEL} .proofnb-empty", state="visible")
    assert "Clear the search" in page.locator(f"{PANEL} .proofnb-empty").text_content()
    assert page.locator(ROWS).count() == 0


def test_hostile_title_is_text(page: Any) -> None:
    open_panel(page)
    wait_range(page, f"1–25 of {seed.TOTAL}")
    cell = page.locator(f"{ROWS} .proofnb-title").first
    assert cell.text_content() == seed.HOSTILE_TITLE
    assert page.locator(f"{PANEL} img").count() == 0

    cell.click()
    heading = page.locator(".proofnb-detail-title")
    heading.wait_for(state="visible")
    assert seed.HOSTILE_TITLE in heading.text_content()
    assert page.locator(".proofnb-detail img").count() == 0
    assert page.locator(".lm-DockPanel-tabBar img").count() == 0
    page.wait_for_timeout(500)  # an onerror handler would have fired by now
    assert page.proofnb_dialogs == []


def test_detail_renders_maths_and_opens_notebook(page: Any, lab: Lab, artifacts: Path) -> None:
    open_panel(page)
    wait_range(page, f"1–25 of {seed.TOTAL}")
    # The fourth newest proof is a rejected one: three steps, the last refuted.
    index = seed.TOTAL - 4
    assert seed.verdict_of(index) == "rejected"
    page.locator(ROWS).nth(3).click()

    detail = page.locator(".proofnb-detail")
    detail.wait_for(state="visible")
    page.wait_for_function(
        "n => document.querySelectorAll('.proofnb-math mjx-container').length === n", arg=3
    )
    steps = detail.locator(".proofnb-step")
    assert steps.count() == 3
    statuses = [s.get_attribute("data-status") for s in steps.all()]
    assert statuses == ["proved", "proved", "refuted"]
    assert detail.locator(".proofnb-step-facts").first.text_content().startswith("method: expand")
    assert "x = -1: left side 0, right side undefined" in (
        detail.locator(".proofnb-counterexample").text_content()
    )
    assert "Domain note: x ≠ 1" in detail.locator(".proofnb-note").first.text_content()
    assert detail.locator(".proofnb-detail-title").text_content().endswith(seed.title_of(index))
    detail.screenshot(path=str(artifacts / "proof-detail.png"))

    link = detail.locator(".proofnb-notebook-link")
    assert link.text_content() == lab.notebook
    link.click()
    page.wait_for_selector(
        '.lm-DockPanel-tabBar .lm-TabBar-tab:has-text("week1.ipynb")', state="visible"
    )
    page.wait_for_selector(".jp-Notebook .jp-MarkdownCell", state="visible")


def test_new_proof_appears_while_open(page: Any, lab: Lab) -> None:
    open_panel(page)
    wait_range(page, f"1–25 of {seed.TOTAL}")
    title = "Added while the panel is open"
    with ProofStore(lab.db) as store:
        new_id = store.add(seed.proof(0, title=title), notebook=None)
        try:
            wait_range(page, f"1–25 of {seed.TOTAL + 1}")
            page.wait_for_function(
                "([sel, title]) => document.querySelector(sel)?.textContent === title",
                arg=[f"{ROWS} .proofnb-title", title],
            )
        finally:
            store.delete(new_id)
    wait_range(page, f"1–25 of {seed.TOTAL}")


def test_no_requests_while_hidden(page: Any) -> None:
    open_panel(page)
    wait_range(page, f"1–25 of {seed.TOTAL}")
    calls: list[str] = []
    page.on("request", lambda r: calls.append(r.url) if "/proofnb/api/" in r.url else None)
    page.wait_for_timeout(7000)
    assert calls, "the visible panel should refresh itself"
    page.click(PANEL_TAB)  # collapse the sidebar: the panel is hidden
    page.wait_for_selector(PANEL, state="hidden")
    page.wait_for_timeout(1000)
    calls.clear()
    page.wait_for_timeout(7000)
    assert calls == []
    assert page.locator(RANGE).count() == 1
