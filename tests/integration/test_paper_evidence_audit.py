"""Evidence read into a paper is always audited: a batch's layout pool gets the contents only after their audit
entries are committed (whatever then becomes of the paper), and no paper can read evidence in a read-only unit of
work, which could never write the entry it owes."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select, update

from fulian_desktop.documents import assemble
from fulian_desktop.documents import batch_pool
from fulian_desktop.documents.batch_pool import render_batch_pooled
from fulian_desktop.documents.kinds import DocumentKind, PrintPurpose, Recipient
from fulian_desktop.services.attachments import attachments
from fulian_desktop.store.models import AuditEntry, Case, UserAccount
from tests.integration.test_documents_evidence import _pdf
from tests.integration.test_one_snapshot_papers import _new_case
from tests.support.stats_world import StatsWorld, build_stats_world
from tests.support.stores import VILLAGE_A2


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> StatsWorld:
    return build_stats_world(tmp_path_factory.mktemp("paper_reads"))


def _attach(world: StatsWorld, case_id: str, marker: str) -> str:
    with world.store.uow(write=True) as uow:
        return attachments.attach(uow, world.village, case_id, io.BytesIO(_pdf(marker, 1)),
                                  doc_type="police_warning", filename="告诫书.pdf", description="告诫书").id


def _attachment_exports(world: StatsWorld, attachment_id: str) -> list:
    with world.store.uow() as uow:
        return uow.s.execute(select(AuditEntry.action, AuditEntry.detail)
                             .where(AuditEntry.entity == "attachment", AuditEntry.entity_id == attachment_id,
                                    AuditEntry.action == "export")).all()


@pytest.mark.parametrize("what_changes", ["account_disabled", "case_out_of_scope"])
def test_a_batch_audits_the_evidence_it_hands_to_a_layout_worker_even_if_the_paper_then_fails(world: StatsWorld, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    what_changes: str) -> None:
    """The case data, evidence included, is pickled to a layout worker process; then another desk disables the
    account or moves the case out of scope, so recording the paper fails. The evidence's entry was committed before
    it left (an earlier version carried the reads to the paper's unit of work and dropped them here)."""
    store, actor = world.store, world.village
    case_id = _new_case(world, f"池中打印后失败（{what_changes}）", accept=True)
    att_id = _attach(world, case_id, f"EVIDENCE-{what_changes}")
    shipped: list[bytes] = []
    real_executor = batch_pool._executor

    class Pool:   # the real pool; after a layout is handed to a worker, another desk changes something
        def __init__(self, size: int) -> None:
            self.pool = real_executor(size)

        def submit(self, fn, data, kind):  # noqa: ANN001, ANN202
            future = self.pool.submit(fn, data, kind)
            shipped.extend(data.extra["pdfs"].values())
            with store.uow(write=True) as other:
                if what_changes == "account_disabled":
                    other.s.execute(update(UserAccount).where(UserAccount.id == actor.user_id).values(active=False))
                else:
                    other.s.execute(update(Case).where(Case.id == case_id)
                                    .values(owner_unit_id=world.org.units[VILLAGE_A2]))
            return future

        def shutdown(self, **kw):  # noqa: ANN003, ANN202
            return self.pool.shutdown(**kw)

    monkeypatch.setattr(batch_pool, "_executor", Pool)
    try:
        result = render_batch_pooled(lambda: store.uow(write=True), actor, [case_id], DocumentKind.CASE_FILE,
                                     tmp_path, Recipient.FILE, PrintPurpose.EXPORT, None, 2)
    finally:
        with store.uow(write=True) as other:
            other.s.execute(update(UserAccount).where(UserAccount.id == actor.user_id).values(active=True))
    assert shipped and all(b"%PDF" in s[:8] for s in shipped), "the evidence was read and sent to a worker"
    assert result.failures and not result.files
    assert _attachment_exports(world, att_id) != [], \
        "evidence read and handed to another process, never audited"


def test_no_paper_reads_evidence_in_a_read_only_unit_of_work(world: StatsWorld) -> None:
    """`prepare` then `pdf_bytes` (both public) in a read-only unit of work would give a PDF embedding the evidence
    with nothing able to audit it: refused at the read."""
    store, actor = world.store, world.village
    case_id = _new_case(world, "只读打印", accept=True)
    _attach(world, case_id, "READONLY-EVIDENCE-MARKER")
    with store.uow() as uow, pytest.raises(RuntimeError, match="audited"):
        assemble.prepare(uow, actor, case_id, DocumentKind.CASE_FILE, Recipient.FILE)
