"""Tokenizer for the cell language: ASCII maths, Unicode maths and a LaTeX subset.

One compiled regular expression walks the text; every token is normalised here so the
parser sees one spelling per concept (``≤``, ``\\le`` and ``<=`` all become ``<=``;
``\\sin`` becomes the name ``sin``; ``α`` becomes the name ``alpha``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from proofnb.core.errors import ParseError

#: Token kinds.
NUM = "num"
NAME = "name"
CMD = "cmd"  # a LaTeX command the parser handles itself (\frac, \sqrt, \int, ...)
OP = "op"
SUP = "sup"  # a run of Unicode superscripts, text is its ASCII exponent, e.g. "-1"
STR = "str"  # a quoted string: only Limit's direction may use one
END = "end"


class Token(NamedTuple):
    kind: str
    text: str
    pos: int  # 0-based offset into the tokenized text


# Display environments pasted with their contents: \begin{aligned} ... \end{aligned} only
# lays lines out (like & and \\), so the markers are dropped.
DISPLAY_ENVIRONMENTS = ("aligned", "alignedat", "alignat", "align", "equation", "eqnarray",
                         "gathered", "gather", "split", "multline", "flalign", "displaymath")

# A trailing \text{...} of prose is an annotation ("\quad \text{(difference of squares)}",
# "&& \text{expand} \\"): it is dropped like spacing. Only the end of a line: prose inside
# a line would hide what the maths says.
_ANNOTATION_RE = re.compile(
    r"\\(?:text|textrm|textit|textbf|textsf|textnormal|mbox|intertext)\s*\{([^{}]*)\}"
    r"(?:\s|\\\\|\\[,;:! ]|\\q?quad(?![A-Za-z])|[&.,;:~$])*\Z"
)

# Superscript letters ("xⁿ", "2ⁿ⁺¹") are exponents, like the superscript digits.
_SUPERSCRIPT_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
_SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉"
# Vulgar fractions (½, ⅓, ¾ ...): numbers, not letters.
_VULGAR = "\u00bc-\u00be\u2150-\u215e"

# A letter: not a digit, underscore, superscript or subscript digit or vulgar fraction
# (those are \w too), not a superscript letter, and not a Greek or blackboard letter: those
# are one-letter names of their own ("πr" is π·r).
_LETTER = (r"[^\W\d_\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u0370-\u03ffℤℝℕℚℂⅇⅈℯ"
           + _VULGAR + _SUPERSCRIPT_LETTERS + "]")
_TOKEN_RE = re.compile(
    r"""
    (?P<ws>(?:\s|\\[,;:!\ \[\]()]|\\\\|(?<!\s)~|~(?!=)|~(?==~)
            |[$&\u200b\u200c\u200d\u2060\u2061\u2062\ufeff▒]
            |\\(?:begin|end)\s*\{(?:DISPLAY)\*?\}(?:\s*\{[0-9]+\})?)+)
  | (?P<num>[0-9]+\.[0-9]*(?:[eE][+-]?[0-9]+)?|[0-9]+|\.[0-9]+)
  | (?P<name>LETTER(?:LETTER|[0-9])*[₀-₉]*)
  | (?P<greek>[\u0370-\u03ffℤℝℕℚℂⅇⅈℯ])
  | (?P<cmd>\\[A-Za-z]+|\\[{}|%])
  | (?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾SUPLETTERS]+)
  | (?P<vulgar>[VULGAR])
  | (?P<prime>(?<=[\w)\]}'′])['′])
  | (?P<str>'[^'\n]{0,8}'|"[^"\n]{0,8}")
  | (?P<op><->|<=>|==>|<==|<=|>=|!=|==|=>|=<|~=|\.\.\.|\*\*|->|/\\(?=\s)|\\/(?=\s)
          |(?<=\s)\|\|(?=\s)|.)
    """.replace("SUPLETTERS", _SUPERSCRIPT_LETTERS).replace("VULGAR", _VULGAR)
    .replace("LETTER", _LETTER).replace("DISPLAY", "|".join(DISPLAY_ENVIRONMENTS)),
    re.VERBOSE | re.DOTALL,
)

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁼⁽⁾" + _SUPERSCRIPT_LETTERS,
                              "0123456789-+=()abcdefghijklmnoprstuvwxyz")
_INTEGER_EXPONENT = re.compile(r"[+-]?[0-9]+")
_SUBSCRIPTS = str.maketrans(_SUBSCRIPT_DIGITS, "0123456789")

GREEK: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ρ": "rho", "σ": "sigma", "τ": "tau",
    "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Σ": "Sigma",
    "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega", "π": "pi",
}  # fmt: skip

GREEK_NAMES: frozenset[str] = frozenset(GREEK.values()) - {"pi"}

# Unicode symbols that are operators or names.
_UNICODE_OPS: dict[str, tuple[str, str]] = {
    "⟨": (CMD, "langle"), "⟩": (CMD, "rangle"),  # a vector ⟨1, 2⟩ (core/vectors.py)
    "°": (OP, "°"), "−": (OP, "-"), "–": (OP, "-"), "·": (OP, "*"), "⋅": (OP, "*"), "∙": (OP, "*"),
    "×": (OP, "*"), "÷": (OP, "/"), "≤": (OP, "<="), "⩽": (OP, "<="), "≥": (OP, ">="),
    "⩾": (OP, ">="), "≠": (OP, "!="), "⇔": (OP, "<=>"), "⟺": (OP, "<=>"), "⇒": (OP, "==>"),
    "⟹": (OP, "==>"), "⇐": (OP, "<=="), "⟸": (OP, "<=="), "→": (OP, "->"), "∧": (OP, "and"),
    "¬": (OP, "not"), "∨": (OP, "or"), "√": (OP, "√"), "∛": (OP, "∛"), "∞": (NAME, "oo"),
    "‐": (OP, "-"), "‑": (OP, "-"), "‒": (OP, "-"), "﹣": (OP, "-"), "－": (OP, "-"),
    "＋": (OP, "+"), "∗": (OP, "*"), "∕": (OP, "/"), "⁄": (OP, "/"), "∣": (OP, "∣"),
    "∤": (OP, "∤"), "≡": (OP, "≡"), "≈": (OP, "≈"), "~=": (OP, "≈"),
    "£": (CMD, "pounds"), "€": (CMD, "euro"),  # money: £1628.89 after ≈ (core/rounding.py)
    # MathCheck's and programmers' spellings: x > 1 /\ x < 3, x = 2 \/ x = 3, <->
    "/\\": (OP, "and"), "\\/": (OP, "or"), "<->": (OP, "<=>"),
    "＝": (OP, "="), "＜": (OP, "<"), "＞": (OP, ">"), "∴": (OP, "==>"), "↔": (OP, "<=>"),
    "⟶": (OP, "->"), "⋀": (OP, "and"), "⋁": (OP, "or"),
    "∈": (OP, "in"), "∉": (OP, "notin"), "∖": (CMD, "setminus"),
    "∪": (OP, "cup"), "∩": (CMD, "cap"), "⊥": (NAME, "false"), "⊤": (NAME, "true"),
    "±": (OP, "±"), "∓": (OP, "∓"), "∅": (CMD, "emptyset"),
    "∂": (CMD, "partial"), "∇": (CMD, "nabla"), "∫": (CMD, "int"), "∬": (CMD, "iint"),
    "∭": (CMD, "iiint"), "∮": (CMD, "oint"),
    "⌊": (CMD, "lfloor"), "⌋": (CMD, "rfloor"), "⌈": (CMD, "lceil"), "⌉": (CMD, "rceil"),
    "ℤ": (NAME, "Z"), "ℝ": (NAME, "R"), "ℕ": (NAME, "N"), "ℚ": (NAME, "Q"), "ℂ": (NAME, "C"),
    # Word's linear format (UnicodeMath): ⅇ and ⅈ are e and i, 〖 〗 group, ∑_(k=1)^n,
    # lim┬(x→0) (┬ sets what follows below, ┴ above), the invisible plus of 2⁤½
    "ⅇ": (NAME, "e"), "ⅈ": (CMD, "imaginaryI"), "〖": (OP, "("), "〗": (OP, ")"),
    "∑": (CMD, "sum"), "∏": (CMD, "prod"), "┬": (OP, "_"), "┴": (OP, "^"), "\u2064": (OP, "+"),
    # SymPy's pretty printer (one line): ℯ is Euler's e (it was a letter: a new variable),
    # │x - y│ (box-drawing bars) is |x - y|
    "ℯ": (NAME, "e"), "│": (OP, "|"),
}  # fmt: skip

# LaTeX commands that are spelled some other way, or that only space things out.
_LATEX_OPS: dict[str, tuple[str, str]] = {
    "cdot": (OP, "*"), "times": (OP, "*"), "ast": (OP, "*"), "div": (OP, "/"),
    "le": (OP, "<="), "leq": (OP, "<="), "leqslant": (OP, "<="), "ge": (OP, ">="),
    "geq": (OP, ">="), "geqslant": (OP, ">="), "lt": (OP, "<"), "gt": (OP, ">"),
    "pm": (OP, "±"), "mp": (OP, "∓"),
    "ne": (OP, "!="), "neq": (OP, "!="), "iff": (OP, "<=>"), "Leftrightarrow": (OP, "<=>"),
    "Longleftrightarrow": (OP, "<=>"), "implies": (OP, "==>"), "Rightarrow": (OP, "==>"),
    "Longrightarrow": (OP, "==>"), "impliedby": (OP, "<=="), "Leftarrow": (OP, "<=="),
    "Longleftarrow": (OP, "<=="), "to": (OP, "->"), "rightarrow": (OP, "->"),
    "land": (OP, "and"), "wedge": (OP, "and"), "lor": (OP, "or"), "vee": (OP, "or"),
    "neg": (OP, "not"), "lnot": (OP, "not"), "therefore": (OP, "==>"), "cdotp": (OP, "*"),
    "%": (OP, "%"), "longrightarrow": (OP, "->"), "leftrightarrow": (OP, "<=>"),
    "in": (OP, "in"), "notin": (OP, "notin"),
    "cup": (OP, "cup"), "lvert": (OP, "|"), "rvert": (OP, "|"), "vert": (OP, "|"),
    "mid": (OP, "∣"), "nmid": (OP, "∤"), "equiv": (OP, "≡"), "approx": (OP, "≈"),
    "bmod": (NAME, "mod"),
    "mod": (NAME, "mod"), "pmod": (NAME, "pmod"), "|": (OP, "|"), "{": (OP, "{"),
    "}": (OP, "}"), "infty": (NAME, "oo"),
    "pi": (NAME, "pi"), "varepsilon": (NAME, "epsilon"), "varphi": (NAME, "phi"),
    "vartheta": (NAME, "theta"), "e": (NAME, "e"), "varnothing": (CMD, "emptyset"),
    "bot": (NAME, "false"), "top": (NAME, "true"),
    # MathLive's spellings: \exponentialE, \differentialD, \lbrack x \rbrack, \lparen
    "exponentialE": (NAME, "e"), "differentialD": (NAME, "d"), "lbrack": (OP, "["),
    "rbrack": (OP, "]"), "lparen": (OP, "("), "rparen": (OP, ")"), "lbrace": (OP, "{"),
    "rbrace": (OP, "}"),
}  # fmt: skip

#: Words that are the statements true and false (a step may end in "<=> false").
TRUTH_WORDS: frozenset[str] = frozenset({"true", "false", "True", "False"})

# Commands that are only sizing or spacing: dropped.
_LATEX_SKIP: frozenset[str] = frozenset(
    "left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr quad qquad "
    "displaystyle textstyle limits nolimits".split()
)

# Commands that are plain names (functions, Greek letters).
_LATEX_NAMES: frozenset[str] = frozenset(
    "sin cos tan cot sec csc arcsin arccos arctan arccot sinh cosh tanh coth sech csch "
    "exp ln log lg min max gcd arg tg ctg arctg arcctg sen arcsen senh tgh".split()
) | GREEK_NAMES
#: Russian and French LaTeX's hyperbolic commands (\sh x, \ch x): unambiguous as commands.
LATEX_HYPERBOLIC: dict[str, str] = {"sh": "sinh", "ch": "cosh", "th": "tanh", "cth": "coth",
                                    "arsh": "asinh", "arch": "acosh", "arth": "atanh"}

#: Why a sum or product written with an ellipsis is not read, and what to write instead.
_ELLIPSIS_HINT = (": a sum or product written with '...' cannot be checked (its terms are "
                  "a guess); write it as \\sum_{k=1}^{n} k or Sum(k, (k, 1, n))")
_ELLIPSIS_COMMANDS: frozenset[str] = frozenset("cdots ldots dots dotsb dotsc dotsm".split())

#: What an editor's empty box (MathLive's \\placeholder{}, Word's ▭) asks for.
_PLACEHOLDER_HINT = (": the equation editor left an empty box here; fill it in (or delete "
                     "it) before checking")

_HINTS = {
    "…": _ELLIPSIS_HINT,
    "▭": _PLACEHOLDER_HINT, "⬚": _PLACEHOLDER_HINT,
}

#: Relations a chain can be split at.
EXPRESSION_RELATION_OPS: frozenset[str] = frozenset({"=", "==", "<", "<=", ">", ">=", "=<",
                                                     "≈"})
STATEMENT_RELATION_OPS: frozenset[str] = frozenset({"<=>", "==>", "<==", "=>"})
OPEN_BRACKETS: dict[str, str] = {"(": ")", "[": "]", "{": "}"}
CLOSE_BRACKETS: frozenset[str] = frozenset(OPEN_BRACKETS.values())


#: A relation between expressions, on both sides of ``&&`` when it means "and".
_RELATION_MARK = re.compile(r"[<>=≤≥≠]|\\(?:le|ge|leq|geq|lt|gt|ne|neq)(?![A-Za-z])")


# A note set over a relation (\overset{L'H}{=}, \stackrel{(2)}{\le}, \overset{?}{=}): the
# relation is what is claimed.
_NOTED_RELATION_RE = re.compile(
    r"\\(?:overset|underset|stackrel)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*"
    r"\{\s*(=|<=?|>=?|\\(?:leq?|geq?|lt|gt|iff|implies|Rightarrow|Leftrightarrow)(?![A-Za-z]))\s*\}"
)


# LaTeX's prime as an exponent (f^{\prime}, (x^2)^{\prime\prime}, y^\prime): the primes.
_PRIME_RE = re.compile(r"\^\s*(?:\{\s*((?:\\prime\s*)+)\}|(\\prime)(?![A-Za-z]))")


def _primes(m: re.Match[str]) -> str:
    """As many ``'`` as the ``\\prime`` commands, padded to keep the columns."""
    return ("'" * m.group(0).count("\\prime")).ljust(len(m.group(0)))


