"""A paper, and a case opened on screen, is read in one snapshot of the store (store/uow.one_snapshot): another
desk's save shows in the whole paper or not at all, never 已受理 above a history that has already begun the work; the register of issued papers and
a batch's file name carry the number the paper prints; and a unit of work that has written sees its own rows in
the paper however the write was put; the evidence read into a case file is audited with the paper, after its pages are laid
out, so a print does not hold the audit chain's head meanwhile (tests/integration/test_paper_evidence_audit.py: never
unaudited). On SQLCipher a printing unit of work holds the write lock, so no other desk
can save meanwhile: the concurrent tests run on PostgreSQL."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from fulian_desktop.documents import case_file
from fulian_desktop.documents.api import render_batch
from fulian_desktop.documents.assemble import prepare, render
from fulian_desktop.documents.batch_pool import render_batch_pooled
from fulian_desktop.documents.kinds import DocumentKind, PrintPurpose, Recipient
from fulian_desktop.documents.verify import code_in_pdf
from fulian_desktop.domain.enums import CaseKind, PartyRole
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.store.models import AuditEntry, Case
from fulian_desktop.store.models_papers import IssuedPaper
from fulian_desktop.store.store import Store
from tests.support.concurrent_save import SaveAfter
from tests.support.stats_world import StatsWorld, at, build_stats_world
from tests.support.stores import on_postgres

concurrent = pytest.mark.skipif(not on_postgres(), reason="on SQLCipher no other desk can save while a print is audited")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> StatsWorld:
    return build_stats_world(tmp_path_factory.mktemp("papers"))


def _new_case(world: StatsWorld, title: str, *, accept: bool = False) -> str:
    with world.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, world.village, cases.NewCase(
            title=title, kind=CaseKind.MEDIATION, dispute_type="婚姻家庭", source="application",
            category="婚姻家庭", opened_at=at(10, 9))).row.id
        if accept:
            cases.add_party(uow, world.village, case_id, PersonInput(name="甲打印", sex="female"), PartyRole.APPLICANT)
            workflow.transition(uow, world.village, case_id, T.ACCEPT)
    return case_id


def _paper(store: Store, actor, case_id: str):  # noqa: ANN001, ANN202
    """A case file's data as printing reads it: in a write unit of work (the print is audited in it)."""
    with store.uow(write=True) as uow:
        return prepare(uow, actor, case_id, DocumentKind.CASE_FILE, Recipient.FILE)[1]


def _renumber(store: Store, case_id: str, number: str):  # noqa: ANN202
    def save() -> None:   # as a bundle from the district can
        with store.uow(write=True) as other:
            other.s.execute(update(Case).where(Case.id == case_id).values(case_no=number))
    return save


def _registered(store: Store, pdf: bytes) -> str:
    with store.uow() as uow:
        return uow.s.execute(select(IssuedPaper.case_no).where(IssuedPaper.code == code_in_pdf(pdf))).scalar_one()


@concurrent
@pytest.mark.parametrize("after_reading", ["FROM case_file", "FROM case_party"])
def test_a_case_file_is_read_in_one_snapshot(world: StatsWorld, after_reading: str) -> None:
    """Another desk begins the work on the case while its file is being read for printing: the paper shows the
    case before (已受理, two lines of history) or after (办理中, three), never the status of one and the history
    of the other. Found by a review of the report's fix: the paper was read statement by statement."""
    store, actor = world.store, world.village
    case_id = _new_case(world, f"打印时开始办理（{after_reading}）", accept=True)
    before = _paper(store, actor, case_id)

    def start_the_work() -> None:
        with store.uow(write=True) as other:
            workflow.transition(other, actor, case_id, T.START)

    with SaveAfter(store, start_the_work, needle=after_reading) as hook:
        during = _paper(store, actor, case_id)
    assert not hook.armed, "the save was made while the paper was read"
    later = _paper(store, actor, case_id)
    assert (later.status, len(later.timeline)) != (before.status, len(before.timeline))
    assert (during.status, during.timeline) in {(before.status, before.timeline), (later.status, later.timeline)}, \
        "the paper's status and its history come from two states of the store"


