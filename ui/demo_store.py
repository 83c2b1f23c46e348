"""The demo store (`--demo`): invented data for training and trying the app.

It lives in its own folder, never in the real store's, and is protected by a fixed, published
passphrase (DEMO_PASSPHRASE) so it opens without a prompt: the data is fake, the encryption is
only there because every store is encrypted. On first use it is created and filled by
`fulian_demo.generate_demo` (the real org tree of 望城区, staff accounts and cases).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop
from sqlalchemy import func, select

from fulian_demo import DEMO_PASSWORD, generate_demo
from fulian_desktop.domain.errors import KeyUnavailable, StoreError, WrongKey
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.store.models import OrgUnit
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.store import Store, Unlock, create_store, open_store

from .errors import present_error
from .tasks import TaskRunner

DEMO_PASSPHRASE = "xingfuhao-demo"
DEMO_SEED = 2026
DEMO_USERNAME = "dudao"
DEMO_NOTE = f"演示数据：可用用户 dudao（督导）、admin（管理员）等登录，密码均为 {DEMO_PASSWORD}"
# The passphrase is published, so a slow key derivation would protect nothing and only delay opening.
DEMO_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


def demo_data_dir(default_dir: Path, explicit: str | None) -> Path:
    """`--data-dir` is used as given; otherwise a sibling of the normal data folder
    (…/fulian-desktop → …/fulian-desktop-demo), so demo and real data never share a folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    return default_dir.parent / f"{default_dir.name}-demo"


def _not_demo(data_dir: Path) -> StoreError:
    return StoreError(f"{data_dir} 中的数据存储不是演示数据存储，--demo 不能打开它。"
                      "请换一个文件夹（--data-dir），或去掉 --demo 以正常方式打开。", code="not_demo_store")


def open_demo(data_dir: Path) -> Store:
    try:
        store = open_store(data_dir, Unlock(passphrase=DEMO_PASSPHRASE))
    except (WrongKey, KeyUnavailable) as exc:
        raise _not_demo(data_dir) from exc
    if not store.demo:
        store.close()
        raise _not_demo(data_dir)
    return store


def _has_units(store: Store) -> bool:
    with store.uow() as uow:
        return uow.s.execute(select(func.count()).select_from(OrgUnit)).scalar_one() > 0


def generate_with_progress(store: Store, cases: int) -> tuple[int | None, bool]:
    """Fill the store behind a cancellable progress dialog. Returns (cases written or None on error,
    cancelled). Cancelling keeps the whole cases already written."""
    tasks = TaskRunner()
    loop = QEventLoop()
    outcome: dict[str, object] = {}
    cancelled = {"flag": False}

    def done(summary) -> None:  # noqa: ANN001
        outcome["summary"] = summary
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    def generate(*, progress) -> object:  # noqa: ANN001
        def report(done_: int, total: int) -> bool:
            keep_going = progress(done_, total)
            cancelled["flag"] = not keep_going
            return keep_going

        return generate_demo(store, cases=cases, seed=DEMO_SEED, progress=report)

    tasks.run(generate, on_done=done, on_error=failed,
              progress_label=f"正在生成演示数据（{cases:,} 件虚构案件），首次使用需要一点时间…")
    loop.exec()
    tasks.wait_idle()
    tasks.deleteLater()
    if "error" in outcome:
        present_error(None, outcome["error"])  # type: ignore[arg-type]
        return None, False
    return getattr(outcome.get("summary"), "cases", 0), cancelled["flag"]


def open_or_create_demo(data_dir: Path, cases: int) -> tuple[Store | None, str, str]:
    """(store, note for the login dialog, username to prefill). Creates and fills the demo store on
    first use; raises a StoreError (shown by the caller) if the folder holds a store that is not a demo."""
    if StorePaths(data_dir).exists():
        store = open_demo(data_dir)
    else:
        store = create_store(data_dir, passphrase=DEMO_PASSPHRASE, use_keyring=False, demo=True, kdf=DEMO_KDF).store
    if _has_units(store):
        return store, DEMO_NOTE, DEMO_USERNAME
    # New, or an earlier first run stopped before anything was written: the generator creates the
    # org tree of 望城区 and the staff accounts (admin, dudao, …; password DEMO_PASSWORD, no forced change).
    written, cancelled = generate_with_progress(store, max(0, cases))
    if not _has_units(store):
        store.close()
        return None, "", ""
    note = DEMO_NOTE
    if cancelled:
        note = f"已停止生成，保留了 {written or 0:,} 件演示案件。\n" + DEMO_NOTE
    return store, note, DEMO_USERNAME
