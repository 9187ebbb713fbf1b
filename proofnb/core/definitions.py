"""Definition lines of a cell: functions ``f(x) = ...``, sequences ``a_n = ...`` and curves
``y = ...`` whose derivative a later line takes (the rules are in :mod:`proofnb.core.cell`).

:class:`Definitions` reads a cell's chain terms as :func:`proofnb.core.cell.parse_cell`
splits them: it says which first terms define something (the definition then goes to the
cell's assumptions as ``f(x) := ...`` or ``a[n] := ...``, read by
:func:`proofnb.core.assume.build_env`), which lines after a definition are claims of their
own, and how a curve's ``dy/dx`` is written out. No maths is evaluated here.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from proofnb.core.model import StepSpec
from proofnb.core.probability import (
    GREEK_NAME,
    QUANTITY_HEAD,
    is_quantity_head,
    quantity_text,
    without_quantities,
)
from proofnb.core.writing import top_level_items

if TYPE_CHECKING:
    from proofnb.core.cell import _Piece


#: ``f(x) = ...`` at the start of a chain defines f with these letters; another letter does
#: only when the cell uses it as a function later on (``p(x) = ...``, then ``p(2) = 0``).
_FUNCTION_LETTERS = frozenset("fghFGH")
_DEFINED = re.compile(r"(?P<name>[A-Za-z])\s*\(\s*(?P<args>[A-Za-z](?:\s*,\s*[A-Za-z])*)\s*\)$")
#: ``T_2(x) = ...``, ``f_{1}(x) = ...``: a function named with a subscript (a Taylor
#: polynomial, the first of several functions), applied to distinct letters.
_SUBSCRIPTED = re.compile(r"(?P<letter>[A-Za-z])\s*_\s*(?:\{\s*(?P<braced>[A-Za-z0-9]+)\s*\}"
                          r"|(?P<bare>[0-9]+|[A-Za-z]))"
                          r"\s*\(\s*(?P<args>[A-Za-z](?:\s*,\s*[A-Za-z])*)\s*\)$")


class Definitions:
    """Recognise definition lines ``f(x) = <expression>`` (``f(x, y) = ...``): the first
    term of a chain that applies a letter to distinct other letters, followed by ``=``.

    The definition goes to the cell's assumptions as ``f(x) := <expression>``
    (:func:`proofnb.core.assume.build_env` makes f that function) and the chain goes on from
    the expression, so ``f(x) = (x + 1)^2``, ``= x^2 + 2x + 1`` checks one step. A letter the
    cell declares a function (``assume f function``) is an unknown function, not defined."""

    def __init__(self, text: str, functions: Iterable[str] = (), later: Iterable[str] = ()
                 ) -> None:
        self.text = text
        self.names: list[str] = []
        self.subscripted: list[str] = []  # T_2(x) = 1 + x + x^2/2: T_2, a function
        self.variables: dict[str, str] = {}  # f(x) = x^2: f's variable x
        self.several: dict[str, list[str]] = {}  # f(x, y) = x^2 y: f's variables x, y
        #: y = x^3 with dy/dx later: (x, "x^3", dy/dx written out, d^2y/dx^2 written out)
        self.curves: dict[str, tuple[str, str, str, str]] = {}
        self.sequences: list[str] = []  # a_n = 3n + 2 with a_{n+1} later
        self.values: list[str] = []  # P = 1000(1.05)^{10} ≈ 1628.89: P names that number
        #: line number -> (the line's sides as written, what it is read as, the refutation's
        #: sentence): a tangent's or an inverse's answer line is checked as a statement
        self.readings: dict[int, tuple[str, str, str, str]] = {}
        #: line number -> the condition a trailing "for x > 0" puts on that line's steps
        self.conditions: dict[int, str] = {}
        self._later = list(later)  # sequences defined further down
        self._curving = False  # the last line given to curve_line was about a curve
        #: y = x^x with y' below: the lines (index from 0) between the definition and the
        #: first one that differentiates y follow from it (\\ln y = x \\ln x)
        self._consequences: dict[str, range] = {}
        self._bodies: dict[str, str] = {}  # f(x) = A e^x: f's formula
        assumed = [line.strip()[6:].lstrip(":").split("#", 1)[0]
                   for line in text.split("\n") if line.strip()[:6].lower() == "assume"]
        self._declared = set(functions) | {m.group(1) for m in re.finditer(
            r"\b([A-Za-z])\b(?=[^\n#]*\bfunctions?\b)", "\n".join(assumed))}
        # assume f(x) = x^2: a line f(x) = x^3 below is a claim about that f, not a new f
        from proofnb.core.assume import defined_names
        self._declared |= defined_names(
            item.strip() for line in assumed for item in (line, *top_level_items(line)))

    def take(self, pieces: list[_Piece]) -> str | None:
        """The definition the line's pieces start with (``f(x) := x^2``), or None."""
        if len(pieces) < 3 or pieces[0].rel is not None or pieces[1].rel != "=" or any(
                p.rel in ("", "<=>", "==>", "<==") or p.marker for p in pieces):
            return None  # f(x) = 0 <=> x = 2 is about f, not a definition
        head = None if is_quantity_head(pieces[0].text) else _DEFINED.fullmatch(
            pieces[0].text.strip())  # P(A) = 0.3 gives a probability, not a function P
        if head is None and (named := _SUBSCRIPTED.fullmatch(pieces[0].text.strip())):
            return self._subscripted(named, pieces[2].text)
        if head is None:
            for reading in (self._sequence, self._surface, self._curve, self._value):
                found = reading(pieces)
                if found is not None:  # "" for a curve: defined, no assumption
                    return found
            return None
        name = head.group("name")
        args = [a.strip() for a in head.group("args").split(",")]
        if (name in self._declared or name in self.names or name in "eEiI" or name in args
                or len(set(args)) != len(args)):
            return None
        if name not in _FUNCTION_LETTERS and not self._used_later(name, pieces[0]) \
                and not self._works_on_body(name, args, pieces) \
                and not _differentiated_later(self.text, name, args, pieces[0].line):
            return None  # a(b) = ab is a product
        if _applies(name, pieces[2].text):
            return None  # f(x) = f(-x) says f is even: a claim, not a definition
        self.names.append(name)
        if len(args) == 1:
            self.variables[name] = args[0]
        else:  # f(x, y) = ...: \nabla f is (f_x, f_y)
            self.several[name] = args
        self._bodies[name] = pieces[2].text
        return f"{name}({', '.join(args)}) := {pieces[2].text}"

    def _subscripted(self, head: re.Match[str], body: str) -> str | None:
        """``T_2(x) = 1 + x + x^2/2`` defines the function T_2 (``T_2(x) := ...``) when the
        body uses its letters: read as the product T_2·x, the line would be a claim about a
        new letter T_2, refuted at T_2 = 0. Such a name takes no part in the single-letter
        readings (f'(x), tangents, f∘g); ``T_2(0)`` below is its value."""
        name = f"{head.group('letter')}_{head.group('braced') or head.group('bare')}"
        args = [a.strip() for a in head.group("args").split(",")]
        if (name in self._declared or name in self.subscripted or len(set(args)) != len(args)
                or head.group("letter") in (*self.names, *self._declared)  # f_1: ∂f/∂x_1
                or not any(re.search(rf"(?<![A-Za-z_\\]){a}(?![A-Za-z_])", body)
                           for a in args)
                or re.search(rf"(?<![A-Za-z\\]){head.group('letter')}\s*_", body)):
            return None  # T_n(x) = T_{n-1}(x) + ...: a recurrence, not a formula
        self.subscripted.append(name)
        return f"{name}({', '.join(args)}) := {body}"

    def _sequence(self, pieces: list[_Piece]) -> str | None:
        """``a_n = 3n + 2`` starting a chain defines the sequence a (``a[n] := 3n + 2``, n a
        natural number) when the expression uses n and a later line uses a term (``a_{n+1}``,
        ``a_1``, ``a_n``) but does not go on with ``<=>``; otherwise ``a_n`` stays a letter
        (``x_1 + x_2 = 3``)."""
        head = _SEQUENCE.fullmatch(pieces[0].text.strip())
        if head is None:
            return None
        name, index = head.group("name"), head.group("braced") or head.group("bare")
        body = pieces[2].text
        uses = re.search(rf"(?<![A-Za-z_\\]){index}(?![A-Za-z_])", body) or any(
            re.search(rf"(?<![A-Za-z\\]){index}(?![A-Za-z])", term)
            for term in _terms(body, self.sequences))  # b_n = a_{n+1} - a_n, b_n = a_n + 1
        if (name in self._declared or name in self.names or name in "eEiI" or name == index
                or not uses or re.search(rf"(?<![A-Za-z_\\]){name}\s*_", body)):
            return None  # a_n = a_{n-1} + 3 is a recurrence: not solved here
        later = itertools.islice(_lines(self.text), pieces[0].line, None)
        following = next((line.strip() for line in later
                          if line.strip() and not line.strip().startswith(("#", "%"))), "")
        if following.startswith(_STATEMENT_STARTS):
            return None  # a_n = 2n + 1, <=> n = (a_n - 1)/2: an equation
        # a_n = 2 + 3(n - 1) = 3n - 1 (or "= 3n - 1" below): a_n as a letter would make the
        # first step false for every a_n; with the usual index letters it names the term.
        continued = index in "nkm" and (len(pieces) > 3 or following.startswith(_GOES_ON))
        used = _term_lines(self.text, name)
        if not continued and not (used and used[-1] >= pieces[0].line):
            return None  # no term of a below: a_n is a letter
        self.names.append(name)
        self.sequences.append(name)
        return f"{name}[{index}] := {pieces[2].text}"  # [ ]: the index is a natural number

    def _surface(self, pieces: list[_Piece]) -> str | None:
        """``z = x^2 y`` starting a chain defines z as a function of its letters
        (``z(x, y) := x^2 y``) when a line below takes its partials (``z_x``, ``z_{xy}``,
        ``\\partial z``) and none uses z on its own; otherwise z stays a letter. Read as a
        letter, ``z_x = 2xy`` would be refuted as a claim about a new letter z_x."""
        name = pieces[0].text.strip()
        if (len(pieces) != 3 or len(name) != 1 or not name.isalpha() or name in "eEiI"
                or name in self.names or name in self._declared or name in self.curves):
            return None
        body = pieces[2].text
        if re.search(rf"(?<![A-Za-z_\\]){name}(?![A-Za-z])", body):
            return None
        letters = _body_letters(body)
        if len(letters) < 2 or not _differentiated_later(self.text, name, letters,
                                                         pieces[0].line):
            return None
        bare = re.compile(rf"(?<![A-Za-z_\\]){name}(?![A-Za-z_])")
        partial = re.compile(rf"(?:\\partial|∂)(?:\^\s*\{{?\d\}}?|[²³])?\s*{name}(?![A-Za-z])")
        for code in _lines(self.text)[pieces[0].line:]:
            code = partial.sub(" ", code.split("#", 1)[0])
            if bare.search(code):
                return None  # z = x^2 y, then z = 2(x - 1) + ...: z is also a letter below
        self.names.append(name)
        self.several[name] = letters
        self._bodies[name] = body
        return f"{name}({', '.join(letters)}) := {body}"

    def _curve(self, pieces: list[_Piece]) -> str | None:
        """``y = <expression>`` starting a chain defines the curve y (returns "") when a later
        line uses its derivative (``dy/dx``, ``y'``, ``\\frac{dy}{dx}``) and no statement
        relation continues it; otherwise y stays a letter (``y = 2x + 3``, ``<=> x = ...``)."""
        name = pieces[0].text.strip()
        if (len(name) != 1 or not name.isalpha() or name in "eEiI" or name in self.curves
                or name in self.names or name in self._declared
                or re.search(rf"(?<![A-Za-z_\\]){name}(?![A-Za-z_])", pieces[2].text)):
            return None
        if len(pieces) == 3 and name in self._parametric:
            return ""  # x = t^2 with y = t^3 and dy/dx below: x is given through t
        after = itertools.islice(_lines(self.text), pieces[0].line, None)
        following = next((line.strip() for line in after
                          if line.strip() and not line.strip().startswith(("#", "%"))), "")
        if following.startswith(_STATEMENT_STARTS):
            return None  # y = x^2 + 1, <=> x^2 = y - 1: an equation
        slope_line, variable = next(((index, v) for index, v in _derivative_lines(self.text, name)
                                     if index >= pieces[0].line), (None, None))
        body = pieces[2].text
        # y = C e^{2x}, then y(0) = 2 or y'(0) = 6: y is that function of x (an initial
        # value problem: the lines below are about its constants)
        applied = len(pieces) == 3 and name not in self._parametric and (self._used_later(
            name, pieces[0]) or _applies(name, _lines(self.text)[pieces[0].line - 1].split(
                "\\\\", 1)[-1] if "\\\\" in _lines(self.text)[pieces[0].line - 1] else "")
        ) and (_uses(body, "x") or _in_product(body, "x"))  # y = C e^x \\ y(0) = 2 too
        if variable is None and applied:
            variable = "x"
        if variable is None:
            return None
        through = self._parametric.get(variable)
        if through is not None and _uses(body, through[0]):
            # y = t^3, x = t^2: dy/dx = (dy/dt)/(dx/dt), d^2y/dx^2 = (d/dt dy/dx)/(dx/dt)
            t, x_body = through[0].lstrip("\\"), through[1]
            first = f"(diff({body}, {t})/diff({x_body}, {t}))"
            self.curves[name] = (variable, body, first,
                                 f"(diff({first}, {t})/diff({x_body}, {t}))")
            return ""
        if not _uses(body, variable) and not _in_product(body, variable) \
                and re.search(r"[A-Za-z]", body.replace("\\", "")):
            return None  # y = t^3 and dy/dx, but x is not given through t: not read
        self.curves[name] = (variable, body, f"(d/d{variable} ({body}))",
                             f"(d^2/d{variable}^2 ({body}))")
        if slope_line is not None and len(pieces) == 3:
            self._consequences[name] = range(pieces[0].line, slope_line)
        if applied and variable == "x":
            self.names.append(name)
            self.variables[name] = variable
            return f"{name}({variable}) := {body}"
        return ""

    @functools.cached_property
    def _parametric(self) -> dict[str, tuple[str, str]]:
        """Letters given through a parameter (``x = t^2`` and ``y = t^3``, with ``dy/dx``
        below): x mapped to (t, its expression)."""
        heads: dict[str, str] = {}
        for line in _lines(self.text):
            m = re.match(r"\s*([A-Za-z])\s*=\s*([^=<>#]+?)\s*(?:[,;]\s*(?:\\[;,: ]\s*)*)?$", line)
            if m:
                heads.setdefault(m.group(1), m.group(2))
        found: dict[str, tuple[str, str]] = {}
        for x, x_body in heads.items():
            for y, y_body in heads.items():
                if y == x or not any(v == x for _, v in _derivative_lines(self.text, y)):
                    continue
                common = [t for t in "tsuvθ" if _uses(x_body, t) and _uses(y_body, t)] + [
                    m.group(1) for m in re.finditer(r"\\(theta|phi)", x_body)
                    if m.group(0) in y_body]
                if common and not _uses(x_body, x) and not _uses(x_body, y):
                    found[x] = (("\\" + common[0]) if common[0] in ("theta", "phi")
                                else common[0], x_body)
        return found

    def _value(self, pieces: list[_Piece]) -> str | None:
        """``P = 1000(1.05)^{10} ≈ 1628.89``: a chain that starts by naming a number (no
        letters but names given so before) and goes on from it on the same line computes
        that number; the name keeps the value in later lines (returns ``P := <number>``, read as
        the equality P = <number>). ``m = 2`` on its own line is given the same way when the next
        line names something else and a line below uses m (``v = 3``, then
        ``E_k = 1/2 m v^2 = 9``); otherwise ``x = 3`` stays a claim about x."""
        name = pieces[0].text.strip()
        # A = \pi \times 5^2 =, then 25\pi on the next line: the line's trailing = goes on
        trailing = len(pieces) > 3 and pieces[-1].rel is not None
        if trailing:
            pieces = pieces[:-1]
        if (len(pieces) not in (3,) and len(pieces) < 5 or not _VALUE_NAME.fullmatch(name)
                or name in "eEiI" or name in self.names or name in self._declared
                or name in self.values or len(pieces) > 3 and pieces[3].rel not in ("=", "≈")):
            return None
        body = pieces[2].text
        if _VALUE_NAME.fullmatch(name) and _QUANTITY.match(name) and not is_quantity_head(name):
            return None  # P(x) = ... is no probability
        # E(X) = \sum_{k=1}^{6} k/6: the index of a sum is no letter of the number
        words = re.sub(r"\\sum\s*_\s*\{?\s*([A-Za-z])\s*=.*", lambda m: re.sub(
            rf"(?<![A-Za-z\\]){m.group(1)}(?![A-Za-z])", " ", m.group(0)), body)
        # \sigma = \sqrt{Var(X)} with Var(X) given; a quantity from quantities (Var(X) =
        # E(X^2) - E(X)^2) is a claim, from given letters a number (n = 5, p = 0.3, then
        # E(X) = np = 1.5); D_x before D
        words = re.sub(r"_\{([A-Za-z0-9]+)\}", r"_\1", words)
        for given in sorted(self.values, key=len, reverse=True):
            if not _QUANTITY.match(name) or not _QUANTITY.match(given):
                words = words.replace(given, " ")
        below = list(itertools.islice(_lines(self.text), pieces[0].line, None))
        following = next((line.strip() for line in below
                          if line.strip() and not line.strip().startswith(("#", "%"))), "")
        continued = trailing or bool(re.match(
            r"(?:\$\$?|\\\[|\\\()?\s*&?\s*(?:=|≈|\\approx(?![A-Za-z]))",
            following))  # = 25\pi, &= 25\pi, $$= 25\pi$$
        calls = False
        if self.variables:  # x_1 = 1.5 - f(1.5)/f'(1.5): a defined function at a number is
            # a number (Newton's method); the argument's own letters are still looked at
            plain = words
            words = _DEFINED_CALL.sub(lambda m: " (" if m.group(1) in self.variables
                                      else m.group(0), words)
            calls = words != plain
        # D_x in \frac{D_x}{D}: the subscript's brace only, never the \frac's
        if not all(word.lstrip("\\") in _VALUE_WORDS or word.replace("{", "").replace("}", "")
                   in self.values for word in re.findall(
                       r"\\?[A-Za-z]+(?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]+))?", words)):
            return "" if self._label(name, pieces, continued) else None
        if following.startswith(_STATEMENT_STARTS):
            return None
        if len(pieces) == 3 and continued:
            pass  # P = 1000(1.05)^{10}, then = 1628.894... ≈ 1628.89: it computes P (round 42);
            # A = \pi \times 5^2, then = 25\pi
        elif len(pieces) == 3:  # m = 2 on its own: given, when another name is given next
            after = _VALUE_HEAD.match(following)  # and a line below uses m
            used = re.compile(rf"(?<![A-Za-z_\\]){re.escape(name)}(?![A-Za-z_0-9{{])")
            if _QUANTITY.match(name):  # P(A) = 0.3 above any other line: a given probability,
                if not following:  # also when the next line claims it again (P(A ∩ B) = 0.1,
                    return None  # then P(A ∩ B) = P(A) P(B) is checked against 0.1)
            elif after is None or after.group(1) == name or not any(
                    used.search(code) or len(name) == 1 and _in_product(code, name)
                    for code in (line.split("#", 1)[0] for line in below)):
                return None  # (n = 5, p = 0.3, then E(X) = np: np is n p)
        if calls:  # the name only labels the number its line computes: the name is dropped
            used = re.compile(rf"(?<![A-Za-z_\\]){re.escape(name)}(?![A-Za-z_0-9{{])")
            return None if any(used.search(line.split("#", 1)[0]) for line in below) else ""
        self.values.append(name)
        return f"{name} := {body}"

    def _label(self, name: str, pieces: list[_Piece], continued: bool = False) -> bool:
        """Does the chain start with a name it only gives to what it computes (``S = 2\\pi r^2 +
        2\\pi r h = 2\\pi r^2 + 2000/r``, also with the next ``= ...`` on lines of their own):
        a letter no other line of the cell uses, nor the chain's other sides, before two or
        more links of ``=``? Its first link says nothing to check; read as a claim about every
        S, it would be false."""
        if len(pieces) < (3 if continued else 5) or any(p.rel not in (None, "=") for p in pieces) \
                or not re.fullmatch(r"[A-Za-z](?:_\{?[0-9A-Za-z]\}?)?", name):
            return False
        letter = re.escape(name.replace("{", "").replace("}", ""))
        mention = re.compile(rf"(?<![A-Za-z\\])(?:d|\\partial\s*|\\mathrm\{{d\}}\s*)?{letter}"
                             rf"(?![A-Za-z0-9{{])")
        code = "\n".join(line.split("#", 1)[0] for line in _lines(self.text))
        return len(mention.findall(code.replace("{", "").replace("}", ""))) == 1

    def curve_line(self, raw: str, lineno: int = 0) -> str:
        """The line with each defined curve's derivatives and value written out in the lines
        that differentiate it (``dy/dx = 3x^2`` is ``(d/dx (x^3)) = 3x^2``) and in the lines
        between its definition and the first of those, which follow from it (``y = x^x``,
        then ``\\ln y = x \\ln x``, then ``y'/y = \\ln x + 1``: logarithmic
        differentiation); elsewhere a curve's letter stays a letter (the tangent line
        ``y - 8 = 12(x - 2)``)."""
        # y' = 2C e^{2x}, then "= 2y": a line that goes on with a derivative line's chain
        # is about the curve too
        goes_on = self._curving and raw.split("#", 1)[0].lstrip().startswith(_GOES_ON) \
            and not raw.lstrip().startswith("==")
        self._curving = False
        for name, (variable, body, slope, bend) in self.curves.items():
            if _derivative(raw, name) is None and not goes_on \
                    and lineno - 1 not in self._consequences.get(name, ()):
                continue
            self._curving = True
            second, first = _derivative_patterns(name, variable)
            if "'''" in raw:  # y''' = 24x: the third derivative
                raw = re.sub(rf"(?<![A-Za-z_\\]){re.escape(name)}\s*'''(?!')(?!\s*\()",
                             _literal(f"(d^3/d{variable}^3 ({body}))"), raw)
            raw = re.sub(second, _literal(bend), raw)
            raw = re.sub(first, _literal(slope), raw)
            # dy/dx = xy: the product x y of the curve's letter
            raw = re.sub(r"(?<![A-Za-z_\\])[A-Za-z]{2,4}(?![A-Za-z_(])",
                         functools.partial(_letters_apart, name=name), raw)
            raw = re.sub(rf"(?<![A-Za-z_\\]){re.escape(name)}(?![A-Za-z_'(])",
                         _literal(f"({body})"), raw)
        return raw

    @functools.cached_property
    def implicit(self) -> dict[str, str]:
        """Letters the cell differentiates without defining them, each with its variable:
        after ``x^2 + y^2 = 25``, a line with ``dy/dx`` (or ``y'``) makes y an unknown
        function of x in every line (``y(x)``, ``y'(x)``), as in implicit differentiation.
        A letter qualifies when a line above its first derivative uses it and is no curve
        ``y = <expression>``, and the cell never writes ``y(x)`` itself (``y (x + 1)`` is
        then a product)."""
        found: dict[str, str] = {}
        lines = _lines(self.text)
        # P(A') is a complement, not a derivative: quantities are left out of the search
        text = without_quantities(self.text) if quantity_text(self.text) else self.text
        for name in sorted({m.group(1) for m in re.finditer(
                               r"(?<![A-Za-z_\\])([a-zA-Z])(?:'|\s*\^\s*\{?\s*\\prime)", text)}
                           | {m.group(1) for m in re.finditer(
                               r"(?<![A-Za-z\\])d(?:\^\s*\{?2\}?)?\s*([A-Za-z])\s*(?:\}\s*\{)?\s*/?\s*d",
                               text)}):
            if name in "eEiI" or name in self.names:
                continue
            differentiated = _derivative_lines(self.text, name)
            if not differentiated:
                continue
            first, variable = differentiated[0]
            if re.search(rf"(?<![A-Za-z_\\]){name}\s*\(\s*{re.escape(variable)}\s*\)",
                         self.text):
                continue  # y(x) written out: the cell treats y as a function already
            # f^{\prime}(x) (Mathpix's f'(x)) is no use of the letter f, as f'(x) is not
            letter = re.compile(rf"(?<![A-Za-z_\\]){name}(?![A-Za-z_'])(?!\s*\^\s*\{{?\s*\\prime)")
            here = lines[first].split("#", 1)[0]
            # where the line first differentiates y (y' or y'')
            marks = [m.start() for m in (re.search(p, here) for p in (
                *_derivative_patterns(name, variable), _third_derivative(name))) if m]
            before = here[: min(marks)] if marks else ""
            # sin(xy) = x: y in a product of letters is used too
            above = [line for line in (*lines[:first], before)
                     if (letter.search(line.split("#", 1)[0])
                         or _in_product(line.split("#", 1)[0], name))
                     and not line.strip().lower().startswith("assume")]
            if not above and _ode_top(lines, first, letter):
                above = [here]  # dy/dx = xy at the top, y in the lines below: an ODE
            # y = x^2 ==> y' = 2x on one line: the derivative follows an arrow, as when the
            # line below starts with one
            arrowed = any(a in before for a in _STATEMENT_STARTS)
            if not above or variable == name or re.match(
                    rf"\s*{name}\s*=(?![^#]*(?<![A-Za-z_\\]){name}(?![A-Za-z_]))", above[0]) \
                    and not here.lstrip().startswith(_STATEMENT_STARTS) and not arrowed:
                continue  # y = Ce^x, then ==> y' = y: a family and its ODE, y a function
            found[name] = variable
        return found

    def implicit_line(self, raw: str) -> str:
        """The line with each implicit letter as a function: ``2x + 2y dy/dx = 0`` is
        ``2x + 2y(x) y'(x) = 0``."""
        for name, variable in self.implicit.items():
            second, first = _derivative_patterns(name, variable)
            raw = re.sub(_third_derivative(name), _literal(f"{name}'''({variable})"), raw)
            raw = re.sub(second, _literal(f"{name}''({variable})"), raw)
            raw = re.sub(first, _literal(f"{name}'({variable})"), raw)
            # y'(3y^2 - 6x): y' times a bracket with letters (y'(x) stays y'(x), and y'(3)
            # is the slope at 3)
            raw = re.sub(rf"(?<![A-Za-z_\\]){re.escape(name)}('*)\s*"
                         r"(?=\((?:[^()]|\([^()]*\))*(?<![\\A-Za-z])[A-Za-z])"
                         rf"(?!\(\s*{re.escape(variable)}\s*\))",
                         rf"{name}\1({variable}) ", raw)  # y(1 - y) too: y times 1 - y
            raw = re.sub(r"(?<![A-Za-z_\\])[A-Za-z]{2,4}(?![A-Za-z_])",
                         functools.partial(_letters_apart, name=name), raw)
            # xyy' split into x y y': its y' too is y'(x)
            raw = re.sub(second, _literal(f"{name}''({variable})"), raw)
            raw = re.sub(first, _literal(f"{name}'({variable})"), raw)
            raw = re.sub(rf"(?<![A-Za-z_\\]){re.escape(name)}(?![A-Za-z_'(])",
                         _literal(f"{name}({variable})"), raw)
        return raw

    def differentiates(self, raw: str) -> bool:
        """Does the line take a derivative of an implicit letter?"""
        return any(_derivative(raw, name) is not None
                   or re.search(rf"(?<![A-Za-z_\\]){re.escape(name)}'", raw)
                   for name in self.implicit)

    def new_claim(self, first: _Piece, previous: str) -> bool:
        """Does a line that follows another without a relation start a claim of its own?
        In a cell with definitions it does when its first side uses a defined function
        (``f'(x) = 0 <=> x = 1`` after ``f'(x) = 3x^2 - 3``), or when the line before
        it is a closed claim about them (``f'(1) = 5``, then ``y - 4 = 5(x - 1)``): worksheets
        list such facts one a line, and ``f(1) = 2 <=> f'(1) = 3`` would hold for a
        wrong value of each."""
        sequences = "".join(set(self.sequences) | set(self._later))
        if not self.names and not sequences:
            return False
        calls = re.compile(rf"(?<![A-Za-z_\\])[{''.join(self.names) or '.'}]\s*(?:'+|\^\s*"
                           r"\{\s*(?:\\prime\s*)+\}|\^\s*\\prime)?\s*\("
                           + (rf"|(?<![A-Za-z_\\])[{sequences}]_" if sequences else "")
                           # f_x, \frac{\partial f}{\partial x}, ∂f/∂x (core/partials.py)
                           + (rf"|(?<![A-Za-z_\\])[{''.join(self.names)}]\s*_|\\partial|∂"
                              if self.names else ""))
        if calls.search(first.text):
            return True
        code = previous.split("#", 1)[0]
        if self._solves_for_constants(first.text, code):
            return False  # y(0) = 2, then C = 2: the initial condition fixes C
        return bool(calls.search(code)) and all(
            word in _CONSTANT_WORDS for word in re.findall(r"\\?[A-Za-z]+", calls.sub("", code)))

    def _solves_for_constants(self, line: str, previous: str) -> bool:
        """Does ``line`` go on from a condition on a curve y = ... with constants
        (``y(0) = 2``) by naming one of those constants (``C = 2``)?"""
        bodies = {**self._bodies, **{n: c[1] for n, c in self.curves.items()}}
        for name, body in bodies.items():
            if name not in self.names or not _applies(name, previous):
                continue
            constants = set(re.findall(r"(?<![A-Za-z_\\])[A-Z](?:_\{?\d\}?)?", body))
            if any(re.search(rf"(?<![A-Za-z_\\]){re.escape(c)}(?![A-Za-z_])", line)
                   for c in constants):
                return True
        return False

    def tangent(self, pieces: list[_Piece], previous: str) -> str | None:
        """A worksheet's answer line ``y = 6x - 9`` right after a claim about a defined
        function at a point (``f'(3) = 6``, ``f(a) = a^2``), ending its chain: the equation
        of the tangent or the normal to f at that point. Returns the statement it is checked
        as, ``y = 6x - 9 ==> (y - f(3) - f'(3)(x - 3))(f'(3)(y - f(3)) + x - 3) = 0``: the
        line lies on the tangent or the normal, so (being a line) it is one of them. None for
        any other line (``y = 6x - 9`` on its own claims y = 6x - 9 for every y)."""
        if (len(pieces) != 3 or pieces[0].rel is not None or pieces[1].rel != "="
                or pieces[0].text.strip() != "y" or pieces[2].marker or pieces[2].statement_call
                or not self.variables):
            return None
        body = pieces[2].text
        if re.search(r"(?<![A-Za-z_\\])y(?![A-Za-z_])", body) or "y" in self.names:
            return None
        code = previous.split("#", 1)[0]
        names = "".join(self.variables)
        points = {(m.group(1), m.group(2).strip()) for m in re.finditer(
            rf"(?<![A-Za-z_\\])([{names}])\s*'*\s*\(((?:[^()]|\([^()]*\))+)\)", code)}
        if len({point for _, point in points}) != 1 or len({n for n, _ in points}) != 1:
            return None  # no point, or two: f(1) = f(2)
        name, point = next(iter(points))
        variable = self.variables[name]
        if variable == "y" or re.search(
                rf"(?<![A-Za-z_\\])[{variable}y](?![A-Za-z_])", point):
            return None  # f(x) = ..., f'(x) = 2x: no point
        above = _code_above(_lines(self.text), pieces[0].line - 1, 2)
        slope = rf"(?<![A-Za-z_\\]){name}\s*'\s*\(\s*{re.escape(point)}\s*\)"
        if not any(re.search(slope, line) for line in above):
            return None  # no f'(3) just above: a chord or any other line, not a tangent
        lines = _lines(self.text)
        for index in range(pieces[0].line, len(lines)):
            line = lines[index].split("#", 1)[0].strip()
            if not line or line.startswith("%"):
                if not line:
                    break  # a blank line ends the chain
                continue
            if line[:6].lower() == "assume" or _applies_any(self.names, line):
                break  # a claim of its own follows
            return None  # the chain goes on: y = 6x - 9 <=> ... or a line joined by <=>
        f, x, at = name, variable, f"({point})"
        a = point if re.fullmatch(r"\\?[A-Za-z]+|\d+(?:\.\d+)?", point) else at
        where = f"the tangent or the normal to {f} at {x} = {point}"
        self.readings[pieces[0].line] = (pieces[0].text.strip(), body.strip(),
                                         f"read as {where}",
                                         f"{{point}} is on this line but not on {where}")
        return (f"{pieces[0].source[pieces[0].start:pieces[2].end]} ==> "
                f"(y - {f}{at} - {f}'{at}({x} - {a}))({f}'{at}(y - {f}{at}) + {x} - {a}) = 0")

    def algebra(self, raw: str) -> str:
        """The line with combinations of defined functions applied written out:
        ``(f∘g)(x)`` (``\\circ``) is ``f(g(x))``, ``(f + g)(x)`` is ``(f(x) + g(x))``, and so
        for ``-``, ``/``, ``\\cdot`` and ``(fg)(x)``."""
        if "(" not in raw or not self.variables:
            return raw
        names = "".join(self.variables)

        def expand(match: re.Match[str]) -> str:
            f, op, g, arg = (match.group("f"), match.group("op").strip(), match.group("g"),
                             match.group("arg"))
            if op in ("∘", "\\circ"):
                return f"{f}({g}({arg}))"
            shown = {"": " ", "*": " ", "\\cdot": " ", "\\times": " ", "·": " "}.get(op, f" {op} ")
            return f"({f}({arg}){shown}{g}({arg}))"

        return _algebra(names).sub(expand, raw)

    def gradient_line(self, raw: str) -> str:
        """``\\nabla f``, ``∇f``, ``grad(f)`` and ``\\nabla f(1, 2)`` for f defined with
        several variables written out as the vector of its partial derivatives
        ``(f_x, f_y)`` (``(f_x(1, 2), f_y(1, 2))``), read by core/partials.py."""
        if not self.several:
            return raw
        names = "".join(self.several)

        def vector(match: re.Match[str]) -> str:
            f = match["f"] or match["g"]
            point = match["point"] or ""
            if point and "," not in point:
                return f"({', '.join(f'{f}_{{{v}}}' for v in self.several[f])}){point}"
            return f"({', '.join(f'{f}_{{{v}}}{point}' for v in self.several[f])})"

        return re.sub(rf"(?:\\nabla(?![A-Za-z])\s*|∇\s*)(?P<f>[{names}])(?![A-Za-z_])"
                      r"(?P<point>\s*\((?:[^()]|\([^()]*\))*\))?"
                      rf"|(?<![A-Za-z\\])grad\s*\(\s*(?P<g>[{names}])\s*\)",
                      vector, raw)

    def inverse(self, pieces: list[_Piece]) -> str | None:
        """``f^{-1}(x) = (x - 3)/2`` for a defined f, ending its chain: the claim that makes
        the right side R f's inverse, ``f(x) = f(x) ==> x = R(f(x))``: wherever f is defined,
        R(f(x)) is defined and is x. That makes f one-to-one and fixes R on f's range, the
        inverse's domain (as an equation ``R(f(x)) = x``, R defined on only a part of the
        range passed: sqrt(x - 3)^2/2 for 2x + 3); ``f(R(x)) = x`` need not hold off that
        range (R = x^2 + 1 for f = sqrt(x - 1) at -1)."""
        if len(pieces) != 3 or pieces[0].rel is not None or pieces[1].rel != "=" \
                or not self.variables:
            return None
        head = _INVERSE.fullmatch(pieces[0].text.strip())
        if head is None or head.group("name") not in self.variables:
            return None
        f, v, body = head.group("name"), head.group("var"), pieces[2].text
        following = next((line.split("#", 1)[0].strip() for line in itertools.islice(
            _lines(self.text), pieces[0].line, None) if line.split("#", 1)[0].strip()), "")
        if following.startswith(_GOES_ON + _STATEMENT_STARTS) or re.search(
                rf"(?<![A-Za-z_\\]){re.escape(f)}\s*\^", body):
            return None
        back = re.sub(rf"(?<![A-Za-z_\\]){v}(?![A-Za-z_])(?P<power>\s*[\^²³!']?)",
                      lambda m: f"({f}({v})){m['power']}" if m["power"].strip()
                      else f"{f}({v}){m['power']}", body)
        self.readings[pieces[0].line] = (
            pieces[0].text.strip(), body.strip(),
            f"read as the inverse of {f}: {v} = {back.strip()} wherever {f}({v}) is defined",
            f"{{point}}: {back.strip()} is not {v} there, so this is not the inverse of {f}")
        return f"{f}({v}) = {f}({v}) ==> {v} = {back}"

    def _works_on_body(self, name: str, args: list[str], pieces: list[_Piece]) -> bool:
        """``p(x) = x^3 - 6x^2 + 11x - 6``, then ``= (x - 1)(x^2 - 5x + 6)`` (on the line or
        the next): a chain that goes on from a body in p's variables that never names p
        works on p's formula. A product names its letter on the right (``a(b) = ab``)."""
        body = pieces[2].text
        if name in body or not all(arg in body for arg in args):
            return False
        if len(pieces) > 3:
            return True
        later = itertools.islice(_lines(self.text), pieces[0].line, None)
        following = next((line.strip() for line in later
                          if line.strip() and not line.strip().startswith(("#", "%"))), "")
        return following.startswith(("=", "&=", "& =")) and not following.startswith("==")

    def _used_later(self, name: str, head: _Piece) -> bool:
        applied = _applied_lines(self.text, name)
        return bool(applied) and applied[-1] >= head.line


