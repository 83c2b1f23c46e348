"""A case is loaded by id through access/ (`load_case`, `case_in_scope`), which checks the actor's scope. A direct
`session.get(Case, …)` elsewhere skips that check; the few that must (they act for the whole station, or their
caller has checked a narrower rule) are listed here with why, and the list may only shrink."""
from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "fulian_desktop"

KNOWN_DIRECT_LOADS = {
    "services/clocks/clocks.py": "a calendar change recomputes every running clock of the station",
    "services/referral/referral_views.py": "a referral's sender or receiver may see it outside the case's scope",
    "sync/conflicts.py": "the conflict was checked in scope before its case is written to",
}


def _direct_loads() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted(CORE.rglob("*.py")):
        rel = path.relative_to(CORE).as_posix()
        if rel.startswith(("access/", "store/")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                    and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == "Case":
                found[rel] = found.get(rel, 0) + 1
    return found


def test_cases_are_loaded_through_access() -> None:
    found = _direct_loads()
    assert set(found) - set(KNOWN_DIRECT_LOADS) == set(), "load the case with access.cases.load_case or case_in_scope"
    assert set(KNOWN_DIRECT_LOADS) - set(found) == set(), "gone: take it off KNOWN_DIRECT_LOADS"
