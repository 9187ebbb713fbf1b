"""Round 41 (first-year linear algebra worksheets): regression pairs.

Each pair is a true step that used to be refuted, an error or undecided, next to a near-miss
that must stay refuted, with the witness re-checked here independently."""

from __future__ import annotations

import re

import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import ProofResult
from proofnb.runner.api import make_options

M3 = r"\begin{pmatrix} 1 & 2 & 3 \\ 0 & 1 & 4 \\ 5 & 6 & 0 \end{pmatrix}"
ADJ = r"\begin{pmatrix} -24 & 18 & 5 \\ 20 & -15 & -4 \\ -5 & 4 & 1 \end{pmatrix}"
ADJ_UNTRANSPOSED = r"\begin{pmatrix} -24 & 20 & -5 \\ 18 & -15 & 4 \\ 5 & -4 & 1 \end{pmatrix}"


def _check(cell: str, assume: str = "", domain: str = "real") -> ProofResult:
    return check_proof(cell, make_options(assume=[assume] if assume else [], domain=domain,
                                          timeout=10, seed=0))


def _statuses(cell: str, assume: str = "", domain: str = "real") -> list[str]:
    return [s.status for s in _check(cell, assume, domain).steps]


def _entry_differs(cell: str, expected: sp.Matrix) -> None:
    """Refuted with a named entry whose right side is the written one and differs from the
    entry computed here."""
    step = _check(cell).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    m = re.search(r"entry \((\d+), (\d+)\)\D*left side (-?\d+), right side (-?\d+)",
                  step.counterexample.text)
    assert m, step.counterexample.text
    i, j, left, _ = (int(g) for g in m.groups())
    assert expected[i - 1, j - 1] == left


def test_adjugate_is_read_not_a_product_of_letters() -> None:
    # \operatorname{adj}(A) was a·d·j·A: the true step refuted at a = d = j = 0
    for spelled in (r"\operatorname{adj}(A)", r"\text{adj}(A)", "adj(A)", "adjugate(A)"):
        assert _statuses(f"A = {M3}\n{spelled} = {ADJ}") == ["proved"], spelled
    _entry_differs(f"A = {M3}\n\\operatorname{{adj}}(A) = {ADJ_UNTRANSPOSED}",
                   sp.Matrix([[1, 2, 3], [0, 1, 4], [5, 6, 0]]).adjugate())
    assert _statuses(f"A = {M3}\nA^{{-1}} = \\frac{{1}}{{\\det A}} \\operatorname{{adj}} A") \
        == ["proved"]
    assert _statuses(r"\operatorname{adj}(x) = 2")[0] == "error"  # of a number: no value


def test_rank_and_rref_of_numbers() -> None:
    singular = r"\begin{pmatrix} 1 & 2 & 3 \\ 4 & 5 & 6 \\ 7 & 8 & 9 \end{pmatrix}"
    assert _statuses(rf"\operatorname{{rank}}{singular} = 2") == ["proved"]
    assert _statuses(rf"\operatorname{{rank}}{singular} = 3") == ["refuted"]
    assert _statuses("rank(Matrix([[1, 2], [3, 6]])) = 1") == ["proved"]
    aug = r"\begin{pmatrix} 1 & 2 & 3 \\ 2 & 5 & 8 \end{pmatrix}"
    assert _statuses(rf"\operatorname{{rref}}{aug} = \begin{{pmatrix}} 1 & 0 & -1 \\ 0 & 1 & 2 "
                     r"\end{pmatrix}") == ["proved"]
    _entry_differs(rf"\operatorname{{rref}}{aug} = \begin{{pmatrix}} 1 & 0 & 1 \\ 0 & 1 & 2 "
                   r"\end{pmatrix}", sp.Matrix([[1, 2, 3], [2, 5, 8]]).rref()[0])
    # with a letter the rank depends on its value: an error that says what to write
    step = _check(r"\operatorname{rank}\begin{pmatrix} 1 & 2 \\ 2 & k \end{pmatrix} = 1").steps[0]
    assert step.status == "error" and "det" in step.message


