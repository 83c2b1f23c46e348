"""Batch printing on every core: this process reads each case (rights, scope, redaction, attachments) and writes
the audit entry and the file; worker processes only lay out the pages, from the already redacted data.

Layout is nine tenths of a case file's cost and pure computation, so it is what runs in parallel. The workers
never open the store and never hold its key: they get a `CaseData` and give back bytes, the same bytes the
one-process path makes (the layout code is the same). Small batches stay in one process: starting workers costs
more than it saves.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path


from ..access.cases import case_in_scope, load_case
from ..domain.errors import FulianError
from ..security.actor import Actor
from .kinds import BatchFailure, BatchResult, DocumentKind, PrintPurpose, Progress, Recipient, UowFactory, file_name
from .data import CaseData

MIN_POOLED = 16           # below this many cases one process is quicker (forked workers)
MIN_SPAWNED = 60          # where workers must be spawned and load the fonts themselves
ENV_WORKERS = "FULIAN_PDF_WORKERS"


def pool_size(total: int, requested: int | None) -> int:
    """How many layout workers a batch of `total` gets: `requested`, else $FULIAN_PDF_WORKERS, else one per core
    (at most 4); 1 means no pool."""
    if requested is None:
        env = os.environ.get(ENV_WORKERS, "")
        requested = int(env) if env.isdigit() else min(4, os.cpu_count() or 1)
    return 1 if total < (MIN_POOLED if _fork_ok() else MIN_SPAWNED) else max(1, requested)


def _layout(d: CaseData, kind: DocumentKind) -> tuple[bytes | None, str]:
    """In a worker: (pdf, "") or (None, the error message) — FulianError subclasses need not pickle."""
    from .assemble import pdf_bytes
    try:
        return pdf_bytes(d, kind), ""
    except FulianError as exc:
        return None, exc.message


def _warm() -> None:
    from .fonts import FALLBACK, REGULAR, charmap, register_fonts
    register_fonts()
    charmap(REGULAR)
    charmap(FALLBACK)


def _start_worker(parent: int, load_fonts: bool) -> None:
    """A worker ends with the program that started it, even one killed before it could shut the pool down."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
    if load_fonts:
        _warm()
    _quiet_collector()


def _quiet_collector() -> None:
    """A worker only lays out papers: what it holds from the start (fonts, code) lives as long as it does, and a
    paper's objects are dropped together when it is done. The cycle collector otherwise walks the fonts' objects
    again and again and runs every few hundred allocations: about a tenth of a layout. Leave the long-lived
    objects out of its walks and let it run once in 20 000 allocations (a paper's garbage still goes each paper
    or two; the worker's memory stays flat)."""
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)


def _fork_ok() -> bool:
    # Never fork the desktop program: Qt runs threads whose locks a forked child would inherit held.
    return sys.platform.startswith("linux") and "PySide6" not in sys.modules


def _executor(size: int) -> ProcessPoolExecutor:
    """One pool per batch, shut down at its end (a pool kept for later outlives a parent that exits without
    shutting it down). Where fork exists the workers are forked after this process has loaded the fonts (they
    touch nothing but the layout code); elsewhere each spawned worker loads them (seconds), hence MIN_SPAWNED."""
    _warm()
    method = "fork" if _fork_ok() else "spawn"
    return ProcessPoolExecutor(size, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                               initargs=(os.getpid(), method != "fork"))


def render_batch_pooled(uow_factory: UowFactory, actor: Actor, case_ids: list[str], kind: DocumentKind,
                        out_dir: Path, recipient: Recipient, purpose: PrintPurpose, progress: Progress | None,
                        size: int) -> BatchResult:
    from ..services.attachments.attachments import record_paper_reads
    from .assemble import attachment_reads, prepare, record_print, write_pdf

    pool = _executor(size)
    total = len(case_ids)
    files: list[Path] = []
    failures: list[BatchFailure] = []
    pending: deque[tuple[str, str, Future | None, str]] = deque()   # case id, case no, layout, error
    ahead = 2 * size
    queued = 0
    done = 0

    def submit(case_id: str) -> None:
        case_no = ""
        try:
            with uow_factory() as uow:
                _case, data = prepare(uow, actor, case_id, kind, recipient)   # scope first: a refused case has no number
                case_no = data.case_no
                # The evidence goes to another process now: audited here, whatever becomes of the paper (this unit
                # of work lays nothing out, so it holds the audit chain's head only briefly).
                record_paper_reads(uow, actor, attachment_reads(data))
            pending.append((case_id, case_no, pool.submit(_layout, data, kind), ""))
        except FulianError as exc:
            pending.append((case_id, case_no, None, exc.message))

    def finish() -> None:
        case_id, case_no, future, error = pending.popleft()
        pdf = None
        if future is not None:
            pdf, error = future.result()
        if pdf is None:
            failures.append(BatchFailure(case_id, case_no, error))
            return
        try:
            with uow_factory() as uow:   # audited before the file exists, as in one process
                record_print(uow, actor, load_case(uow, actor, case_id), kind, recipient, purpose, pdf, case_no)
            path = out_dir / file_name(case_no or case_id, kind, recipient)
            write_pdf(path, pdf)
            files.append(path)
        except FulianError as exc:
            failures.append(BatchFailure(case_id, case_no, exc.message))

    try:
        while done < total:
            while queued < total and len(pending) < ahead:
                submit(case_ids[queued])
                queued += 1
            finish()
            done += 1
            if progress is not None and not progress(done, total) and done < total:
                return BatchResult(total, tuple(files), tuple(failures), cancelled=True)
    finally:   # cancelled or failed: layouts still queued are dropped, never printed nor audited
        pool.shutdown(wait=True, cancel_futures=True)
    return BatchResult(total, tuple(files), tuple(failures))


def render_batch(uow_factory: UowFactory, actor: Actor, case_ids: list[str], kind: DocumentKind, out_dir: Path,
                 recipient: Recipient, purpose: PrintPurpose, progress: Progress | None,
                 workers: int | None = None) -> BatchResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    total = len(case_ids)
    if progress is not None and not progress(0, total):
        return BatchResult(total, (), (), cancelled=True)
    from .assemble import render_numbered, write_pdf

    size = pool_size(total, workers)
    if size > 1:
        return render_batch_pooled(uow_factory, actor, case_ids, kind, out_dir, recipient, purpose, progress, size)
    files: list[Path] = []
    failures: list[BatchFailure] = []
    for n, case_id in enumerate(case_ids, 1):
        case_no = ""
        try:
            with uow_factory() as uow:
                seen = case_in_scope(uow, actor, case_id)   # the number of a case out of scope is not printed
                case_no = seen.case_no if seen is not None else ""
                pdf, case_no = render_numbered(uow, actor, case_id, kind, recipient, purpose)   # the printed one
            path = out_dir / file_name(case_no or case_id, kind, recipient)
            write_pdf(path, pdf)
            files.append(path)
        except FulianError as exc:
            failures.append(BatchFailure(case_id, case_no, exc.message))
        if progress is not None and not progress(n, total) and n < total:
            return BatchResult(total, tuple(files), tuple(failures), cancelled=True)
    return BatchResult(total, tuple(files), tuple(failures))