def _ode_top(lines: Sequence[str], first: int, letter: re.Pattern[str]) -> bool:
    """Is the line ``first``, which differentiates the letter, a differential equation that
    starts the cell's work on it: no line above uses the letter (``dy/dx = xy``, then
    ``dy/y = x dx``), and a line below does?"""
    return not any(letter.search(line.split("#", 1)[0]) for line in lines[:first]
                   if not line.strip().lower().startswith("assume")) \
        and any(letter.search(line.split("#", 1)[0]) for line in lines[first + 1:])


def _code_above(lines: Sequence[str], end: int, count: int) -> list[str]:
    """The last ``count`` lines before ``lines[end]`` with code in them, comments cut off:
    a backward walk, so that a cell of many answer lines stays linear."""
    found: list[str] = []
    for index in range(end - 1, -1, -1):
        code = lines[index].split("#", 1)[0]
        if code.strip():
            found.insert(0, code)
            if len(found) == count:
                break
    return found


#: ``f^{-1}(x)``, ``f^-1(x)``, ``f⁻¹(x)``: the inverse of f at x.
_INVERSE = re.compile(r"(?P<name>[A-Za-z])\s*(?:\^\s*\{\s*-\s*1\s*\}|\^\s*\(?\s*-\s*1\s*\)?|⁻¹)"
                      r"\s*\(\s*(?P<var>[A-Za-z])\s*\)")


