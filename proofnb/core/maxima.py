"""Spellings that STACK (Maxima) users type, rewritten into the cell language line by line.

* ``#pm#`` is STACK's ``±`` (``x = #pm#sqrt(2)``); read before ``#`` starts a comment.
  ``+-`` and ``+/-``, which STACK also reads as ``±``, are ``±`` too (not ``+(-b)``).
* ``%i``, ``%pi``, ``%e`` are Maxima's imaginary unit, π and e (``%`` otherwise starts a
  LaTeX comment): ``%i`` is ``I``, the imaginary unit in either domain.
* A solution-set word as a whole statement, after ``<=>``/``==>``/``<==`` (or alone on a
  line below a statement): ``all`` (every value solves it) is ``true``; ``none``, ``{}``,
  ``[]`` and ``\\{\\}`` (no value does) are ``false``, as ``∅`` and ``\\emptyset`` are.
"""

from __future__ import annotations

import re

_PM = "#pm#"
_PLUS_MINUS = re.compile(r"(?<!['\"])(?:\+\s*/\s*-|\+-)(?!['\"])")  # not Limit's '+-'
_CONSTANT = re.compile(r"(?<![\\\w%])%(i|pi|e)(?![\w.])")
_CONSTANTS = {"i": "I", "pi": "pi", "e": "e"}

_STATEMENT_RELATION = r"<=>|==>|<==|=>|⇔|⇒|⇐|⟺|⟹|⟸|\\(?:iff|implies|impliedby|Leftrightarrow|" \
    r"Longleftrightarrow|Rightarrow|Longrightarrow|Leftarrow|Longleftarrow)(?![A-Za-z])"
_WORDS = r"all|none|\{\s*\}|\[\s*\]|\\\{\s*\\\}|∅|\\emptyset(?![A-Za-z])|\\varnothing(?![A-Za-z])"
#: The word after a statement relation at the end of the line (before a comment).
_AFTER_RELATION = re.compile(rf"(?P<rel>{_STATEMENT_RELATION})\s*(?P<word>{_WORDS})\s*(?=#|$)")
#: The word alone on a line.
_ALONE = re.compile(rf"^\s*(?P<word>{_WORDS})\s*(?=#|$)")
_ABOUT_NUMBERS = re.compile(r"=|<|>|≤|≥|\\(?:le|ge|leq|geq|lt|gt|iff)(?![A-Za-z])")


def _truth(word: str) -> str:
    return "true" if word == "all" else "false"


def maxima_spellings(raw: str, previous: str = "") -> str:
    """``raw`` (one line) with STACK's spellings in the cell language's; ``previous`` is the
    last line of mathematics above it (a word alone on a line is a statement only there)."""
    if _PM in raw:
        raw = raw.replace(_PM, "±")
    if "+-" in raw or "+/-" in raw:
        raw = _PLUS_MINUS.sub("±", raw)
    if "%" in raw:
        raw = _CONSTANT.sub(lambda m: _CONSTANTS[m.group(1)], raw)
    found = _AFTER_RELATION.search(raw)
    if found is not None:
        return (raw[: found.start("word")] + _truth(found.group("word"))
                + raw[found.end("word"):])
    alone = _ALONE.match(raw)
    if alone is not None and _ABOUT_NUMBERS.search(previous.split("#", 1)[0]):
        return raw[: alone.start("word")] + _truth(alone.group("word")) + raw[alone.end("word"):]
    return raw
