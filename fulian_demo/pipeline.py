"""Where the demo rows are made: in this process, or for a big load in a helper process
(`python -m fulian_demo.helper`), so that making rows in Python and writing them
in SQLite use two cores at once.

Only demo rows travel over the helper's pipes; the store's key never leaves this process.
Both ways run the same `produce(plan)` from the same random state and give identical data.
A plain subprocess (not multiprocessing) is used so the caller's main module is never re-run.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from typing import IO, Iterator

from fulian_desktop.domain.errors import FulianError
from .cases import Batch, Plan, produce

HELPER_MODULE = "fulian_demo.helper"


class DemoMakerFailed(FulianError):
    """The helper process that makes demo rows failed or died."""

    code = "demo_maker_failed"


def can_use_helper_process() -> bool:
    # A frozen app's executable is the app itself, not Python: stay in-process there.
    return not getattr(sys, "frozen", False) and bool(sys.executable) and (os.cpu_count() or 1) >= 2


@contextmanager
def batches(plan: Plan, *, helper_process: bool) -> Iterator[Iterator[Batch]]:
    """The batches of `plan`, in order; leaving the block stops the maker."""
    if not helper_process:
        made = produce(plan)
        try:
            yield made
        finally:
            made.close()
        return
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    with tempfile.TemporaryFile() as errors:
        helper = subprocess.Popen([sys.executable, "-m", HELPER_MODULE], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=errors, env=env)
        assert helper.stdin is not None and helper.stdout is not None
        try:
            try:
                pickle.dump(plan, helper.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                helper.stdin.close()
            except BrokenPipeError:
                pass  # it died at once; _receive reports why
            yield _receive(helper, helper.stdout, errors)
        finally:
            helper.stdout.close()  # a helper still writing gets a broken pipe and ends
            try:
                helper.wait(timeout=5)
            except subprocess.TimeoutExpired:
                helper.kill()
                helper.wait()


def _receive(helper: subprocess.Popen[bytes], stream: IO[bytes], errors: IO[bytes]) -> Iterator[Batch]:
    while True:
        try:
            kind, payload = pickle.load(stream)
        except (EOFError, pickle.UnpicklingError) as exc:
            helper.wait()
            errors.seek(0)
            error = errors.read().decode(errors="replace")
            raise DemoMakerFailed(f"演示数据生成进程意外退出（退出码 {helper.returncode}）。{error[-2000:]}") from exc
        if kind == "batch":
            yield payload
        elif kind == "end":
            return
        else:
            raise DemoMakerFailed(f"演示数据生成进程出错：\n{payload}")