@functools.lru_cache(maxsize=32)
def _algebra(names: str) -> re.Pattern[str]:
    """``(f op g)(arg)`` for the letters ``names``."""
    return re.compile(
        rf"\(\s*(?P<f>[{names}])\s*(?P<op>∘|\\circ(?![A-Za-z])|\\cdot(?![A-Za-z])"
        rf"|\\times(?![A-Za-z])|[-+*/·]|\s*)\s*(?P<g>[{names}])\s*\)\s*"
        r"\((?P<arg>(?:[^()]|\([^()]*\))*)\)")


#: Words that leave a line about a defined function closed (``f'(e) = 1/e``, ``f(\\pi) = 0``).
_CONSTANT_WORDS = frozenset({
    "e", "pi", "\\pi", "ln", "\\ln", "log", "\\log", "sqrt", "\\sqrt", "exp", "\\exp",
    "sin", "\\sin", "cos", "\\cos", "tan", "\\tan", "\\frac", "\\dfrac", "\\cdot",
    "\\times", "\\left", "\\right"})


def _body_letters(body: str) -> list[str]:
    """The one-letter variables of a body (``2x y + sin(x y)``: x, y), alphabetically;
    words of two or three small letters that name no function count letter by letter."""
    from proofnb.core.functions import FUNCTIONS

    found: set[str] = set()
    for word in re.findall(r"(?<![A-Za-z\\])[A-Za-z]+", body):
        if len(word) == 1:
            found.add(word)
        elif word.islower() and len(word) <= 3 and word not in FUNCTIONS:
            found |= set(word)
    return sorted(found - set("eEiId"))


