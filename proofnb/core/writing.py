"""How schools and textbooks write a line, rewritten into the cell language before the line
is split into terms. Each reading is sound on its own and leaves every other line alone:

* a transformation note ``3x + 2 = 11 | -2`` and a tick or an end mark (``✓``, ``∎``,
  ``\\qed``) are comments; a label ``Answer:``, ``Step 2:`` opens a line;
* a leading ``so``/``hence``/``thus``/``therefore`` is ``==>``; ``LHS = ... = RHS`` labels;
* a condition the line states (``for x > 0``, ``if x ≠ 1``, ``For x > 0:``, ``\\forall x``);
* decimal commas outside brackets (``0,5``), reversed interval brackets (``]1, 3[``),
  numbered solutions (``x_1 = 2, x_2 = 3``) and solution-set lines (``L = \\{2; 3\\}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from proofnb.core.errors import ParseError

__all__ = ["line_condition", "school_spellings", "without_label", "without_operation_note",
           "without_ticks"]


def line_condition(raw: str, lineno: int, first: bool = False) -> tuple[str, str]:
    """The line without the condition it states, and that condition (``sqrt(x^2) = x for
    x >= 0``: ``x >= 0``; ``for all x``: none). ``first``: the line opens the cell's maths
    (or follows a blank line), where an unbracketed interval after the claim is its condition
    too (``2\\sin x = 1, \\quad 0 \\le x < 2\\pi``). Raises :class:`ParseError` for one
    case of a function's definition (``f(x) = x^2 if x > 0``)."""
    if not _QUALIFIER_HINT.search(raw):
        if "≠" in raw or "ne" in raw or "!=" in raw:  # x - 2 \qquad (x \neq -2)
            code, hash_, comment = raw.partition("#")
            kept, condition = _exclusion(raw, code, hash_ + comment)
            if condition:
                return kept, condition
        if "(" in raw:  # \log_3(x + 1) = 2 \quad (x > -1), \sin x = 1/2 (0 \le x < 2\pi)
            code, hash_, comment = raw.partition("#")
            kept, condition = _bracketed_condition(raw, code, hash_ + comment, lineno)
            if condition:
                return kept, condition
        if first and ("," in raw or "quad" in raw):  # \sin x = 1/2, \quad x \in [0, 2\pi)
            code, hash_, comment = raw.partition("#")
            return _interval_after_claim(raw, code, hash_ + comment)
        return raw, ""
    return _qualifier(raw, lineno)


def without_label(raw: str) -> str:
    """The line with a label that opens it (``Answer:``, ``Step 2:``, ``\\textbf{Proof:}``)
    blanked out, columns kept; an ``assume`` line keeps its word."""
    label = _LABEL.match(raw)
    if label is None or raw.strip()[:6].lower() == "assume":
        return raw
    return " " * label.end() + raw[label.end():]


def school_spellings(raw: str, previous: str, lineno: int) -> str:
    """``raw`` with the notes, ticks, prose words and school notations of a line read into
    the cell language; ``previous`` is the line of maths above it (numbered solutions and
    solution sets name its solutions)."""
    if "|" in raw:  # 3x + 2 = 11 | -2: the operation done next, a note for the reader
        raw = without_operation_note(raw)
    if _PROSE_HINT.search(raw):  # "so 2x = 4", "LHS = ... = RHS"
        raw = _without_prose(raw)
    raw = without_ticks(raw)
    if "." in raw or "," in raw:  # = (x - 1)(x + 1).  a sentence's end in a pasted display
        raw = _FULL_STOP.sub(lambda m: " " * len(m.group()), raw)
    if "," in raw:  # 0,5 · 4 = 2: a decimal comma outside brackets
        raw = _decimal_commas(raw, lineno)
    if "\\" in raw:  # x ∈ ℝ \ {1}: a set difference written with a plain backslash
        raw = _set_difference(raw)
    if "L" in raw or "S" in raw:  # x^2 - 5x + 6 = 0, then L = {2; 3}
        raw = _solution_set(raw, previous)
    if "olution" in raw or "ösung" in raw or "osung" in raw:  # \text{no real solution}
        raw = _no_solution(raw, previous)
    if "]" in raw or "[" in raw:  # x ∈ ]1, 3[ is x ∈ (1, 3) (ISO 31-11, French)
        raw = _ISO_INTERVAL.sub(_iso_interval, raw)
    if "_" in raw:  # x^2 - 5x + 6 = 0, then x_1 = 2, x_2 = 3
        raw = _numbered_solutions(raw, previous)
    if "," in raw:  # \sin x = 0.5, then x = 30°, 150°
        raw = _value_list(raw, previous)
    return raw




#: A backslash standing alone between two sets (``ℝ \ {1}``, ``\mathbb{R} \ \{1\}``,
#: ``[0, 5] \ (1, 2)``): the set difference, as textbooks print it (in LaTeX ``\ `` is a space,
#: and a blank between two sets has no reading). Only after a membership sign or in a
#: solution-set line (round 58).
_PLAIN_SETMINUS = re.compile(r"(?P<set>ℝ|(?<![A-Za-z\\])R|\\mathbb\s*\{\s*R\s*\}|\\mathbb\s*R"
                             r"|[\])}])\s*\\(?=\s+(?:\\\{|\{|\[|\]|\())")
_SET_START = re.compile(r"∈|\\in(?![A-Za-z])|(?<![A-Za-z\\])in(?![A-Za-z])"
                        r"|^\s*(?:\\(?:mathbb|mathcal|mathrm|text)\s*\{\s*[LSD]\s*\}|[LSD𝕃])\s*=")


def _set_difference(raw: str) -> str:
    r"""``raw`` with a plain backslash between two sets after its membership sign read as
    ``∖`` (``x ∈ ℝ \ {1}``, ``L = ℝ \ {1}``)."""
    starts = list(_SET_START.finditer(raw))
    if not starts:
        return raw
    found = starts[-1]
    return raw[: found.end()] + _PLAIN_SETMINUS.sub(r"\g<set> ∖", raw[found.end():])