@concurrent
@pytest.mark.parametrize("after_reading", ["FROM case_file", "FROM case_party"])
def test_a_case_opened_on_screen_is_read_in_one_snapshot(world: StatsWorld, after_reading: str) -> None:
    """The case screen (cases.get_case, audited as a view): its header's status and its timeline from one state."""
    store, actor = world.store, world.village
    case_id = _new_case(world, f"打开时开始办理（{after_reading}）", accept=True)

    def opened():  # noqa: ANN202
        with store.uow(write=True) as uow:
            detail = cases.get_case(uow, actor, case_id)
        return detail.row.status, len(detail.events)

    def start_the_work() -> None:
        with store.uow(write=True) as other:
            # Not for ever: had the screen taken the audit chain's head before reading (as it did), this desk's
            # own audit entry would wait for it inside the hook — a hang instead of a failure.
            other.s.execute(text("SET LOCAL lock_timeout = '5s'"))
            workflow.transition(other, actor, case_id, T.START)

    before = opened()
    with SaveAfter(store, start_the_work, needle=after_reading) as hook:
        during = opened()
    assert not hook.armed
    later = opened()
    assert later != before and during in {before, later}, "the screen's status and its timeline disagree"


@concurrent
def test_the_register_holds_the_case_number_the_paper_prints(world: StatsWorld) -> None:
    """A case renumbered while its paper is being made: the register holds the number printed on the paper, read
    in the paper's snapshot, not the one read before it (the print's first look at the case, for its scope)."""
    case_id = _new_case(world, "打印时改号")
    with SaveAfter(world.store, _renumber(world.store, case_id, "（2026）改号第99号"), needle="FROM case_file") as hook, \
            world.store.uow(write=True) as uow:
        pdf = render(uow, world.village, case_id, DocumentKind.CASE_FILE, Recipient.FILE, PrintPurpose.PRINT)
    assert not hook.armed
    assert _registered(world.store, pdf) == "（2026）改号第99号", "the register names another number than the paper"


@concurrent
def test_a_batch_file_is_named_by_the_number_its_paper_prints(world: StatsWorld, tmp_path: Path) -> None:
    """Batch printing in one process read the file's number before the paper's snapshot: a renumbering in between
    gave a file named by the old number holding a paper with the new (two cases could then share a name)."""
    case_id = _new_case(world, "批量改号")
    with SaveAfter(world.store, _renumber(world.store, case_id, "（2026）改号第77号"), needle="FROM case_file") as hook:
        result = render_batch(lambda: world.store.uow(write=True), world.village, [case_id], DocumentKind.CASE_FILE,
                              tmp_path, recipient=Recipient.FILE, purpose=PrintPurpose.EXPORT, workers=1)
    assert not hook.armed and len(result.files) == 1
    assert _registered(world.store, result.files[0].read_bytes()) == "（2026）改号第77号"
    assert "改号第77号" in result.files[0].name


class _Undo(Exception):
    pass


# Writes the driver sees that do not begin with INSERT/UPDATE/DELETE (found by an attack on the check whether a unit of work has written).
RENAMES = {
    "plain": "UPDATE case_file SET title = :t WHERE id = :id",
    "comment first": "/* desk 3 */ UPDATE case_file SET title = :t WHERE id = :id",
    "WITH … UPDATE": "WITH c AS (UPDATE case_file SET title = :t WHERE id = :id RETURNING id) SELECT id FROM c",
    "MERGE": ("MERGE INTO case_file USING (SELECT CAST(:id AS varchar) AS id) s ON case_file.id = s.id "
              "WHEN MATCHED THEN UPDATE SET title = :t"),
}


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL's statements (SQLCipher reads in the unit of work itself)")
@pytest.mark.parametrize("how", [*RENAMES, "the driver's own cursor"])
def test_a_paper_made_after_a_write_in_its_unit_of_work_shows_that_write(world: StatsWorld, how: str) -> None:
    case_id = _new_case(world, f"原标题（{how}）")
    seen: dict[str, object] = {}
    with pytest.raises(_Undo), world.store.uow(write=True) as uow:
        if how in RENAMES:
            uow.s.execute(text(RENAMES[how]), {"t": "改名后的标题", "id": case_id})
        else:
            with uow.s.connection().connection.driver_connection.cursor() as cur:
                cur.execute("UPDATE case_file SET title = %s WHERE id = %s", ("改名后的标题", case_id))
        seen["paper"] = prepare(uow, world.village, case_id, DocumentKind.CASE_FILE, Recipient.FILE)[1].title
        raise _Undo   # nothing kept: the write is this unit of work's own
    assert seen["paper"] == "改名后的标题", "the paper was read in a snapshot without its own unit of work's write"


