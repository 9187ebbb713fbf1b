"""parse_cell: chains, steps, relations, assume lines, structural errors."""

from __future__ import annotations

import pickle

import pytest

from proofnb.core.cell import MAX_CELL_CHARS, ParsedCell, parse_cell
from proofnb.core.errors import ParseError


def _steps(text: str) -> list[tuple[str, str, str, str]]:
    return [(s.lhs, s.relation, s.rhs, s.kind) for s in parse_cell(text).steps]


def test_expression_chain_over_lines() -> None:
    cell = parse_cell("(a + b)^2\n  = (a + b)(a + b)\n  = a^2 + ab + ba + b^2\n  = a^2 + 2ab + b^2")
    assert [(s.lhs, s.relation, s.rhs) for s in cell.steps] == [
        ("(a + b)^2", "=", "(a + b)(a + b)"),
        ("(a + b)(a + b)", "=", "a^2 + ab + ba + b^2"),
        ("a^2 + ab + ba + b^2", "=", "a^2 + 2ab + b^2"),
    ]
    assert [s.index for s in cell.steps] == [0, 1, 2]
    assert all(s.origin == "(a + b)^2" and s.kind == "expression" for s in cell.steps)
    assert [(s.line, s.col, s.lhs_line) for s in cell.steps] == [(2, 5, 1), (3, 5, 2), (4, 5, 3)]
    assert [line.relation for line in cell.lines] == [None, "=", "=", "="]
    assert cell.lines[0].kind == "expression"


def test_one_line_expression_step() -> None:
    cell = parse_cell("log(x^2) = 2 log(x)")
    assert len(cell.steps) == 1
    step = cell.steps[0]
    assert (step.lhs, step.relation, step.rhs, step.kind) == (
        "log(x^2)",
        "=",
        "2 log(x)",
        "expression",
    )
    assert (step.line, step.col, step.origin) == (1, 12, "log(x^2)")


def test_two_steps_on_one_line() -> None:
    assert _steps("a = b < c") == [("a", "=", "b", "expression"), ("b", "<", "c", "expression")]


def test_statement_chain() -> None:
    cell = parse_cell("x^2 - 5x + 6 = 0\n<=> (x - 2)(x - 3) = 0\n<=> x = 2 or x = 3")
    assert _steps(cell.text) == [
        ("x^2 - 5x + 6 = 0", "<=>", "(x - 2)(x - 3) = 0", "statement"),
        ("(x - 2)(x - 3) = 0", "<=>", "x = 2 or x = 3", "statement"),
    ]
    assert cell.steps[0].origin == "x^2 - 5x + 6 = 0"
    assert {line.kind for line in cell.lines} == {"statement"}


def test_implicit_equivalence_between_equation_lines() -> None:
    assert _steps("x^2 = 4\nx = 2 or x = -2") == [
        ("x^2 = 4", "<=>", "x = 2 or x = -2", "statement")
    ]


@pytest.mark.parametrize(
    ("arrow", "relation"),
    [
        ("<=>", "<=>"),
        ("⇔", "<=>"),
        (r"\iff", "<=>"),
        (r"\Leftrightarrow", "<=>"),
        ("==>", "==>"),
        ("=>", "==>"),
        ("⇒", "==>"),
        (r"\implies", "==>"),
        ("<==", "<=="),
        ("⇐", "<=="),
    ],
)
def test_statement_arrows_are_normalised(arrow: str, relation: str) -> None:
    assert _steps(f"x - 1 = 2 {arrow} x = 3")[0][1] == relation


@pytest.mark.parametrize(
    ("op", "relation"),
    [
        ("=", "="),
        ("==", "="),
        ("<", "<"),
        ("<=", "<="),
        ("≤", "<="),
        (r"\le", "<="),
        (">", ">"),
        (">=", ">="),
        ("≥", ">="),
        (r"\geq", ">="),
    ],
)
def test_expression_relations_are_normalised(op: str, relation: str) -> None:
    assert _steps(f"x^2 {op} y")[0][1] == relation


def test_not_equal_makes_a_statement() -> None:
    assert _steps("x != 1 <=> x ≠ 1")[0][3] == "statement"


def test_line_ending_with_relation_continues() -> None:
    assert _steps("(a+b)^2 =\n  a^2 + 2ab + b^2") == [
        ("(a+b)^2", "=", "a^2 + 2ab + b^2", "expression")
    ]


def test_comments_assume_and_magic_lines() -> None:
    cell = parse_cell(
        "%%verify --title x\n# a comment\nassume x > 0, n integer\nassume y < 1 # why\n"
        "sqrt(x)^2 = x  # trailing comment"
    )
    assert cell.assume == ("x > 0, n integer", "y < 1")
    assert _steps(cell.text) == [("sqrt(x)^2", "=", "x", "expression")]


def test_blank_line_separates_chains() -> None:
    cell = parse_cell("a = b\n\nc\n= d\n\nx = 1\n<=> 2x = 2")
    assert [(s.lhs, s.rhs, s.origin) for s in cell.steps] == [
        ("a", "b", "a"),
        ("c", "d", "c"),
        ("x = 1", "2x = 2", "x = 1"),
    ]
    assert [line.chain for line in cell.lines] == [0, 0, 1, 1, 2, 2]


