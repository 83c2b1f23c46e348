"""Collect the Chinese messages the core raises and write them into the message catalogue.

`python scripts/i18n/extract_errors.py` reads every `raise SomeError("…")` / `raise SomeError(f"…{x}…")` in
fulian_desktop/ (SomeError: FulianError or a subclass, wherever defined) and writes

- fulian_desktop/domain/error_catalogue.py: code → Chinese template, `{name}` for each f-string field (the
  entries in error_catalogue_part*.py beside it);
- ui/error_messages.py: the same templates marked with QT_TRANSLATE_NOOP (in error_messages_part*.py), so
  update-translations.sh puts them into fulian_en.ts for translating.

Run it after adding or changing a message; the catalogue is generated, never edited by hand. A code is a
hash of the template: stable while the text stays the same, a new code when the text changes.
"""
from __future__ import annotations

import ast
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "fulian_desktop"
CATALOGUE = CORE / "domain" / "error_catalogue.py"
UI_MARKS = ROOT / "ui" / "error_messages.py"
HAN = re.compile(r"[\u4e00-\u9fff]")
# Modules whose every Chinese sentence reaches the screen as a message (validation notes, backup reminders), not
# only through a raise: all their literals go into the catalogue.
MESSAGE_MODULES = ("domain/validation.py", "domain/intake_rules.py", "domain/idnumber.py", "domain/phone.py",
                   "backup/status.py")


def error_classes(files: list[Path]) -> set[str]:
    """Names of FulianError and every class that derives from it (by name, across modules)."""
    bases: dict[str, set[str]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                         for b in node.bases}
                bases.setdefault(node.name, set()).update(names)
    found = {"FulianError"}
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                changed = True
    return found


def _field_name(expr: ast.expr) -> str:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    if isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Constant) and isinstance(expr.slice.value, str):
        return expr.slice.value if expr.slice.value.isidentifier() else "value"
    if isinstance(expr, ast.Call):
        func = expr.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in ("len", "int", "str", "round", "repr") and expr.args:
            return _field_name(expr.args[0])
        return name or "value"
    if isinstance(expr, ast.BinOp):
        return _field_name(expr.left)
    return "value"


def template_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if not isinstance(node, ast.JoinedStr):
        return None
    parts: list[str] = []
    used: dict[str, int] = {}
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(str(value.value).replace("{", "{{").replace("}", "}}"))
        elif isinstance(value, ast.FormattedValue):
            name = re.sub(r"\W", "_", _field_name(value.value)).lstrip("_") or "value"
            if not name[0].isalpha():
                name = "v" + name
            used[name] = used.get(name, 0) + 1
            parts.append("{" + (name if used[name] == 1 else f"{name}{used[name]}") + "}")
    return "".join(parts)


def collect() -> list[str]:
    files = sorted(p for p in CORE.rglob("*.py") if "migrations" not in p.parts)
    classes = error_classes(files)
    templates: list[str] = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.relative_to(CORE).as_posix() in MESSAGE_MODULES:
            for text in _module_sentences(tree):
                if text not in templates:
                    templates.append(text)
        constants = {target.id: stmt.value for stmt in tree.body if isinstance(stmt, ast.Assign)
                     for target in stmt.targets if isinstance(target, ast.Name)
                     and isinstance(stmt.value, (ast.Constant, ast.JoinedStr))}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name not in classes:
                continue
            first = node.args[0]
            if isinstance(first, ast.Name) and first.id in constants:  # raise BadCredentials(_BAD)
                first = constants[first.id]
            template = template_of(first)
            if template and HAN.search(template) and HAN.search(re.sub(r"\{\w+\}", "", template)):
                if template not in templates:
                    templates.append(template)
    return templates


def _module_sentences(tree: ast.Module) -> list[str]:
    """Every Chinese sentence of a module (docstrings and dictionary keys aside)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, (ast.Constant, ast.JoinedStr)):
            continue
        template = template_of(node)
        if (template and len(HAN.findall(template)) >= 4 and HAN.search(re.sub(r"\{\w+\}", "", template))
                and "(?" not in template):  # a pattern, not a sentence
            found.append(template)
    return found


def code_of(template: str) -> str:
    return "m" + hashlib.sha1(template.encode("utf-8")).hexdigest()[:8]


PART_SIZE = 400   # entries per generated module: generated files keep to the house's module size too


def _write_in_parts(target: Path, docstring: str, head: list[str], opening: str, lines: list[str], closing: str,
                    joined: str) -> None:
    """`target` imports and joins the parts `target_partN.py`, each holding up to PART_SIZE of `lines`."""
    for old in target.parent.glob(f"{target.stem}_part*.py"):
        old.unlink()
    chunks = [lines[i:i + PART_SIZE] for i in range(0, len(lines), PART_SIZE)] or [[]]
    names = [f"{target.stem}_part{n}" for n in range(1, len(chunks) + 1)]
    variable = opening.split(":")[0].split(" =")[0]
    for name, chunk in zip(names, chunks):
        (target.parent / f"{name}.py").write_text("\n".join([
            f'"""Part of {target.parent.name}/{target.name}. Generated by scripts/i18n/extract_errors.py; do not edit."""',
            *head, opening, *chunk, closing, ""]), encoding="utf-8")
    target.write_text("\n".join([
        docstring, "from __future__ import annotations", "",
        *(f"from .{name} import {variable} as _{name}" for name in names), "",
        joined.format(" + ".join(f"_{name}" for name in names), ", ".join(f"**_{name}" for name in names)),
        ""]), encoding="utf-8")


def _write_catalogue(entries: list[tuple[str, str]]) -> None:
    _write_in_parts(CATALOGUE, '''"""The core's user-facing messages: code → Chinese template. Generated by
scripts/i18n/extract_errors.py from the raise statements in fulian_desktop/ (in parts); do not edit by hand.
"""''', ["from __future__ import annotations", ""], "MESSAGES: dict[str, str] = {",
                    [f"    {code!r}: {text!r}," for code, text in entries], "}", "MESSAGES: dict[str, str] = {{{1}}}")


def _write_ui_marks(entries: list[tuple[str, str]]) -> None:
    _write_in_parts(UI_MARKS, '''"""The core's error messages, marked for translation. Generated by scripts/i18n/extract_errors.py
from fulian_desktop/domain/error_catalogue.py (in parts); ui/errors.py translates them. Do not edit by hand.
"""''', ["from __future__ import annotations", "", "from PySide6.QtCore import QT_TRANSLATE_NOOP", ""],
                    "MARKED = (", [f"    QT_TRANSLATE_NOOP(\"\", {text!r})," for _code, text in entries], ")",
                    "MARKED = ({0})")


def main() -> int:
    templates = collect()
    entries = sorted((code_of(t), t) for t in templates)
    _write_catalogue(entries)
    _write_ui_marks(entries)
    print(f"{len(entries)} messages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