def _family_fails(cell: str, point: dict[str, sp.Expr]) -> None:
    """At the witness exactly one line holds: the system on the left, or the family on the
    right for some values of its parameters (solved for them here)."""
    left, right = cell.split("<=>")
    env = {n: sp.Symbol(n) for n in "xyzst"}

    def eqs(text: str) -> list[sp.Expr]:
        out = []
        for part in text.split(" and "):
            a, b = (re.sub(r"(\d)([a-z])", r"\1*\2", side) for side in part.split("="))
            out.append(sp.parse_expr(a, env) - sp.parse_expr(b, env))
        return out

    subs = {env[k]: v for k, v in point.items()}
    system = all(sp.simplify(e.xreplace(subs)) == 0 for e in eqs(left))
    params = [env[n] for n in "st" if env[n] in sp.Add(*eqs(right)).free_symbols]
    family = sp.solve([e.xreplace(subs) for e in eqs(right)], params, dict=True) != []
    assert system != family


def test_solution_sets_with_parameters() -> None:
    # x = 1 - t and y = t is "for some t": the true steps were refuted at t = 0, x = 0, y = 1
    true = ["x + y = 1 and 2x + 2y = 2 <=> x = 1 - t and y = t",
            "x + y + z = 1 and x - y = 0 <=> x = t and y = t and z = 1 - 2t",
            "x + 2y - z = 3 and 2x + 4y - 2z = 6 <=> x = 3 - 2s + t and y = s and z = t"]
    false = ["x + y = 1 and 2x + 2y = 2 <=> x = 1 + t and y = t",
             "x + y + z = 1 and x - y = 0 <=> x = t and y = t and z = 1 - t",
             "x + 2y - z = 3 and 2x + 4y - 2z = 6 <=> x = 3 - 2s and y = s and z = t"]
    for cell in true:
        assert _statuses(cell) == ["proved"], cell
    for cell in false:
        step = _check(cell).steps[0]
        assert step.status == "refuted" and step.counterexample is not None, cell
        point = {str(k): sp.sympify(v) for k, v in dict(step.counterexample.point).items()}
        _family_fails(cell, point)
    # a letter on one side that is not a family of solutions stays a free letter
    assert _statuses("x = 1 <=> x = t") == ["refuted"]


def _entry_witness(cell: str, assume: str, expected: sp.Matrix, n: sp.Symbol) -> None:
    """Refuted at a whole n, and the named entry's left side is A^n computed here."""
    step = _check(cell, assume).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    m = re.search(r"entry \((\d+), (\d+)\): n = (-?\d+): left side (-?[\d/]+)",
                  step.counterexample.text)
    assert m, step.counterexample.text
    i, j, k = (int(g) for g in m.groups()[:3])
    assert expected.subs(n, k)[i - 1, j - 1] == sp.Rational(m.group(4))


def test_matrix_power_with_a_declared_whole_exponent() -> None:
    a = r"\begin{pmatrix} 4 & 1 \\ 2 & 3 \end{pmatrix}"
    closed = (r"\frac{1}{3}\begin{pmatrix} 2 \cdot 5^n + 2^n & 5^n - 2^n \\ "
              r"2 \cdot 5^n - 2 \cdot 2^n & 5^n + 2 \cdot 2^n \end{pmatrix}")
    assert _statuses(f"A = {a}\nA^n = {closed}", "n integer") == ["proved"]
    n = sp.Symbol("n", integer=True)
    jordan = r"\begin{pmatrix} 3 & 1 \\ 0 & 3 \end{pmatrix}"
    assert _statuses(rf"{jordan}^n = \begin{{pmatrix}} 3^n & n 3^{{n-1}} \\ 0 & 3^n "
                     r"\end{pmatrix}", "n integer") == ["proved"]
    _entry_witness(rf"{jordan}^n = \begin{{pmatrix}} 3^n & 3^{{n-1}} \\ 0 & 3^n \end{{pmatrix}}",
                   "n integer", sp.Matrix([[3, 1], [0, 3]]) ** n, n)
    flip = r"\begin{pmatrix} 2 & 0 \\ 0 & -1 \end{pmatrix}"
    _entry_witness(rf"{flip}^n = \begin{{pmatrix}} 2^n & 0 \\ 0 & -1 \end{{pmatrix}}",
                   "n integer", sp.Matrix([[2, 0], [0, -1]]) ** n, n)
    # undeclared n: an error that says how to declare it
    step = _check(f"A = {a}\nA^n = {closed}").steps[0]
    assert step.status == "error" and "n integer" in step.message