def _differentiated_later(text: str, name: str, args: list[str], line: int) -> bool:
    """Does a line below take a partial derivative of ``name`` in its variables
    (``u_{xx}``, ``u_t``, ``\\partial u``, ``∂u``)? Then ``u(x, t) = ...`` defines u."""
    if len(args) < 2:
        return False
    letters = "".join(a for a in args if len(a) == 1)
    if not letters:
        return False
    pattern = re.compile(rf"(?<![A-Za-z\\]){name}\s*_\s*(?:\{{\s*[{letters}]+\s*\}}|[{letters}]+)"
                         rf"(?![A-Za-z])|(?:\\partial|∂)(?:\^\s*\{{?\d\}}?|[²³])?\s*{name}(?![A-Za-z])")
    return any(pattern.search(code.split("#", 1)[0]) for code in _lines(text)[line:])


def _applies_any(names: Iterable[str], text: str) -> bool:
    return any(_applies(name, text) for name in names)


def _applies(name: str, text: str) -> bool:
    """Does ``text`` apply the letter ``name`` as a function (``f(``, ``f'(``, ``f''(``)?"""
    return re.search(rf"(?<![A-Za-z_\\]){name}\s*('+\s*)?\(", text) is not None


#: A line that goes on with the chain above it by an expression relation.
_GOES_ON = ("=", "<", ">", "\\le", "\\ge", "≤", "≥", "&=", "& =", "&<", "&>", "&\\le", "&\\ge")


