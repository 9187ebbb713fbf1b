"""LaTeX of one side of a step as the user wrote it (``render_latex``), without SymPy.

SymPy's printer shows the *evaluated* expression (reordered, ``(x - 3)(x - 2)``) and costs
milliseconds per side; the widget should show what the student typed, and cheaply. ASCII
and Unicode text is tokenised by :mod:`proofnb.core.lexer` and rendered by a small
recursive descent that mirrors the grammar's precedence (``a/b`` becomes ``\\frac``, ``^``
groups its exponent, ``sqrt(x)`` becomes ``\\sqrt{x}``, ``*`` becomes ``\\cdot``, implicit
products stay juxtaposed). Text that already is LaTeX passes through with its delimiters
removed. Anything the renderer does not understand falls back to ``\\text{...}`` of the
source, so :func:`render_latex` never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from proofnb.core.functions import FUNCTIONS, PREFIX_FUNCTIONS
from proofnb.core.lexer import CMD, END, GREEK_NAMES, NAME, NUM, OP, STR, SUP, Token, tokenize

__all__ = ["render_latex", "text_latex"]

#: Longest source rendered; longer sides are shown as text.
MAX_RENDER_CHARS = 2_000
_MAX_DEPTH = 60

_RELATIONS = {
    "=": "=", "==": "=", "!=": r"\ne", "<": "<", "<=": r"\le", ">": ">", ">=": r"\ge",
    "<=>": r"\Leftrightarrow", "==>": r"\Rightarrow", "<==": r"\Leftarrow",
    "=>": r"\Rightarrow", "->": r"\to", "in": r"\in",
    "≡": r"\equiv", "≈": r"\approx", "∣": r"\mid", "∤": r"\nmid",
}  # fmt: skip
_NUMBER_SETS = frozenset("RCZQN")
_WORDS = {"and": r"\text{ and }", "or": r"\text{ or }"}
#: Signs between and before terms (``±`` and ``∓`` as the cell language reads them).
_SUM_SIGNS = {"+": "+", "-": "-", "±": r"\pm ", "∓": r"\mp "}
_OPEN = {"(": (r"\left(", r"\right)", ")"), "[": (r"\left[", r"\right]", "]"),
         "{": (r"\left\{", r"\right\}", "}")}
#: Functions LaTeX knows by name (``\sin``), and spellings with a standard name.
_LATEX_FUNCS = frozenset(
    "sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan exp ln log lg "
    "min max gcd arg".split()
)
_ALIASES = {"asin": "arcsin", "acos": "arccos", "atan": "arctan", "Min": "min", "Max": "max",
            "cosec": "csc"}
_CONSTANTS = {"pi": r"\pi", "oo": r"\infty", "inf": r"\infty", "infinity": r"\infty",
              "E": "e", "I": "i", "zoo": r"\tilde{\infty}"}
_UNICODE_CMDS = {"lfloor": r"\left\lfloor ", "rfloor": r"\right\rfloor ",
                 "lceil": r"\left\lceil ", "rceil": r"\right\rceil "}
#: Commands allowed to pass through in LaTeX input (everything the parser accepts, plus
#: spacing and sizing); any other command makes the side fall back to text.
_SAFE_COMMANDS = frozenset(
    "frac dfrac tfrac cfrac sqrt binom dbinom tbinom int sum prod lim lfloor rfloor lceil "
    "rceil mathrm operatorname text mathit textrm mathbb mbox left right big Big bigg Bigg "
    "bigl bigr Bigl Bigr biggl biggr Biggl Biggr quad qquad displaystyle textstyle limits "
    "nolimits cdot times ast div le leq leqslant ge geq geqslant lt gt ne neq iff "
    "Leftrightarrow Longleftrightarrow implies Rightarrow Longrightarrow impliedby Leftarrow "
    "Longleftarrow to rightarrow land wedge lor vee neg lnot in lvert rvert vert mid infty pi "
    "varepsilon varphi vartheta e partial pm mp circ emptyset varnothing cup equiv approx "
    "nmid pmod bmod mod mathcal det begin end vec mathbf top".split()
) | frozenset(
    # Round 34: vectors, probability, sets and logic (all typeset by KaTeX and MathJax).
    "cap setminus notin langle rangle overrightarrow overline hat bar choose Pr perp "
    "parallel prime colon therefore ldots dots cdots lbrace rbrace Re Im imath jmath bot "
    "boldsymbol".split()
) | frozenset(
    "sin cos tan cot sec csc arcsin arccos arctan arccot sinh cosh tanh coth sech csch "
    "exp ln log lg min max gcd".split()
) | GREEK_NAMES
_COMMAND_RE = re.compile(r"\\([A-Za-z]+)")
_ENVIRONMENT_RE = re.compile(r"\\(begin|end)\s*\{([^{}]*)\}")
_MATRIX_ENVIRONMENTS = frozenset("matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix".split())
_LEFT_RE = re.compile(r"\\left(?![A-Za-z])")
_RIGHT_RE = re.compile(r"\\right(?![A-Za-z])")
_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
                 "#": r"\#", "%": r"\%", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
_TEXT_RE = re.compile(r"[\\{}$&#%_^~]")
#: MathCheck's ``/\`` and ``\/`` (and/or, as the lexer reads them: before a space).
_LOGIC_SLASHES = re.compile(r"/\\(?=\s)|\\/(?=\s)")
#: How a connective was spelled: symbols stay symbols, words stay words.
_CONNECTIVE_SYMBOLS = {"/\\": r" \land ", "&&": r" \land ", "∧": r" \land ", "⋀": r" \land ",
                       "\\/": r" \lor ", "||": r" \lor ", "∨": r" \lor ", "⋁": r" \lor "}


class _Unrenderable(Exception):
    """The text is outside what the renderer understands: show it as text."""


@dataclass(frozen=True, slots=True)
class _Tex:
    """A rendered piece: its LaTeX, and what it holds when it is one bracketed group."""

    tex: str
    inner: str | None = None  # the content of "(...)", without the brackets
    items: tuple[str, ...] = ()  # the items of a tuple "(a, b, c)"
    negated: str | None = None  # for "-a": the bare LaTeX of a

    @property
    def bare(self) -> str:
        """The LaTeX without enclosing round brackets (for \\frac, ^{} and \\sqrt{})."""
        return self.inner if self.inner is not None else self.tex


def text_latex(source: str) -> str:
    """``\\text{...}`` showing ``source`` literally (LaTeX specials escaped)."""
    flat = " ".join(source.split())
    return r"\text{" + _TEXT_RE.sub(lambda m: _TEXT_ESCAPES[m.group()], flat) + "}"


@lru_cache(maxsize=4096)
def render_latex(source: str, functions: frozenset[str] = frozenset()) -> str:
    """LaTeX showing one side of a step as written; never raises (falls back to text).

    ``functions`` are the letters the cell uses as functions (``y`` after ``dy/dx``, a
    defined ``f``): their calls bind as one factor, so ``x/y(x)`` is ``\\frac{x}{y(x)}``
    as the checker reads it, not ``\\frac{x}{y}`` times ``(x)``.
    """
    text = source.strip()
    if "∘" in text:  # (f∘g)(x): the composition sign as LaTeX writes it
        text = text.replace("∘", r" \circ ")
    try:
        if not text or len(text) > MAX_RENDER_CHARS:
            raise _Unrenderable
        if "\\" in text and "\\" in _LOGIC_SLASHES.sub("", text):
            return _pass_through(_EDITOR_COMMANDS.sub(lambda m: _STANDARD[m.group(1)], text))
        if "$" in text:
            raise _Unrenderable  # the lexer skips it: x $ 1 would show as x 1
        return _Renderer(tokenize(text), functions, text).render()
    except Exception:  # noqa: BLE001 - rendering is cosmetic: any failure shows the source
        return text_latex(text)


#: MathLive's own spellings, shown as standard LaTeX (\\exponentialE is e).
_STANDARD = {"exponentialE": "e", "imaginaryI": "i", "differentialD": r"\mathrm{d}",
             "mleft": r"\left", "mright": r"\right", "lbrack": "[", "rbrack": "]",
             "lparen": "(", "rparen": ")"}
_EDITOR_COMMANDS = re.compile(r"\\(" + "|".join(_STANDARD) + r")(?![A-Za-z])")


def _pass_through(text: str) -> str:
    """LaTeX input as typed: delimiters removed, only known commands, balanced braces."""
    for start, end in (("$$", "$$"), ("$", "$"), (r"\[", r"\]"), (r"\(", r"\)")):
        if text.startswith(start) and text.endswith(end) and len(text) > len(start + end):
            text = text[len(start) : -len(end)].strip()
            break
    if "$" in text:
        raise _Unrenderable
    # x > 1 /\ x < 3 next to LaTeX: "\ " would typeset as a space and "\/" as nothing.
    text = _LOGIC_SLASHES.sub(lambda m: _CONNECTIVE_SYMBOLS[m.group()].rstrip(), text)
    for m in _COMMAND_RE.finditer(text):
        if m.group(1) not in _SAFE_COMMANDS:
            raise _Unrenderable
    environments = _ENVIRONMENT_RE.findall(text)
    if any(name not in _MATRIX_ENVIRONMENTS for _, name in environments):
        raise _Unrenderable
    if ("&" in text or r"\\" in text) and not environments:
        raise _Unrenderable  # alignment marks only typeset inside a matrix
    depth = 0
    for i, ch in enumerate(text):
        if ch in "{}" and (i == 0 or text[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            if depth < 0:
                raise _Unrenderable
    if depth:
        raise _Unrenderable
    if len(_LEFT_RE.findall(text)) != len(_RIGHT_RE.findall(text)):
        # \left and \right only size brackets; unpaired (a side cut from a longer line)
        # they would not typeset at all.
        text = _RIGHT_RE.sub("", _LEFT_RE.sub("", text))
    for ascii_op, tex in (("<=>", r"\Leftrightarrow "), ("==>", r"\Rightarrow "),
                          ("<==", r"\Leftarrow "), ("<=", r"\le "), (">=", r"\ge "),
                          ("!=", r"\ne "), ("**", "^"), ("*", r"\cdot ")):
        text = text.replace(ascii_op, tex)
    if any(ch in _UNICODE_LATEX for ch in text):  # x ∈ [2, +\infty[: commands, not glyphs
        text = "".join(_UNICODE_LATEX.get(ch, ch) for ch in text)
    text = _QUANTITY_WORD.sub(r"\\operatorname{\1}", text)  # \sqrt{Var(X)}
    return _latex_decimal_commas(text)


def _latex_decimal_commas(text: str) -> str:
    """``2,5 \\cdot 4`` with ``2{,}5``: a comma between digits outside brackets and braces
    is a decimal comma (as the cell reads it), which LaTeX would space as a list's."""
    if "," not in text:
        return text
    out, depth = [], 0
    for i, ch in enumerate(text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        decimal = (ch == "," and depth <= 0 and 0 < i < len(text) - 1
                   and text[i - 1].isdigit() and text[i + 1].isdigit())
        out.append("{,}" if decimal else ch)
    return "".join(out)


class _Renderer:
    """Recursive descent over the tokens, producing LaTeX strings."""

    __slots__ = ("tokens", "i", "depth", "bars", "functions", "source", "nest", "upper_end")

    def __init__(self, tokens: list[Token], functions: frozenset[str] = frozenset(),
                 source: str = "") -> None:
        self.tokens = tokens
        self.functions = functions
        self.source = source  # the text tokenised: how a connective was spelled
        self.nest = 0  # open brackets: a comma between digits outside them is a decimal
        self.upper_end = False  # in ]1, 3[ the '[' closes the interval, it multiplies not
        self.i = 0
        self.depth = 0
        self.bars = 0  # open |...| groups: a '|' then closes instead of opening

    def render(self) -> str:
        out = self.listing(top=True)
        if self.peek().kind != END:
            raise _Unrenderable
        return out.tex

    # -- token helpers --------------------------------------------------------------

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.i + ahead, len(self.tokens) - 1)]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        if tok.kind != END:
            self.i += 1
        return tok

    def at(self, *texts: str) -> bool:
        tok = self.tokens[self.i]
        return tok.kind == OP and tok.text in texts

    def expect(self, text: str) -> None:
        if not self.at(text):
            raise _Unrenderable
        self.advance()

    # -- grammar, loosest first ---------------------------------------------------------

    def listing(self, *, top: bool = False) -> _Tex:
        """Comma-separated statements: "and" at the top, a tuple inside brackets."""
        items = [self.statement().tex]
        separator = ","
        # {2; 3} and x_1 = -2; x_2 = 2 where 2,5 is a decimal (at the top: statements only)
        while self.at(",") or self.at(";") and (not top or _RELATION_TEX.search(items[0])):
            separator = self.advance().text
            items.append(self.statement().tex)
        if len(items) == 1:
            return _Tex(items[0])
        return _Tex(f"{separator}\\ ".join(items) if top else f"{separator} ".join(items),
                    items=tuple(items))

    def statement(self) -> _Tex:
        parts = [self.negation()]
        while self.at("and", "or"):
            tok = self.advance()
            spelled = self.source[tok.pos:tok.pos + 2]
            symbol = _CONNECTIVE_SYMBOLS.get(spelled) or _CONNECTIVE_SYMBOLS.get(spelled[:1])
            parts.append(symbol or _WORDS[tok.text])
            parts.append(self.negation())
        return _Tex("".join(parts))

    def negation(self) -> str:
        if self.at("not"):
            self.advance()
            return r"\neg " + self.negation()
        return self.relation().tex

    def relation(self) -> _Tex:
        first = self.sum()
        parts = [first.tex]
        if self.peek().text == "in" and self.peek().kind in (OP, NAME):
            self.advance()
            sets = [self.set_after_in()]
            while self.at("cup"):  # x in (-oo, 2) ∪ (3, oo)
                self.advance()
                sets.append(self.set_after_in())
            return _Tex(first.tex + r" \in " + r" \cup ".join(sets))
        while self.peek().kind == OP and self.peek().text in _RELATIONS:
            parts.append(" " + _RELATIONS[self.advance().text] + " ")
            parts.append(self.sum().tex)
        return first if len(parts) == 1 else _Tex("".join(parts))

    def set_after_in(self) -> str:
        """The set of a membership: ``{a, b}``, an interval ``(a, b]``, ``∅`` or ``R``."""
        self.nest += 1  # its commas separate, even between digits: [1,5]
        try:
            return self.a_set()
        finally:
            self.nest -= 1

    def a_set(self) -> str:
        tok = self.advance()
        if tok.kind == CMD and tok.text == "emptyset":
            return r"\emptyset"
        if tok.kind == NAME and tok.text in _NUMBER_SETS:
            return r"\mathbb{" + tok.text + "}"
        if tok.kind == OP and tok.text == "{" and self.at("}"):
            self.advance()
            return r"\{\}"
        if tok.kind == OP and tok.text == "{":
            items = [self.statement().tex]
            separator = ", "
            while self.at(",", ";"):  # {2, 3}; {2; 3} where 2,5 is a decimal
                separator = self.advance().text + " "
                items.append(self.statement().tex)
            self.expect("}")
            return r"\left\{" + separator.join(items) + r"\right\}"
        if tok.kind == OP and tok.text in ("(", "[", "]"):  # ]1, 3[: ISO 31-11 open ends
            low = self.sum().tex
            if not self.at(",", ";"):
                raise _Unrenderable
            separator = self.advance().text
            self.upper_end = True
            try:
                high = self.sum().tex
            finally:
                self.upper_end = False
            close = self.advance()
            if not (close.kind == OP and close.text in (")", "]", "[")):
                raise _Unrenderable
            return (r"\left" + tok.text + low + separator + " " + high + r"\right"
                    + close.text)
        raise _Unrenderable

    def sum(self) -> _Tex:
        first = self.terms()
        if not self.at_set_operation():
            return first
        parts = [first.tex]
        while self.at_set_operation():  # A ∩ B, A ∪ B (events, sets)
            parts.append(r" \cap " if self.advance().text == "cap" else r" \cup ")
            parts.append(self.terms().tex)
        return _Tex("".join(parts))

    def at_set_operation(self) -> bool:
        tok = self.peek()
        return tok.kind == CMD and tok.text == "cap" or tok.kind == OP and tok.text == "cup"

    def terms(self) -> _Tex:
        first = self.product()
        if not self.at(*_SUM_SIGNS):
            return first
        parts = [first.tex]
        while self.at(*_SUM_SIGNS):
            parts.append(f" {_SUM_SIGNS[self.advance().text].strip()} ")
            parts.append(self.product().tex)
        return _Tex("".join(parts))

    def product(self) -> _Tex:
        acc = self.unary()
        while True:
            tok = self.peek()
            if tok.kind == OP and tok.text == ":":  # 12 : 3, a ratio 2 : 3
                self.advance()
                acc = _Tex(acc.tex + r" \mathbin{:} " + self.unary().tex)
            elif tok.kind == OP and tok.text in ("*", "/"):
                self.advance()
                factor = self.unary()
                if tok.text == "/":
                    if acc.negated is not None:
                        acc = _Tex(r"-\frac{" + acc.negated + "}{" + factor.bare + "}")
                    else:
                        acc = _Tex(r"\frac{" + acc.bare + "}{" + factor.bare + "}")
                else:
                    acc = _Tex(acc.tex + r" \cdot " + factor.tex)
            elif tok.kind == NAME and tok.text == "mod" and self.peek(1).text != "(":
                self.advance()  # n mod 5: the remainder, as binding as *
                acc = _Tex(acc.tex + r" \bmod " + self.unary().tex)
            elif self.starts_factor(tok):
                factor = self.power()
                acc = _Tex(_juxtapose(acc.tex, factor.tex))
            else:
                return acc

    def starts_factor(self, tok: Token) -> bool:
        if tok.kind == NAME and tok.text == "in":
            return False  # x in {1, 2}: a membership
        if tok.kind in (NAME, NUM, CMD):
            return not (tok.kind == CMD and (tok.text.startswith("r") or tok.text == "cap"))
        if tok.kind == OP:
            if tok.text == "[" and self.upper_end:
                return False
            return tok.text in _OPEN or tok.text in ("√", "∛") or (
                tok.text == "|" and self.bars == 0)
        return False

    def unary(self) -> _Tex:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _Unrenderable
        try:
            if self.at(*_SUM_SIGNS):
                sign = self.advance().text
                operand = self.unary()
                return _Tex(_SUM_SIGNS[sign] + operand.tex,
                            negated=operand.bare if sign == "-" else None)
            return self.power()
        finally:
            self.depth -= 1

    def power(self) -> _Tex:
        if self.at("^", "_"):  # ^{n}C_{r}: a left script on an empty base
            base = _Tex("{}")
        else:
            base = self.primary()
        if base.tex == "{}" and self.at("^", "_"):  # {}_{5}C_{2}, {}^{n}P_{r}
            script = self.advance().text
            return _Tex("{}" + script + "{" + self.subscript() + "}")
        while True:
            tok = self.peek()
            if tok.kind == OP and tok.text == "!":
                self.advance()
                base = _Tex(base.tex + "!")
            elif tok.kind == OP and tok.text == "'":
                self.advance()
                base = _Tex(base.tex + "'")
            elif tok.kind == OP and tok.text == "°":
                self.advance()
                base = _Tex(_script(base.tex) + r"^{\circ}")
            elif tok.kind == SUP:
                self.advance()
                base = _Tex(_script(base.tex) + "^{" + tok.text + "}")
            elif tok.kind == OP and tok.text in ("^", "**"):
                self.advance()
                exponent = self.unary()
                return _Tex(_script(base.tex) + "^{" + exponent.bare + "}")
            else:
                return base

    def primary(self) -> _Tex:
        tok = self.advance()
        kind, text = tok.kind, tok.text
        if kind == NUM:
            comma, after = self.peek(), self.peek(1)
            if (self.nest == 0 and comma.kind == OP and comma.text == ","
                    and comma.pos == tok.pos + len(text) and after.kind == NUM
                    and after.pos == comma.pos + 1 and "." not in text):
                self.advance()  # 2,5: a decimal comma (as the cell reads it), not a list
                return _Tex(text + "{,}" + self.advance().text)
            return _Tex(text)
        if kind == NAME:
            return self.name(text)
        if kind == CMD and text in _UNICODE_CMDS:
            return _Tex(_UNICODE_CMDS[text])
        if kind == CMD and text == "langle":  # ⟨1, 2⟩: a vector
            saved, self.bars = self.bars, 0
            try:
                inner = self.listing()
            finally:
                self.bars = saved
            if not (self.peek().kind == CMD and self.peek().text == "rangle"):
                raise _Unrenderable
            self.advance()
            return _Tex(r"\left\langle " + inner.tex + r" \right\rangle")
        if kind == STR and text in ("+", "-", "+-"):  # a limit's direction
            return _Tex(text_latex(text))
        if kind == OP:
            if text in _OPEN:
                return self.group(text)
            if text == "|":
                self.bars += 1
                try:
                    inner = self.sum()
                finally:
                    self.bars -= 1
                self.expect("|")
                return _Tex(r"\left|" + inner.tex + r"\right|")
            if text in ("√", "∛"):
                arg = self.primary()
                return _Tex((r"\sqrt{" if text == "√" else r"\sqrt[3]{") + arg.bare + "}")
        raise _Unrenderable

    def group(self, opener: str) -> _Tex:
        left, right, close = _OPEN[opener]
        if opener == "{" and self.at("}"):  # {}^{n}C_{r}: an empty base for a left script
            self.advance()
            return _Tex("{}")
        if opener == "[" and self.at("["):
            return _Tex(self.matrix_rows())
        if opener == "(" and self.peek().kind == NAME and self.peek().text == "mod":
            self.advance()  # a congruence's modulus: 1 (mod 5)
            modulus = self.sum()
            self.expect(")")
            return _Tex(r"\pmod{" + modulus.tex + "}")
        saved, self.bars = self.bars, 0
        self.nest += 1
        try:
            inner = self.listing()
        finally:
            self.bars = saved
            self.nest -= 1
        self.expect(close)
        tex = left + inner.tex + right
        # Braces outside a set only group (2^{10}, \frac-free text): their bare form
        # drops them where a script or fraction already groups.
        return _Tex(tex, inner.tex if opener in "({" else None, inner.items)

    def name(self, name: str) -> _Tex:
        if (len(name) == 2 and name[0] == "d" and self.at("/")
                and self.peek(1).kind == NAME and len(self.peek(1).text) == 2
                and self.peek(1).text[0] == "d"):  # 2y dy/dx: one factor, dy over dx
            self.advance()
            return _Tex(r"\frac{" + name + "}{" + self.advance().text + "}")
        if self.at("_"):
            self.advance()
            sub = self.subscript()
            if name == "log":
                return self.function(r"\log_{" + sub + "}", "log")
            return _Tex(_symbol(name) + "_{" + sub + "}")
        if name in self.functions and (self.at("(") or self.at("'") and self.peek(1).text == "("):
            head = _symbol(name)
            while self.at("'"):
                self.advance()
                head += "'"
            group = self.group(self.advance().text)
            return _Tex(head + group.tex)
        if name in _QUANTITY_HEADS and (self.at("(") or self.at("[")) and (
                name != "E" or self.capital_inside()):  # E(X), Var(X): not e, not V a r
            head = r"\operatorname{" + _QUANTITY_HEADS[name] + "}"
            return _Tex(head + self.group(self.advance().text).tex)
        if name in _VECTOR_FUNCTIONS and self.at("("):  # cross(u, v), norm((3, 4))
            return self.function(r"\operatorname{" + name + "}", name)
        if name == "Matrix" and self.at("(") and self.peek(1).text == "[":
            self.advance()
            self.advance()
            rows = self.matrix_rows()
            self.expect(")")
            return _Tex(rows)
        if name in FUNCTIONS or name in PREFIX_FUNCTIONS:
            return self.function(_function_name(name), name)
        if name in _CONSTANTS:
            return _Tex(_CONSTANTS[name])
        return _Tex(_symbol(name))

    def capital_inside(self) -> bool:
        """Does the bracket at the cursor hold a capital letter (E(2X + 1), not e(x + 1))?"""
        depth, ahead = 0, 0
        while True:
            tok = self.peek(ahead)
            if tok.kind == END:
                return False
            if tok.kind == OP and tok.text in ("(", "[", "{"):
                depth += 1
            elif tok.kind == OP and tok.text in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    return False
            elif tok.kind == NAME and tok.text[:1].isupper():
                return True
            ahead += 1

    def subscript(self) -> str:
        tok = self.advance()
        if tok.kind in (NUM, NAME):
            return _symbol(tok.text) if tok.kind == NAME else tok.text
        if tok.kind == OP and tok.text == "{":
            self.nest += 1
            try:
                subs = [self.sum().tex]  # a_{n+1}, x_{12}
                while self.at(","):  # x_{1,2}: both solutions
                    self.advance()
                    subs.append(self.sum().tex)
            finally:
                self.nest -= 1
            self.expect("}")
            return ",".join(subs)
        raise _Unrenderable

    def function(self, head: str, name: str) -> _Tex:
        """A call ``f(a, b)``, or a prefix function (``sin x``, ``sin^2 x``, ``sqrt x``)."""
        if self.at("^", "**") and name in PREFIX_FUNCTIONS:
            self.advance()
            head += "^{" + self.unary().bare + "}"
        if not self.at("("):
            if name in ("sqrt", "cbrt"):
                arg = self.power()
                return _Tex(_root(name, [arg.bare]))
            if name not in PREFIX_FUNCTIONS:
                raise _Unrenderable
            return _Tex(head)
        self.advance()
        args: list[str] = []
        items: list[_Tex] = []
        if not self.at(")"):
            saved, self.bars = self.bars, 0
            self.nest += 1
            try:
                while True:
                    item = self.statement() if not self.at("(") else self.tuple_item()
                    items.append(item)
                    args.append(item.tex)
                    if not self.at(","):
                        break
                    self.advance()
            finally:
                self.bars = saved
                self.nest -= 1
        self.expect(")")
        special = _special_call(name, args, items)
        if special is not None:
            return _Tex(special)
        return _Tex(head + r"\left(" + ", ".join(args) + r"\right)")

    def matrix_rows(self) -> str:
        """``[[1, 2], [3, 4]]`` after its first ``[``: a pmatrix, one row per inner list."""
        rows: list[str] = []
        while True:
            self.expect("[")
            row = self.listing()
            self.expect("]")
            rows.append(" & ".join(row.items or (row.tex,)))
            if not self.at(","):
                break
            self.advance()
        self.expect("]")
        return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"

    def tuple_item(self) -> _Tex:
        """A bracketed argument: a limits tuple ``(x, 0, 1)`` or an ordinary factor."""
        start = self.i
        group = self.group(self.advance().text)
        if group.items and self.at(",", ")"):
            return group
        self.i = start
        return self.statement()


