"""Finding %%verify proofs and parsing their magic lines (no checking involved)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from proofnb.batch.discover import CellOptions, discover, find_sources, parse_magic_line, split_cell
from proofnb.core.errors import OptionsError


def _notebook(path: Path, *sources: str, markdown: str = "") -> None:
    nb = nbformat.v4.new_notebook()
    if markdown:
        nb.cells.append(nbformat.v4.new_markdown_cell(markdown))
    nb.cells.extend(nbformat.v4.new_code_cell(s) for s in sources)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def test_magic_line_options() -> None:
    options = parse_magic_line(
        '%%verify --title "Square of a sum" --assume "x > 0" --assume "n integer" '
        "--domain complex --timeout 2.5 --expect review --wait --seed 7 --no-save"
    )
    assert options == CellOptions(
        assume=("x > 0", "n integer"),
        domain="complex",
        timeout=2.5,
        title="Square of a sum",
        expect="review",
        wait=True,
        seed=7,
        save=False,
    )
    assert parse_magic_line("%%verify") == CellOptions()


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("%%verify --domain rational", "--domain"),
        ("%%verify --expect passed", "--expect"),
        ("%%verify --timeout -1", "--timeout"),
        ("%%verify --timeout soon", "--timeout"),
        ("%%verify --seed 1.5", "--seed"),
        ("%%verify --colour red", "--colour"),
        ('%%verify --title "unclosed', "quotation"),
        ("%%verify stray", "stray"),
    ],
)
def test_bad_magic_lines_raise_options_error(line: str, word: str) -> None:
    with pytest.raises(OptionsError) as info:
        parse_magic_line(line)
    assert word in str(info.value)


def test_split_cell_keeps_the_body() -> None:
    options, body = split_cell("%%verify --expect rejected\n(x+1)^2\n  = x^2 + 1\n")
    assert options.expect == "rejected"
    assert body == "(x+1)^2\n  = x^2 + 1\n"
    options, body = split_cell("x = x\n")
    assert options == CellOptions() and body == "x = x\n"
    with pytest.raises(OptionsError):
        split_cell("%%verifyx\nx = x")


def test_notebook_cells_numbered_and_filtered(tmp_path: Path) -> None:
    nb = tmp_path / "sheet.ipynb"
    _notebook(
        nb,
        "%load_ext proofnb",
        "%%verify --title T\na = a",
        "print('%%verify is not a magic here')",
        "%%verify --domain nowhere\nb = b",
        "\n%%verify\nc = c",
        markdown="%%verify in markdown is text",
    )
    jobs, problems = discover([str(nb)])
    assert [(j.cell, j.text.strip(), j.options.title) for j in jobs] == [
        (3, "a = a", "T"),
        (6, "c = c", ""),
    ]
    assert [(p.cell, "--domain" in p.message) for p in problems] == [(5, True)]


def test_folders_are_walked_without_checkpoints(tmp_path: Path) -> None:
    _notebook(tmp_path / "b" / "two.ipynb", "%%verify\nx = x")
    _notebook(tmp_path / "a" / "one.ipynb", "%%verify\nx = x")
    _notebook(tmp_path / "a" / ".ipynb_checkpoints" / "one-checkpoint.ipynb", "%%verify\nx = x")
    (tmp_path / "c.proof").write_text("%%verify --expect rejected\nx = 2x\n")
    (tmp_path / "notes.txt").write_text("not picked up from a folder")
    found = [p.relative_to(tmp_path).as_posix() for p in find_sources([str(tmp_path)])]
    assert found == ["c.proof", "a/one.ipynb", "b/two.ipynb"]
    # A file named on the command line is read whatever its suffix; duplicates collapse.
    jobs, _ = discover([str(tmp_path / "notes.txt"), str(tmp_path), str(tmp_path / "c.proof")])
    assert [Path(j.path).name for j in jobs] == ["notes.txt", "c.proof", "one.ipynb", "two.ipynb"]
    assert jobs[1].options.expect == "rejected" and jobs[1].cell == 0


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        find_sources([str(tmp_path / "nope.ipynb")])


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"cells": 3, "nbformat": 4, "nbformat_minor": 5, "metadata": {}}',
        b"\xff\xfe",
    ],
)
def test_corrupt_notebooks_become_problems(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "bad.ipynb").write_bytes(content)
    _notebook(tmp_path / "good.ipynb", "%%verify\nx = x")
    jobs, problems = discover([str(tmp_path)])
    assert [Path(j.path).name for j in jobs] == ["good.ipynb"]
    assert len(problems) == 1 and problems[0].path.endswith("bad.ipynb")
    assert problems[0].message.startswith("cannot read notebook")