def _terms(code: str, sequences: Iterable[str]) -> list[str]:
    """The indices of the terms of ``sequences`` in ``code`` (``n+1`` for ``a_{n+1}``)."""
    names = "".join(sequences)
    if not names:
        return []
    return [m.group(1) or m.group(2) for m in re.finditer(
        rf"(?<![A-Za-z_\\])[{names}]\s*_\s*(?:\{{([^{{}}]*)\}}|([A-Za-z0-9]))", code)]


def index_letters(text: str, sequences: Iterable[str]) -> set[str]:
    """The letters in the indices of terms (k in ``a_k > a_{k+1}``, m in ``a_{2m}``): an
    index is a whole number, so k is one too (k = -1/2 would be no term at all)."""
    letters: set[str] = set()
    for raw in text.split("\n"):
        code = raw.split("#", 1)[0].strip()
        if code[:6].lower() == "assume" or code.startswith("%"):
            continue
        for index in _terms(code, sequences):
            letters |= set(re.findall(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])", index))
    return letters - set("eEiI")


def within_indices(step: StepSpec, sequences: Iterable[str]) -> StepSpec:
    """The step checked where its terms exist: ``a_n > a_{n-1}`` is a claim for n >= 1
    (a_{-1} is no term), so its premise is ``n - 1 >= 0``."""
    if step.premise:
        return step
    needed = sorted({index.strip() for index in _terms(f"{step.lhs} {step.rhs}", sequences)
                     if "-" in index})
    if not needed:
        return step
    return dataclasses.replace(step, premise=" and ".join(f"{i} >= 0" for i in needed))