# An evaluation bar written without \left. (F\Big|_0^1, F\bigg|_a^b, F\right|_0^1,
# F\Big\vert_0^1, F |_0^1): a bar followed by both limits.
_EVALUATION_BAR_RE = re.compile(
    r"(?:\\(?:right|[Bb]igg?[rl]?)\s*)?(?:\||\\[rl]?vert(?![A-Za-z]))"
    r"(?=\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+|[^\s{}])\s*\^)")
_BAR_STOP_RE = re.compile(
    r"(?:[=<>&≤≥≠]|\\(?:le|ge|leq|geq|lt|gt|ne|neq|approx|quad|qquad|iff|implies"
    r"|Rightarrow|Longrightarrow)(?![A-Za-z]))")


def _evaluation_bars(text: str, line: int, col: int, source: str) -> list[tuple[int, int, int]]:
    """Where ``F\\Big|_a^b`` is read as ``[F]_a^b``: (where F starts, where the bar starts,
    where it ends) for each bar, F being all that stands before the bar back to a relation
    or an open bracket. F must be one term: in ``e - e^x\\Big|_0^1`` the bar could apply to
    e^x or to the whole difference, and the error says to write it with ``\\left. ...
    \\right|`` or brackets. Positions, not a rewrite, so that columns stay as written."""
    found: list[tuple[int, int, int]] = []
    for m in _EVALUATION_BAR_RE.finditer(text):
        if m.group().startswith("\\right") and "\\left." in text[:m.start()]:
            continue  # \left. F \right|_a^b: the lexer reads it
        depth, start = 0, 0
        for i in range(m.start() - 1, -1, -1):
            char = text[i]
            if char in ")]}":
                depth += 1
            elif char in "([{":
                depth -= 1
                if depth < 0:
                    start = i + 1
                    break
            elif depth == 0 and (stop := _BAR_STOP_RE.match(text, i)) is not None:
                start = stop.end()
                break
        if found and start < found[-1][2]:
            start = found[-1][2]  # x e^x\Big|_0^1 - e^x\Big|_0^1: after the bar before
        body = text[start:m.start()]
        if not body.strip() or m.group() == "|" and body.count("|") % 2:
            continue  # |x|_2: the bar closes an absolute value
        depth, lead = 0, len(body) - len(body.lstrip())
        for i, char in enumerate(body):
            depth += (char in "([{") - (char in ")]}")
            if depth == 0 and char in "+-" and i > lead and body[:i].rstrip()[-1:] not in "^_":
                raise ParseError(
                    source, f"an evaluation bar after {body.strip()!r} may apply to its last "
                    "term or to all of it: write \\left. ... \\right|_a^b or [...]_a^b around "
                    "what is evaluated", line, col + m.start())
        found.append((start + lead, m.start(), m.end()))
    return found