def test_leading_relation_continues_across_blank_line() -> None:
    assert len(parse_cell("(a+b)^2\n\n= a^2 + 2ab + b^2").steps) == 1


def test_brackets_hide_relations() -> None:
    assert _steps(r"Eq(x, 1) <=> x = 1")[0][:3] == ("Eq(x, 1)", "<=>", "x = 1")
    assert _steps(r"\sum_{k=1}^{n} k = n(n+1)/2") == [
        (r"\sum_{k=1}^{n} k", "=", "n(n+1)/2", "expression")
    ]


def test_latex_relations_and_crlf() -> None:
    assert _steps("\\frac{a}{b} \\cdot b \\le a\r\n") == [
        ("\\frac{a}{b} \\cdot b", "<=", "a", "expression")
    ]


def test_result_pickles_and_is_deterministic() -> None:
    text = "x^2 = 4\n<=> x = 2 or x = -2\n\n(a+b)^2 = a^2 + 2ab + b^2"
    first = parse_cell(text)
    assert isinstance(first, ParsedCell)
    assert parse_cell(text) == first
    assert pickle.loads(pickle.dumps(first)) == first


@pytest.mark.parametrize(
    ("text", "line", "col", "reason"),
    [
        ("", 0, 0, "empty cell"),
        ("  \n# only a comment\n", 0, 0, "empty cell"),
        ("=", 1, 1, "expected an expression before '='"),
        ("= x", 1, 1, "expected an expression before '='"),
        ("x =", 1, 3, "expected an expression after '='"),
        ("x = = y", 1, 5, "expected an expression between '=' and '='"),
        ("<=>", 1, 1, "'<=>' starts the cell, but no line comes before it"),
        ("therefore x = 2", 1, 1, "'therefore' or '==>' starts the cell"),
        ("x^2", 1, 1, "nothing to check"),
        ("(a + b", 1, 1, "'(' is never closed"),
        ("a + b)", 1, 6, "unmatched ')'"),
        ("(a + b]", 1, 7, "expected ')'"),
        ("a = b\n\n(a+b)^2", 3, 1, "nothing to check"),
        ("a = b\n(a+b)^2", 2, 1, "does not start with a relation"),
        ("(a+b)^2\na^2 + 2ab + b^2", 2, 1, "does not start with a relation"),
        ("x = 1\n= 2\n<=> y = 2", 2, 1, "continues an expression"),
        ("x^2 - 1 <=> (x-1)(x+1)", 1, 1, "expected an equation or inequality"),
        ("a =< b", 1, 3, "write '<='"),
        ("x = y ☃ 2", 1, 7, "unexpected character"),
        ("assume\nx = 1", 1, 1, "expected assumptions"),
    ],
)
def test_structural_errors(text: str, line: int, col: int, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_cell(text)
    assert reason in info.value.reason
    assert (info.value.line, info.value.col) == (line, col)


def test_huge_cell_is_rejected_at_once() -> None:
    with pytest.raises(ParseError, match="too long"):
        parse_cell("x" * (MAX_CELL_CHARS + 1))


def test_a_bracketed_statement_is_a_statement_term() -> None:
    parsed = parse_cell("x + y = 3 and x y = 2\n<=> (x = 1 and y = 2) or (x = 2 and y = 1)\n"
                        "<=> (x = 1 or x = 2) and y = 3 - x")
    assert [s.kind for s in parsed.steps] == ["statement", "statement"]
    assert parsed.steps[0].rhs == "(x = 1 and y = 2) or (x = 2 and y = 1)"


def test_a_relation_inside_a_call_does_not_make_a_statement() -> None:
    with pytest.raises(ParseError, match="expected an equation or inequality"):
        parse_cell("f(x = 1) <=> x = 1")


def test_a_statement_chain_may_end_by_continuing_its_last_right_side() -> None:
    cell = parse_cell("n = 2k + 1\n==> n^2 = (2k + 1)^2\n= 4k^2 + 4k + 1\n= 2(2k^2 + 2k) + 1")
    assert [(s.kind, s.relation, s.lhs, s.rhs) for s in cell.steps] == [
        ("statement", "==>", "n = 2k + 1", "n^2 = (2k + 1)^2"),
        ("expression", "=", "(2k + 1)^2", "4k^2 + 4k + 1"),
        ("expression", "=", "4k^2 + 4k + 1", "2(2k^2 + 2k) + 1"),
    ]
    assert cell.steps[1].origin == "(2k + 1)^2"


def test_a_continuation_followed_by_another_statement_is_still_an_error() -> None:
    with pytest.raises(ParseError, match="only its last lines"):
        parse_cell("n = 2k + 1\n==> n^2 = (2k + 1)^2\n= 4k^2 + 4k + 1\n<=> n = 3")


def test_a_continuation_is_checked_under_the_chain_s_first_line() -> None:
    cell = parse_cell("x = 3\n==> x^2 = 3x\n= 9")
    assert [(s.kind, s.premise) for s in cell.steps] == [("statement", ""), ("expression", "x = 3")]
    # no plain first line to assume (an "or"): the continuation stays an error
    with pytest.raises(ParseError, match="only its last lines"):
        parse_cell("x = 1 or x = 2\n==> x^2 = 3x - 2\n= 1")
