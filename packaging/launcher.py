"""The one executable of the frozen build: `fulian-desktop` starts the desktop program, and the same file
called `fulian` (a symlink beside it) is the command line. One executable keeps one copy of the Python
archive in the package instead of two.

`fulian-desktop --bundle-info` (alone) prints where the frozen program finds its modules and files, as JSON:
for support, and for the package test (scripts/test-package.sh), which checks that nothing comes from outside
the installed folder."""
import multiprocessing
import os
import sys


def bundle_info() -> dict:
    import importlib

    modules = ("fulian_desktop", "fulian_desktop.cli", "ui.app", "fulian_demo", "sqlcipher3", "argon2",
               "pypdfium2_raw", "psycopg", "keyring", "secretstorage", "reportlab", "PySide6.QtCore")
    files = {name: getattr(importlib.import_module(name), "__file__", None) for name in modules}
    from PySide6.QtCore import QLibraryInfo

    from fulian_desktop.documents import fonts
    from fulian_desktop.domain import dv_mediation, risk, statutes, triage
    from fulian_desktop.store import migrate
    from ui import i18n, manual, theme

    resources = {"statutes": statutes.STATUTE_FILE, "triage": triage.TERMS_FILE, "risk": risk.SETS_DIR,
                 "dv_mediation": dv_mediation.PHRASES_FILE, "pdf_fonts": fonts.FONT_DIR, "ui_fonts": theme.FONT_DIR,
                 "translations": i18n.TRANSLATIONS, "manual": manual.MANUAL, "migrations": migrate.SCRIPTS,
                 "qt_plugins": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
                 "qt_translations": QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)}
    return {
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "bundle": getattr(sys, "_MEIPASS", None),
        "sys_path": sys.path,
        "module_files": files,
        "resources": {key: [str(path), os.path.exists(path)] for key, path in resources.items()},
        "scripts_head": migrate.scripts_head(),
        "schema_head": migrate.head_revision(),
    }


def run() -> int:
    # The document batch pool spawns workers: in a frozen program the child is this executable again,
    # and freeze_support() turns it into the worker before anything else runs.
    multiprocessing.freeze_support()
    name = os.path.basename(sys.argv[0])
    if sys.argv[1:] == ["--bundle-info"]:
        import json

        print(json.dumps(bundle_info(), ensure_ascii=False, indent=1))
        return 0
    if name == "fulian" or name.startswith("fulian."):
        from fulian_desktop.cli import main
    else:
        from ui.app import main
    return int(main() or 0)


if __name__ == "__main__":
    sys.exit(run())