def _bare_relation(m: re.Match[str]) -> str:
    """The relation alone, padded to the note's width so that columns stay as written."""
    return m.group(1).ljust(len(m.group(0)))


def tokenize(text: str, *, line: int = 0, col: int = 1, source: str | None = None) -> list[Token]:
    """Split ``text`` into normalised tokens, ending with an ``END`` token.

    Raises :class:`ParseError` for a character that has no meaning; its column is
    ``col`` plus the offset in ``text`` and its ``text`` is ``source`` (default ``text``).
    """
    if "set" in text or "stackrel" in text:  # \overset{L'H}{=}: the note is dropped
        noted = _NOTED_RELATION_RE.sub(_bare_relation, text)
        source, text = (source if source is not None else text), noted
    if "prime" in text or "ⅆ" in text:  # f^{\prime}(x) is f'(x); Word's ⅆx is dx
        primed = _PRIME_RE.sub(_primes, text).replace("ⅆ", "d")
        source, text = (source if source is not None else text), primed
    tokens: list[Token] = []
    append = tokens.append
    size = len(text)
    texts = False
    # \left. F \right|_a^b is the evaluation bar F(b) - F(a): read as [F]_a^b. Each \left
    # pushes whether it opened with '.', so that its \right| closes the bar.
    lefts: list[bool] = []
    bar_open = bar_close = False
    # x^3\Big|_0^1 (no \left.): '[' before x^3, ']' for the bar
    bars = _evaluation_bars(text, line, col, source if source is not None else text) \
        if "|" in text or "vert" in text else []
    opened = False
    for m in _TOKEN_RE.finditer(text, 0, _annotation_start(text)):
        kind = m.lastgroup
        if bars and m.start() >= bars[0][1]:  # inside the bar: \Big|, \right|, \vert
            if m.end() >= bars[0][2]:
                append(Token(OP, "]", bars.pop(0)[1]))
                opened = False
            continue
        if kind == "ws":
            if "&" in m.group() and "√" in text:  # √(3&8): Word's cube root of 8
                append(Token(OP, "√&", m.start() + m.group().index("&")))
            if "&&" in m.group() and text.count("&") == 2:  # x > 1 && x < 3 (no alignment)
                at = m.start() + m.group().index("&&")
                if _RELATION_MARK.search(text, 0, at) and _RELATION_MARK.search(text, at + 2):
                    append(Token(OP, "and", at))
            continue
        value = m.group()
        start = m.start()
        if bars and bars[0][0] <= start and not opened:
            append(Token(OP, "[", bars[0][0]))
            opened = True
        if kind == "name":
            base = value.rstrip(_SUBSCRIPT_DIGITS)
            if value in ("and", "or", "not"):
                append(Token(OP, value, start))
            elif value in _BARE_CONNECTIVES and _joins_statements(text, tokens, start, m.end()):
                append(Token(OP, _CONNECTIVES[value], start))
            else:
                append(Token(NAME, base, start))
            if base != value:  # x₁ is x_1
                append(Token(OP, "_", start + len(base)))
                append(Token(NUM, value[len(base):].translate(_SUBSCRIPTS), start + len(base)))
        elif kind == "op":
            if value == "||":  # x = 2 || x = 3 is "or"; anything else two bars
                either = _RELATION_MARK.search(text, 0, start) and _RELATION_MARK.search(
                    text, start + 2)
                tokens += [Token(OP, "or", start)] if either else [
                    Token(OP, "|", start), Token(OP, "|", start + 1)]
                continue
            mapped = _UNICODE_OPS.get(value)
            if bar_open or bar_close:
                expected, bar_open, bar_close = (".", "|")[bar_close], False, False
                if value == expected:
                    append(Token(OP, "[" if expected == "." else "]", start))
                    continue
            if value in ("...", "…") and _after_decimal(tokens):
                append(Token(OP, "…", start))  # 1.4142...: a truncated decimal (rounding.py)
                continue
            if value == "...":
                raise ParseError(source if source is not None else text,
                                 f"unexpected '...'{_ELLIPSIS_HINT}", line, col + start)
            if mapped is not None:
                append(Token(mapped[0], mapped[1], start))
            elif value.isascii() and value.isprintable() and not value.isspace():
                append(Token(OP, value, start))
            else:
                hint = _HINTS.get(value, "")
                raise ParseError(
                    source if source is not None else text,
                    f"unexpected character {value!r}{hint}",
                    line,
                    col + start,
                )
        elif kind == "num":
            append(Token(NUM, value, start))
        elif kind == "greek":
            mapped = _UNICODE_OPS.get(value)
            if mapped is not None:
                append(Token(mapped[0], mapped[1], start))
            elif value in GREEK:
                append(Token(NAME, GREEK[value], start))
            else:
                append(Token(NAME, value, start))
        elif kind == "cmd":
            name = value[1:]
            if name in ("left", "mleft"):  # MathLive's \mleft( ... \mright)
                bar_open = text.startswith(".", m.end()) and "\\right|" in text[m.end():]
                lefts.append(bar_open)
                continue
            if name in ("right", "mright"):
                bar_close = bool(lefts) and lefts.pop() and text.startswith("|", m.end())
                continue
            if name in _ELLIPSIS_COMMANDS and _after_decimal(tokens):
                append(Token(OP, "…", start))
                continue
            if name in _ELLIPSIS_COMMANDS:
                raise ParseError(source if source is not None else text,
                                 f"unexpected \\{name}{_ELLIPSIS_HINT}", line, col + start)
            if name in _LATEX_SKIP:
                continue
            if name == "placeholder":
                raise ParseError(source if source is not None else text,
                                 f"unexpected \\placeholder{_PLACEHOLDER_HINT}", line, col + start)
            mapped = _LATEX_OPS.get(name)
            if mapped is not None:
                append(Token(mapped[0], mapped[1], start))
            elif name in _LATEX_NAMES:
                append(Token(NAME, name, start))
            elif name in LATEX_HYPERBOLIC:
                append(Token(NAME, LATEX_HYPERBOLIC[name], start))
            else:
                texts = texts or name in _TEXT_COMMANDS
                append(Token(CMD, name, start))
        elif kind == "prime":  # (x^2)' right after a name or a bracket: a derivative
            append(Token(OP, "'", start))
        elif kind == "sup":
            exponent = value.translate(_SUPERSCRIPTS)
            if _INTEGER_EXPONENT.fullmatch(exponent):
                append(Token(SUP, exponent, start))
            else:  # xⁿ⁺¹ is x^(n+1): the whole run is the exponent
                append(Token(OP, "^", start))
                append(Token(OP, "(", start))
                inner = tokenize(exponent, line=line, col=col + start,
                                 source=source if source is not None else text)
                tokens.extend(Token(t.kind, t.text, t.pos + start) for t in inner[:-1])
                append(Token(OP, ")", start + len(value) - 1))
        elif kind == "vulgar":  # ½ is \frac{1}{2}
            numerator, _, denominator = unicodedata.normalize("NFKC", value).partition("\u2044")
            append(Token(CMD, "frac", start))
            for part in (numerator, denominator):
                append(Token(OP, "{", start))
                append(Token(NUM, part, start))
                append(Token(OP, "}", start))
        else:  # str
            append(Token(STR, value[1:-1], start))
    append(Token(END, "", size))
    if texts:
        _collapse_words(tokens)
    if "√" in text or "▒" in text:
        _linear_format(tokens, text)
    return tokens


