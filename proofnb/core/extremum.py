r"""Words that classify a point at the end of a line of a curve-sketching worksheet:
``f''(1) = 6 > 0, so a minimum``, ``f''(-1) = -6 < 0 (max)``,
``f''(1) = 6 > 0 \Rightarrow \text{local minimum at } x = 1``, ``\quad \text{point of inflection}``.

The words are prose, never a product of letters: the line is checked without them. Where they
state what the second-derivative test gives at a point the line evaluates (``f''(a)`` at a
number a), they are checked as that test: a minimum needs ``f''(a) > 0`` and a maximum
``f''(a) < 0``. The line usually states that sign itself; when it does not (``f''(1) = 6, so a
minimum``) or states the other one (``f''(1) = 6 > 0, so a maximum``), the sign the word needs
becomes a claim of its own on that line.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["classification"]

#: What may separate a line's mathematics from its classifying words.
_SEPARATOR = re.compile(
    r",?\s*(?:\\text\s*\{\s*,?\s*)?(?:so|hence|thus|therefore|i\.\s*e\.|also|daher|donc)"
    r"(?![A-Za-z])|\s+(?=(?:\\text\s*\{\s*)?(?:is|are|ist)\s)"
    r"|\s*\\(?:Rightarrow|Longrightarrow|implies|therefore|q?quad)(?![A-Za-z])"
    r"|\s*\\(?:to|rightarrow)(?![A-Za-z])|\s*(?:==>|=>|⇒|→|∴|—|--|;|,)"
    r"|\s*(?=\\text\s*\{)|\s+(?=\()")
#: Words the classifying prose may use besides the key words and a point.
_PROSE_WORDS = frozenset({
    "so", "hence", "thus", "therefore", "a", "an", "the", "is", "at", "of", "this", "it",
    "local", "relative", "global", "absolute", "point", "points", "value", "turning",
    "stationary", "inflection", "inflexion", "saddle", "there", "has", "f", "x", "y", "and",
    "strict", "strictly", "increasing", "decreasing", "concave", "convex", "up", "down",
    "min", "max", "minimum", "maximum", "minima", "maxima", "frac", "pi", "sqrt", "left",
    "right", "text", "quad", "qquad", "by", "test", "second", "derivative", "nature", "ie", "e",
    "horizontal", "vertical", "oblique", "slant", "asymptote", "asymptotes", "HA", "VA",
    "on", "in", "interval", "where", "are", "ist", "also", "daher", "donc", "ein", "eine",
    "lokales", "lokaler", "globales", "tiefpunkt", "hochpunkt", "wendepunkt", "sattelpunkt",
    "extremum", "extrempunkt", "tp", "hp", "wp", "bei", "mit",
})
_KEY = re.compile(r"(?<![A-Za-z])(?:min(?:imum|ima)?|max(?:imum|ima)?|inflexion|inflection"
                  r"|turning|stationary|saddle|increasing|decreasing|concave|convex|asymptotes?"
                  r"|HA|VA|(?i:tiefpunkt|hochpunkt|wendepunkt|sattelpunkt|extremum|extrempunkt)"
                  r"|TP|HP|WP)(?![A-Za-z])")
#: The characters the prose may hold besides words: a point, x = a, brackets and layout.
_PROSE_CHARS = re.compile(r"[\s0-9(){}\[\],.=+\-/:;\\~!|∣]*")
#: A second derivative at a point: ``f''(1)``, ``V''(10/3)``, ``f^{\prime\prime}(-1)``.
_SECOND = re.compile(r"(?<![A-Za-z\\])(?P<name>[A-Za-z])\s*(?:''|\^\s*\{\s*\\prime\s*\\prime\s*\}"
                     r"|\^\s*\{\s*\(\s*2\s*\)\s*\})\s*\(\s*(?P<at>[^()]*(?:\([^()]*\)[^()]*)*?)\s*\)")
#: The letters a number may use (``\frac{10}{3}``, ``\pi/6``, ``\sqrt{2}``).
_NUMBER_WORDS = frozenset({"frac", "dfrac", "pi", "sqrt", "e", "left", "right"})
#: A bracketed remark that a relation follows: ``x = 1 (min) or x = -1 (max)``.
_REMARK = re.compile(r"(?<=[\s0-9)}])\(([^()]*)\)")
#: A function applied to a letter: ``f(x)``, ``f'(x)``, ``f^{\prime}(x)``.
_APPLIED = re.compile(r"(?<![A-Za-z\\])([A-Za-z])\s*(?:'+|\^\s*\{[\\prime\s]+\})?"
                      r"\s*\(\s*([A-Za-z])\s*\)")
#: ``on (1, \infty)`` after a claim: where it holds.
_ON = re.compile(r"\s*(?:\\text\s*\{\s*on\s*\}|(?<![A-Za-z\\])on)\s*"
                 r"(?P<interval>[(\[]\s*[^()\[\]]*?,[^()\[\]]*?[)\]])")
#: A line that ends where the words start is not done: ``x \in``, ``f'(x) >``.
_OPEN_END = re.compile(r"(?:[=<>+\-*/^_,]|\\in|\\text\s*\{[^{}]*\})\s*$")
_RELATION = re.compile(r"=|<|>|≤|≥|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])")


def classification(raw: str, functions: Collection[str]) -> tuple[str, str]:
    """The line without the words that classify a point at its end, and the claim those words
    make through the second-derivative test (``f''(1) > 0`` for "minimum"), or "" when they
    make none that can be checked (``f`` must be one of ``functions``, the cell's defined
    functions). A line without such words comes back unchanged, with ""."""
    code, hash_, comment = raw.partition("#")
    if " on" in code or "{on" in code:  # f'(x) > 0 on (1, \infty): for x \in (1, \infty)
        code = _on_interval(code, functions)
        raw = code + hash_ + comment
    if not _KEY.search(code):
        return raw, ""
    # x = 1 (min) or x = -1 (max): a remark in brackets inside the line
    code = _REMARK.sub(lambda m: " " * len(m.group(0)) if _is_prose(m.group(1)) and _RELATION
                       .search(code[m.end():]) else m.group(0), code)
    for sep in _SEPARATOR.finditer(code):
        maths, prose = code[: sep.start()], code[sep.end():]
        if sep.group(0).strip() == "" and prose.startswith("("):  # (min): the bracket only
            remark = re.match(r"\(([^()]*)\)", prose)
            if remark is None or not _KEY.search(remark.group(1)):
                continue
        if _RELATION.search(maths) and _balanced(maths) and _is_prose(prose) \
                and not _OPEN_END.search(maths):
            break
    else:
        return raw, ""
    kept = maths.rstrip() + (f"  {hash_}{comment}" if hash_ else "")
    return kept, _test_claim(maths, prose, functions)


def _on_interval(code: str, functions: Collection[str]) -> str:
    """``f'(x) > 0 on (1, \\infty)`` (also ``\\text{ on } [0, 3]``) as ``f'(x) > 0 \\text{ for }
    x \\in (1, \\infty)``: the letter is the argument the line gives a defined function."""
    found = _ON.search(code)
    if found is None or not _RELATION.search(code[: found.start()]):
        return code
    letters = {m.group(2) for m in _APPLIED.finditer(code[: found.start()])
               if m.group(1) in functions}
    if len(letters) != 1:
        return code
    return f"{code[: found.start()]} \\text{{ for }} {letters.pop()} \\in {found['interval']}" \
        f"{code[found.end('interval'):]}"


def _is_prose(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return bool(_KEY.search(text)) and all(w.lower() in _PROSE_WORDS or w in _PROSE_WORDS
                                           for w in words) \
        and _PROSE_CHARS.fullmatch(re.sub(r"[A-Za-z]+", " ", text)) is not None


def _balanced(maths: str) -> bool:
    """Are the line's brackets closed before the words (the words are not inside a \\frac)?"""
    depth = 0
    for char in maths:
        depth += (char in "({[") - (char in ")}]")
        if depth < 0:
            return False
    return depth == 0