#: ``a_n`` or ``a_{n}``: a sequence's general term.
_SEQUENCE = re.compile(r"(?P<name>[A-Za-z])_(?:\{\s*(?P<braced>[A-Za-z])\s*\}|(?P<bare>[A-Za-z]))")


#: A name a chain may give a number: a letter, maybe with a subscript (P, A_1, v_{0}).
_VALUE_NAME = re.compile(rf"[A-Za-z](?:_\{{?[A-Za-z0-9]+\}}?)?|{GREEK_NAME}|{QUANTITY_HEAD}"
                         r"|\\Delta(?![A-Za-z])|Δ")  # the discriminant, \Delta = 16 - 12 = 4
#: The start of a line that names something: ``v = ...``, ``E_k = ...``.
_VALUE_HEAD = re.compile(
    rf"([A-Za-z](?:_\{{?[A-Za-z0-9]+\}}?)?|{GREEK_NAME}|{QUANTITY_HEAD})\s*=(?!=)")
_QUANTITY = re.compile(QUANTITY_HEAD)
#: A call of a function, with its derivative marks: ``f(``, ``f'(``, ``f^{\\prime}(``.
_DEFINED_CALL = re.compile(r"(?<![A-Za-z\\])([A-Za-z])\s*(?:'+|\^\s*\{?\s*(?:\\prime\s*)+\}?)?"
                           r"\s*(?:\\left\s*)?\(")