def _matching(tokens: list[Token], index: int, step: int) -> int:
    """Index of the bracket matching the one at ``index`` (searching by ``step``), or -1."""
    depth = 0
    j = index
    while 0 <= j < len(tokens):
        tok = tokens[j]
        if tok.kind == OP and tok.text in ("(", "[", "{"):
            depth += step
        elif tok.kind == OP and tok.text in (")", "]", "}"):
            depth -= step
        if depth == 0:
            return j
        j += step
    return -1


def _linear_format(tokens: list[Token], text: str) -> None:
    """Word's linear format: ``√(3&8)`` is ``\\sqrt[3]{8}``; ``∫_0^1▒〖x^2 dx〗`` is the
    integral of x^2 (the brackets after ▒ hold the integrand and its differential)."""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == OP and tok.text == "√&":
            depth, j = 0, i - 1
            while j >= 0 and not (depth == 0 and tokens[j].text == "(" and tokens[j].kind == OP):
                depth += (tokens[j].text == ")") - (tokens[j].text == "(")
                j -= 1
            close = _matching(tokens, j, 1) if j >= 1 else -1
            if j >= 1 and tokens[j - 1].text == "√" and close > i:
                tokens[close] = Token(OP, "}", tokens[close].pos)
                tokens[i : i + 1] = [Token(OP, "]", tok.pos), Token(OP, "{", tok.pos)]
                tokens[j] = Token(OP, "[", tokens[j].pos)
                tokens[j - 1] = Token(CMD, "sqrt", tokens[j - 1].pos)
                i += 1
            else:  # an & elsewhere lays out columns: spacing
                del tokens[i]
            continue
        if (tok.kind == OP and tok.text == "(" and text[tok.pos] == "〖"
                and text[:tok.pos].rstrip().endswith("▒")):
            before = [t for t in tokens[max(0, i - 12) : i] if t.kind == CMD]
            close = _matching(tokens, i, 1)
            if before and before[-1].text == "int" and close > i:
                del tokens[close]
                del tokens[i]
                continue
        i += 1


