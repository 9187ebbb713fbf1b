"""Review 9: false accepts, wrong refutations and hangs found in the engine code landed
since 2c63d67 (rounds 35-42, the lead's guards), each with its repro and a true twin."""

from __future__ import annotations

import time

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str, assume: tuple[str, ...] = (), domain: str = "real") -> list[str]:
    result = check_proof(cell, CheckOptions(assume=assume, domain=domain))
    return [s.status for s in result.steps]


@pytest.mark.parametrize("cell", [
    r"e^{-1000} i = 0",
    r"i e^{-300} + 1 = 1",
    r"1 + i = 1 + i + 10^{-150} i",
    r"e^{-10^{6}} i = 0",
])
def test_a_tiny_complex_difference_is_no_agreement(cell: str) -> None:
    """Complex constants that differ below 10^-100 were 'likely' (both sides agree to 100
    digits); a part certainly nonzero at 50 and 100 digits refutes, as for real constants."""
    assert _statuses(cell, domain="complex") == ["refuted"]


@pytest.mark.parametrize("cell", [
    r"\arccos(\cosh 1) = i",
    r"\tanh(1 + i) = \frac{\sinh 2 + i \sin 2}{\cosh 2 + \cos 2}",
    r"e^{i\pi} + 1 = 0",
])
def test_equal_complex_constants_stay_proved(cell: str) -> None:
    assert _statuses(cell, domain="complex") == ["proved"]


@pytest.mark.parametrize("assume", ["z complex, |z| = 1", r"z \in \mathbb{C}, |z| = 1"])
def test_the_sign_cases_of_bars_need_a_real_letter(assume: str) -> None:
    """|z| = 1 for a complex z is no z = 1 or z = -1 (z^2 = 1 was proved: z = i)."""
    assert _statuses("z^2 = 1", (assume,)) == ["refuted"]


def test_the_sign_cases_of_bars_still_prove_for_real_letters() -> None:
    assert _statuses("x^2 = 4", ("|x| = 2",)) == ["proved"]
    assert _statuses("x = 2", ("|x| = 2",)) == ["refuted"]


def test_a_letter_given_through_another_depends_on_t() -> None:
    """y = x^2 under x = cos t is y(t) too: d/dt y = 0 was proved."""
    base = "assume x = \\cos t, y = x^2\n"
    assert _statuses(base + "\\frac{d}{dt} y = 0") == ["refuted"]
    assert _statuses(base + "\\frac{d}{dt} y = -2\\cos t \\sin t") != ["refuted"]
    deeper = "assume x = \\cos t, y = x^2, z = y + x\n"
    assert _statuses(deeper + "\\frac{d}{dt} z = -2\\cos t \\sin t - \\sin t") == ["proved"]


def test_a_parse_is_not_reused_under_other_assumptions() -> None:
    """The parse cache ignored the assumptions, which a derivative now reads: after a cell
    with y = x^2 (no t), d/dt y = x under y = x t was refuted with d/dt y = 0."""
    _statuses("assume x = \\cos t, y = x^2\n\\frac{d}{dt} y = 0")
    assert _statuses("assume y = x t\n\\frac{d}{dt} y = x") == ["proved"]
    assert _statuses("assume y = x t\n\\frac{d}{dt} y = 2x") == ["refuted"]


def test_sign_cases_ask_sympy_for_realness_only_after_a_sample() -> None:
    """Asking SymPy whether log((t - 1)^2 ... (t - 30)^2) is real took 40 s (real roots of
    the expanded product, in prove._sign_cases, with no deadline); a real value at a sample
    point answers at once, and x^(1/3) at x = -t is still passed over as nowhere real."""
    import sympy as sp

    from proofnb.core.prove import _nowhere_real

    t = sp.Dummy("t", positive=True)
    side = sp.log(sp.Mul(*[(t - i) ** 2 for i in range(1, 31)]))
    start = time.monotonic()
    assert not _nowhere_real(side, t)
    assert time.monotonic() - start < 2
    assert _nowhere_real((-t) ** sp.Rational(1, 3), t)
    assert _statuses("x^{1/3} = |x|^{1/3}") == ["proved"]
    assert _statuses("\\sqrt{x} = -\\sqrt{|x|}") == ["refuted"]