#: Words a computed number may use (functions, constants, LaTeX layout).
_VALUE_WORDS = frozenset({
    "e", "pi", "ln", "log", "sqrt", "cbrt", "exp", "sin", "cos", "tan", "sec", "csc", "cot",
    "arcsin", "arccos", "arctan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "frac",
    "dfrac", "tfrac", "cdot", "times", "left", "right", "binom", "circ", "deg", "abs", "sum",
    "Phi"})

_STATEMENT_STARTS = ("<=>", "==>", "<==", "=>", "⇔", "⇒", "⇐", "\\iff", "\\Leftrightarrow",
                     "\\implies", "\\Rightarrow", "\\impliedby", "\\Longleftrightarrow")


@functools.lru_cache(maxsize=8)
def _lines(text: str) -> tuple[str, ...]:
    """The cell's lines, split once: a line that may define a curve looks at those below it."""
    return tuple(text.split("\n"))


@functools.lru_cache(maxsize=64)
def _applied_lines(text: str, name: str) -> tuple[int, ...]:
    """The lines (index from 0, in order) of ``text`` that apply ``name`` as a function: found
    once per cell, so that every line asking "is f used below?" costs no rescan."""
    return tuple(index for index, line in enumerate(_lines(text)) if _applies(name, line))


@functools.lru_cache(maxsize=64)
def _term_lines(text: str, name: str) -> tuple[int, ...]:
    """The lines (index from 0, in order) of ``text`` that use a term ``a_...`` of ``name``."""
    term = re.compile(rf"(?<![A-Za-z_\\]){name}_")
    return tuple(index for index, line in enumerate(_lines(text)) if term.search(line))