#: A full stop or comma that ends a sentence of maths (after a letter, a closing bracket or a
#: number: ``x &= 2.``, ``= 5,``; never an ellipsis), before the end of a display or a comment.
_FULL_STOP = re.compile(r"(?:(?<=[A-Za-z})\]|])\s*[.,]|(?<=\d)\s*,|(?<=\d)\.)"
                        r"(?=\s*(?:\$\$?|\\\]|\\end\s*\{[A-Za-z*]+\})?\s*(?:[#%].*)?$)")


def without_ticks(raw: str) -> str:
    """The line without a tick or an end-of-proof mark at its end (``x = 5 ✓``, ``∎``)."""
    return _TICKS.sub("", raw) if _TICK_HINT.search(raw) else raw


#: The note ``| -2``, ``| :3``, ``|\cdot(x - 1)`` that ends an equation line in many
#: schools: the operation applied to both sides to reach the next line.
_OPERATION_NOTE = re.compile(
    r"(?:\\q?quad|\\[,;:! ]|&|\s)*\|\s*(?P<op>[-+*/:·÷^−]|\\cdot|\\div|\\times|\\colon)"
    r"(?P<operand>[^|=<>≤≥]*)$")
#: An interval after a membership sign or a union, its brackets possibly reversed.
_ISO_INTERVAL = re.compile(
    r"(?P<pre>(?:∈|\\in(?![A-Za-z])|(?<![A-Za-z\\])in(?![A-Za-z])|\\cup(?![A-Za-z])|∪)\s*)"
    r"(?P<open>[\[\]])(?P<ends>[^\[\]();|=<>,]+[,;][^\[\]();|=<>,]+)(?P<close>[\[\]])")


def _iso_interval(found: re.Match[str]) -> str:
    """``]a, b[`` as ``(a, b)``, ``]a, b]`` as ``(a, b]``, ``[a, b[`` as ``[a, b)``; an
    interval written the usual way is left alone."""
    opener = "(" if found["open"] == "]" else "["
    closer = ")" if found["close"] == "[" else "]"
    return f"{found['pre']}{opener}{found['ends']}{closer}"


#: ``x_1``, ``x_{2}``, ``x_{1,2}``, ``x_{1/2}``: a numbered solution of an equation in x.
_NUMBERED = re.compile(r"(?<![A-Za-z\\])(?P<name>[A-Za-z])_"
                       r"(?:\{\s*[12](?:\s*[,;/]\s*2)?\s*\}|[12](?![0-9]))")
#: A relation between statements.
_STATEMENT_ARROW = re.compile(r"<=>|==>|<==|⇔|⇒|⇐|⟺|⟹|\\(?:Leftrightarrow|iff|Rightarrow"
                              r"|implies|Longleftrightarrow|Longrightarrow|therefore)(?![A-Za-z])|∴")
#: What separates the numbered solutions on their line.
#: LaTeX spacing (``\;``, ``\,``, ``\ ``, ``~``) may pad a separator or be one: ``x_1 = 3,
#: \; x_2 = 2`` and ``x_1 = 3 \; x_2 = 2`` (round 58).
_SOLUTION_GLUE = re.compile(r"(?:\s|\\[,;:! ]|~)*(?:,|;|\\(?:lor|vee|land|wedge|q?quad)(?![A-Za-z])"
                            r"|[∨∧]|\\text\s*\{\s*(?:or|and|oder|und|ou|et)\s*\}"
                            r"|(?<![A-Za-z])(?:or|and)(?![A-Za-z])|\\[;: ]|~)(?:\s|\\[,;:! ]|~)*")


def _numbered_solutions(raw: str, previous: str) -> str:
    r"""``x_1 = 2, x_2 = 3`` (also ``x_{1,2} = 5 ± 1`` and ``x_1 = 2 \lor x_2 = 3``) right
    after a line in x and not in x_1: the line names that line's solutions, ``x = 2 or
    x = 3``. Any other line is left alone (``x_1 + x_2 = 5`` after ``x^2 - 5x + 6 = 0``
    is a claim about two letters)."""
    code, hash_, comment = raw.partition("#")
    arrows = list(_STATEMENT_ARROW.finditer(code))
    cut = arrows[-1].end() if arrows else 0  # x^2 = 4 ==> x_1 = 2, x_2 = -2 on one line
    head, body = code[:cut], code[cut:]
    names = {m["name"] for m in _NUMBERED.finditer(body)}
    if len(names) != 1:
        return raw
    name = names.pop()
    alone = rf"(?<![A-Za-z\\_]){name}(?![A-Za-z_])"
    before = f"{previous.split('#', 1)[0]} {head}"
    if re.search(alone, body) or not re.search(alone, before) or _NUMBERED.search(before):
        return raw
    parts = _top_level_split(body)
    chained = "+" if len(parts) > 1 else ""  # x_1 = 1 - f(1)/f'(1) = 1.5 alone: Newton's
    if not parts or not all(re.fullmatch(rf"\s*{_NUMBERED.pattern}\s*(?:=[^=<>]+){chained}",
                                         part)
                            and _NUMBERED.fullmatch(part.split("=", 1)[0].strip())
                            for part in parts):
        return raw
    values = [[value.strip() for value in part.split("=")[1:]] for part in parts]
    solved = " or ".join(f"{name} = {found[0]}" for found in values)
    if any(len(found) > 1 for found in values):
        # x_1 = (4 - 2)/2 = 1, x_2 = (4 + 2)/2 = 3: the formulas are the solutions, and the
        # values they are worked out to are the same solutions again
        solved += " <=> " + " or ".join(f"{name} = {found[-1]}" for found in values)
    space = body[: len(body) - len(body.lstrip())]
    return f"{head}{space}{solved}" + (f"  {hash_}{comment}" if hash_ else "")


