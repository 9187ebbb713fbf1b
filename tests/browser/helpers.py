"""Playwright helpers shared by the browser tests."""

from __future__ import annotations

from typing import Any

from .conftest import UI_TIMEOUT_MS, Lab

PANEL_TAB = '.jp-SideBar.jp-mod-left .lm-TabBar-tab[data-id="proofnb-history"]'
PANEL = "#proofnb-history"
RANGE = f"{PANEL} .proofnb-range"
ROWS = f"{PANEL} tbody tr.proofnb-row"


def open_lab(browser: Any, lab: Lab) -> tuple[Any, list[str], list[str]]:
    """A fresh page on JupyterLab, fully started; returns it, the dialogs it opens and its
    console messages."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    page.goto(lab.lab_url(), wait_until="domcontentloaded", timeout=UI_TIMEOUT_MS * 2)
    page.wait_for_selector("#jp-main-dock-panel", state="visible", timeout=UI_TIMEOUT_MS * 2)
    page.wait_for_selector(PANEL_TAB, state="visible")
    # The layout is restored (file browser shown, launcher opened) only after the shell
    # appears: act before that and the restore undoes it.
    page.wait_for_selector(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    page.wait_for_selector("#jp-main-dock-panel .jp-Launcher", state="visible")
    page.wait_for_timeout(500)
    return page, dialogs, console


def open_panel(page: Any) -> None:
    """Show the Proof history panel from its left-sidebar icon and wait for the first page."""
    if not page.locator(PANEL).is_visible():
        page.click(PANEL_TAB)
    page.wait_for_selector(PANEL, state="visible")
    page.wait_for_function(
        "sel => document.querySelector(sel)?.textContent.includes(' of ')",
        arg=RANGE,
    )


def wait_range(page: Any, text: str) -> None:
    """Wait until the paging label reads exactly ``text``."""
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel)?.textContent === text",
        arg=[RANGE, text],
    )


def row_titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator(f"{ROWS} .proofnb-title").all_text_contents()]