def _juxtapose(left: str, right: str) -> str:
    """An implicit product: side by side, with a \\cdot where two numbers would merge."""
    if left[-1:].isdigit() and (right[:1].isdigit() or right[:1] == "."):
        return left + r" \cdot " + right
    return left + " " + right


def _script(base: str) -> str:
    """A base for ^: wrapped in braces when it already carries a script."""
    return "{" + base + "}" if base.endswith("}") and "^" in base else base


def _symbol(name: str) -> str:
    if name in GREEK_NAMES:
        return "\\" + name
    if len(name) == 1:
        return name
    if name[:1].isalpha() and name[1:].isdigit():
        return f"{name[0]}_{{{name[1:]}}}"
    if name.isascii() and name.isalpha():
        return name if len(name) <= 3 else r"\mathrm{" + name + "}"
    if name.isascii() and name.isalnum():
        return r"\mathrm{" + name + "}"
    raise _Unrenderable


#: ASCII vector operations (core/vectors.py), shown by name as written.
_VECTOR_FUNCTIONS = frozenset({"dot", "cross", "norm", "proj", "comp"})

_RELATION_TEX = re.compile(r"[=<>]|\\(?:le|ge|ne|in)(?![A-Za-z])")
#: Unicode signs in LaTeX input, as the commands KaTeX and MathJax typeset everywhere.
_UNICODE_LATEX = {"∈": r"\in ", "∉": r"\notin ", "∪": r"\cup ", "∩": r"\cap ", "≤": r"\le ",
                  "≥": r"\ge ", "≠": r"\ne ", "·": r"\cdot ", "×": r"\times ", "±": r"\pm ",
                  "∞": r"\infty ", "ℤ": r"\mathbb{Z}", "ℝ": r"\mathbb{R}", "ℕ": r"\mathbb{N}",
                  "ℚ": r"\mathbb{Q}", "ℂ": r"\mathbb{C}", "∣": r"\mid ", "≡": r"\equiv ",
                  "≈": r"\approx ", "⟨": r"\langle ", "⟩": r"\rangle ", "−": "-"}
