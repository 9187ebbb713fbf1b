"""Congruences and divisibility as SymPy objects (no deciding here; see :mod:`.congruence`).

* ``A ≡ B (mod m)`` inside a statement is ``Eq(Mod(A - B, m), 0)``: m divides A - B
  (``mod 0`` is equality, as in number theory);
* ``d ∣ E`` is ``Eq(Mod(E, d), 0)`` and ``d ∤ E`` its negation;
* an expression step's right side ``B (mod m)`` is :class:`Modulo` ``(B, m)``: the step
  ``A ≡ B (mod m)`` holds when m divides A - B at every allowed point.

Every letter in a congruence or a divisibility must be an integer: the builders say which
letters to declare otherwise.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy import Basic, Expr

__all__ = ["Modulo", "congruent", "divides", "not_integer", "split_modulus"]


class Modulo(sp.Function):  # type: ignore[misc]
    """``B (mod m)``: the right side of a congruence step, kept unevaluated."""

    nargs = 2


def not_integer(*exprs: Basic) -> list[str]:
    """The letters of ``exprs`` that are not declared integers, sorted."""
    return sorted({str(s) for e in exprs for s in e.free_symbols if not s.is_integer})


def congruent(lhs: Expr, rhs: Expr, modulus: Expr) -> Basic:
    """``lhs ≡ rhs (mod modulus)`` as a statement."""
    if modulus == 0:
        return sp.Eq(lhs, rhs, evaluate=False)
    # SymPy writes Mod(n^2 - 1, n + 1) as (n + 1) Mod((n - 1), 1)...: kept as written.
    symbolic = bool(getattr(modulus, "free_symbols", ()))
    return sp.Eq(sp.Mod(lhs - rhs, modulus, evaluate=not symbolic), 0, evaluate=False)


def divides(divisor: Expr, expr: Expr, negated: bool = False) -> Basic:
    """``divisor ∣ expr`` (``∤`` when ``negated``) as a statement."""
    atom = congruent(expr, sp.S.Zero, divisor)
    return sp.Not(atom) if negated else atom


#: A modulus at the end of a term: ``(mod 5)``, ``(\mod n)``, ``\pmod{n}``, ``\pmod 5``;
#: with ``bare``, also ``mod 5`` / ``\bmod 5`` (after ``≡`` only: elsewhere that is the
#: operator).
_PAREN = re.compile(r"\s*\(\s*\\?mod\b\s*(?P<m>[^()]+|[^()]*\([^()]*\)[^()]*)\)\s*\Z")
_PMOD = re.compile(r"\s*\\pmod\s*(?:\{(?P<m>[^{}]+)\}|(?P<w>[A-Za-z0-9]+))\s*\Z")
_BARE = re.compile(r"\s+\\?b?mod\s+(?P<m>[A-Za-z0-9]+|\{[^{}]+\}|\([^()]+\))\s*\Z")


def split_modulus(text: str, bare: bool = False) -> tuple[str, str | None]:
    """(the term without its trailing modulus, the modulus's text) or (text, None)."""
    if "mod" not in text:
        return text, None
    for pattern in (_PAREN, _PMOD) + ((_BARE,) if bare else ()):
        found = pattern.search(text)
        if found and text[: found.start()].strip():
            modulus = (found.group("m") or found.groupdict().get("w") or "").strip()
            if modulus.startswith("{") and modulus.endswith("}"):
                modulus = modulus[1:-1].strip()
            return text[: found.start()].rstrip(), modulus
    return text, None


_WORD_MOD = re.compile(r"\\(?:mathrm|text|textrm|operatorname|mbox)\s*\{\s*mod\s*\}")
#: A bar with spaces on both sides, between an operand and an operand: ``3 | n^3 - n``.
_SPACED_BAR = re.compile(r"(?<=[\w)}\]!])\s+\|\s+(?=[A-Za-z0-9(\\{√-])")


#: ``n^2 ≡ 0 or 1 (mod 4)``: one side, ``≡``, residues joined by "or", one modulus at the end.
_RESIDUES = re.compile(
    r"^(?P<side>[^=<>≤≥≡]+?)(?P<rel>\\equiv(?![A-Za-z])|≡)(?P<alts>[^=<>≤≥≡]+?)"
    r"(?P<mod>\\pmod\s*(?:\{[^{}]*\}|[A-Za-z0-9]+)|\(\s*(?:\\bmod|\\mod|mod)\s*[^()]+\))\s*$")
_OR = re.compile(r"\s*(?:\\text\s*\{\s*or\s*\}|\\(?:lor|vee)(?![A-Za-z])"
                 r"|(?<![A-Za-z])or(?![A-Za-z]))\s*")


def _residue_choices(raw: str) -> str:
    """``n^2 ≡ 0 or 1 (mod 4)`` as ``n^2 ≡ 0 (mod 4) or n^2 ≡ 1 (mod 4)`` (also ``0, 1 or 8``)."""
    match = _RESIDUES.match(raw.strip())
    if match is None:
        return raw
    alts = [a.strip() for part in _OR.split(match["alts"]) for a in re.split(r",\s+", part)]
    if len(alts) < 2 or not all(alts) or any("equiv" in a or "mod" in a for a in alts):
        return raw
    side, rel, mod = match["side"].strip(), match["rel"], match["mod"]
    return " or ".join(f"{side} {rel} {alt} {mod}" for alt in alts)


def congruence_line(raw: str) -> str:
    """A line with ``\\mathrm{mod}`` written as ``mod``, and a divisibility bar ``|`` as
    ``∣``: a bar with spaces on both sides between two operands, or the only bar of the
    line after an operand (an absolute value needs two bars), where the other bars still
    pair up. Residues joined by "or" before one modulus are one congruence each."""
    if "mod" in raw:
        raw = _WORD_MOD.sub(" mod ", raw)
        if "or" in raw or "\\lor" in raw or "\\vee" in raw:
            raw = _residue_choices(raw)
    if "|" not in raw or "\\|" in raw or "||" in raw or "\\right|" in raw:
        return raw
    spaced = _SPACED_BAR.sub(" ∣ ", raw)
    if spaced != raw and spaced.count("|") % 2 == 0:
        return spaced
    if raw.count("|") == 1:
        glued = re.sub(r"(?<=[\w)}\]!])\s*\|\s*(?=[A-Za-z0-9(\\{√-])", " ∣ ", raw)
        if "|" not in glued:
            return glued
    return raw