@functools.lru_cache(maxsize=64)
def _derivative_lines(text: str, name: str) -> tuple[tuple[int, str], ...]:
    """(line index from 0, variable) for each line of ``text`` that differentiates ``name``:
    one pass per letter, not one per line ``y = ...`` (8000 such lines took 74 s)."""
    return tuple((index, v) for index, line in enumerate(_lines(text))
                 if (v := _derivative(line, name)) is not None)


def _derivative(line: str, name: str) -> str | None:
    """The variable when the line differentiates the letter ``name`` (``dy/dx``,
    ``\\frac{dy}{dx}``, ``d^2y/dx^2``: that variable; ``y'``, ``y''``, ``y^{\\prime}``: x)."""
    code = line.split("#", 1)[0]
    n = re.escape(name)
    leibniz = re.search(rf"(?<![A-Za-z\\])d(?:\^\s*\{{?2\}}?)?\s*{n}\s*(?:\}}\s*\{{)?\s*/?\s*d\s*"
                        rf"([A-Za-z])(?![A-Za-z])", code)
    if leibniz is not None and leibniz.group(1) != name:
        return leibniz.group(1)
    if re.search(rf"(?<![A-Za-z_\\]){n}\s*(?:'|\^\s*\{{?\s*\\prime)(?!'*\s*\()", code):
        return "x"
    return None


def _letters_apart(match: re.Match[str], name: str) -> str:
    """``xy`` as ``x y`` when it holds the implicit letter y and names nothing itself, so
    that y can become y(x) in ``6xy``."""
    from proofnb.core.functions import KNOWN_WORDS
    from proofnb.core.lexer import GREEK_NAMES

    word = match.group(0)
    if name not in word or word in KNOWN_WORDS or word in GREEK_NAMES:
        return word
    return " ".join(word)


def _uses(body: str, letter: str) -> bool:
    """Does the text use the letter (``t`` in ``3t^2``, ``\\theta`` in ``r \\cos \\theta``)?"""
    if letter.startswith("\\"):
        return re.search(re.escape(letter) + r"(?![A-Za-z])", body) is not None
    return re.search(rf"(?<![A-Za-z_\\]){re.escape(letter)}(?![A-Za-z_])", body) is not None


def _in_product(body: str, letter: str) -> bool:
    """Does the text use the letter in a product of letters (x in ``e^{kx}``, ``\\sin ax``)?"""
    from proofnb.core.functions import KNOWN_WORDS

    return any(letter in word and word not in KNOWN_WORDS
               for word in re.findall(r"(?<![A-Za-z_\\])[A-Za-z]{2,4}(?![A-Za-z_])", body))


def _third_derivative(name: str) -> str:
    """A regular expression for the third derivative ``y'''`` (not followed by a bracket)."""
    return rf"(?<![A-Za-z_\\]){re.escape(name)}\s*'''(?!')(?!\s*\()"


def _derivative_patterns(name: str, variable: str) -> tuple[str, str]:
    """Regular expressions for the second and the first derivative of the letter ``name`` in
    ``variable``, as written in a line: ``d^2y/dx^2``, ``\\frac{d^2 y}{dx^2}``, ``y''``;
    ``dy/dx``, ``\\frac{dy}{dx}``, ``y'``, ``y^{\\prime}`` (not ``y'(x)``, and ``y''`` is no
    ``y'`` followed by a quote)."""
    n, v = re.escape(name), re.escape(variable)
    two = r"\^\s*\{?2\}?"
    second = (rf"\\frac\s*\{{\s*d\s*{two}\s*{n}\s*\}}\s*\{{\s*d\s*{v}\s*{two}\s*\}}"
              rf"|(?<![A-Za-z\\])d{two}\s*{n}\s*/\s*d{v}{two}"
              rf"|(?<![A-Za-z_\\]){n}\s*(?:''(?!')|\^\s*\{{\s*(?:\\prime\s*){{2}}\}})(?!\s*\()")
    first = (rf"\\frac\s*\{{\s*d\s*{n}\s*\}}\s*\{{\s*d\s*{v}\s*\}}"
             rf"|(?<![A-Za-z\\])d{n}\s*/\s*d{v}(?![A-Za-z])"
             rf"|(?<![A-Za-z_\\]){n}\s*(?:'(?!')|\^\s*\{{\s*\\prime\s*\}}|\^\s*\\prime)(?!\s*\()")
    return second, first


def _literal(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for :func:`re.sub` that inserts ``text`` as it is (backslashes too)."""
    return lambda _match: text
