"""The change record a write announces: kinds by name, merging, and which screens it concerns."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.changes import KINDS, Changes, case_changed, check_kinds


def test_kinds_are_named_and_nothing_changed_is_false() -> None:
    assert KINDS == {"case", "party", "attachments", "user", "org", "settings", "calendar", "sync", "reports"}
    assert Changes(case=True, party=True).kinds() == {"case", "party"}
    assert not Changes() and Changes(org=True)


def test_a_change_of_one_case_concerns_that_cases_page_only() -> None:
    changed = Changes(attachments=True, case_ids=frozenset({"A"}))
    assert changed.touches({"attachments"}, case_id="A")
    assert not changed.touches({"attachments"}, case_id="B")
    assert changed.touches({"attachments"})              # a list of many cases
    assert not changed.touches({"case", "user"})
    assert case_changed().touches({"case"}, case_id="B")  # which case unknown: every case page may be it


def test_merge_joins_kinds_and_cases_and_keeps_unknown_unknown() -> None:
    merged = case_changed("A").merge(Changes(party=True, case_ids=frozenset({"B"})))
    assert merged.kinds() == {"case", "party"} and merged.case_ids == {"A", "B"}
    assert case_changed("A").merge(case_changed()).case_ids == frozenset()
    assert case_changed("A").merge(Changes(user=True)) == Changes(case=True, user=True, case_ids=frozenset({"A"}))


def test_an_unknown_kind_is_refused() -> None:
    assert check_kinds(["case"]) == {"case"}
    with pytest.raises(ValueError, match="attachment"):
        check_kinds({"attachment"})
