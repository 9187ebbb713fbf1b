"""ProofStore: round trips, true totals, offset and keyset pages, filters, stats, frames."""

from __future__ import annotations

import pytest
from proofs import make_proof

from proofnb.core.errors import OptionsError
from proofnb.core.model import ProofResult
from proofnb.store.history import ProofStore


def test_get_round_trips_the_result(store: ProofStore) -> None:
    result = make_proof(2)
    proof_id = store.add(result, notebook="a/b.ipynb", created=1_700_000_000.25)
    got = store.get(proof_id)
    assert got is not None
    assert got["id"] == proof_id and got["notebook"] == "a/b.ipynb"
    assert got["created"] == "2023-11-14T22:13:20.250000Z"
    assert got["created_epoch"] == 1_700_000_000.25
    core = {k: v for k, v in got.items() if k not in ("id", "created", "created_epoch", "notebook")}
    assert core == result.to_dict()
    assert ProofResult.from_dict(core) == result
    assert store.get(proof_id + 1) is None


def test_offset_page_has_true_total_and_right_items(store100: ProofStore) -> None:
    page = store100.page(limit=10, skip=50)
    assert page.total == 100 and page.skip == 50 and page.limit == 10
    # Newest first: proof i has id i + 1 and created 1000 + i.
    assert [item["id"] for item in page.items] == list(range(50, 40, -1))
    assert page.items[0]["title"] == "Proof number 49"
    assert page.items[0]["first_line"] == "f49(x)"
    assert page.next is not None


def test_summary_fields(store100: ProofStore) -> None:
    item = store100.page(limit=1, verdict="rejected").items[0]
    assert item["id"] == 99 and item["verdict"] == "rejected"
    assert set(item) == {
        "id", "created", "created_epoch", "title", "first_line", "conclusion",
        "notebook", "verdict", "flags", "step_count", "refuted_count",
    }  # fmt: skip
    assert item["step_count"] == 1 + 98 % 4 and item["refuted_count"] == 1
    assert item["conclusion"] == "f98(x) = g98(x)"


def test_filters_change_the_total(store100: ProofStore) -> None:
    rejected = store100.page(limit=200, verdict="rejected")
    assert rejected.total == len(rejected.items) == 33
    assert all(item["verdict"] == "rejected" for item in rejected.items)
    assert store100.count(verdict="accepted") == 34 and store100.count(verdict="review") == 33
    # "proof number 1" matches 1, 10-19 (case-insensitive).
    hits = store100.page(limit=50, query="PROOF NUMBER 1")
    assert hits.total == 11
    assert {i["title"] for i in hits.items} == {f"Proof number {n}" for n in [1, *range(10, 20)]}
    assert store100.count(verdict="accepted", query="proof number 1") == len(
        [n for n in [1, *range(10, 20)] if n % 3 == 0]
    )
    assert store100.count(query="nb1.ipynb") == 50


def test_like_wildcards_match_literally(store: ProofStore) -> None:
    store.add(make_proof(1).__class__(text="a = a", steps=(), verdict="accepted", title="50% off"))
    store.add(make_proof(1).__class__(text="b = b", steps=(), verdict="accepted", title="50 off"))
    store.add(make_proof(1).__class__(text="c = c", steps=(), verdict="accepted", title="a_b"))
    assert store.count(query="50%") == 1
    assert store.count(query="%") == 1
    assert store.count(query="_") == 1
    assert store.count(query="a\\b") == 0


def test_page_past_the_end_is_empty_with_true_total(store100: ProofStore) -> None:
    page = store100.page(limit=10, skip=100)
    assert page.items == [] and page.total == 100 and page.next is None
    assert store100.page(limit=20, skip=95, verdict="review").total == 33


def test_keyset_pages_walk_everything_once(store100: ProofStore) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        page = store100.page(limit=7, before=cursor)
        assert page.total == 100
        seen.extend(item["id"] for item in page.items)
        cursor = page.next
        if cursor is None:
            break
    assert seen == list(range(100, 0, -1))


