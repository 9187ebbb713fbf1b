"""What a notebook's own code binds before each ``%%verify`` cell, read without running it.

In a kernel, ``%%verify`` honours names the user bound to SymPy objects
(``x = sympy.Symbol('x', positive=True)``, ``f = sympy.Function('f')``) and the defaults set
by ``%proofnb domain=complex``. ``proofnb check`` runs no user code, so it reads the code
cells statically, in order, as *Run All* would execute them: assignments whose value is a
call of ``Symbol``/``symbols``/``Function``/``var`` with literal arguments are rebuilt with
SymPy (those constructors parse their name strings themselves; nothing is evaluated), other
assignments unbind the name, ``del`` unbinds it. A name bound by code this reader cannot
follow (``x = make_symbol()``) is reported as a note on every proof that uses it, so a
verdict that may differ from the kernel's never passes silently.

:func:`symbol_decls` turns a namespace into ``SymbolDecl`` values; the kernel magic uses the
same function, so both adapters give the same names the same meaning.
"""

from __future__ import annotations

import ast
import re
import shlex
import textwrap
from dataclasses import dataclass, field
from typing import Any

from ..core.model import SymbolDecl
from ..core.namespace import symbol_decls

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: SymPy constructors whose literal calls are rebuilt.
_CONSTRUCTORS = frozenset({"Symbol", "symbols", "Function", "var", "Dummy"})
#: ``%proofnb NAME=VALUE`` settings that change how later cells are checked.
SETTINGS = ("domain", "timeout", "seed", "save")


@dataclass(frozen=True, slots=True)
class Opaque:
    """A name bound by code the static reader does not follow."""

    cell: int
    code: str