#: Quantity names typed bare inside LaTeX (``\sqrt{Var(X)}``): upright operator names.
_QUANTITY_WORD = re.compile(r"(?<![\\A-Za-z])(?<!operatorname\{)(?<!mathrm\{)(?<!text\{)"
                            r"(Var|Cov|SD|Corr)(?=\s*[(\[])")

#: Probability quantities shown as operators (core/probability.py reads them).
_QUANTITY_HEADS = {"E": "E", "Var": "Var", "Cov": "Cov", "SD": "SD", "Corr": "Corr", "Pr": "P"}


def _function_name(name: str) -> str:
    name = _ALIASES.get(name, name)
    if name in ("O", "o"):  # the Landau symbols, written plain
        return name
    if name in _LATEX_FUNCS:
        return "\\" + name
    if name in ("log10", "log2"):
        return r"\log_{" + name[3:] + "}"
    if name.isascii() and name.isalnum():
        return r"\operatorname{" + name + "}"
    raise _Unrenderable


def _root(name: str, args: list[str]) -> str:
    if name == "cbrt":
        return r"\sqrt[3]{" + args[0] + "}"
    if name == "root" and len(args) == 2:
        return r"\sqrt[" + args[1] + "]{" + args[0] + "}"
    return r"\sqrt{" + args[0] + "}"