def _test_claim(maths: str, prose: str, functions: Collection[str]) -> str:
    """``f''(a) > 0`` (a minimum) or ``f''(a) < 0`` (a maximum) when the prose names one kind of
    local extremum, the line evaluates one second derivative of a defined function at one
    number, the prose names no other point, and the line does not already state that sign."""
    words = prose.lower()
    kinds = {k for k, pattern in (("min", r"min(?:imum|ima)?|tiefpunkt|tp"),
                                  ("max", r"max(?:imum|ima)?|hochpunkt|hp"))
             if re.search(rf"(?<![a-z]){pattern}(?![a-z])", words)}
    if len(kinds) != 1 or re.search(r"global|absolute|inflex|inflect|saddle|increas|decreas"
                                    r"|asymptot|wende|sattel"
                                    r"|concave|convex", words):
        return ""
    found = {(m["name"], re.sub(r"\s+", "", m["at"])): m.group(0) for m in _SECOND.finditer(maths)}
    if len(found) != 1:
        return ""
    (name, at), written = next(iter(found.items()))
    if name not in functions or not at or any(
            w not in _NUMBER_WORDS for w in re.findall(r"[A-Za-z]+", at)):
        return ""
    for point in re.finditer(r"(?:x\s*=\s*|\(\s*)(?P<x>[^,()=|∣]+?)\s*(?=[,)}|∣]|$|\\text)",
                             prose):
        named = re.sub(r"[\s{}]+", "", point["x"])
        if any(w not in _NUMBER_WORDS for w in re.findall(r"[A-Za-z]+", named)):
            continue  # (min): no point
        if named != re.sub(r"[{}]", "", at):
            return ""  # so x = -1 is a maximum: a point the line does not evaluate
    sign = ">" if kinds == {"min"} else "<"
    stated = re.search(r"(>|<|\\gt|\\lt)\s*0\s*$", maths.rstrip(" .,\\;"))
    if stated is not None and stated.group(1).lstrip("\\")[0] in (sign, "gl"[sign == "<"]):
        return ""  # f''(1) = 6 > 0, so a minimum: the line states the sign itself
    return f"{written} {sign} 0"