@dataclass
class NotebookScope:
    """Names and ``%proofnb`` settings in force after the code cells fed so far."""

    namespace: dict[str, Any] = field(default_factory=dict)
    opaque: dict[str, Opaque] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)

    def feed(self, cell: int, source: str) -> None:
        """Take in one code cell (not a ``%%verify`` cell) as the kernel would run it."""
        lines = textwrap.dedent(source).splitlines()
        if lines and lines[0].lstrip().startswith("%%"):
            return  # another cell magic: its body is not Python run in this namespace
        python = []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("%"):
                self._line_magic(stripped)
                python.append("")
            elif stripped.startswith("!"):
                python.append("")
            else:
                python.append(line)
        try:
            tree = ast.parse("\n".join(python))
        except SyntaxError:
            return  # the kernel fails on this cell too; nbval reports it
        for node in tree.body:
            self._statement(cell, node, source)

    def decls_for(self, text: str) -> tuple[tuple[SymbolDecl, ...], tuple[str, ...]]:
        """SymbolDecls for the names in ``text``, and notes on names this reader cannot see."""
        decls = symbol_decls(text, self.namespace)
        notes = []
        for name in sorted(set(_IDENTIFIER.findall(text))):
            where = self.opaque.get(name)
            if where is not None:
                notes.append(
                    f"{name!r} is bound in cell {where.cell} by code that proofnb check does"
                    f" not run ({where.code}); it is checked here as a plain variable, the"
                    " kernel may give it other assumptions"
                )
        return decls, tuple(notes)

    # -- statements ------------------------------------------------------------------

    def _line_magic(self, line: str) -> None:
        word, _, rest = line.partition(" ")
        if word != "%proofnb":
            return
        try:
            words = shlex.split(rest)
        except ValueError:
            return
        for item in words:
            name, sep, value = item.partition("=")
            if sep and name in SETTINGS:
                self.settings[name] = value

    def _statement(self, cell: int, node: ast.stmt, source: str) -> None:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self._assign(cell, target, node.value, source)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            value = node.value if isinstance(node, ast.AnnAssign) else None
            self._assign(cell, node.target, value, source)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                for name in _names(target):
                    self._unbind(name)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            if _constructor(node.value) == "var":  # var('x y') binds names itself
                made = _rebuild(node.value)
                for value in made if isinstance(made, tuple) else (made,):
                    if value is not None and hasattr(value, "name"):
                        self._bind(str(value.name), value)
        elif isinstance(node, ast.ImportFrom):
            self._import(cell, node, source)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                self._unbind((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            self._unbind(node.name)  # a Python function or class, never a SymPy object
        else:
            # for/with/def/class/if...: names bound inside are not followed
            for name in _bound_anywhere(node):
                self._opaque(cell, name, node, source)

    def _import(self, cell: int, node: ast.ImportFrom, source: str) -> None:
        if node.module == "sympy.abc":
            import sympy.abc

            for alias in node.names:
                if alias.name == "*":
                    for name in dir(sympy.abc):
                        if not name.startswith("_"):
                            self._bind(name, getattr(sympy.abc, name))
                    continue
                self._bind(alias.asname or alias.name, getattr(sympy.abc, alias.name, None))
            return
        for alias in node.names:
            if alias.name == "*":
                continue  # `from sympy import *` binds no symbol names (only functions)
            self._unbind(alias.asname or alias.name)

    def _assign(self, cell: int, target: ast.expr, value: ast.expr | None, source: str) -> None:
        made = _rebuild(value) if isinstance(value, ast.Call) else None
        if made is not None:
            self._assign_value(cell, target, made, value, source)
            return
        if isinstance(value, ast.Name) and isinstance(target, ast.Name):
            if value.id in self.namespace:  # y = x: the same object
                self._bind(target.id, self.namespace[value.id])
            elif value.id in self.opaque:
                self.opaque[target.id] = self.opaque[value.id]
                self.namespace.pop(target.id, None)
            else:
                self._unbind(target.id)
            return
        for name in _names(target):
            if value is None or _plainly_not_a_symbol(value):
                self._unbind(name)
            else:
                self._opaque(cell, name, value, source)

    def _assign_value(
        self, cell: int, target: ast.expr, made: Any, node: ast.expr | None, source: str
    ) -> None:
        if isinstance(target, ast.Tuple | ast.List):
            items = list(made) if isinstance(made, tuple | list) else None
            if items is None or len(items) != len(target.elts):
                for name in _names(target):
                    self._opaque(cell, name, node, source)
                return
            for element, item in zip(target.elts, items, strict=True):
                self._assign_value(cell, element, item, node, source)
        elif isinstance(target, ast.Name):
            self._bind(target.id, made)
        # attribute / subscript targets bind no name

    def _bind(self, name: str, value: Any) -> None:
        self.opaque.pop(name, None)
        if value is None:
            self.namespace.pop(name, None)
        else:
            self.namespace[name] = value

    def _unbind(self, name: str) -> None:
        self.namespace.pop(name, None)
        self.opaque.pop(name, None)

    def _opaque(self, cell: int, name: str, node: ast.AST | None, source: str) -> None:
        self.namespace.pop(name, None)
        code = ""
        if node is not None:
            code = (ast.get_source_segment(textwrap.dedent(source), node) or "").strip()
        first = code.splitlines()[0] if code else "code"
        self.opaque[name] = Opaque(cell, first if len(first) <= 60 else first[:57] + "...")


def _constructor(call: ast.Call) -> str | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(
        func, ast.Attribute) else None
    return name if name in _CONSTRUCTORS else None


def _rebuild(call: ast.Call | None) -> Any:
    """The SymPy object(s) a literal constructor call makes, or ``None`` if not one."""
    if call is None:
        return None
    kind = _constructor(call)
    if kind is None:
        return None
    try:
        args = [ast.literal_eval(arg) for arg in call.args]
        kwargs: dict[str, Any] = {}
        for keyword in call.keywords:
            if keyword.arg is None:
                return None
            if keyword.arg == "cls":
                cls = keyword.value
                cls_name = cls.id if isinstance(cls, ast.Name) else getattr(cls, "attr", "")
                if cls_name not in ("Symbol", "Function", "Dummy"):
                    return None
                kwargs["cls"] = cls_name
                continue
            kwargs[keyword.arg] = ast.literal_eval(keyword.value)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return None
    if not args or not isinstance(args[0], str) or len(args) > 1:
        return None
    if not all(isinstance(v, bool | int | str) for v in kwargs.values()):
        return None
    import sympy

    if "cls" in kwargs:
        kwargs["cls"] = getattr(sympy, kwargs["cls"])
    maker = {"Symbol": sympy.Symbol, "Dummy": sympy.Dummy, "Function": sympy.Function,
             "symbols": sympy.symbols, "var": sympy.symbols}[kind]
    try:
        return maker(args[0], **kwargs)
    except Exception:  # a bad assumption name: the kernel raises, we bind nothing
        return None


def _names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [name for element in target.elts for name in _names(element)]
    if isinstance(target, ast.Starred):
        return _names(target.value)
    return []


def _bound_anywhere(node: ast.stmt) -> list[str]:
    names = []
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
            names.append(child.id)
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(child.name)
    return names


def _plainly_not_a_symbol(value: ast.expr) -> bool:
    """True for values that can never be a SymPy Symbol or Function (literals, arithmetic)."""
    if isinstance(value, ast.Constant | ast.JoinedStr | ast.List | ast.Tuple | ast.Dict
                  | ast.Set | ast.ListComp | ast.DictComp | ast.SetComp | ast.GeneratorExp
                  | ast.Lambda | ast.Compare | ast.BinOp | ast.UnaryOp | ast.BoolOp):
        return True
    return False