def _after_decimal(tokens: list[Token]) -> bool:
    """Does a decimal with digits after its point end ``tokens`` (``1.4142`` before ``...``)?"""
    return bool(tokens) and tokens[-1].kind == NUM and "." in tokens[-1].text.rstrip(".")


# An align column of its own that opens with prose ("&= 2x && \text{factor } x \\",
# "&& (\text{by } (2))"): everything after the "&&" annotates the line.
_COLUMN_ANNOTATION_RE = re.compile(
    r"&\s*&\s*(?:\\q?quad(?![A-Za-z])\s*)*[(\[]?\s*"
    r"\\(?:text|textrm|textit|textbf|textsf|textnormal|mbox)\s*\{([^{}]*)\}"
)


# A note naming L'Hôpital's rule after a step: (L'H), (L'Hôpital), [by L'Hospital's rule].
# The apostrophe or the name keeps it apart from a product (L H).
_RULE_NOTE_RE = re.compile(
    r"[(\[]\s*(?:\\text\s*\{\s*)?(?:by\s+)?"
    r"(?:L\s*['\u2019\u2032]\s*H[A-Za-z\u00f4\u00f6\\^{}]*|L\s*H(?:o|\u00f4)s?pital)"
    r"(?:['\u2019]s)?(?:\s+rule)?\s*\}?\s*[)\]]"
    r"(?:\s|\\\\|\\[,;:! ]|\\q?quad(?![A-Za-z])|[&.,;:~$])*\Z"
)