def test_definitions_with_a_factor_and_subscripted_names() -> None:
    assert _statuses("Q = \\frac{1}{\\sqrt{2}}\\begin{pmatrix} 1 & 1 \\\\ 1 & -1 \\end{pmatrix}"
                     "\nQ^T Q = I") == ["proved"]
    step = _check("Q = \\frac{1}{2}\\begin{pmatrix} 1 & 1 \\\\ 1 & -1 \\end{pmatrix}"
                  "\nQ^T Q = I").steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    assert "left side 1/2, right side 1" in step.counterexample.text  # (Q^T Q)_11 = 2/4
    gs = ("\\mathbf{u}_1 = (1, 1, 0)\n\\mathbf{v}_2 = (1, 0, 1)\n\\mathbf{u}_2 = \\mathbf{v}_2 - "
          "\\frac{\\mathbf{v}_2 \\cdot \\mathbf{u}_1}{\\mathbf{u}_1 \\cdot \\mathbf{u}_1}"
          "\\mathbf{u}_1 = ")
    assert _statuses(gs + "(\\frac{1}{2}, -\\frac{1}{2}, 1)") == ["proved"]
    step = _check(gs + "(\\frac{1}{2}, \\frac{1}{2}, 1)").steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    assert "left side -1/2, right side 1/2" in step.counterexample.text  # 0 - 1/2 vs 1/2


AUG = r"\begin{pmatrix} 1 & 2 & 3 \\ 2 & 5 & 8 \end{pmatrix}"


def test_row_operations_are_checked_as_elementary_products() -> None:
    # \xrightarrow{R_2 \to R_2 - 2R_1} was "nothing to check here"
    after = r"\begin{pmatrix} 1 & 2 & 3 \\ 0 & 1 & 2 \end{pmatrix}"
    for op in (r"R_2 \to R_2 - 2R_1", "R_2 - 2R_1", r"R_2 - 2R_1 \to R_2", "R_2 → R_2 - 2R_1"):
        assert _statuses(rf"{AUG} \xrightarrow{{{op}}} {after}") == ["proved"], op
    # the operation applied to part of the row only: entry (2, 3) is 8 - 2·3 = 2, not 8
    _entry_differs(rf"{AUG} \xrightarrow{{R_2 \to R_2 - 2R_1}} \begin{{pmatrix}} 1 & 2 & 3 \\ "
                   r"0 & 1 & 8 \end{pmatrix}", sp.Matrix([[1, 2, 3], [0, 1, 2]]))
    three = r"\begin{pmatrix} 1 & 1 & 1 \\ 2 & -1 & 1 \\ 1 & 2 & -1 \end{pmatrix}"
    ops = r"R_2 \to R_2 - 2R_1,\ R_3 \to R_3 - R_1"
    reduced = sp.Matrix([[1, 1, 1], [0, -3, -1], [0, 1, -2]])
    written = sp.latex(reduced, mat_str="pmatrix", mat_delim="")
    assert _statuses(rf"{three} \xrightarrow{{{ops}}} {written}") == ["proved"]
    _entry_differs(rf"{three} \xrightarrow{{{ops}}} \begin{{pmatrix}} 1 & 1 & 1 \\ 0 & -3 & 1 "
                   r"\\ 0 & 1 & -2 \end{pmatrix}", reduced)
    # not a row operation (the old row is lost), or a row the matrix lacks: an error
    for op in (r"R_2 \to R_1", r"R_3 \to R_3 - R_1"):
        step = _check(rf"{AUG} \xrightarrow{{{op}}} {AUG}").steps[0]
        assert step.status == "error" and "row" in step.message, op
    step = _check(f"{AUG}\nR_2 → R_2 - 2R_1\n{after}").steps[0]
    assert step.status == "error" and "xrightarrow" in step.message


