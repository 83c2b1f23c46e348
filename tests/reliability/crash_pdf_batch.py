"""Prints a batch of case files until killed: `python -m tests.reliability.crash_pdf_batch ROOT OUTDIR IDS_FILE`.

Prints "go" before the batch starts and "file <name>" after each PDF is written."""
from __future__ import annotations

import sys
from pathlib import Path


def main(root: str, out_dir: str, ids_file: str) -> None:
    from fulian_desktop.documents.api import DocumentKind, PrintPurpose, render_batch
    from fulian_desktop.documents.fonts import register_fonts
    from fulian_desktop.services.accounts.auth import system_actor
    from tests.reliability.rel_support import open_test_store

    ids = Path(ids_file).read_text(encoding="utf-8").split()
    register_fonts()
    with open_test_store(Path(root)) as store:
        actor = system_actor(store)
        print("go", flush=True)
        render_batch(lambda: store.uow(write=True), actor, ids, DocumentKind.CASE_FILE, Path(out_dir),
                     purpose=PrintPurpose.PRINT, progress=lambda done, total: print(f"done {done}", flush=True) or True)
    print("finished", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
