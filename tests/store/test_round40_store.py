"""Round 40: the history's text search folds case for every alphabet, not only A-Z.

A German or French course titles its proofs "Übung 3", "Équation produit nul"; a teacher
who types "übung" or "équation" in the history panel (the server's ``q=``) must find them,
as "binomische" finds "Binomische". SQLite's LIKE folds only ASCII letters.
"""

from __future__ import annotations

import dataclasses

from proofs import make_proof

from proofnb.store.history import ProofStore

TITLES = ("3. binomische Formel – Übung", "Équation produit nul", "STRASSE", "Inéquation",
          "Plain 50% title")


def _fill(store: ProofStore) -> None:
    for i, title in enumerate(TITLES):
        store.add(dataclasses.replace(make_proof(i), title=title), notebook=f"nb{i}.ipynb")


def _titles(store: ProofStore, query: str) -> list[str]:
    return sorted(item["title"] for item in store.page(limit=10, query=query).items)


def test_non_ascii_queries_ignore_case(store: ProofStore) -> None:
    _fill(store)
    assert _titles(store, "übung") == ["3. binomische Formel – Übung"]
    assert _titles(store, "ÜBUNG") == ["3. binomische Formel – Übung"]
    assert _titles(store, "équation") == ["Inéquation", "Équation produit nul"]
    assert _titles(store, "ÉQUATION PRODUIT") == ["Équation produit nul"]
    assert store.count(query="équation") == 2
    assert store.count(query="équation", verdict="accepted") == 1


def test_ascii_queries_unchanged(store: ProofStore) -> None:
    _fill(store)
    assert _titles(store, "BINOMISCHE") == ["3. binomische Formel – Übung"]
    assert _titles(store, "strasse") == ["STRASSE"]
    assert _titles(store, "50%") == ["Plain 50% title"]
    assert _titles(store, "5_%") == []  # % and _ match literally
    assert store.count(query="nb3") == 1  # the notebook column is searched too