@pytest.mark.skipif(not on_postgres(), reason="a server's connection pool")
def test_a_desk_whose_connections_are_all_in_use_is_told_so_in_chinese(world: StatsWorld) -> None:
    """A print in a write unit of work reads in a snapshot of its own: a second connection. When every connection
    of the pool stays in use (here a pool of one; at an office, a dozen prints at once), the desk hears why, in
    Chinese, and nothing is written — not SQLAlchemy's English TimeoutError."""
    from fulian_desktop.domain.errors import StoreError
    from fulian_desktop.store.engine import make_engine

    case_id = _new_case(world, "连接用尽")
    url = world.store.engine.url.render_as_string(hide_password=False)
    narrow = Store(make_engine(url, pool_size=1, max_overflow=0, pool_timeout=1), store_id=world.store.store_id,
                   paths=None, demo=False)
    try:
        with pytest.raises(StoreError, match="连接全部被占用.*您的输入已保留") as refused, narrow.uow(write=True) as uow:
            render(uow, world.village, case_id, DocumentKind.CASE_FILE, Recipient.FILE, PrintPurpose.PRINT)
        assert refused.value.code == "server_busy"
    finally:
        narrow.close()
    with world.store.uow() as uow:
        printed = uow.s.execute(select(IssuedPaper.code).where(IssuedPaper.case_id == case_id)).all()
    assert printed == [], "a print that failed was registered"


@concurrent
def test_a_case_file_with_evidence_does_not_hold_the_audit_chain_while_its_pages_are_laid_out(
        world: StatsWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each attachment read into a case file is audited. The entry used to be written as the file was read, so the
    print held the audit chain's head — which every audited save at every desk waits for — while its pages, the
    evidence's included, were laid out. Now the entries go in with the paper's own, after the layout."""
    from tests.integration.test_documents_evidence import _pdf

    store, actor = world.store, world.village
    case_id = _new_case(world, "带证据材料的卷宗", accept=True)
    with store.uow(write=True) as uow:
        attachments.attach(uow, actor, case_id, io.BytesIO(_pdf("EVIDENCE-LAYOUT", 2)), doc_type="police_warning",
                           filename="告诫书.pdf", description="派出所出具的告诫书")
    real = case_file.render_case_file
    saved_during_layout = []

    def layout_while_another_desk_saves(d, meta):  # noqa: ANN001, ANN202
        with store.uow(write=True) as other:
            other.s.execute(text("SET LOCAL lock_timeout = '5s'"))   # a failure, not a hang, on the old order
            workflow.transition(other, actor, case_id, T.START)      # audited
        saved_during_layout.append(True)
        return real(d, meta)

    monkeypatch.setattr(case_file, "render_case_file", layout_while_another_desk_saves)
    with store.uow(write=True) as uow:
        pdf = render(uow, actor, case_id, DocumentKind.CASE_FILE, Recipient.FILE, PrintPurpose.PRINT)
    assert saved_during_layout and b"%PDF" in pdf[:8]
    assert _last_two_entries(store, case_id) == [("attachment", "case_file"), ("document", "case_file")], \
        "the evidence read into the paper is audited, just before the paper"


def _last_two_entries(store: Store, case_id: str) -> list[tuple[str, str]]:
    with store.uow() as uow:
        entries = uow.s.execute(select(AuditEntry.entity, AuditEntry.detail)
                                .where(AuditEntry.case_id == case_id).order_by(AuditEntry.seq)).all()
    return [(e, d.get("purpose") or d.get("document")) for e, d in entries[-2:]]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_audits_the_evidence_it_read_into_each_case_file_with_the_file(world: StatsWorld, tmp_path: Path,
                                                                               workers: int) -> None:
    """Batch printing audits the evidence read into each case file just before the paper, on every path: in one
    process with the paper after layout; with a pool of layout workers before the contents leave for a worker."""
    from tests.integration.test_documents_evidence import _pdf

    store, actor = world.store, world.village
    case_id = _new_case(world, f"批量打印带证据材料（{workers}）", accept=True)
    with store.uow(write=True) as uow:
        attachments.attach(uow, actor, case_id, io.BytesIO(_pdf("EVIDENCE-BATCH", 1)), doc_type="police_warning",
                           filename="告诫书.pdf", description="派出所出具的告诫书")
    if workers == 1:
        result = render_batch(lambda: store.uow(write=True), actor, [case_id], DocumentKind.CASE_FILE, tmp_path,
                              recipient=Recipient.FILE, purpose=PrintPurpose.EXPORT, workers=1)
    else:   # the pool's path, which a batch of one would not take
        result = render_batch_pooled(lambda: store.uow(write=True), actor, [case_id], DocumentKind.CASE_FILE,
                                     tmp_path, Recipient.FILE, PrintPurpose.EXPORT, None, workers)
    assert len(result.files) == 1 and not result.failures
    assert _last_two_entries(store, case_id) == [("attachment", "case_file"), ("document", "case_file")]