def test_keyset_equals_offset_with_ties_and_filters(store: ProofStore) -> None:
    # Many proofs share a timestamp: (created, id) must still order them totally.
    for i in range(60):
        store.add(make_proof(i), created=5000.0 + i // 10)
    for verdict in (None, "accepted"):
        by_offset = [i["id"] for i in store.page(limit=200, verdict=verdict).items]
        by_keyset: list[int] = []
        cursor = None
        while True:
            page = store.page(limit=4, verdict=verdict, before=cursor)
            by_keyset.extend(i["id"] for i in page.items)
            if (cursor := page.next) is None:
                break
        assert by_keyset == by_offset


def test_cursor_stays_valid_when_newer_proofs_arrive(store100: ProofStore) -> None:
    first = store100.page(limit=10)
    store100.add(make_proof(500), created=99_999.0)
    second = store100.page(limit=10, before=first.next)
    assert [i["id"] for i in second.items] == list(range(90, 80, -1))
    assert second.total == 101


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"limit": "5"}, "limit"),
        ({"skip": -1}, "skip"),
        ({"verdict": "maybe"}, "verdict"),
        ({"before": "not-a-cursor"}, "before"),
        ({"before": "azE6MTo"}, "before"),
        ({"query": "x" * 1000}, "query"),
    ],
)
def test_bad_page_arguments_name_the_parameter(
    store: ProofStore, kwargs: dict[str, object], name: str
) -> None:
    with pytest.raises(OptionsError) as e:
        store.page(**kwargs)  # type: ignore[arg-type]
    assert e.value.option == name


def test_delete_removes_proof_and_steps(store100: ProofStore) -> None:
    assert store100.delete(5) is True
    assert store100.delete(5) is False
    assert store100.get(5) is None
    assert store100.count() == 99
    assert (store100.to_frame("step")["proof_id"] == 5).sum() == 0
    # Ids are never reused after a delete.
    assert store100.add(make_proof(1)) == 101


def test_stats(store100: ProofStore) -> None:
    store100.add(make_proof(2))  # same refuted step as proof 2: f2(x) + 0 = x
    stats = store100.stats()
    assert stats["total"] == 101
    assert stats["verdicts"] == {"accepted": 34, "review": 33, "rejected": 34}
    top = stats["refuted_steps"][0]
    assert top == {"lhs": "f2(x) + 0", "relation": "=", "rhs": "x", "count": 2}
    assert sum(r["count"] for r in store100.stats(top=1000)["refuted_steps"]) == 34
    assert len(store100.stats(top=3)["refuted_steps"]) == 3


def test_to_frame_shapes(store100: ProofStore) -> None:
    proofs = store100.to_frame()
    assert proofs.shape[0] == 100
    assert list(proofs["id"][:3]) == [1, 2, 3]
    assert {"id", "created", "title", "verdict", "flags", "step_count"} <= set(proofs.columns)
    assert str(proofs["created"].dt.tz) == "UTC"
    steps = store100.to_frame(per="step")
    assert steps.shape[0] == sum(1 + i % 4 for i in range(100))
    assert {"proof_id", "index", "relation", "lhs", "rhs", "status"} <= set(steps.columns)
    assert steps[steps["status"] == "refuted"].shape[0] == 33
    with pytest.raises(OptionsError):
        store100.to_frame(per="cell")


def test_add_many_writes_whole_batches(store: ProofStore) -> None:
    template = make_proof(7)
    n = store.add_many(((template, "bulk.ipynb", 10.0 + i) for i in range(1234)), chunk=500)
    assert n == 1234 and store.count() == 1234
    assert store.stats()["verdicts"]["review"] == 1234
    assert store.to_frame("step").shape[0] == 1234 * len(template.steps)
    assert store.add(make_proof(1)) == 1235
    assert store.page(limit=1, skip=1234).items[0]["created_epoch"] == 10.0


def test_threads_share_a_store(store: ProofStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        ids = list(pool.map(lambda i: store.add(make_proof(i)), range(40)))
        totals = list(pool.map(lambda _: store.page(limit=5).total, range(20)))
    assert sorted(ids) == list(range(1, 41))
    assert all(0 <= t <= 40 for t in totals) and store.count() == 40
