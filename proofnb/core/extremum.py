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
#: A point the words name: ``x = 1``, ``(1, 0)``, ``(1 | 0)`` (x, then y if given).
_POINT = re.compile(r"(?:x\s*=\s*(?P<a>[^,()=|∣\s}]+)|\(\s*(?P<x0>[^,()=|∣]+?)\s*(?:[,|∣]\s*"
                    r"(?P<y0>[^,()=|∣]+?)\s*)?\))")
_RELATION = re.compile(r"=|<|>|≤|≥|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])")


def classification(raw: str, functions: Collection[str]) -> tuple[str, list[str]]:
    """The line without the words that classify a point at its end, and the claims those words
    make (``f''(1) > 0`` for "minimum" after ``f''(1) = 6``, ``f(1) = 0`` for "(1, 0) is a
    minimum"; ``f`` must be one of ``functions``, the cell's defined functions). Words that
    name a point or an equation the line cannot check are not read as prose: the line comes
    back unchanged, as does a line without such words."""
    code, hash_, comment = raw.partition("#")
    if " on" in code or "{on" in code:  # f'(x) > 0 on (1, \infty): for x \in (1, \infty)
        code = _on_interval(code, functions)
        raw = code + hash_ + comment
    if not _KEY.search(code):
        return raw, []
    # x = 1 (min) or x = -1 (max): a remark in brackets inside the line, words only
    code = _REMARK.sub(lambda m: " " * len(m.group(0)) if _is_prose(m.group(1)) and not re.search(
        r"[0-9=]", m.group(1)) and _RELATION.search(code[m.end():]) else m.group(0), code)
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
        return raw, []
    claims = _claims(maths, prose, functions)
    if claims is None:
        return raw, []
    kept = maths.rstrip() + (f"  {hash_}{comment}" if hash_ else "")
    return kept, claims


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
    if re.search(r"(?<![A-Za-z])\\?(?:min|max)\s*[(_{\\]", text):
        return False  # , max(1, 2) = 2: a claim with the function max, not a word
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


def _claims(maths: str, prose: str, functions: Collection[str]) -> list[str] | None:
    """What the words claim that can be checked, or None when they name a point or an equation
    that cannot (they are then no prose). A horizontal asymptote ``y = c`` after a limit at
    infinity claims that limit is c; a vertical asymptote ``x = a`` must be where the line's
    infinite limit is taken; points go with a second derivative at a number (:func:`_test`)."""
    words = prose.lower()
    if re.search(r"asymptot|(?<![a-z])[hv]a(?![a-z])", words):
        return _asymptote(maths, prose)
    points = [(re.sub(r"[\s{}]+", "", p["a"] or p["x0"]), p["y0"]) for p in _POINT.finditer(prose)
              if not re.search(r"[A-Za-z]", re.sub(r"\\(?:frac|dfrac|pi|sqrt)", "",
                                                  p["a"] or p["x0"]))]
    if not points and "=" not in prose:
        return _test(maths, words, functions)
    second = _second(maths, functions)
    if second is None or "=" in _POINT.sub(" ", prose) \
            or any(x != re.sub(r"[{}]", "", second[1]) for x, _ in points):
        return None  # so x = -1 is a maximum: a point the line does not evaluate
    claims = _test(maths, words, functions) or []
    claims += [f"{second[0]}({second[1]}) = {y.strip()}" for _, y in points if y]
    return claims


def _asymptote(maths: str, prose: str) -> list[str] | None:
    first = re.split(r"=|<|>", maths, maxsplit=1)[0].strip()
    horizontal = re.search(r"(?<![A-Za-z])y\s*=\s*(?P<c>-?(?:\\frac\s*\{[^{}]*\}\s*\{[^{}]*\}"
                           r"|[0-9./]+))", prose)
    vertical = re.search(r"x\s*=\s*(?P<a>-?[0-9./]+)", prose)
    if horizontal is not None and "lim" in first and "infty" in first:
        return [f"{first} = {horizontal['c'].strip().rstrip(',.')}"]
    if vertical is not None and "y" not in re.sub(r"[A-Za-z]{2,}", " ", prose) and re.search(
            rf"\\to\s*{re.escape(vertical['a'])}\s*(?:\^|\}}|$)", first) \
            and re.search(r"infty\s*$", maths.strip()):
        return []
    if "=" not in prose:
        return []
    return None


def _second(maths: str, functions: Collection[str]) -> tuple[str, str, str] | None:
    """The one defined function whose second derivative the line takes at a number: its
    name, the number and the derivative as written."""
    found = {(m["name"], re.sub(r"\s+", "", m["at"])): m.group(0) for m in _SECOND.finditer(maths)}
    if len(found) != 1:
        return None
    (name, at), written = next(iter(found.items()))
    if name not in functions or not at or any(
            w not in _NUMBER_WORDS for w in re.findall(r"[A-Za-z]+", at)):
        return None
    return name, at, written


def _test(maths: str, words: str, functions: Collection[str]) -> list[str]:
    """``f''(a) > 0`` (a minimum) or ``f''(a) < 0`` (a maximum) when the words name one kind of
    local extremum, the line evaluates one second derivative of a defined function at one
    number, and the line does not already state that sign."""
    kinds = {k for k, pattern in (("min", r"min(?:imum|ima)?|tiefpunkt|tp"),
                                  ("max", r"max(?:imum|ima)?|hochpunkt|hp"))
             if re.search(rf"(?<![a-z]){pattern}(?![a-z])", words)}
    if len(kinds) != 1 or re.search(r"global|absolute|inflex|inflect|saddle|increas|decreas"
                                    r"|asymptot|wende|sattel|concave|convex", words):
        return []
    second = _second(maths, functions)
    if second is None:
        return []
    sign = ">" if kinds == {"min"} else "<"
    stated = re.search(r"(>|<|\\gt|\\lt)\s*0\s*$", maths.rstrip(" .,\\;"))
    if stated is not None and stated.group(1).lstrip("\\")[0] in (sign, "gl"[sign == "<"]):
        return []  # f''(1) = 6 > 0, so a minimum: the line states the sign itself
    return [f"{second[2]} {sign} 0"]
