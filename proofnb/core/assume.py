"""Read ``assume`` texts and kernel symbols into a :class:`~proofnb.core.env.MathEnv`.

An assumption text is a list separated by commas or ``and``; each item is

* a relation: ``x > 0``, ``0 < x < 1``, ``x != 1``, ``a >= b``;
* a property: ``n integer``, ``x positive``, ``n, m integers``, ``f function``
  (properties: real, complex, integer, rational, natural (0, 1, 2...), positive, negative,
  nonnegative, nonpositive, nonzero, even, odd, prime, function);
* a membership: ``n in Z``, ``x ∈ ℝ``, ``n \\in \\mathbb{N}`` (Z, Q, R, C, N), or of an interval:
  ``x in (0, 1]`` (read by the grammar as ``0 < x <= 1``).

Sign facts become SymPy assumptions on the symbol (``x > 1`` makes ``x`` positive); every
item is also kept, unevaluated, in ``MathEnv.conditions``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import Any

import sympy as sp
from sympy.core.assumptions import _assume_defined

from proofnb.core.env import MathEnv
from proofnb.core.errors import ParseError
from proofnb.core.lexer import CMD, END, NAME, NUM, OP, Token, tokenize
from proofnb.core.model import CheckOptions, SymbolDecl
from proofnb.core.probability import (
    GREEK_NAME,
    QUANTITY_HEAD,
    is_quantity_head,
    without_quantities,
)

from .functions import lone_constant_letters

_PROPERTIES: dict[str, dict[str, bool]] = {
    "real": {"real": True}, "complex": {"complex": True}, "integer": {"integer": True},
    "rational": {"rational": True}, "natural": {"integer": True, "nonnegative": True},
    "positive": {"positive": True}, "negative": {"negative": True},
    "nonnegative": {"nonnegative": True}, "nonpositive": {"nonpositive": True},
    "nonzero": {"nonzero": True}, "even": {"even": True}, "odd": {"odd": True},
    "prime": {"prime": True}, "independent": {},  # A, B independent: core/probability.py
}  # fmt: skip
_SETS = {"Z": "integer", "Q": "rational", "R": "real", "C": "complex", "N": "natural"}
_PLURALS = {"integers": "integer", "reals": "real", "rationals": "rational",
            "naturals": "natural", "functions": "function", "primes": "prime"}  # fmt: skip


def _declares_complex(items: list[tuple[str, list[str], str | None, str]]) -> bool:
    return any(prop is not None and "complex" in prop.split() for _, _, prop, _ in items)


def with_cell_assumptions(options: CheckOptions, assume: Sequence[str]) -> CheckOptions:
    """``options`` with a cell's ``assume`` lines added. A letter declared complex
    (``assume z complex``, ``z \\in \\mathbb{C}``) makes a real-mode cell a complex one, as
    ``--domain complex`` would: i is the imaginary unit and ``\\bar z`` the conjugate, and the
    result says so. A malformed assumption is left for the steps to report."""
    merged = dataclasses.replace(options, assume=(*options.assume, *assume))
    if merged.domain != "real":
        return merged
    try:
        complex_letters = _declares_complex(_all_items(_definitions(merged.assume)[0]))
    except ParseError:
        return merged
    return dataclasses.replace(merged, domain="complex") if complex_letters else merged


def build_env(options: CheckOptions) -> MathEnv:
    """Build the environment of a proof from its options. Raises :class:`ParseError`."""
    from proofnb.core.grammar import SequenceTerms
    from proofnb.core.parser import parse_math

    domain = options.domain
    texts, definitions = _definitions(options.assume)
    facts: dict[str, dict[str, bool]] = {}
    functions: dict[str, Any] = {}
    for decl in options.symbols:
        if not _valid_name(decl.name):
            continue
        if decl.kind == "function":
            functions[decl.name] = sp.Function(decl.name)
        else:
            facts.setdefault(decl.name, {}).update(
                {a: True for a in decl.assumptions if a in _assume_defined}
            )
    for text in options.assume:  # \bar{x} := ... (a value chain): in real mode x̄ is a mean
        mean = _MEAN.match(text)
        if mean is not None and domain == "real":
            facts.setdefault(f"{mean.group(1)}\u0304", {})
    relations: list[tuple[str, str]] = []  # (item text, whole assumption text)
    kinds: list[tuple[str, str]] = []  # (name, property)
    for _name, args, _body, text in definitions:
        if "[" in text.split(":=", 1)[0]:  # a sequence a[n] := ...: its index is natural
            kinds += [(index, "natural") for index in args]
            for index in args:
                facts.setdefault(index, {}).update(_PROPERTIES["natural"])
    items = _all_items(texts)
    if domain == "real" and _declares_complex(items):
        domain = "complex"  # as with_cell_assumptions reports it
    for item, names, prop, text in items:
        if prop is None:
            relations.append((item, text))
        elif prop == "function":
            for name in names:
                functions[name] = sp.Function(name)
        else:
            for name in names:
                for single in prop.split():
                    facts.setdefault(name, {}).update(_PROPERTIES[single])
                    kinds.append((name, single))
    for item, _ in relations:
        # assume E > 0: E is an energy, not e (E(X) = 1.1 is an expectation)
        for name in lone_constant_letters(without_quantities(item)):
            facts.setdefault(name, {})
    provisional = _env(facts, functions, domain, ())
    for item, text in relations:
        statement = parse_math(item, provisional)
        if not isinstance(statement, sp.logic.boolalg.Boolean):
            raise ParseError(text, f"expected an assumption such as x > 0 or n integer, "
                                   f"found {item!r}")
        for part in _conjuncts(statement):
            for name, extra in _sign_facts(part):
                facts.setdefault(name, {}).update(extra)
    env = _env(facts, functions, domain, ())
    # 0 < x < 1 is two conditions: every tier reads single relations.
    conditions: list[Any] = [
        part for item, _ in relations for part in _conjuncts(parse_math(item, env))
    ]
    for name, prop in kinds:
        condition = _condition(env.symbols[name], prop)
        if condition is not None:
            conditions.append(condition)
    functions = dict(env.functions)
    for name, args, body, text in _in_dependency_order(definitions):
        # A sequence a[n] := ...: its terms are a_n, a_{n+1}; a alone stays a letter.
        sequence = "[" in text.split(":=", 1)[0]
        # After the assumptions: the body's other letters are the steps' (a > 0). A
        # function's own variables are plain: under assume x > 0, f(x) = sqrt(x^2) must
        # not become x before f(-2) is asked for. A sequence's index is a whole number.
        symbols = dict(env.symbols)
        if not sequence:
            symbols.update({a: sp.Symbol(a, **({"real": True} if domain == "real"
                                               else {"complex": True})) for a in args})
        known = MathEnv(symbols, functions, (), domain)
        variables = [parse_math(a, known) for a in args]
        value = parse_math(body, known)
        if not isinstance(value, sp.Expr):
            raise ParseError(text, f"{name}({', '.join(args)}) must be defined by an "
                                   f"expression, found {body!r}")
        functions[name] = (SequenceTerms if sequence else sp.Lambda)(tuple(variables), value)
    return MathEnv(env.symbols, functions, tuple(conditions), domain)


Definition = tuple[str, list[str], str, str]  # (name, variables, body text, whole text)


def _in_dependency_order(definitions: list[Definition]) -> list[Definition]:
    """The definitions, each after those its body uses (``f(x) = g(x) + 1`` may come
    before ``g(x) = 2x``). Raises :class:`ParseError` when some define each other."""
    ordered: list[Definition] = []
    pending = list(definitions)
    while pending:
        waiting = {d[0] for d in pending}
        ready = [d for d in pending if not _uses(d[2], waiting - {d[0]})]
        if not ready:
            names = " and ".join(sorted(waiting))
            raise ParseError(pending[0][3], f"{names} are defined in terms of each other: "
                                            "define one of them by a formula")
        ordered += ready
        pending = [d for d in pending if d not in ready]
    return ordered


def _uses(body: str, names: set[str]) -> bool:
    """Does ``body`` apply one of ``names`` (``g(``, ``g'``, ``g^{\\prime}``, ``a_``)?"""
    return any(re.search(rf"(?<![A-Za-z_\\]){name}\s*(?:'|\(|_|\^\s*\{{?\s*\\prime)", body)
               for name in names)


#: ``P := 1000(1.05)^{10}`` (from a chain that starts by naming a number).
_VALUE = re.compile(
    rf"^\s*([A-Za-z](?:_\{{?[A-Za-z0-9]+\}}?)?|{GREEK_NAME}|{QUANTITY_HEAD}"
    r"|\\Delta(?![A-Za-z])|Δ)\s*:=")  # the discriminant, \Delta = 16 - 12 = 4 (round 57)
#: ``\bar{x} := (2 + 4 + 9)/3``: a value chain that names a mean.
_MEAN = re.compile(r"\s*\\(?:bar|overline)\s*\{\s*([A-Za-z])\s*\}\s*:=")
#: ``f(x) := x^2 + 1`` (from a line ``f(x) = x^2 + 1`` that starts a chain).
_DEFINITION = re.compile(r"\s*([A-Za-z](?:_[A-Za-z0-9]+)?)\s*[(\[]([^()\[\]]*)[)\]]\s*:=(.+)$",
                         re.DOTALL)


#: ``assume f(x, y) = x^2 y``: a definition written with ``=`` (a function letter applied to
#: distinct letters, one relation, no list after it). Read otherwise, f(x) would be the
#: product f·x, proved or refuted as algebra in a letter f.
_EQUALS_DEFINITION = re.compile(
    r"\s*(?P<name>[fghFGHuvw])\s*\(\s*(?P<args>[a-z](?:\s*,\s*[a-z])*)\s*\)\s*=(?![=>])"
    r"(?P<body>[^=<>≤≥≠,;]+)$")


def _as_definition(text: str) -> str:
    """``f(x, y) = x^2 y`` as the definition ``f(x, y) := x^2 y``; other texts unchanged."""
    match = _EQUALS_DEFINITION.match(text)
    if match is None or re.search(r"(?<![A-Za-z])and(?![A-Za-z])", match["body"]):
        return text
    args = [a.strip() for a in match["args"].split(",")]
    if match["name"] in args or len(set(args)) != len(args):
        return text
    return f"{match['name']}({', '.join(args)}) := {match['body'].strip()}"


def _definitions(texts: tuple[str, ...]) -> tuple[tuple[str, ...], list[Definition]]:
    """The assumption texts without definitions, and the definitions in order as
    (name, argument names, body text, whole text)."""
    texts = tuple(_as_definition(text) for text in texts)
    rest: list[str] = []
    found: list[Definition] = []
    for text in texts:
        match = None if is_quantity_head(text.split(":=", 1)[0]) else _DEFINITION.match(text)
        if match is None:  # P := 1000(1.05)^{10}, a value the cell gave P: P = ...
            rest.append(_VALUE.sub(r"\1 = ", text, count=1))
            continue
        args = [a.strip() for a in match.group(2).split(",")]
        if not all(_valid_name(a) for a in args):
            raise ParseError(text, "a definition names its variables: f(x) := x^2 + 1")
        found.append((match.group(1), args, match.group(3).strip(), text))
    return tuple(rest), found


def defined_names(texts: Iterable[str]) -> frozenset[str]:
    """The function letters that assumption texts define (``f(x) := x^2``, ``f(x) = x^2``;
    not sequences ``a[n] := ...``)."""
    found: set[str] = set()
    for text in texts:
        try:
            _rest, definitions = _definitions((text,))
        except ParseError:
            continue
        found |= {name for name, _args, _body, whole in definitions
                  if "[" not in whole.split(":=", 1)[0]}
    return frozenset(found)


def function_names(texts: Iterable[str], symbols: Iterable[SymbolDecl] = ()) -> frozenset[str]:
    """The names declared unknown functions (``f function``, or a kernel's
    ``sympy.Function``) or defined by an assumption (``f(x) := x^2``): a cell's
    ``f(x) = ...`` is then a claim about f, not its definition (under assume f(x) = x^2, a line
    f(x) = x^3 redefined f, and f(2) = 8 was proved)."""
    texts = tuple(texts)
    names = {decl.name for decl in symbols if decl.kind == "function"} | defined_names(texts)
    plain = tuple(text for text in map(_as_definition, texts)
                  if not _DEFINITION.match(text) and not _VALUE.match(text))
    try:  # together: --assume "f, g functions" arrives as "f" and "g functions"
        items = _all_items(plain)
    except ParseError:  # reported where the assumptions are read; take what can be read
        items = []
        for text in plain:
            try:
                items += _all_items((text,))
            except ParseError:
                continue
    names |= {n for _item, found, prop, _text in items if prop == "function" for n in found}
    return frozenset(names)


def declarations(
    texts: tuple[str, ...], parameters: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], int]:
    """The items of ``texts`` that only say what a name is (``f function``, and ``k integer``
    for the integer parameters in ``parameters``: ``x = pi/4 + k pi, k ∈ ℤ``), and how many
    other items there are. Without those declarations the text means something else, so the
    check of whether a step needs its assumptions keeps them."""
    plain, definitions = _definitions(tuple(t for t in texts if not _VALUE.match(t)))
    kept: list[str] = [text for *_, text in definitions]  # f(x) := ... says what f is
    kept += [text for text in texts if _VALUE.match(text)]  # P := 1628.89... names P
    dropped = 0
    for _item, names, prop, _text in _all_items(plain):
        if prop == "function" or (prop == "integer" and set(names) <= parameters):
            kept.append(f"{', '.join(names)} {prop}")
        else:
            dropped += 1
    return tuple(kept), dropped


def _conjuncts(statement: Any) -> tuple[Any, ...]:
    if isinstance(statement, sp.And):
        return tuple(p for arg in statement.args for p in _conjuncts(arg))
    return (statement,)


def _env(facts: dict[str, dict[str, bool]], functions: dict[str, Any], domain: str,
         conditions: tuple[Any, ...]) -> MathEnv:
    symbols: dict[str, Any] = {}
    for name, assumptions in facts.items():
        merged = dict(assumptions)
        if domain == "real" and "complex" not in merged:
            merged.setdefault("real", True)
        elif not merged:
            merged["complex"] = True
        try:
            symbols[name] = sp.Symbol(name, **merged)
        except Exception as exc:  # InconsistentAssumptions and friends
            wanted = ", ".join(sorted(k for k, v in merged.items() if v))
            raise ParseError(name, f"the assumptions about {name} contradict each other "
                                   f"({wanted})") from exc
    return MathEnv(symbols, functions, conditions, domain)


def _all_items(texts: tuple[str, ...]) -> list[tuple[str, list[str], str | None, str]]:
    """The items of every assumption text, in order, each with the text it came from.

    Names waiting for their property or relation carry over to the next text: ``--assume``
    options are split at commas before they get here (``x, y > 0`` arrives as ``x`` and
    ``y > 0``)."""
    result: list[tuple[str, list[str], str | None, str]] = []
    pending: list[str] = []
    last = ""
    for text in texts:
        items, pending = _items(text, pending)
        result.extend((item, names, prop, text) for item, names, prop in items)
        last = text
    if pending:
        raise ParseError(last, f"expected a property after {pending[-1]!r} (e.g. {pending[-1]} "
                               "integer) or a relation (e.g. x > 0)")
    return result


def _items(text: str, pending: list[str]) -> tuple[list[tuple[str, list[str], str | None]],
                                                   list[str]]:
    """Split an assumption text into (item text, names, property or None for a relation),
    given the names still ``pending`` from before; returns the names pending at its end.

    A list of names before one property or relation shares it: ``n, m integer``,
    ``x, y > 0`` (``x > 0`` and ``y > 0``), ``a, b \\in (0, 1)``."""
    tokens = tokenize(text)
    result: list[tuple[str, list[str], str | None]] = []
    pending = list(pending)
    depth = 0
    chunk: list[Token] = []
    for tok in tokens:
        if tok.kind == OP and tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.kind == OP and tok.text in (")", "]", "}"):
            depth -= 1
        if tok.kind == END or (depth == 0 and tok.kind == OP and tok.text in (",", "and")):
            if not chunk:
                raise ParseError(text, "expected an assumption such as x > 0 or n integer", 0,
                                 tok.pos + 1)
            item = text[chunk[0].pos : tok.pos].strip()
            bounded = _bounded_declaration(chunk, text)
            if bounded is not None:  # n >= 1 integer: the bound, and n integer
                result.extend(bounded)
                chunk = []
                continue
            names, prop = _declaration(chunk, text)
            if prop is None and names:
                pending.extend(names)  # "n, m integer": n waits for its property
            elif prop is None:
                if pending:
                    shared = _shared_relation(chunk, text, tok.pos)
                    if shared is None:
                        raise ParseError(text, f"expected a property after {pending[-1]!r} "
                                               "(e.g. n integer) or one relation for all the "
                                               "names (e.g. x, y > 0)")
                    result.extend((f"{name} {shared}", [], None) for name in pending)
                    pending = []
                result.append((item, [], None))
            else:
                result.append((item, pending + names, prop))
                pending = []
            chunk = []
            continue
        chunk.append(tok)
    return result, pending


_ORDERS = ("<", "<=", ">", ">=")


def _bounded_declaration(chunk: list[Token], text: str
                         ) -> list[tuple[str, list[str], str | None]] | None:
    """``n >= 1 integer`` (``0 <= k <= 5 natural``): a bound on one name followed by its
    properties, read as the bound and ``n integer`` (was 'unknown name integer')."""
    props = _trailing_properties(chunk)
    if not props or "function" in props or len(props) >= len(chunk):
        return None
    bound = chunk[: len(chunk) - len(props)]
    if not any(t.kind == OP and t.text in _ORDERS for t in bound):
        return None
    names = {t.text for t in bound if t.kind == NAME}
    if len(names) != 1 or not _valid_name(next(iter(names))) or names & {"pi", "e", "oo", "in"}:
        return None
    name = next(iter(names))
    relation = text[bound[0].pos : chunk[len(bound)].pos].strip()
    return [(relation, [], None), (f"{name} {' '.join(props)}", [name], " ".join(props))]


def _shared_relation(chunk: list[Token], text: str, end: int) -> str | None:
    """``y > 0`` after ``x,``: the relation ``> 0`` that ``x`` shares (None unless the item
    is one name and then a relation)."""
    unit = _name_unit(chunk, 0)
    if unit is None or unit[1] >= len(chunk):
        return None
    op = chunk[unit[1]]
    if op.text not in ("<", "<=", ">", ">=", "!=", "=", "==", "in") or op.kind not in (OP, NAME):
        return None
    return text[op.pos : end].strip()


def _name_units(tokens: list[Token]) -> list[str] | None:
    """``x y_1 z`` as names, or None when the tokens are not only names."""
    names: list[str] = []
    i = 0
    while i < len(tokens):
        unit = _name_unit(tokens, i)
        if unit is None:
            return None
        names.append(unit[0])
        i = unit[1]
    return names


def _name_unit(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The name at ``tokens[i]`` (``x``, ``x_1``, ``a_{n}``) and the index after it."""
    if i >= len(tokens) or tokens[i].kind != NAME or tokens[i].text == "in":
        return None
    name = tokens[i].text
    if not _valid_name(name):
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].kind == OP and tokens[j].text == "_":
        k = j + 1
        braced = k < len(tokens) and tokens[k].kind == OP and tokens[k].text == "{"
        if braced:
            k += 1
        if not (k < len(tokens) and tokens[k].kind in (NAME, NUM) and tokens[k].text.isalnum()):
            return None
        name, j = f"{name}_{tokens[k].text}", k + 1
        if braced:
            if not (j < len(tokens) and tokens[j].kind == OP and tokens[j].text == "}"):
                return None
            j += 1
    return name, j


def _declaration(chunk: list[Token], text: str) -> tuple[list[str], str | None]:
    """``n integer`` -> (["n"], "integer"); ``n`` -> (["n"], None); a relation -> ([], None)."""
    words = [t for t in chunk if not (t.kind == CMD and t.text == "mathbb")
             and not (t.kind == OP and t.text in ("{", "}"))]
    props = _trailing_properties(words)
    if props and len(props) == len(words):
        raise ParseError(text, f"expected the name that is {' '.join(props)}, e.g. "
                               f"n {' '.join(props)}", 0, words[0].pos + 1)
    names = _name_units(words[: len(words) - len(props)]) if props else None
    if names and not any(_PLURALS.get(n, n) in _PROPERTIES for n in names):
        if len(props) == 1 or "function" not in props:
            return names, " ".join(props)  # n positive integer: both properties
    alone = _name_units(words)
    if alone is not None and len(alone) == 1:
        return alone, None  # x (or x_1): waits for what follows
    if all(t.kind == NAME and t.text != "in" for t in words):
        if len(words) >= 2:
            raise ParseError(text, f"unknown property {words[-1].text!r}; expected one of "
                                   + ", ".join([*_PROPERTIES, "function"]), 0,
                             words[-1].pos + 1)
    ins = [i for i, t in enumerate(words) if t.kind in (OP, NAME) and t.text == "in"]
    if ins:
        i = ins[0]
        members = _name_units(words[:i])
        target = words[i + 1 :]
        if target and target[0].text in ("(", "["):
            return [], None  # x in (0, 1]: the grammar reads it as the interval's relations
        if members and len(target) == 1 and target[0].text in _SETS:
            return members, _SETS[target[0].text]
        raise ParseError(text, "expected 'name in Z' (or Q, R, C, N)", 0, words[i].pos + 1)
    return [], None


def _trailing_properties(words: list[Token]) -> list[str]:
    """The property words that end ``words`` (``positive integer`` in ``n positive
    integer``), in order; a property word is never read as a name."""
    props: list[str] = []
    for tok in reversed(words):
        word = _PLURALS.get(tok.text, tok.text)
        if tok.kind != NAME or not (word in _PROPERTIES or word == "function"):
            break
        props.insert(0, word)
    return props


def _sign_facts(statement: Any) -> list[tuple[str, dict[str, bool]]]:
    facts: list[tuple[str, dict[str, bool]]] = []
    parts = statement.args if isinstance(statement, sp.And) else (statement,)
    for rel in parts:
        if not isinstance(rel, sp.core.relational.Relational):
            continue
        lhs, rhs, op = rel.lhs, rel.rhs, rel.rel_op
        if isinstance(rhs, sp.Symbol) and lhs.is_number:
            lhs, rhs = rhs, lhs
            op = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(op, op)
        if not (isinstance(lhs, sp.Symbol) and rhs.is_number and rhs.is_extended_real):
            continue
        fact: dict[str, bool] = {}
        if op == ">" and rhs >= 0 or op == ">=" and rhs > 0:
            fact = {"positive": True}
        elif op == ">=" and rhs == 0:
            fact = {"nonnegative": True}
        elif op == "<" and rhs <= 0 or op == "<=" and rhs < 0:
            fact = {"negative": True}
        elif op == "<=" and rhs == 0:
            fact = {"nonpositive": True}
        elif op == "!=" and rhs == 0:
            fact = {"nonzero": True}
        if fact:
            facts.append((lhs.name, fact))
    return facts


def _condition(symbol: Any, prop: str) -> Any:
    sets = {"integer": sp.S.Integers, "rational": sp.S.Rationals, "real": sp.S.Reals,
            "natural": sp.S.Naturals0}  # fmt: skip
    if prop in sets:
        return sp.Contains(symbol, sets[prop], evaluate=False)
    relations = {"positive": sp.Gt, "negative": sp.Lt, "nonnegative": sp.Ge,
                 "nonpositive": sp.Le, "nonzero": sp.Ne}  # fmt: skip
    if prop in relations:
        return relations[prop](symbol, 0, evaluate=False)
    if prop in ("even", "odd"):
        return sp.Eq(sp.Mod(symbol, 2), 0 if prop == "even" else 1, evaluate=False)
    return None


def _valid_name(name: str) -> bool:
    head, _, tail = name.partition("_")
    return head.isalpha() and head.isidentifier() and (not tail or tail.isalnum())
