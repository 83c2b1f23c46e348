"""The shape of the code, checked on its import graph: the core never names the UI, the core's packages
import each other in one direction, so do the capability rooms of the services (services/<capability>/)
and of the UI (ui/<capability>/), and no module reaches into another's private names (a private name is
a promise to change it freely; importing it elsewhere breaks that promise silently).

The known exceptions are listed here, each with its reason, and may only shrink: a new exception fails
the test, and so does a listed one that is gone (take it off the list)."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORE = "fulian_desktop"

# Package pairs that import each other today. store opens the store with the keys of security, and
# security's audit chain writes store models; breaking it means giving the audit chain its own room.
KNOWN_PACKAGE_CYCLES = {frozenset({"store", "security"})}
# Module pairs of the core that import each other today (at the top, in a function or for typing), with why.
KNOWN_MODULE_CYCLES = {
    frozenset({"fulian_desktop.cli", "fulian_desktop.cli.main"}): "the package's entry point names its main",
    frozenset({"fulian_desktop.store.server", "fulian_desktop.store.store"}): "a store opens its server",
    frozenset({"fulian_desktop.store.store", "fulian_desktop.store.uow"}): "for typing only",
}
PRIVATE_IMPORTS_ALLOWED = REPO / "tests" / "unit" / "private_imports_allowed.txt"
# Capability rooms: (the package holding them, how many dotted parts name a room). A module directly in the
# holding package (ui/app.py, ui/session.py …) is the shell around the rooms, not a room.
ROOMS = {"services": ("fulian_desktop.services", 3), "ui": ("ui", 2)}
# Room pairs that import each other today, with the reason they cannot be parted yet: none.
KNOWN_ROOM_CYCLES: dict[str, dict[frozenset[str], str]] = {"services": {}, "ui": {}}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(imported module, names) for every import in the file, relative imports resolved."""
    module, is_package = _module_name(path), path.name == "__init__.py"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, [alias.name for alias in node.names]))
    return found


def _files(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (REPO / package).rglob("*.py"))


def test_the_core_never_imports_the_ui_or_qt() -> None:
    offenders = [f"{_module_name(p)} imports {target}" for p in _files(CORE) for target, _ in _imports(p)
                 if target.split(".")[0] in ("ui", "PySide6", "shiboken6")]
    assert offenders == []


def test_core_packages_import_each_other_in_one_direction() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in _files(CORE):
        source = _module_name(path).split(".")
        for target, _ in _imports(path):
            parts = target.split(".")
            if len(source) > 2 and parts[0] == CORE and len(parts) > 1 and parts[1] != source[1]:
                graph[source[1]].add(parts[1])
    cycles = {frozenset({a, b}) for a in graph for b in graph[a] if a in graph.get(b, set())}
    assert cycles - KNOWN_PACKAGE_CYCLES == set(), f"new circles between core packages: {cycles - KNOWN_PACKAGE_CYCLES}"
    assert KNOWN_PACKAGE_CYCLES - cycles == set(), "a known circle is gone: take it off KNOWN_PACKAGE_CYCLES"


def test_core_modules_do_not_import_each_other() -> None:
    """Two modules that import each other are one module in two files (documents' data and redaction were)."""
    modules = {_module_name(p): p for p in _files(CORE)}
    graph = {m: {d for t, names in _imports(p) for d in [t] + [f"{t}.{n}" for n in names] if d in modules and d != m}
             for m, p in modules.items()}
    cycles = {frozenset({a, b}) for a in graph for b in graph[a] if a in graph[b]}
    assert cycles - set(KNOWN_MODULE_CYCLES) == set(), f"new circles between modules: {cycles - set(KNOWN_MODULE_CYCLES)}"
    assert set(KNOWN_MODULE_CYCLES) - cycles == set(), "a known circle is gone: take it off KNOWN_MODULE_CYCLES"


def _room_graph(holder: str, depth: int) -> dict[str, set[str]]:
    """room -> the other rooms it imports (from any of its modules, at any place in the module)."""
    prefix = holder.split(".")
    rooms = {p.parent.name for p in (REPO / Path(*prefix)).glob("*/__init__.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for path in _files(*["/".join(prefix)]):
        source = _module_name(path).split(".")
        if len(source) <= depth - 1 or source[depth - 1] not in rooms or source[: depth - 1] != prefix:
            continue
        for target, names in _imports(path):
            for dotted in [target] + [f"{target}.{name}" for name in names]:
                parts = dotted.split(".")
                if parts[: depth - 1] == prefix and len(parts) >= depth and parts[depth - 1] in rooms \
                        and parts[depth - 1] != source[depth - 1]:
                    graph[source[depth - 1]].add(parts[depth - 1])
    return graph


def _cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """Every pair of rooms on a common circle (a pair of a longer circle counts too), from the closure."""
    reach = {a: set(b) for a, b in graph.items()}
    grew = True
    while grew:
        grew = False
        for a in reach:
            more = set().union(*(reach.get(b, set()) for b in reach[a])) - reach[a]
            if more:
                reach[a] |= more
                grew = True
    return {frozenset({a, b}) for a in reach for b in reach[a] if a != b and a in reach.get(b, set())}


def test_capability_rooms_import_each_other_in_one_direction() -> None:
    for kind, (holder, depth) in ROOMS.items():
        cycles = _cycles(_room_graph(holder, depth))
        known = set(KNOWN_ROOM_CYCLES[kind])
        assert cycles - known == set(), f"new circles between {kind} rooms: {sorted(map(sorted, cycles - known))}"
        assert known - cycles == set(), f"a known circle between {kind} rooms is gone: take it off the list"


def test_the_room_check_sees_a_circle() -> None:
    """The check above is not vacuous: a made-up graph with a circle of three is found whole."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {
        frozenset({"a", "b"}), frozenset({"b", "c"}), frozenset({"a", "c"})}
    assert _room_graph("fulian_desktop.services", 3)["crisis"] >= {"cases", "clocks"}
    assert "common" in _room_graph("ui", 2)["mediation"]


def _private_imports() -> set[str]:
    found = set()
    for path in _files(CORE, "ui"):
        module = _module_name(path)
        for target, names in _imports(path):
            for name in names:
                if name.startswith("_") and not name.startswith("__") and target != module:
                    found.add(f"{module} <- {target}.{name}")
    return found


def test_no_new_private_name_imports_across_modules() -> None:
    allowed = {line.strip() for line in PRIVATE_IMPORTS_ALLOWED.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")}
    found = _private_imports()
    assert found - allowed == set(), "import a public name instead (make one): " + ", ".join(sorted(found - allowed))
    assert allowed - found == set(), "these are gone, take them off the list: " + ", ".join(sorted(allowed - found))
