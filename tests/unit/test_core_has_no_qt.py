"""The core (fulian_desktop) must run without Qt: the CLI, the server side and the tests rely on it."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = textwrap.dedent("""
    import importlib, json, pkgutil, sys
    import fulian_desktop

    imported, failed = [], {}
    for info in pkgutil.walk_packages(fulian_desktop.__path__, "fulian_desktop."):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue  # runs the command line on import
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except Exception as exc:
            failed[info.name] = repr(exc)
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
    print(json.dumps({"imported": imported, "failed": failed, "qt": qt}))
""")


def test_importing_every_core_module_loads_no_qt() -> None:
    proc = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["failed"] == {}, result["failed"]
    # Sanity: the walk really reached the layers that could drag Qt in.
    for module in ("fulian_desktop.store.store", "fulian_desktop.services.cases.cases", "fulian_desktop.cli.main",
                   "fulian_desktop.security.audit", "fulian_desktop.domain.case_numbers"):
        assert module in result["imported"]
    assert "PySide6" not in result["qt"]
    assert result["qt"] == []