def _annotation_start(text: str) -> int:
    """Where the trailing prose annotations of ``text`` begin (``len(text)`` if none)."""
    column = _COLUMN_ANNOTATION_RE.search(text)
    end = column.start() if column is not None and _is_prose(column.group(1)) else len(text)
    while True:
        note = _RULE_NOTE_RE.search(text, 0, end) if "H" in text[:end] else None
        if note is not None:
            end = note.start()
            continue
        if "\\" not in text[:end]:
            break
        m = _ANNOTATION_RE.search(text, 0, end)
        if m is None or not _is_prose(m.group(1)):
            break
        end = m.start()
    return end


def _is_prose(content: str) -> bool:
    # \text{d}, \text{e}, \text{ or }, \text{sin} are maths; words and sentences are not.
    word = content.strip()
    if not word.isalpha():
        return True
    return (len(word) > 1 and word not in _CONNECTIVES and word not in _LATEX_NAMES
            and word not in TRUTH_WORDS)  # \text{false}: the statement that never holds


_TEXT_COMMANDS = frozenset({"text", "textrm", "mathrm", "mbox"})


#: ``\text{...}`` words that join statements: English, German, French, Swedish, Norwegian.
_CONNECTIVES = {"and": "and", "or": "or", "und": "and", "oder": "or", "et": "and",
                "ou": "or", "och": "and", "eller": "or", "og": "and"}