def test_row_equivalence_and_augmented_arrays() -> None:
    rref = sp.Matrix([[1, 2, 3], [2, 5, 8]]).rref()[0]
    assert _statuses(rf"{AUG} \sim \begin{{pmatrix}} 1 & 0 & -1 \\ 0 & 1 & 2 \end{{pmatrix}}") \
        == ["proved"]
    _entry_differs(rf"{AUG} \sim \begin{{pmatrix}} 1 & 0 & 1 \\ 0 & 1 & 2 \end{{pmatrix}}", rref)
    left = r"\left(\begin{array}{cc|c} 2 & 1 & 5 \\ 1 & -1 & 1 \end{array}\right)"
    assert _statuses(left + r" \sim \left(\begin{array}{cc|c} 1 & -1 & 1 \\ 0 & 3 & 3 "
                     r"\end{array}\right)") == ["proved"]
    assert _statuses(left + r" \sim \left(\begin{array}{cc|c} 1 & -1 & 1 \\ 0 & 3 & 5 "
                     r"\end{array}\right)") == ["refuted"]
    # \sim between other things is left alone, as before
    assert _statuses(r"x^2 \sim x^2 + x") == ["error"]
    assert _statuses("R_1 + R_2 = 10 and R_1 - R_2 = 2 <=> R_1 = 6 and R_2 = 4") == ["proved"]


def test_complex_entries_and_scaled_dot_products() -> None:
    rotation = r"\begin{pmatrix} 0 & -1 \\ 1 & 0 \end{pmatrix}"
    assert _statuses(rf"{rotation}\begin{{pmatrix}} 1 \\ -i \end{{pmatrix}} = "
                     r"i\begin{pmatrix} 1 \\ -i \end{pmatrix}", domain="complex") == ["proved"]
    # a complex entry is a number in complex mode, not "undefined" (the step was unknown)
    step = _check(rf"{rotation}\begin{{pmatrix}} 1 \\ i \end{{pmatrix}} = "
                  r"i\begin{pmatrix} 1 \\ i \end{pmatrix}", domain="complex").steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    assert "entry (1, 1): left side -i, right side i" in step.counterexample.text  # -i vs i·1
    # a number between \cdot and the second vector (was "two vectors side by side")
    assert _statuses(r"\frac{1}{\sqrt{2}}(1, 1, 0) \cdot \frac{1}{\sqrt{6}}(1, -1, 2) = 0") \
        == ["proved"]
    step = _check(r"\frac{1}{\sqrt{2}}(1, 1, 0) \cdot \frac{1}{\sqrt{6}}(1, 1, 2) = 0").steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    value = sp.sqrt(2) / 2 * sp.sqrt(6) / 6 * 2  # (1, 1, 0) · (1, 1, 2) = 2, scaled
    assert sp.nsimplify(step.counterexample.text.split("left side ")[1].split(" ≈")[0]) == value


def test_a_name_for_a_determinant_labels_the_number() -> None:
    # C_{12} = -|0 4; 5 0| = 20: the head was a free letter, refuted at C_12 = 0
    vm = r"\begin{vmatrix} 0 & 4 \\ 5 & 0 \end{vmatrix}"
    assert _statuses(f"C_{{12}} = -{vm} = 20") == ["proved"]
    step = _check(f"C_{{12}} = -{vm} = -20").steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    assert "left side 20, right side -20" in step.counterexample.text  # -(0·0 - 4·5) = 20
    assert _statuses(r"D = \begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} = -2") == ["proved"]