def joined_solutions(rows: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Rows with numbered solutions written one per line (``x_1 = 1``, then ``x_2 = 3``)
    joined into the first of them (``x_1 = 1, x_2 = 3``), as :func:`_numbered_solutions`
    reads them; the rows taken in become comments, so no gap splits the chain."""
    pending: list[tuple[int, str]] = []
    above = ""  # the last row of maths before them: the equation whose solutions they are

    def flush() -> Iterator[tuple[int, str]]:
        name = _SOLUTION_ROW.fullmatch(pending[0][1]) if pending else None
        if len(pending) > 1 and name is not None and re.search(
                rf"(?<![A-Za-z\\_]){name['name']}(?![A-Za-z_])", above.split("#", 1)[0]) \
                and not any(_NUMBERED.search(text.split("=", 1)[1]) for _, text in pending):
            # (x_2 = x_1 + 1 is no solution: a recurrence, Newton's next step)
            joined = ", ".join(text.strip().rstrip(",;.").replace("&", " ").strip()
                               for _, text in pending)
            yield pending[0][0], joined
            yield from ((lineno, "#") for lineno, _ in pending[1:])
        else:
            yield from pending
        pending.clear()

    for lineno, text in rows:
        found = _SOLUTION_ROW.fullmatch(text)
        if found is None:
            yield from flush()
            yield lineno, text
            if text.strip():
                above = text
            continue
        first = _SOLUTION_ROW.fullmatch(pending[0][1]) if pending else None
        if first is not None and (first["name"] != found["name"] or (
                first["braced"] or first["index"]) == (found["braced"] or found["index"])):
            yield from flush()
        pending.append((lineno, text))
    yield from flush()


#: A row that gives one numbered solution: ``x_1 = 1``, ``x_2 &= \frac{4 + 2}{2} = 3,``.
_SOLUTION_ROW = re.compile(r"\s*&?\s*(?P<name>[A-Za-z])_(?:\{\s*(?P<braced>[12])\s*\}"
                           r"|(?P<index>[12]))\s*&?\s*(?:=[^=<>#%]+)+[,;.]?\s*")


#: The relation that may open a line giving solutions (``<=> L = {2; 3}``, ``\iff`` ...).
_LEAD_ARROW = (r"(?P<lead>\s*(?:<=>|==>|⇔|⇒|∴|\\(?:Leftrightarrow|iff|Rightarrow|implies"
               r"|therefore)(?![A-Za-z]))?\s*)")
#: ``L = {2; 3}``, ``\mathbb{L} = \emptyset``, ``S = ]1, 3[``: a line giving the solution set.
_SOLUTION_SET = re.compile(
    _LEAD_ARROW + r"(?:\\(?:mathbb|mathcal|mathrm|text)\s*\{\s*[LS]\s*\}|[LS]|𝕃)\s*=\s*"
    r"(?P<set>(?:\\left\s*)?\\\{.*\\\}|\{[^{}]*\}|\\(?:emptyset|varnothing)(?![A-Za-z])|∅|\{\s*\}"
    r"|[\[\]()][^=<>]*[\[\]()]"
    r"|(?:\\mathbb\s*\{\s*R\s*\}|\\mathbb\s*R|ℝ)(?:\s*(?:\\setminus|∖|\\)\s*[^=<>]+)?)\s*")
#: Single letters in a line of maths (e is Euler's number).
_LETTER_WORD = re.compile(r"(?<![A-Za-z\\_])[A-DF-Za-df-z](?![A-Za-z_({])")


#: A comma between digits, with no space: a decimal comma or a thousands separator.
_THOUSANDS = re.compile(r"(?<![\w.,])[0-9]{1,3}(?:,[0-9]{3}(?=\.[0-9])|(?:,[0-9]{3}){2,}"
                        r"(?![\w,]))")
#: A letter may follow (``2,5x``: 2.5 times x, as German and French classes write it).
_DIGIT_COMMA = re.compile(r"(?<![\w.,])(?P<whole>[0-9]+),(?P<part>[0-9]+)(?![0-9_.,])")


def _decimal_commas(raw: str, lineno: int) -> str:
    """``0,5 · 4 = 2`` as ``0.5 · 4 = 2``: a comma between digits outside brackets, braces
    and sets (where it separates: ``f(1,5)``, ``[1,5]``, ``x_{1,2}``) is a decimal comma.
    ``1,250`` could be a thousands separator: it is an error that asks which is meant;
    ``1,628.89`` and ``1,000,000`` can only be thousands separators (round 42)."""
    code = raw.split("#", 1)[0]
    comment = raw[len(code):]
    top = _top_level(code)

    def thousands(found: re.Match[str]) -> str:
        return found.group().replace(",", "") if top[found.start()] else found.group()

    code = _THOUSANDS.sub(thousands, code)
    top = _top_level(code)

    def decimal(found: re.Match[str]) -> str:
        if not top[found.start()]:
            return found.group()
        if len(found["part"]) == 3 and found["whole"].lstrip("0"):
            raise ParseError(raw, f"{found.group()}: write {found['whole']}.{found['part']} "
                             f"for a decimal or {found['whole']}{found['part']} for a whole "
                             "number", lineno, found.start() + 1)
        return f"{found['whole']}.{found['part']}"

    return _DIGIT_COMMA.sub(decimal, code) + comment


def _top_level(code: str) -> list[bool]:
    """Per character of ``code``: is it outside every bracket?"""
    depth, top = 0, []
    for ch in code:
        depth += ch in "([{"
        depth -= ch in ")]}"
        top.append(depth <= 0)
    return top


def _solution_set(raw: str, previous: str) -> str:
    r"""``L = \{2; 3\}`` (German ``Lösungsmenge``; ``S = ...`` in French and English) after
    an equation or inequality in one letter x: the line gives its solution set, ``x \in
    \{2; 3\}``. Not when L or S is a letter of the line above, or that line has more."""
    code, hash_, comment = raw.partition("#")
    arrows = list(_STATEMENT_ARROW.finditer(code))
    cut = arrows[-1].start() if arrows else 0  # x^2 = 4 ==> L = {-2, 2} on one line
    head, code = code[:cut], code[cut:]
    found = _SOLUTION_SET.fullmatch(code)
    if found is None:
        return raw
    before = f"{previous.split('#', 1)[0]} {head}" if head.strip() else previous.split("#", 1)[0]
    letters = set(_LETTER_WORD.findall(before))
    if len(letters) == 2 and not letters & {"L", "S"} and _SYSTEM.search(before):
        pair = _pair(found["set"])  # x + y = 5 and x - y = 1, then L = {(3; 2)}
        if pair is not None:
            x, y = sorted(letters)
            return f"{head}{found['lead']}{x} = {pair[0]} and {y} = {pair[1]}" \
                + (f"  {hash_}{comment}" if hash_ else "")
    if len(letters) != 1 or letters & {"L", "S"}:
        return raw
    x = letters.pop()
    chosen = found["set"].strip()
    if chosen in ("∅", "{}", "\\varnothing") or re.fullmatch(r"\{\s*\}", chosen):
        chosen = "\\emptyset"
    member = "∈" if chosen.startswith("{") else "\\in"  # LaTeX would drop ASCII braces
    return f"{head}{found['lead']}{x} {member} {chosen}" + (f"  {hash_}{comment}" if hash_ else "")


#: What joins the equations of a system on one line: ``and``, ``\land``, a cases environment.
_SYSTEM = re.compile(r"(?<![A-Za-z])(?:and|und|et)(?![A-Za-z])|\\(?:land|wedge)(?![A-Za-z])|∧"
                     r"|\\begin\s*\{\s*(?:cases|array|aligned|rcases)\s*\}")
#: The one pair of a system's solution set: ``\{(3; 2)\}``, ``\{(3, 2)\}``, ``{(3|2)}``.
_PAIR = re.compile(r"(?:\\left\s*)?(?:\\\{|\{)\s*(?:\\left\s*)?\(\s*(?P<items>[^(){}]*?)\s*"
                   r"(?:\\right\s*)?\)\s*(?:\\right\s*)?(?:\\\}|\})")


def _pair(chosen: str) -> tuple[str, str] | None:
    """The two values of a solution set holding one pair, or None."""
    found = _PAIR.fullmatch(chosen.strip())
    if found is None:
        return None
    items = found["items"]
    if ";" in items or "|" in items:  # (1,5; 2): a decimal comma inside
        parts = re.split(r"[;|]", items)
        parts = [re.sub(r"(?<=[0-9]),(?=[0-9])", ".", part) for part in parts]
    else:
        parts = items.split(",")
    if len(parts) != 2 or not all(part.strip() for part in parts) \
            or any("," in part or "=" in part for part in parts):
        return None
    return parts[0].strip(), parts[1].strip()


#: A line that says the equation above has no solution: ``\text{no real solution}``,
#: ``no solutions``, ``\text{keine (reelle) Lösung}``, ``\text{pas de solution (réelle)}``,
#: ``\text{aucune solution}`` (a full stop may end it).
_NO_SOLUTION = re.compile(
    _LEAD_ARROW + r"(?:\\text(?:rm|it|bf)?\s*\{)?\s*(?P<words>"
    r"(?i:(?:there\s+(?:is|are)\s+)?no\s+(?:real\s+)?solutions?(?:\s+in\s+(?:ℝ|R))?"
    r"|(?:es\s+gibt\s+)?keine\s+(?:reelle\s+)?L(?:ö|o|oe)sung(?:en)?"
    r"|(?:il\s+n'y\s+a\s+)?pas\s+de\s+solutions?(?:\s+r[ée]elles?)?"
    r"|aucune\s+solution(?:\s+r[ée]elle)?))\s*\.?\s*\}?\s*\.?\s*")


def _no_solution(raw: str, previous: str) -> str:
    r"""``\text{no real solution}`` (``keine Lösung``, ``pas de solution``) after an equation
    or inequality in one letter x: the line says its solution set is empty, ``x \in
    \emptyset``, as ``L = \emptyset`` does (round 60). Otherwise the line is left alone."""
    code, hash_, comment = raw.partition("#")
    found = _NO_SOLUTION.fullmatch(code)
    if found is None or code.count("{") != code.count("}"):
        return raw
    letters = set(_LETTER_WORD.findall(re.sub(r"\\[A-Za-z]+", " ", previous.split("#", 1)[0])))
    if len(letters) != 1 or not _LINE_RELATION.search(previous.split("#", 1)[0]):
        return raw
    empty = f"{found['lead']}{letters.pop()} \\in \\emptyset"
    return empty + (f"  {hash_}{comment}" if hash_ else "")


#: ``x = 30^\circ, 150^\circ``: one letter, then values (numbers, π, e, degrees, fractions,
#: roots, logs of numbers) separated by commas.
_VALUE_LIST = re.compile(_LEAD_ARROW
                         + r"(?P<name>[A-Za-z])\s*=(?P<values>[^=<>≤≥≠#]*,[^=<>≤≥≠#]*)$")
_VALUE_WORDS = re.compile(r"\\(?:pi|circ|frac|dfrac|tfrac|sqrt|ln|log|left|right|cdot|[,;:! ])"
                          r"(?![A-Za-z])|(?<![A-Za-z])(?:pi|sqrt|ln|log|e)(?![A-Za-z])")


def _value_list(raw: str, previous: str) -> str:
    r"""``x = 30^\circ, 150^\circ`` right after a line in x: the line names that line's
    solutions, ``x = 30^\circ or x = 150^\circ``, as British textbooks list them (was the error
    'expected an equation or inequality on each side of ,'). Only values: a letter other
    than e in one of them (``x = 2, y = 3``, ``x = a, b``) leaves the line alone (round 63)."""
    code, hash_, comment = raw.partition("#")
    found = _VALUE_LIST.match(code)
    if found is None:
        return raw
    name = found["name"]
    if not re.search(rf"(?<![A-Za-z\\_]){name}(?![A-Za-z_])", previous.split("#", 1)[0]):
        return raw
    parts = [part.strip() for part in _top_level_split(found["values"])]
    if len(parts) < 2 or not all(parts) or any(
            re.search(r"[A-Za-z]", _VALUE_WORDS.sub(" ", part)) for part in parts):
        return raw
    solved = " or ".join(f"{name} = {part}" for part in parts)
    return found["lead"] + solved + (f"  {hash_}{comment}" if hash_ else "")


def _top_level_split(body: str) -> list[str]:
    """``body`` cut at the separators between numbered solutions outside brackets."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(body):
        ch = body[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0:
            glue = _SOLUTION_GLUE.match(body, i)
            if glue and glue.end() > i and (glue.group().strip() or body[i] == ","):
                parts.append(body[start:i])
                start = i = glue.end()
                continue
        i += 1
    parts.append(body[start:])
    return [part for part in parts if part.strip()]


#: A condition that ends a claim: "for x > 0", "if x ≠ 1", "\text{ for all } x", "\forall x".
_QUALIFIER = re.compile(
    r"(?:\s*,)?(?:\s*(?:\\q?quad(?![A-Za-z])|\\[,;:! ]))*\s*"  # \quad, \ \ before it
    r"(?:\\text\s*\{\s*(?P<text>for\s+all|for\s+every|for\s+any|for|if"
    r"|when|where|provided|für\s+alle|für|pour\s+tout|pour)\s*\}|(?<![A-Za-z\\])(?P<word>for|if|when"
    r"|where|provided(?:\s+that)?|für|pour)(?![A-Za-z])|(?P<all>\\forall(?![A-Za-z])|∀))"
    r"(?P<condition>[^#]*)$")
#: What may close a pasted line after its exclusion: \end{aligned}, $$, \], \\, and a
#: note in its own column (``&& \text{cancel}``).
_LAYOUT_END = (r"(?P<tail>(?:\s|\\\\|\\end\s*\{[A-Za-z]*\*?\}|\\\]|\\\)|\$"
               r"|&+\s*\\text\s*\{[^{}]*\})*)$")
#: An exclusion that ends a claim without a word: ", x ≠ -2", "\\qquad (x \\neq -2)",
#: "(x, y ≠ 0)". ≠ is never a step relation, so the part can only be where the claim holds.
_EXCLUSION = re.compile(  # (starts where no blank, comma or ~ precedes: not again at each)
    r"(?<![\s,~])(?:\s*,|\s*(?:\\q?quad(?![A-Za-z])|\\[,;:! ]|~))+\s*"
    r"(?P<open>\\left\s*\(|\(|\[)?\s*"
    r"(?P<condition>[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?(?:\s*,\s*[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)*"
    r"\s*(?:≠|\\neq?(?![A-Za-z])|!=)\s*[^,()\[\]#=<>]+?)"
    r"\s*(?(open)(?:\\right\s*\)|\)|\]))(?:\s*\.)?" + _LAYOUT_END)
#: The same in brackets straight after the claim: "x - 2 (x ≠ -2)".
_BRACKETED_EXCLUSION = re.compile(
    r"\s*(?:\\left\s*\(|\()\s*(?P<condition>[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?"
    r"\s*(?:≠|\\neq?(?![A-Za-z])|!=)\s*[^,()\[\]#=<>]+?)\s*(?:\\right\s*\)|\))(?:\s*\.)?"
    + _LAYOUT_END)
#: A whole-number parameter's declaration (its own reading: "for some integer k").
_INTEGER_MEMBER = re.compile(r"(?:∈|\\in(?![A-Za-z])|\bin)\s*"
                             r"(?:ℤ|ℕ|\\mathbb\s*\{?\s*[ZN]|[ZN](?![A-Za-z]))|integer|whole number")
#: A solution family's equation: a letter equal to a formula, after a statement relation.
_FAMILY = re.compile(r"(?:^|<=>|==>|⇔|⇒|\\(?:iff|Leftrightarrow|Rightarrow|implies)(?![A-Za-z])"
                     r"|\bor\b|\\lor)\s*[A-Za-z]\s*=")
#: A condition that opens a claim: "\forall x \in R:", "For all x,", "For x > 0:".
_LEADING_QUALIFIER = re.compile(
    r"\s*(?:(?P<all>\\forall(?![A-Za-z])|∀|(?:for|For)\s+(?:all|every|any))|(?:for|For|if|If|when"
    r"|When)(?![A-Za-z]))(?P<condition>[^:,;]*)(?::|,)\s*")
_QUALIFIER_HINT = re.compile(r"(?<![A-Za-z\\])(?i:for|if|when|where|provided|für|pour)(?![A-Za-z])"
                             r"|\\forall|∀")
#: "all x", "every real x", "x ∈ ℝ": the whole real line, no condition.
_EVERYWHERE = re.compile(
    r"\s*(?:(?:all|every|any|alle|tout)\s+)?(?:(?:real|reals?|real\s+numbers?)\s+)?"
    r"(?:[A-Za-z](?:\s*,\s*[A-Za-z])*)?\s*(?:(?:∈|\\in(?![A-Za-z])|in)\s*(?:ℝ|\\mathbb\s*\{\s*R\s*\}"
    r"|\\mathbb\s*R|R))?\s*[.:]?\s*")


#: ``f(x) =`` opening a line: a definition.
_FUNCTION_HEAD = re.compile(r"\s*[A-Za-z]\s*\(\s*[A-Za-z](?:\s*,\s*[A-Za-z])*\s*\)\s*=(?!=)")


def _qualifier(raw: str, lineno: int) -> tuple[str, str]:
    """A claim line without its trailing condition, and the condition: ``sqrt(x^2) = x for
    x >= 0`` is ``sqrt(x^2) = x`` where x >= 0; "for all x" (``\forall x``, ``x ∈ ℝ``)
    adds none. A line whose claim comes only after the word is left alone."""
    code, hash_, comment = raw.partition("#")
    prose = _PROSE_COMMENT.search(raw) if not hash_ else None
    if prose is not None:  # x \ge 0 % since x is nonnegative: a LaTeX comment, read as '#'
        code, hash_, comment = raw[: prose.start()], "#", raw[prose.end():]
    case = _QUALIFIER.search(code)
    if case is not None and _FUNCTION_HEAD.match(code) and (case["word"] or case["text"] or "") \
            .strip().lower() in ("if", "when"):  # f(x) = x^2 if x > 0: one case of f
        raise ParseError(raw, "a function defined by cases is not read: write each case "
                         "as its own cell, with the case as an assumption (f(x) = x^2 with "
                         "assume x > 0)", lineno, case.start() + 1)
    if _INTEGER_MEMBER.search(code) and _FAMILY.search(code):
        return raw, ""  # x = kπ for k ∈ ℤ: "for some integer k", read by _integer_parameters
    lead = _LEADING_QUALIFIER.match(code)
    if lead is not None and _LINE_RELATION.search(code[lead.end():]):
        # \forall x \in R: x^2 >= 0; For x > 0, sqrt(x^2) = x
        condition = lead["condition"].strip()
        if lead["all"] and _EVERYWHERE.fullmatch(f"all {condition}"):
            condition = ""
        if condition and not _states_a_condition(condition):
            return raw, ""
        return " " * lead.end() + code[lead.end():] + (hash_ + comment if hash_ else ""), \
            condition
    found = _QUALIFIER.search(code)
    if found is None:
        return _exclusion(raw, code, hash_ + comment)
    if not _LINE_RELATION.search(code[: found.start()]) and not (
            code[: found.start()].strip() and _states_a_condition(found["condition"])):
        return raw, ""  # sqrt(x^2) for x >= 0, then = x: the chain's first line has one
    condition = found["condition"].strip().rstrip(".")
    if found["text"] and re.fullmatch(r"(?:for|für|pour)", found["text"]):
        condition = condition  # 	ext{ for } x >= 0
    quantified = found["all"] or (found["text"] and re.search(r"all|every|any|alle|tout",
                                                              found["text"]))
    if _EVERYWHERE.fullmatch(condition) or quantified and _EVERYWHERE.fullmatch(
            f"all {condition}"):
        condition = ""
    elif quantified or re.match(r"(?:all|every|any)\s", condition):
        condition = re.sub(r"^(?:all|every|any)\s+(?:real\s+)?", "", condition)
    if condition and not _states_a_condition(condition):
        return raw, ""  # "for n integer"... not a condition this reads
    relations = list(_CONDITION_RELATION.finditer(condition))
    if len(relations) > 1 and any(m.group() == "=" for m in relations):
        # sqrt(x^2) = |x| for x >= 0 = -x: the chain goes on after its condition
        column = code.index(condition, found.start()) + relations[1].start() + 1
        raise ParseError(raw, f"the condition '{condition}' goes on with "
                         f"'{condition[relations[1].start():].strip()}': a condition ends its "
                         "line; write the next step of the chain on a line of its own", lineno,
                         column)
    kept = code[: found.start()].rstrip()
    return kept + (f"  {hash_}{comment}" if hash_ else ""), condition


#: A LaTeX comment of words: ``%`` after a blank, not ``\%``, before a word that is not
#: "of" (``5 % of 20`` is a percent); cell.py reads the other ``%`` signs.
_PROSE_COMMENT = re.compile(r"(?<=\s)%(?=\s*[A-Za-z]{2,})(?!\s*of\b)")


#: A relation in a condition: ``=`` alone, or an order (``0 < x < 1`` chains orders only).
_CONDITION_RELATION = re.compile(r"(?<![<>=!≤≥])=(?!=)|<=|>=|<|>|≤|≥"
                                 r"|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])")


def _states_a_condition(text: str) -> bool:
    """Is ``text`` (what follows "for") a relation or a membership, as a condition is?
    (``x in (0, pi)``, as ``assume`` reads it, is a membership too.)"""
    return bool(_LINE_RELATION.search(text) or re.search(
        r"∈|\\in(?![A-Za-z])|\\neq?(?![A-Za-z])|≠|!=|(?<![A-Za-z])in\s*[(\[]", text))


#: A relation between statements: after one, ", x ≠ -2" belongs to the statement it ends.
_STATEMENT_RELATION = re.compile(
    r"<=>|==>|<==|(?<![<>=!])=>|[⇔⟺⇒⟹⇐⟸]|\\(?:iff|implies|impliedby|therefore|Leftrightarrow"
    r"|Longleftrightarrow|leftrightarrow|Rightarrow|Longrightarrow|Leftarrow|Longleftarrow)"
    r"(?![A-Za-z])")


def _exclusion(raw: str, code: str, comment: str) -> tuple[str, str]:
    """A claim line without a trailing exclusion such as ``\\qquad (x \\neq -2)``, and that
    exclusion as the line's condition; the line itself when it ends in none."""
    found = _EXCLUSION.search(code) or _BRACKETED_EXCLUSION.search(code)
    if found is None or not code[: found.start()].strip() \
            or re.match(r"\s*(?:assume|Assume)(?![A-Za-z])", code):
        return raw, ""
    before = code[: found.start()]
    if _STATEMENT_RELATION.search(before):  # x^2 = 4 <=> x = 2, x ≠ -2: part of the solution
        return raw, ""  # set; as a condition it hid the lost root -2 (review 10)
    unequal = re.compile(r"!=|≠|\\neq?(?![A-Za-z])")
    if unequal.search(before) and not _LINE_RELATION.search(unequal.sub(" ", before)):
        return raw, ""  # x ≠ 0, y ≠ 1: exclusions, and no claim they belong to
    condition = re.sub(r"\\neq?(?![A-Za-z])|!=", "≠", found["condition"].strip())
    names, _, value = re.split(r"(≠|\\neq?(?![A-Za-z])|!=)", condition, maxsplit=1)
    letters = [name.strip() for name in names.split(",")]
    if len(letters) > 1:  # x, y ≠ 0: each of them
        condition = ", ".join(f"{letter} ≠ {value.strip()}" for letter in letters)
    kept = code[: found.start()].rstrip() + " " * (found["tail"] != "") + found["tail"]
    return kept + (f"  {comment}" if comment else ""), condition


#: A bracketed order condition that ends a claim: ``\quad (x > -1)``, ``, (0 \le x < 2\pi)``.
_BRACKETED_ORDER = re.compile(
    r"(?:\s*,|\s*(?:\\q?quad(?![A-Za-z])|\\[,;:! ]|~)|\s)+\s*(?:\\left\s*\(|\()\s*"
    r"(?P<condition>[^()#=]*?(?:<|>|≤|≥|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z]))[^()#=]*?)"
    r"\s*(?:\\right\s*\)|\))(?:\s*\.)?" + _LAYOUT_END)
#: What may end the claim before such a bracket: an operand, never an operator or a word
#: that joins statements (``x < 1 \lor (x > 3)`` is one statement).
_JOINS = re.compile(r"(?:[-+*/^=<>≤≥≠,∨∧¬:]|\\(?:lor|land|vee|wedge|neg|lnot|cdot|times|div|le|ge"
                    r"|leq|geq|lt|gt|neq?|q?quad|[,;:! ]|text\s*\{[^{}]*\}|sin|cos|tan|ln|log|exp)"
                    r"|(?<![A-Za-z])(?:or|and|not)|~)\s*$")


def _bracketed_condition(raw: str, code: str, comment: str, lineno: int) -> tuple[str, str]:
    r"""A claim line without a trailing bracketed order condition on one letter (``\log_3(x
    + 1) = 2 \quad (x > -1)``, ``\sin x = 1/2 \quad (0 \le x < 2\pi)``), and that
    condition: a bracketed relation cannot be a factor of the claim, so it can only say
    where the claim is meant, as ``for`` would. Only on a line that relates no statements
    (after ``<=>`` it would hide a lost root, as an exclusion would: review 10; there it is
    an error that says where the condition belongs, round 60)."""
    found = _BRACKETED_ORDER.search(code)
    if found is None or re.match(r"\s*(?:assume|Assume)(?![A-Za-z])", code):
        return raw, ""
    before = code[: found.start()]
    stripped = re.sub(r"(?:\s|\\q?quad(?![A-Za-z])|\\[,;:! ]|~|,)+$", "", before)
    if not stripped.strip() or _JOINS.search(stripped) or not _LINE_RELATION.search(before):
        return raw, ""
    condition = found["condition"].strip()
    letters = set(_LETTER_WORD.findall(re.sub(r"\\[A-Za-z]+", " ", condition)))
    if len(letters) != 1 or not re.search(rf"(?<![A-Za-z\\_]){letters.pop()}(?![A-Za-z_])",
                                          before):
        return raw, ""
    if _STATEMENT_RELATION.search(before):  # x^2 = 4 <=> x = 2 (x > 0): -2 lost, unseen
        raise ParseError(raw, f"a condition ({condition}) after a statement arrow would hide "
                         "the solutions it leaves out; write it at the end of the chain's first "
                         f"line, where the equation is given (... \\quad ({condition})), or on "
                         f"an assume line above it (assume {condition})", lineno,
                         code.index("(", found.start()) + 1)
    kept = before.rstrip() + " " * (found["tail"] != "") + found["tail"]
    return kept + (f"  {comment}" if comment else ""), condition


#: An unbracketed interval after the claim on the line that opens the cell's maths, as
#: textbooks set the exercise: ``2\\sin x = 1, \\quad 0 \\le x < 2\\pi``,
#: ``\\ln x + \\ln(x + 1) = \\ln 6, \\quad x > 0``,
#: ``\\sin x = 0.5 \\qquad 0 \\le x \\le 360^\\circ``, ``\\cos x = 0, x \\in [0, 2\\pi)``
#: (round 63).
_INTERVAL_AFTER_CLAIM = re.compile(
    r"(?:\s*,(?:\s|\\q?quad(?![A-Za-z])|\\[,;:! ]|~)*|(?:\s|\\[,;:! ]|~)*\\q?quad(?![A-Za-z])"
    r"(?:\s|\\q?quad(?![A-Za-z])|\\[,;:! ]|~)*)"
    r"(?P<condition>(?P<member>[A-Za-z]\s*(?:∈|\\in(?![A-Za-z]))\s*(?:\\left\s*)?[\[\](]"
    r"[^=<>#]*?[\[\])])"
    r"|(?P<order>[^,=<>#≤≥]*(?:<=?|>=?|≤|≥|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z]))"
    r"[^,=<>#≤≥]*(?:(?:<=?|>=?|≤|≥|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z]))[^,=<>#≤≥]*)?))"
    r"(?:\s*\.)?" + _LAYOUT_END)


def _interval_after_claim(raw: str, code: str, comment: str) -> tuple[str, str]:
    r"""The first claim of a cell without the interval that follows it unbracketed, and that
    interval as the line's condition (so the chain's): ``\sin x = \frac12, \quad 0 \le x <
    2\pi``, ``\ln x + \ln(x+1) = \ln 6, \quad x > 0``, ``\cos x = 0, x \in [0, 2\pi)``.
    Read as one conjunct of the first line only, the interval was dropped by every line below
    it, and a true step was refuted outside it (x = -\pi/6 for 0 \le x < 2\pi). Only where
    the claim is in the one letter the interval bounds, relates no statements, and, for an
    inequality, the interval has both ends (``x > 1, x < 3`` is a system, kept as it was)."""
    found = _INTERVAL_AFTER_CLAIM.search(code)
    if found is None or re.match(r"\s*(?:assume|Assume)(?![A-Za-z])", code):
        return raw, ""
    before = code[: found.start()]
    stripped = before.rstrip()
    if not stripped or _JOINS.search(stripped) or _STATEMENT_RELATION.search(before) \
            or not _LINE_RELATION.search(before):
        return raw, ""
    condition = found["condition"].strip()
    if any(part.count(a) != part.count(b) for a, b in ("()", "{}")
           for part in (before, found["order"] or "")):
        return raw, ""  # Piecewise((x, x >= 0), (-x, x < 0)): inside a bracket, no condition
    bound = set(_LETTER_WORD.findall(re.sub(r"\\[A-Za-z]+", " ", condition)))
    claimed = set(_LETTER_WORD.findall(re.sub(r"\\[A-Za-z]+|_\{?[0-9]+\}?", " ", before)))
    if len(bound) != 1 or claimed != bound:
        return raw, ""
    if found["order"] is not None:
        ends = len(re.findall(r"<|>|≤|≥|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])", condition))
        equation = re.sub(r"<=|>=|\\(?:le|ge|leq|geq)(?![A-Za-z])", " ", before)
        if ends == 1 and re.search(r"<|>|≤|≥|\\(?:lt|gt)(?![A-Za-z])", equation):
            return raw, ""  # 2x > 2, x < 3: a system of inequalities
    kept = stripped + " " * (found["tail"] != "") + found["tail"]
    return kept + (f"  {comment}" if comment else ""), condition


#: A label that opens a line: ``Answer:``, ``Proof:``, ``Step 2:``, ``\textbf{Solution:}``.
_LABEL = re.compile(r"\s*(?:\\text(?:bf|it|rm)?\s*\{\s*)?[A-Za-zÄÖÜäöüßéè]{2,}"
                    r"(?:\s+(?:[0-9]{1,2}|[a-z]|[ivx]{1,4}))?\.?\s*:(?!=)\s*(?:\}\s*)?")
#: A word that starts a line which follows from the line above ("so 2x = 4").
_SO = re.compile(r"^(?P<pad>\s*)(?P<word>(?:\\text\s*\{\s*)?(?:so|hence|thus|therefore|then"
                 r"|consequently|giving|daher|folglich|donc|alors)(?:\s*\})?,?)(?=\s+[^\s=<>])",
                 re.IGNORECASE)
#: "LHS =" opening a chain and "= RHS" closing it: labels of the two sides, not maths.
_LHS = re.compile(r"^\s*(?:\\text\s*\{\s*)?L\.?\s*H\.?\s*S\.?(?:\s*\})?\s*=")
_RHS = re.compile(r"=\s*(?:\\text\s*\{\s*)?R\.?\s*H\.?\s*S\.?(?:\s*\})?\s*$")
_TEXT_LABEL = re.compile(r"(?P<pre>\\text\s*\{\s*)(?P<side>[LR]\.?\s*H\.?\s*S\.?)(?P<post>\s*\})"
                         r"(?=\s*=|\s*$)")
_PROSE_HINT = re.compile(r"(?i:so|hence|thus|therefore|then|consequently|giving|daher|folglich"
                         r"|donc|alors)\s|HS")


def _without_prose(raw: str) -> str:
    """The line without its prose: a leading "so", "hence", "thus", "therefore" (also
    German and French) is ``==>``, the line follows from the one above; "LHS =" and "= RHS"
    around a chain label its two sides. Columns stay where they were."""
    code, hash_, comment = raw.partition("#")
    found = _SO.match(code)
    if found is not None:
        width = len(found["word"])
        code = found["pad"] + "==>".ljust(width) + code[found.end():]
    left, right = _LHS.match(code), _RHS.search(code)
    if left is not None and right is not None and left.end() < right.start():
        code = " " * left.end() + code[left.end():right.start()]
    elif left is not None or right is not None:
        # LHS = ..., then = \text{RHS} on a line of its own: the label as a word, which
        # the chain drops as a whole (cell._without_side_labels); \text{} would be a comment
        code = _TEXT_LABEL.sub(lambda m: " " * len(m["pre"]) + m["side"] + " " * len(m["post"]),
                               code)
    return code + (hash_ + comment if hash_ else "")


#: A tick or an end-of-proof mark at the end of a line (before its comment).
_TICKS = re.compile(r"(?:\s*(?:[✓✔∎□■]|\\(?:qed|blacksquare|square|Box|checkmark)(?![A-Za-z])"
                    r"|(?<![A-Za-z])(?:q\.\s*e\.\s*d\.?|QED|w\.\s*z\.\s*b\.\s*w\.?)))+\s*(?=#|$)")
_TICK_HINT = re.compile(
    r"[✓✔∎□■]|\\(?:qed|blacksquare|square|Box|checkmark)|q\.\s*e\.|QED|w\.\s*z\.")
#: Relations an equation or inequality line has before its note.
_LINE_RELATION = re.compile(r"=|<|>|≤|≥|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])")


def without_operation_note(raw: str) -> str:
    r"""The line without a trailing transformation note ``| -2`` (``| :3``, ``| \cdot 6``):
    the step is checked on its own, whatever operation the note names. A bar is a note only
    after a whole equation or inequality whose own bars pair up (``|x - 2| = 3 | +2``), and
    when nothing after it is a relation or another bar."""
    code, hash_, comment = raw.partition("#")
    # the note's bar is the last one; searching from every position backtracks over a long
    # run of spaces quadratically (a 10 000-space line took 7 s)
    bar = code.rfind("|")
    found = _OPERATION_NOTE.search(code, max(0, bar - 64)) if bar >= 0 else None
    if found is None or not found.group("operand").strip(" {}()") and found.group("op") != "^":
        return raw
    before = code[: found.start()]
    if before.count("|") % 2 or not _LINE_RELATION.search(before) or before.rstrip().endswith(
            ("=", "<", ">", "(", "[", "{", "+", "-", "*", "/")):
        return raw
    return before.rstrip() + (f"  {hash_}{comment}" if hash_ else "")


def top_level_items(text: str) -> list[str]:
    """``text`` cut at the commas outside brackets (``f(x, y) = x y, g(x) = x``)."""
    items, depth, start = [], 0, 0
    for at, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:at])
            start = at + 1
    items.append(text[start:])
    return items