def test_sample_points_for_many_letters_come_at_once() -> None:
    """points() sorted every combination of candidate indices (3^14 for 14 letters, minutes)
    to use the first few; only enough of them are built now, the same ones first."""
    import itertools

    import sympy as sp

    from proofnb.core.numeric import points

    many = sp.symbols("a0:14", real=True)
    start = time.monotonic()
    first = list(itertools.islice(points(many, {}, {}, 0, 40), 40))
    assert time.monotonic() - start < 5 and len(first) == 40
    few = sp.symbols("x y z", real=True)
    got = list(itertools.islice(points(few, {}, {}, 0, 40), 20))
    assert got[0] == {s: got[0][s] for s in few} and len({tuple(p.values()) for p in got}) == 20


@pytest.mark.parametrize("cell", [r"\cos(10^{-60}) = 1", r"\cosh(10^{-60}) = 1",
                                  r"e^{10^{-150}} = 1"])
def test_a_constant_difference_below_the_default_precision_refutes(cell: str) -> None:
    """cos(10^-60) - 1 = -5e-121: evalf gave up at its default working precision and the
    step was 'likely' (agrees to 100 digits); a larger working precision settles the sign."""
    assert _statuses(cell) == ["refuted"]
    assert _statuses(cell.replace("= 1", "< 2")) == ["proved"]


def test_exact_constant_identities_stay_proved() -> None:
    assert _statuses(r"\cosh(7940)^2 - \sinh(7940)^2 = 1") == ["proved"]
    assert _statuses(r"\sqrt{5 + 2\sqrt{6}} = \sqrt{2} + \sqrt{3}") == ["proved"]


@pytest.mark.parametrize("head", ["assume f(x) = x^2\n", "assume f(x) := x^2\n"])
def test_a_cell_line_does_not_redefine_an_assumed_function(head: str) -> None:
    """Under assume f(x) = x^2 a line f(x) = x^3 made f the cube: f(2) = 8 was proved."""
    assert "proved" not in _statuses(head + "f(x) = x^3\nf(2) = 8")
    assert _statuses(head + "f(2) = 4") == ["proved"]
    assert _statuses("f(2) = 8", (head.split(" ", 1)[1].strip(),)) == ["refuted"]
    assert "proved" not in _statuses("f(x) = x^3\nf(2) = 8", (head.split(" ", 1)[1].strip(),))


def test_a_rounded_answer_for_two_solutions_names_the_collision() -> None:
    """(x - 1)^2 = 10^-8 <=> x ≈ 1: the witness said 1.0001 'rounds to none of 1' (it does
    round to 1; the other solution 0.9999 took that decimal)."""
    step = check_proof("(x-1)^2 = 10^{-8} <=> x ≈ 1", CheckOptions()).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    assert "none of" not in step.counterexample.text
    assert _statuses("(x-1)^2 = 10^{-8} <=> x ≈ 1 or x ≈ 1") == ["proved"]
    text = check_proof("x^2 = 7 <=> x ≈ 2.646", CheckOptions()).steps[0].counterexample
    assert text is not None and "none of 2.646" in text.text


M = r"\begin{pmatrix}1&2\\3&4\end{pmatrix}"


@pytest.mark.parametrize("ops, result", [
    (r"R_2 \to R_2 - R_1, R_1 \to R_1 - R_2", r"\begin{pmatrix}-2&-2\\2&2\end{pmatrix}"),
    (r"R_1 \to R_1 + R_2, R_2 \to R_2 + R_1", r"\begin{pmatrix}4&6\\4&6\end{pmatrix}"),
])
def test_row_operations_done_at_once_must_be_reversible(ops: str, result: str) -> None:
    """Read all at once, these operations multiply by a singular E: a rank-2 matrix became a
    rank-1 one and the step was proved (A and N are not row equivalent)."""
    assert _statuses(f"{M} \\xrightarrow{{{ops}}} {result}") == ["error"]


def test_independent_row_operations_at_once_stay_checked() -> None:
    ok = r"\begin{pmatrix}1&2\\0&-2\end{pmatrix}"
    assert _statuses(f"{M} \\xrightarrow{{R_2 \\to R_2 - 3R_1}} {ok}") == ["proved"]
    swapped = r"\begin{pmatrix}3&4\\1&2\end{pmatrix}"
    assert _statuses(f"{M} \\xrightarrow{{R_1 \\leftrightarrow R_2}} {swapped}") == ["proved"]
