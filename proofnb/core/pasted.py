"""Typesetting that tools paste around the maths: Overleaf's ``\\tag{1}``, ``\\label{..}``,
``\\nonumber``, ``\\boxed{x = 2}``, ``\\textcolor{red}{..}``, ``\\\\[2pt]``; Mathpix's units
``9 \\pi \\mathrm{~cm}^{2}``.

Everything here works on the cell's text and keeps every other character in its line and
column (what is dropped becomes spaces), so that errors still point at what was written.
"""

from __future__ import annotations

import re

# A command and its one argument, dropped whole: numbering, references, spacing, colour.
_DROPPED_RE = re.compile(
    r"\\(?:tag\*?|label|eqref|ref|hspace\*?|vspace\*?|phantom|hphantom|vphantom|color)"
    r"\s*\{(?:[^{}]|\{[^{}]*\})*\}"
    r"|\\(?:nonumber|notag|hfill|mathstrut|strut|allowbreak|noindent|displaystyle|textstyle"
    r"|scriptstyle|scriptscriptstyle)(?![A-Za-z])"
    r"|(?<=\\\\)\s*\[\s*-?[0-9.]+\s*(?:pt|em|ex|mm|cm|mu|in|bp)\s*\]"  # \\[2pt]
)

# A command whose argument is the maths itself: the command and its braces are dropped
# (\boxed{x = 2}, \textcolor{red}{x + 1}, \smash[b]{2}, \underbrace{(x+1)^2}_{\text{note}}).
_WRAPPER_RE = re.compile(
    r"\\(?:boxed|smash(?:\s*\[[tb]\])?|(?:textcolor|colorbox)\s*\{[A-Za-z!0-9]*\}"
    r"|underbrace|overbrace|mathbf|boldsymbol|bm)\s*\{"
)

# Bold digits (\mathbf{2}) are the digits; bold letters stay vectors (core/vectors.py).
_BOLD_RE = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{")
_DIGITS_RE = re.compile(r"\s*[0-9.]+\s*")


def without_typesetting(text: str) -> str:
    """``text`` with the numbering, references, spacing, colour and boxes that typeset the
    maths blanked out (``\\operatorname*`` is ``\\operatorname``)."""
    if "\\" not in text:
        return text
    text = _DROPPED_RE.sub(lambda m: _blank(m.group(0)), text)
    text = text.replace("\\operatorname*", "\\operatorname ")
    chars = list(text)
    closing = _closing_braces(text)
    for m in _WRAPPER_RE.finditer(text):
        close = closing.get(m.end() - 1, -1)
        if close < 0:
            continue
        if _BOLD_RE.match(m.group(0)) and not _DIGITS_RE.fullmatch(text[m.end() : close]):
            continue  # \mathbf{x}: a vector
        end = close + 1
        if m.group(0).startswith(("\\underbrace", "\\overbrace")):
            note = re.match(r"\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\text\s*\{[^{}]*\}|\S)",
                            text[end:])
            if note is None:
                continue
            end += note.end()
        for k in range(m.start(), m.end()):
            chars[k] = " "
        for k in range(close, end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def _blank(found: str) -> str:
    return "".join(ch if ch == "\n" else " " for ch in found)


def _closing_braces(text: str) -> dict[int, int]:
    """Each ``{`` that is closed, mapped to the index of its ``}`` (``\\{`` and ``\\}`` are
    characters, not braces). One pass: looking for each wrapper's brace from its own place
    took quadratic time over 4000 unclosed ``\\boxed{`` (seconds)."""
    found: dict[int, int] = {}
    opened: list[int] = []
    k = 0
    while k < len(text):
        ch = text[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "{":
            opened.append(k)
        elif ch == "}" and opened:
            found[opened.pop()] = k
        k += 1
    return found


#: Units as Mathpix and textbooks set them (\mathrm{~cm}^{2}, \text{ kg}, \mathrm{~m} / \mathrm{s}).
UNITS = frozenset(
    "mm cm m km in ft yd mi mg g kg t s ms min h hr ml mL l L cl dl N kN J kJ W kW Pa kPa "
    "V mV A mA Hz K mol cal kcal".split()
)

# Each blank can be matched one way only (no '\s*(?:/)?\s*', no '\s*(?:\s)?\s*'): with two
# ways per gap a run of 25 units that fails the lookahead backtracked 2^25 times (a hang);
# and a run starts only where no blank or spacing command precedes it, or each of n blanks
# before it started the same failing match again (quadratic).
_UNIT_ATOM = (r"\\(?:mathrm|text|textrm|mbox)\s*\{\s*(?:(?:~|\\[,; ])\s*)?[A-Za-z]+\s*\}"
              r"(?:\s*\^\s*(?:\{\s*-?[0-9]\s*\}|[0-9]))?")
_UNIT_RUN_RE = re.compile(
    r"(?<![\s~])(?<!\\[,;:! ])"
    rf"(?:\s|~|\\[,;:! ])*(?P<run>{_UNIT_ATOM}(?:\s*(?:(?:/|\\cdot|\\times)\s*)?{_UNIT_ATOM})*)"
    r"(?=\s*(?:$|[=<>&$,.;\n]|\)(?!\s*\^)|\\\\|\\(?:approx|le|ge|leq|geq|lt|gt|ne|neq|quad|qquad|text"
    r"|Rightarrow|implies|iff|Leftrightarrow)(?![A-Za-z])))",
    re.MULTILINE,
)
_UNIT_NAME_RE = re.compile(r"\{\s*(~|\\[,; ]|\s)?\s*([A-Za-z]+)\s*\}")


def _unit(run: str) -> str | None:
    """The unit that ``run`` spells (``cm^2``, ``km/h``), or None when a part is no unit:
    a one-letter unit needs the space that sets it apart (``\\mathrm{~m}``, ``\\text{ g}``)."""
    names = _UNIT_NAME_RE.findall(run)
    if not names or any(name not in UNITS for _, name in names):
        return None
    mark, first = names[0]
    if len(first) == 1 and not mark:
        return None
    return re.sub(r"\\(?:mathrm|text|textrm|mbox)|[\s{}~]|\\[,; ]", "", run)


def without_units(text: str) -> str:
    """``text`` with its units blanked out when they only label the results: every unit in
    the cell is the same and ends a term (``\\pi(3)^2 = 9\\pi \\mathrm{~cm}^{2}``). Otherwise
    the text is unchanged, and the units are errors where they are read."""
    if "{" not in text or not any(c in text for c in ("mathrm", "text", "mbox")):
        return text
    found = [(m.start("run"), m.end("run"), _unit(m.group("run")))
             for m in _UNIT_RUN_RE.finditer(text)]
    units = {unit for _, _, unit in found}
    if len(units) != 1 or None in units:
        return text
    chars = list(text)
    for start, end, _ in found:
        for k in range(start, end):
            if chars[k] != "\n":
                chars[k] = " "
    blanked = "".join(chars)
    first = str(next(iter(units))).split("/")[0].split("^")[0]
    if re.search(r"\\(?:mathrm|text|textrm|mbox)\s*\{\s*~?\s*" + re.escape(first) + r"\s*\}",
                 blanked):
        return text  # the same unit again inside a term (6 \mathrm{~cm} \times 4 \mathrm{~cm})
    return blanked