def test_linear_algebra_words_are_never_products_of_letters() -> None:
    # dim(V) = 2 was refuted at d = i = m = V = 0, ker(T) = 0 as k·e·r(T) with e Euler's
    for cell, word in (("dim(V) = 2", "dim"), ("ker(T) = 0", "ker"), ("adj x = 1", "adj"),
                       ("rk(B) = 1", "rk"), ("eig(B) = 2", "eig"), ("nul(B) = 1", "nul")):
        step = _check(cell).steps[0]
        assert step.status == "error" and f"'{word}'" in step.message, cell
    assert _statuses("r k = k r") == ["proved"]  # letters with spaces stay a product


def test_angle_brackets_of_two_given_vectors_are_an_inner_product() -> None:
    given = "u = (1, 1)\nv = (3, 1)\n"
    # was "a power of a vector": ⟨v, u⟩ read as the vector of the letters v and u
    assert _statuses(given + r"\frac{\langle v, u \rangle}{\langle u, u \rangle} = 2") \
        == ["proved"]
    step = _check(given + r"\frac{\langle v, u \rangle}{\langle u, u \rangle} = 4").steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    assert "left side 2, right side 4" in step.counterexample.text  # (3 + 1)/(1 + 1)
    step = _check(given + "(u, v) = (1, 2)").steps[0]
    assert step.status == "error" and "inner product" in step.message


def test_cramer_determinants_named_then_used() -> None:
    # D = |..| = -3 then x = D_x / D = 2: D was a matrix definition with no value, so later
    # lines read D as a free letter (and the x line was joined to the D_x line as <=>)
    cell = (r"D = \begin{vmatrix} 2 & 1 \\ 1 & -1 \end{vmatrix} = -3" "\n"
            r"D_{y} = \begin{vmatrix} 2 & 5 \\ 1 & 1 \end{vmatrix} = -3" "\n"
            r"y = \frac{D_{y}}{D} = ")
    assert _statuses(cell + "1") == ["proved", "proved", "proved"]
    steps = _check(cell + "-1").steps
    assert [s.status for s in steps] == ["proved", "proved", "refuted"]
    witness = steps[2].counterexample
    assert witness is not None and "left side 1, right side -1" in witness.text  # -3/-3
    assert _statuses(r"D = \begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} = -2" "\nD^2 = 4") \
        == ["proved", "proved"]


def test_families_with_a_parameter_solved_from_one_equation() -> None:
    # x = t^2 and y = t: t = y, so the family is the parabola x = y^2 (was refuted at t = 0)
    assert _statuses("x = y^2 <=> x = t^2 and y = t") == ["proved"]
    step = _check("x = y^2 <=> x = t^2 and y = 2t").steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    point = {k: sp.Rational(v) for k, v in step.counterexample.point}
    x, y = point["x"], point["y"]
    assert (x == y ** 2) != (x == (y / 2) ** 2)  # on exactly one of the two curves


def test_a_declared_nonzero_product_clears_its_factors() -> None:
    # k^2 != 4 makes k + 2 nonzero: the solved form was only 'likely'
    cell = "kx + 2y = 3 and 2x + ky = 3 <=> x = \\frac{3}{k + 2} and y = \\frac{3}{k + 2}"
    assert _statuses(cell, "k^2 != 4") == ["proved"]
    step = _check(cell.replace("k + 2", "k - 2"), "k^2 != 4").steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    p = {name: sp.Rational(v) for name, v in step.counterexample.point}
    k, x, y = p["k"], p["x"], p["y"]
    assert k ** 2 != 4 and k * x + 2 * y == 3 and 2 * x + k * y == 3 and x != 3 / (k - 2)
