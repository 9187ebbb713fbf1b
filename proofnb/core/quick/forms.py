"""Rational normal forms over opaque atoms: identities proved without SymPy.

Every call and every power with a non-constant or fractional exponent becomes an *atom*, an
independent variable named by its kind and the normal form of its argument (``sin(2x)`` and
``sin(x*2)`` are one atom). A side becomes a quotient of two expanded polynomials in the
letters and the atoms. Two sides whose cross products expand alike are equal wherever both
are defined: they are equal for *any* values of the atoms, so also for the true ones
(``2x sin(x) + x^2 cos(x) = x(2 sin(x) + x cos(x))``, ``1/x + 1/y = (x + y)/(x y)``).
Two kinds of atoms are opened up first: sin and cos of sums of integer multiples of letters,
multiples of pi/2 and rationals become polynomials in sin and cos of the letters, compared
modulo sin^2 + cos^2 = 1 (``sin(2x) = 2 sin(x) cos(x)``); exp and e^ of such sums become
products of powers of exp of each letter (``exp(a + b) = exp(a) exp(b)``).

Where each side is defined is tracked as the set of its *restrictions* (a denominator that
must not vanish, the argument of a square root, a logarithm or a tangent...). Callers only
conclude when the sides' restrictions are the same set (then they are defined at the same
points, and the full checker would add no domain note), or differ only in denominators whose
holes :mod:`.holes` writes as notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from math import comb

from .polynomials import NotPolynomial, Polynomial, add_into, power_of, times
from .syntax import Call, Const, Derivative, Neg, Node, Num, Power, Product, Quotient, Sum, Var

ONE: Polynomial = {(): Fraction(1)}

#: Calls defined for every real argument; the others restrict where a side is defined.
_ENTIRE = frozenset({"sin", "cos", "exp", "abs"})


@dataclass(slots=True)
class Form:
    """``numerator / denominator``, both expanded, never cancelled."""

    numerator: Polynomial
    denominator: Polynomial = field(default_factory=lambda: dict(ONE))


@dataclass(slots=True)
class Reader:
    """Normal forms of the trees of one step, with the restrictions each one met."""

    restrictions: set[str] = field(default_factory=set)
    #: The denominators' factors that must not vanish, by their restriction's name.
    nonzero: dict[str, Polynomial] = field(default_factory=dict)
    #: Whether sin/cos of a sum were expanded (the proof is then trigonometric).
    trigonometric: bool = False

    def form(self, node: Node) -> Form:
        """The normal form of ``node`` (:class:`NotPolynomial` when too big)."""
        match node:
            case Num(c):
                return Form({(): c} if c else {})
            case Var(name):
                return Form({((name, 1),): Fraction(1)})
            case Const(name):
                return Form({((f"@{name}", 1),): Fraction(1)})
            case Sum(terms):
                total = Form({})
                for term in terms:
                    total = _add(total, self.form(term))
                return total
            case Product(factors):
                product = Form(dict(ONE))
                for factor in factors:
                    f = self.form(factor)
                    product = Form(times(product.numerator, f.numerator),
                                   times(product.denominator, f.denominator))
                return product
            case Neg(operand):
                f = self.form(operand)
                return Form({m: -c for m, c in f.numerator.items()}, f.denominator)
            case Quotient(top, bottom):
                a, b = self.form(top), self.form(bottom)
                if not b.numerator:
                    raise NotPolynomial  # a zero denominator: the full checker says so
                self._nonzero(bottom)
                return Form(times(a.numerator, b.denominator),
                            times(a.denominator, b.numerator))
            case Power(base, exponent):
                return self.power(base, exponent)
            case Call(name, argument):
                arg = self.form(argument)
                if name not in _ENTIRE and not _constant(arg.numerator):
                    self.restrictions.add(f"{name} {key(arg)}")
                expanded = _expanded_call(name, arg)
                if expanded is None:
                    return _atom(f"{name}({key(arg)})")
                self.trigonometric |= name != "exp" and not isinstance(argument, Var)
                return expanded
            case Derivative(body=body, value=tree):
                if self._restricted(body):
                    raise NotPolynomial  # where d/dx sqrt(x) is defined is the full checker's
                return self.form(tree)
        raise NotPolynomial

    def _nonzero(self, node: Node) -> None:
        """Record that the denominator ``node`` must not vanish, factor by factor, so that
        ``1/(x(x + 1))`` and ``1/x - 1/(x + 1)`` (or ``x^-2`` and ``1/x^2``) need the same."""
        match node:
            case Product(factors):
                for factor in factors:
                    self._nonzero(factor)
                return
            case Neg(operand):
                self._nonzero(operand)
                return
            case Power(base, Num(k)) if k.denominator == 1 and k > 0:
                self._nonzero(base)
                return
            case Call("exp", _) | Power(Const("e"), _):
                return  # never zero
        numerator = Reader().form(node).numerator
        if _constant(numerator):
            return
        lead = numerator[max(numerator)]
        monic = {m: c / lead for m, c in numerator.items()}
        name = f"≠0 {_text(monic)}"
        self.restrictions.add(name)
        self.nonzero[name] = monic

    @staticmethod
    def _restricted(node: Node) -> bool:
        reader = Reader()
        reader.form(node)
        return bool(reader.restrictions)

    def power(self, base_node: Node, exponent_node: Node) -> Form:
        base, exponent = self.form(base_node), self.form(exponent_node)
        n = _constant(exponent.numerator) if _constant(exponent.denominator) else None
        if n is not None and exponent.denominator == ONE and n.denominator == 1:
            k = int(n)
            if k >= 0:
                return Form(power_of(base.numerator, k), power_of(base.denominator, k))
            if not base.numerator:
                raise NotPolynomial
            self._nonzero(base_node)
            return Form(power_of(base.denominator, -k), power_of(base.numerator, -k))
        if base_node == Const("e"):
            expanded = _expanded_call("exp", exponent)  # e^(x + 1) is exp(x + 1)
            return expanded if expanded is not None else _atom(f"exp({key(exponent)})")
        if not (_constant(base.numerator) and _constant(base.denominator)):
            self.restrictions.add(f"^ {key(base)}")  # x^(1/3), x^x: the base's sign matters
        return _atom(f"({key(base)})^({key(exponent)})")


def _atom(name: str) -> Form:
    return Form({((name, 1),): Fraction(1)})


def _constant(p: Polynomial) -> Fraction | None:
    """The value of a constant polynomial, else ``None``."""
    if not p:
        return Fraction(0)
    if set(p) == {()}:
        return p[()]
    return None


def _add(a: Form, b: Form) -> Form:
    if a.denominator == b.denominator:
        numerator = dict(a.numerator)
        add_into(numerator, b.numerator)
        return Form(numerator, a.denominator)
    numerator = times(a.numerator, b.denominator)
    add_into(numerator, times(b.numerator, a.denominator))
    return Form(numerator, times(a.denominator, b.denominator))


def key(form: Form) -> str:
    """A name for ``form`` that equal normal forms share (a constant denominator divided out,
    so that ``2x/2`` and ``x`` agree; otherwise as built)."""
    numerator, denominator = form.numerator, form.denominator
    scale = _constant(denominator)
    if scale:
        numerator = {m: c / scale for m, c in numerator.items()}
        denominator = ONE
    return f"[{_text(numerator)}]/[{_text(denominator)}]"


def _text(p: Polynomial) -> str:
    return " ".join(f"{c}{''.join(f'*{v}^{d}' for v, d in m)}" for m, c in sorted(p.items()))


def polynomial(node: Node) -> Polynomial:
    """``node`` expanded as a polynomial in its letters with rational coefficients
    (:class:`NotPolynomial` for a call, a constant such as pi, a letter in a denominator or a
    non-natural exponent)."""
    form = Reader().form(node)
    scale = _constant(form.denominator)
    if not scale or any(name.startswith("@") or "(" in name
                        for monomial in form.numerator for name, _ in monomial):
        raise NotPolynomial
    return {m: c / scale for m, c in form.numerator.items()}


def constant_difference(a: Form, b: Form) -> Fraction | None:
    """``a - b`` when it is a constant rational number (``2x + 3 - (2x + 5)`` is -2)."""
    numerator = times(a.numerator, b.denominator)
    add_into(numerator, {m: -c for m, c in times(b.numerator, a.denominator).items()})
    numerator = _pythagoras(numerator)
    denominator = _pythagoras(times(a.denominator, b.denominator))
    if not numerator:
        return Fraction(0)
    lead = max(denominator)
    c = numerator.get(lead, Fraction(0)) / denominator[lead]
    return c if numerator == {m: c * d for m, d in denominator.items()} else None


def same(a: Form, b: Form, pythagoras: bool = True) -> bool:
    """Whether ``a`` and ``b`` are equal as rational functions of letters and atoms, with
    ``cos(u)^2 = 1 - sin(u)^2`` for every argument u (unless ``pythagoras`` is false)."""
    left = times(a.numerator, b.denominator)
    right = times(b.numerator, a.denominator)
    if left == right or not pythagoras:
        return left == right
    return _pythagoras(left) == _pythagoras(right)


# -- sums of angles and of exponents ----------------------------------------------------

def _linear(arg: Form) -> tuple[dict[str, Fraction], Fraction, Fraction] | None:
    """``(letter coefficients, multiple of pi, rational part)`` of a linear argument such as
    ``2x - y + pi/2 + 1``, else ``None``."""
    scale = _constant(arg.denominator)
    if not scale:
        return None
    letters: dict[str, Fraction] = {}
    pi, rational = Fraction(0), Fraction(0)
    for monomial, c in arg.numerator.items():
        c /= scale
        if not monomial:
            rational = c
        elif len(monomial) == 1 and monomial[0][1] == 1 and monomial[0][0] == "@pi":
            pi = c
        elif len(monomial) == 1 and monomial[0][1] == 1 and not monomial[0][0].startswith(
                ("@", "(")) and "(" not in monomial[0][0]:
            letters[monomial[0][0]] = c
        else:
            return None
    return letters, pi, rational


def _letter_key(letter: str) -> str:
    return key(Form({((letter, 1),): Fraction(1)}))


def _expanded_call(name: str, arg: Form) -> Form | None:
    """``sin``/``cos`` of a sum of integer multiples of letters, a multiple of pi/2 and a
    rational, as a polynomial in ``sin``/``cos`` of the letters (and of the rational);
    ``exp`` of a sum of integer multiples of letters and a rational, as a product of powers
    of ``exp`` of each. ``None`` for anything else."""
    parts = _linear(arg)
    if parts is None or name not in ("sin", "cos", "exp"):
        return None
    letters, pi, rational = parts
    if any(c.denominator != 1 or abs(c) > _MAX_MULTIPLE for c in letters.values()):
        return None
    if name == "exp":
        if pi:
            return None
        numerator: Polynomial = {(): Fraction(1)}
        denominator: Polynomial = {(): Fraction(1)}
        for letter, c in letters.items():
            power = power_of({((f"exp({_letter_key(letter)})", 1),): Fraction(1)}, abs(int(c)))
            if c > 0:
                numerator = times(numerator, power)
            else:
                denominator = times(denominator, power)
        if rational.denominator == 1 and abs(rational) <= _MAX_MULTIPLE:  # e^2 is exp(2)
            e = power_of({(("@e", 1),): Fraction(1)}, abs(int(rational)))
            if rational > 0:
                numerator = times(numerator, e)
            else:
                denominator = times(denominator, e)
        else:
            numerator = times(numerator, {((f"exp({key(Form({(): rational}))})", 1),):
                                          Fraction(1)})
        return Form(numerator, denominator)
    if (pi * 2).denominator != 1:
        return None
    angle = (int(pi * 2) % 4) * 90  # sin and cos of the multiple of pi/2: exact
    pair = (Form({(): Fraction((0, 1, 0, -1)[angle // 90])}),
            Form({(): Fraction((1, 0, -1, 0)[angle // 90])}))
    for letter, c in letters.items():
        pair = _angle_sum(pair, _multiple_angle(_letter_key(letter), int(c)))
    if rational:
        pair = _angle_sum(pair, (_atom(f"sin({key(Form({(): rational}))})"),
                                 _atom(f"cos({key(Form({(): rational}))})")))
    return pair[0] if name == "sin" else pair[1]


#: Largest multiple of a letter expanded (sin(12x) has 13 terms).
_MAX_MULTIPLE = 12


def _angle_sum(a: tuple[Form, Form], b: tuple[Form, Form]) -> tuple[Form, Form]:
    """``(sin, cos)`` of the sum of two angles given by theirs."""
    (sa, ca), (sb, cb) = a, b
    return (_plus(_times(sa, cb), _times(ca, sb)),
            _plus(_times(ca, cb), _negated(_times(sa, sb))))


def _multiple_angle(letter_key: str, n: int) -> tuple[Form, Form]:
    one = (_atom(f"sin({letter_key})"), _atom(f"cos({letter_key})"))
    pair = (Form({}), Form(dict(ONE)))
    for _ in range(abs(n)):
        pair = _angle_sum(pair, one)
    return pair if n >= 0 else (_negated(pair[0]), pair[1])


def _times(a: Form, b: Form) -> Form:
    return Form(times(a.numerator, b.numerator), times(a.denominator, b.denominator))


def _plus(a: Form, b: Form) -> Form:
    return _add(a, b)


def _negated(a: Form) -> Form:
    return Form({m: -c for m, c in a.numerator.items()}, a.denominator)


def _pythagoras(p: Polynomial) -> Polynomial:
    """``p`` with every ``cos(u)^2`` replaced by ``1 - sin(u)^2``: one representative of
    ``p`` modulo ``sin(u)^2 + cos(u)^2 = 1``, so two sides equal as functions through that
    identity become equal polynomials. ``cos(u)^(2q + r)`` becomes ``cos(u)^r`` times the
    expanded ``(1 - sin(u)^2)^q``, each monomial once, like terms merged as they come."""
    out: Polynomial = {}
    for monomial, c in p.items():
        terms: Polynomial = {(): c}
        for name, d in monomial:
            if not name.startswith("cos(") or d < 2:
                terms = times(terms, {((name, d),): Fraction(1)})
                continue
            q, r = divmod(d, 2)
            sine = "sin(" + name[len("cos("):]
            binomial: Polynomial = {}
            for j in range(q + 1):
                factor = ((sine, 2 * j),) if j else ()
                binomial[factor] = Fraction(comb(q, j) * (-1) ** j)
            terms = times(terms, binomial)
            if r:
                terms = times(terms, {((name, r),): Fraction(1)})
        add_into(out, terms)
    return out


__all__ = ["Form", "NotPolynomial", "Reader", "constant_difference", "key", "polynomial", "same"]
