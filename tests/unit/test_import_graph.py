"""The shape of the code, checked on its import graph: the core never names the UI, the core's packages
import each other in one direction, and no module reaches into another's private names (a private
name is a promise to change it freely; importing it elsewhere breaks that promise silently).

The known exceptions are listed here and may only shrink: a new exception fails the test, and so does
a listed one that is gone (take it off the list)."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORE = "fulian_desktop"

# Package pairs that import each other today. store opens the store with the keys of security, and
# security's audit chain writes store models; breaking it means giving the audit chain its own room.
KNOWN_PACKAGE_CYCLES = {frozenset({"store", "security"})}
PRIVATE_IMPORTS_ALLOWED = REPO / "tests" / "unit" / "private_imports_allowed.txt"


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