#: ``oder``, ``ou``, ``et``... written bare between two relations (``x = 1 oder x = -5``,
#: ``x = 1/2 ou x = -3``) join them as ``or``/``and``; anywhere else they stay letters.
_BARE_CONNECTIVES = frozenset(_CONNECTIVES) - {"and", "or"}


def _joins_statements(text: str, tokens: list[Token], start: int, end: int) -> bool:
    """Is the word at ``text[start:end]`` between two complete relations, spaced apart?"""
    if start == 0 or end >= len(text) or not (text[start - 1].isspace() and text[end].isspace()):
        return False
    if not tokens or (tokens[-1].kind == OP and tokens[-1].text not in (")", "]", "}", "'")):
        return False
    rest = text[end:].lstrip()
    if not rest or rest[0] in "=<>≤≥≠+*/^)]},;:":
        return False
    return bool(_RELATION_MARK.search(text, 0, start) and _RELATION_MARK.search(text, end))


def _collapse_words(tokens: list[Token]) -> None:
    """``\\text{ or }`` is the operator ``or`` (and likewise ``and``, ``\\text{ oder }``,
    ``\\text{ et }``...); ``\\text{false}`` is the word ``false`` (and likewise ``true``)."""
    i = 0
    while i + 3 < len(tokens):
        tok = tokens[i]
        if (tok.kind == CMD and tok.text in _TEXT_COMMANDS and tokens[i + 1].text == "{"
                and tokens[i + 2].kind in (OP, NAME) and tokens[i + 2].text in _CONNECTIVES
                and tokens[i + 3].text == "}"):
            tokens[i : i + 4] = [Token(OP, _CONNECTIVES[tokens[i + 2].text], tok.pos)]
        elif (tok.kind == CMD and tok.text in _TEXT_COMMANDS and tokens[i + 1].text == "{"
                and tokens[i + 2].kind == NAME and tokens[i + 2].text in TRUTH_WORDS
                and tokens[i + 3].text == "}"):
            tokens[i : i + 4] = [Token(NAME, tokens[i + 2].text, tok.pos)]
        i += 1