def _special_call(name: str, args: list[str], items: list[_Tex]) -> str | None:
    """Notation for the calls that have one: roots, |x|, binomials, calculus."""
    n = len(args)
    bare = [item.bare for item in items]
    if name in ("sqrt", "cbrt") and n == 1 or name == "root" and n == 2:
        return _root(name, bare)
    if name in ("abs", "Abs") and n == 1:
        return r"\left|" + args[0] + r"\right|"
    if name in ("floor", "ceil", "ceiling") and n == 1:
        side = "floor" if name == "floor" else "ceil"
        return rf"\left\l{side} " + args[0] + rf" \right\r{side}"
    if name == "binomial" and n == 2:
        return r"\binom{" + args[0] + "}{" + args[1] + "}"
    if name == "factorial" and n == 1:
        return (args[0] if _is_atom(args[0]) else r"\left(" + args[0] + r"\right)") + "!"
    if name == "log" and n == 2:
        return r"\log_{" + args[1] + r"}\left(" + args[0] + r"\right)"
    if name in ("diff", "Derivative") and n >= 2:
        return _derivative(args, items)
    if name in ("integrate", "Integral") and n == 2:
        limits = items[1].items
        if len(limits) == 3:
            return (r"\int_{" + limits[1] + "}^{" + limits[2] + "} " + args[0]
                    + r" \, d" + limits[0])
        if not items[1].items:
            return r"\int " + args[0] + r" \, d" + args[1]
    if name in ("Sum", "sum", "Product", "product") and n == 2 and len(items[1].items) == 3:
        var, low, high = items[1].items
        big = r"\sum" if name.lower() == "sum" else r"\prod"
        return big + "_{" + var + "=" + low + "}^{" + high + "} " + _grouped(args[0])
    if name in ("limit", "Limit") and n in (3, 4):
        side = ""
        if n == 4:
            side = {"\\text{+}": "^{+}", "\\text{-}": "^{-}"}.get(args[3], "")
        return (r"\lim_{" + args[1] + r" \to " + args[2] + side + "} "
                + _grouped(args[0]))
    return None


def _derivative(args: list[str], items: list[_Tex]) -> str | None:
    body = _grouped(args[0])
    rest = args[1:]
    if len(rest) == 1 and _is_atom(rest[0]):
        return r"\frac{d}{d" + rest[0] + "} " + body
    if len(rest) == 2 and _is_atom(rest[0]) and rest[1].isdigit():
        order = rest[1]
        return r"\frac{d^{" + order + "}}{d" + rest[0] + "^{" + order + "}} " + body
    if len(items) == 2 and len(items[1].items) == 2 and items[1].items[1].isdigit():
        var, order = items[1].items
        return r"\frac{d^{" + order + "}}{d" + var + "^{" + order + "}} " + body
    return None


def _is_atom(tex: str) -> bool:
    return tex.isalnum() or tex.startswith("\\") and tex[1:].isalpha()


def _grouped(tex: str) -> str:
    """A body after \\frac{d}{dx}, \\sum or \\lim: bracketed unless it is one atom."""
    return tex if _is_atom(tex) else r"\left(" + tex + r"\right)"
