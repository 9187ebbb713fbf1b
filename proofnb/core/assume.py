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

from typing import Any

import sympy as sp
from sympy.core.assumptions import _assume_defined

from proofnb.core.env import MathEnv
from proofnb.core.errors import ParseError
from proofnb.core.lexer import CMD, END, NAME, OP, Token, tokenize
from proofnb.core.model import CheckOptions

_PROPERTIES: dict[str, dict[str, bool]] = {
    "real": {"real": True}, "complex": {"complex": True}, "integer": {"integer": True},
    "rational": {"rational": True}, "natural": {"integer": True, "nonnegative": True},
    "positive": {"positive": True}, "negative": {"negative": True},
    "nonnegative": {"nonnegative": True}, "nonpositive": {"nonpositive": True},
    "nonzero": {"nonzero": True}, "even": {"even": True}, "odd": {"odd": True},
    "prime": {"prime": True},
}  # fmt: skip
_SETS = {"Z": "integer", "Q": "rational", "R": "real", "C": "complex", "N": "natural"}
_PLURALS = {"integers": "integer", "reals": "real", "rationals": "rational",
            "naturals": "natural", "functions": "function", "primes": "prime"}  # fmt: skip


def build_env(options: CheckOptions) -> MathEnv:
    """Build the environment of a proof from its options. Raises :class:`ParseError`."""
    from proofnb.core.parser import parse_math

    domain = options.domain
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
    relations: list[tuple[str, str]] = []  # (item text, whole assumption text)
    kinds: list[tuple[str, str]] = []  # (name, property)
    for text in options.assume:
        for item, names, prop in _items(text):
            if prop is None:
                relations.append((item, text))
            elif prop == "function":
                for name in names:
                    functions[name] = sp.Function(name)
            else:
                for name in names:
                    facts.setdefault(name, {}).update(_PROPERTIES[prop])
                    kinds.append((name, prop))
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
    return MathEnv(env.symbols, env.functions, tuple(conditions), domain)


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


def _items(text: str) -> list[tuple[str, list[str], str | None]]:
    """Split an assumption text into (item text, names, property or None for a relation)."""
    tokens = tokenize(text)
    result: list[tuple[str, list[str], str | None]] = []
    pending: list[str] = []
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
            names, prop = _declaration(chunk, text)
            if prop is None and names:
                pending.extend(names)  # "n, m integer": n waits for its property
            elif prop is None:
                if pending:
                    raise ParseError(text, f"expected a property after {pending[-1]!r} "
                                           "(e.g. n integer)")
                result.append((item, [], None))
            else:
                result.append((item, pending + names, prop))
                pending = []
            chunk = []
            continue
        chunk.append(tok)
    if pending:
        raise ParseError(text, f"expected a property after {pending[-1]!r} (e.g. {pending[-1]} "
                               "integer) or a relation (e.g. x > 0)")
    return result


def _declaration(chunk: list[Token], text: str) -> tuple[list[str], str | None]:
    """``n integer`` -> (["n"], "integer"); ``n`` -> (["n"], None); a relation -> ([], None)."""
    words = [t for t in chunk if not (t.kind == CMD and t.text == "mathbb")
             and not (t.kind == OP and t.text in ("{", "}"))]
    if all(t.kind == NAME and t.text != "in" for t in words):
        last = _PLURALS.get(words[-1].text, words[-1].text)
        if len(words) >= 2 and (last in _PROPERTIES or last == "function"):
            return [t.text for t in words[:-1]], last
        if len(words) == 1 and _valid_name(words[0].text):
            return [words[0].text], None
        if len(words) >= 2:
            raise ParseError(text, f"unknown property {words[-1].text!r}; expected one of "
                                   + ", ".join([*_PROPERTIES, "function"]), 0,
                             words[-1].pos + 1)
    ins = [i for i, t in enumerate(words) if t.kind in (OP, NAME) and t.text == "in"]
    if ins:
        i = ins[0]
        names = words[:i]
        target = words[i + 1 :]
        if target and target[0].text in ("(", "["):
            return [], None  # x in (0, 1]: the grammar reads it as the interval's relations
        if (names and all(t.kind == NAME for t in names) and len(target) == 1
                and target[0].text in _SETS):
            return [t.text for t in names], _SETS[target[0].text]
        raise ParseError(text, "expected 'name in Z' (or Q, R, C, N)", 0, words[i].pos + 1)
    return [], None


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
