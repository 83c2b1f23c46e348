"""Mediation agreements (调解协议书, 人民调解法第二十八至三十条): terms, signatures and the effective date, and the
agreement view (with each term's non-confirmable flag). Confirmation, performance and follow-ups: agreement_followup.

Signatories: every current party of the case whose role is 申请人, 被申请人 or 受害人, plus the parties named in
`extra_signatory_ids` when the agreement is made (stored as the keys of `party_signatures`, value None until
signed). A party removed from the case stops being required. Minor children and witnesses never sign.

Effective: see domain.mediation_rules. When an agreement becomes effective: a timeline note (naming any term a court
cannot confirm), and for a written agreement the JUDICIAL_CONFIRMATION clock (30 days) starts at the moment of the
last signature or seal, unless one is already running on the case (an earlier agreement's window): then each
agreement's own window is still on its view and still enforced when applying. The clock id goes in the
"agreement_effective" event's data so that applying for confirmation stops that clock.

Making and signing an agreement needs an open case whose mediation has not ended.

Violence is not a term of mediation (services/mediation/mediation_safety.py): the facts, disputes, responsibility and every
term are checked against the reviewed phrase list (excusing or sharing the blame for violence, giving up the
police, a suit or a protection order, trading safety for money or custody); in a domestic-violence case the maker
must also confirm that the violence itself is not a term (`violence_not_a_term`), and the printed agreement says
that it does not settle the violence and that the protection remedies stay open.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain.clocks import ClockKind
from ...domain.errors import ConflictError, NotFound, ValidationError, WorkflowError
from ...domain.localtime import format_local, local_date
from ...domain.money import check_fen
from ...domain.mediation_rules import (
    NEVER_SIGN_ROLES,
    SIGNATORY_ROLES,
    AgreementForm,
    ConfirmationResult,
    Performance,
    SignatureHow,
    confirmation_deadline,
    default_copies,
    effective_moment,
    missing_signatures,
    non_confirmable,
    parse_enum,
    signature_moment,
)
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.base import utcnow
from ...store.models import Agreement, AgreementTerm, Case, CaseEvent
from ...store.uow import UnitOfWork
from ..clocks.clocks import running_clocks, start_clock_on, load_calendar
from . import mediation_safety
from .mediation_sessions import (
    PartyRef,
    chosen_mediators,
    require_not_ended,
    aware,
    case_parties,
    check_parties,
    require_open,
    text_or_none,
)

# --- views -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TermInput:
    obligor: str                 # who performs
    content: str                 # does what
    manner: str | None = None    # how (一次性支付, 每月5日前转账 …)
    deadline: date | None = None  # by when


@dataclass(frozen=True)
class TermView:
    id: str
    seq: int
    obligor: str
    content: str
    manner: str | None
    deadline: date | None
    performance: Performance
    performance_label: str
    performed_on: date | None
    performance_note: str | None
    overdue: bool                # deadline passed and not performed
    confirmable: bool
    non_confirmable_reason: str | None
    excluded_from_confirmation: bool
    version: int


@dataclass(frozen=True)
class SignatureView:
    party_id: str
    name: str
    role_label: str
    signed: bool
    how: SignatureHow | None
    how_label: str | None
    at: datetime | None


@dataclass(frozen=True)
class AgreementView:
    id: str
    case_id: str
    case_no: str
    form: AgreementForm
    form_label: str
    facts: str
    disputes: str | None
    responsibility: str | None
    copies: int | None
    signatures: tuple[SignatureView, ...]
    mediator_signed_at: datetime | None
    seal_applied_at: datetime | None
    missing: tuple[str, ...]     # what is still needed, in Chinese (王某签名, 调解员签名, 调解委员会印章)
    signature_state: str         # 待签署（尚缺 2 项）/ 已生效
    effective_on: date | None
    terms: tuple[TermView, ...]
    non_confirmable_count: int
    confirmation_deadline: date | None
    confirmation_applied_on: date | None
    confirmation_court: str | None
    confirmation_result: ConfirmationResult | None
    confirmation_result_label: str | None
    confirmation_decided_on: date | None
    version: int
    amount_involved_fen: int | None = None   # 涉及金额 in 分 (shown as 元); None: not given

    @property
    def is_effective(self) -> bool:
        return self.effective_on is not None


# --- helpers -----------------------------------------------------------------------------------------

def _signatories(agreement: Agreement, parties: Mapping[str, PartyRef]) -> list[str]:
    named = set(agreement.party_signatures or {})
    return [pid for pid, p in parties.items() if pid in named or p.role in SIGNATORY_ROLES]


def agreement_terms(uow: UnitOfWork, agreement_id: str) -> list[AgreementTerm]:
    return list(uow.s.execute(select(AgreementTerm).where(AgreementTerm.agreement_id == agreement_id,
                                                          AgreementTerm.deleted_at.is_(None))
                              .order_by(AgreementTerm.seq)).scalars())


def agreement_term_text(term: AgreementTerm) -> str:
    return "，".join(x for x in (term.content, term.manner) if x)


def agreement_events(uow: UnitOfWork, case_id: str, agreement_id: str, kind: str) -> list[CaseEvent]:
    rows = uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind == kind)
                         .order_by(CaseEvent.occurred_at, CaseEvent.created_at)).scalars()
    return [e for e in rows if (e.data or {}).get("agreement_id") == agreement_id]


def load_agreement(uow: UnitOfWork, actor: Actor, agreement_id: str) -> tuple[Agreement, Case]:
    agreement = uow.s.get(Agreement, agreement_id)
    if agreement is None or agreement.deleted_at is not None:
        raise NotFound("调解协议不存在。")
    return agreement, load_case(uow, actor, agreement.case_id)


def agreement_view(uow: UnitOfWork, agreement: Agreement, case: Case) -> AgreementView:
    parties = case_parties(uow, case.id)
    signatories = _signatories(agreement, parties)
    sigs = agreement.party_signatures or {}
    form = AgreementForm(agreement.form)
    signatures = []
    for pid in signatories:
        entry = sigs.get(pid)
        how = SignatureHow(entry["how"]) if entry else None
        signatures.append(SignatureView(pid, parties[pid].name, parties[pid].role_label, entry is not None, how,
                                        how.label if how else None, signature_moment(entry)))
    missing = () if agreement.effective_on else tuple(
        {"mediator": "调解员签名", "seal": "调解委员会印章"}.get(code) or f"{parties[code].name}签名"
        for code in missing_signatures(form, signatories, sigs, agreement.mediator_signed_at,
                                       agreement.seal_applied_at))
    applied = agreement_events(uow, case.id, agreement.id, "confirmation_applied")
    decided = agreement_events(uow, case.id, agreement.id, "confirmation_result")
    applied_data = (applied[-1].data or {}) if applied and agreement.confirmation_applied_on else {}
    excluded = set(applied_data.get("excluded_term_ids") or ())
    today = local_date(utcnow())
    terms = []
    for t in agreement_terms(uow, agreement.id):
        reason = non_confirmable(agreement_term_text(t))
        perf = Performance(t.performance)
        terms.append(TermView(
            t.id, t.seq, t.obligor, t.content, t.manner, t.deadline, perf, perf.label, t.performed_on,
            t.performance_note, bool(t.deadline and t.deadline < today and perf != Performance.DONE),
            reason is None, reason, t.id in excluded, t.version))
    result = ConfirmationResult(agreement.confirmation_result) if agreement.confirmation_result else None
    deadline = (confirmation_deadline(agreement.effective_on, load_calendar(uow)).last_day
                if agreement.effective_on and form == AgreementForm.WRITTEN else None)
    state = (f"已生效（{agreement.effective_on.isoformat()}）" if agreement.effective_on
             else f"待签署（尚缺 {len(missing)} 项）")
    return AgreementView(
        id=agreement.id, case_id=case.id, case_no=case.case_no, form=form, form_label=form.label,
        facts=agreement.facts, disputes=agreement.disputes, responsibility=agreement.responsibility,
        copies=agreement.copies, signatures=tuple(signatures), mediator_signed_at=agreement.mediator_signed_at,
        seal_applied_at=agreement.seal_applied_at, missing=missing, signature_state=state,
        effective_on=agreement.effective_on, terms=tuple(terms),
        non_confirmable_count=sum(not t.confirmable for t in terms), confirmation_deadline=deadline,
        confirmation_applied_on=agreement.confirmation_applied_on,
        confirmation_court=agreement.confirmation_court or applied_data.get("court"),   # older: the event only
        confirmation_result=result, confirmation_result_label=result.label if result else None,
        confirmation_decided_on=(date.fromisoformat(decided[-1].data["decided_on"]) if result and decided else None),
        version=agreement.version, amount_involved_fen=agreement.amount_involved_fen)


def audit_agreement(uow: UnitOfWork, actor: Actor, case: Case, action: str, entity: str, entity_id: str,
           detail: dict[str, Any]) -> None:
    audit.record(uow.s, actor, action, entity=entity, entity_id=entity_id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail=detail)


# --- making an agreement -----------------------------------------------------------------------------

def _term_inputs(terms: Iterable[Any]) -> list[TermInput]:
    result = []
    for item in terms or ():
        term = item if isinstance(item, TermInput) else TermInput(*item)
        if not (term.obligor or "").strip() or not (term.content or "").strip():
            raise ValidationError(f"第 {len(result) + 1} 条协议内容须写明履行人和履行事项。", field="terms")
        if term.deadline is not None and not isinstance(term.deadline, date):
            raise ValidationError(f"第 {len(result) + 1} 条的履行期限须为日期。", field="terms")
        result.append(term)
    if not result:
        raise ValidationError("调解协议至少须有一条协议内容。", field="terms")
    return result


def create_agreement(uow: UnitOfWork, actor: Actor, case_id: str, form: AgreementForm | str, facts: str,
                     disputes: str | None = None, responsibility: str | None = None, terms: Iterable[Any] = (),
                     copies: int | None = None, *, extra_signatory_ids: Iterable[str] = (),
                     agreed_at: datetime | None = None, violence_not_a_term: bool = False,
                     amount_involved_fen: int | None = None) -> AgreementView:
    """`terms`: TermInput or (obligor, content, manner, deadline) tuples. An oral agreement needs `agreed_at`,
    the moment the parties reached it (第三十条); it is effective at once. `violence_not_a_term`: the maker's
    confirmation, required in a domestic-violence case, that the violence itself is not a term.
    `amount_involved_fen`: the sum the agreement settles (涉及金额), in 分; None when it settles no money."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    require_open(case, "制作调解协议")
    require_not_ended(uow, case)
    form = parse_enum(AgreementForm, form, "协议形式", "form")
    amount = check_fen(amount_involved_fen)
    facts, disputes, responsibility = text_or_none(facts), text_or_none(disputes), text_or_none(responsibility)
    missing = [label for label, value in (("纠纷的主要事实", facts), ("争议事项", disputes), ("各方责任", responsibility))
               if not value and (form == AgreementForm.WRITTEN or label == "纠纷的主要事实")]
    if missing:
        raise ValidationError("调解协议须载明：" + "、".join(missing) + "（人民调解法第二十九条）。", field="facts")
    items = _term_inputs(terms)
    texts = [("纠纷的主要事实", facts), ("争议事项", disputes), ("各方责任", responsibility)]
    texts += [(f"第 {n} 条协议内容", "，".join(x for x in (t.obligor, t.content, t.manner) if x))
              for n, t in enumerate(items, start=1)]
    dv = mediation_safety.check_agreement_texts(uow, case, texts, bool(violence_not_a_term))
    parties = case_parties(uow, case.id)
    extra = check_parties(parties, extra_signatory_ids, "签署人", "signatories")
    if any(parties[p].role in NEVER_SIGN_ROLES for p in extra):
        raise ValidationError("未成年子女和证人不作为协议签署方（由监护人代为签署）。", field="signatories")
    signatories = [pid for pid, p in parties.items() if p.role in SIGNATORY_ROLES or pid in extra]
    if len(signatories) < 2:
        raise ValidationError("调解协议须有双方当事人签署：请先在案件中添加申请人和被申请人。", field="signatories")
    if form == AgreementForm.ORAL:
        agreed_at = aware(agreed_at, "达成口头协议的时间", "agreed_at", past=True)
        sigs: dict[str, Any] = {p: {"how": SignatureHow.ORAL.value, "at": agreed_at.isoformat()} for p in signatories}
        copies = None
    else:
        sigs = {p: None for p in signatories}
        need = default_copies(len(signatories))
        copies = need if copies is None else int(copies)
        if copies < need:
            raise ValidationError(f"调解协议书应一式 {need} 份以上（当事人各执一份，调解委员会留存一份）。", field="copies")
    agreement = Agreement(case_id=case.id, owner_unit_id=case.owner_unit_id, form=form.value, facts=facts,
                          disputes=disputes, responsibility=responsibility, party_signatures=sigs, copies=copies,
                          amount_involved_fen=amount)
    uow.s.add(agreement)
    uow.flush()
    for seq, item in enumerate(items, start=1):
        uow.s.add(AgreementTerm(agreement_id=agreement.id, owner_unit_id=case.owner_unit_id, seq=seq,
                                obligor=item.obligor.strip()[:100], content=item.content.strip(),
                                manner=text_or_none(item.manner), deadline=item.deadline))
    uow.flush()
    names = "、".join(parties[p].name for p in signatories)
    record_event(uow, actor, case, "agreement_created", f"制作{form.label}：{len(items)} 条协议内容，当事人 {names}",
           data={"agreement_id": agreement.id, "form": form.value, "domestic_violence": dv,
                 "violence_not_a_term": dv and bool(violence_not_a_term)})
    audit_agreement(uow, actor, case, audit.Action.CREATE, "agreement", agreement.id,
           {"form": form.value, "terms": len(items), "signatories": signatories, "copies": copies,
            "amount_involved_fen": amount,
            "violence_not_a_term_confirmed": dv and bool(violence_not_a_term)})
    if form == AgreementForm.ORAL:
        _becomes_effective(uow, actor, case, agreement, agreed_at)
    return agreement_view(uow, agreement, case)


def _check_effective(uow: UnitOfWork, actor: Actor, case: Case, agreement: Agreement) -> None:
    if agreement.effective_on is not None:
        return
    moment = effective_moment(agreement.form, _signatories(agreement, case_parties(uow, case.id)),
                              agreement.party_signatures, agreement.mediator_signed_at, agreement.seal_applied_at)
    if moment is not None:
        _becomes_effective(uow, actor, case, agreement, moment)


def _becomes_effective(uow: UnitOfWork, actor: Actor, case: Case, agreement: Agreement, moment: datetime) -> None:
    agreement.effective_on = local_date(moment)
    uow.flush()
    flagged = [(t, non_confirmable(agreement_term_text(t))) for t in agreement_terms(uow, agreement.id)]
    flagged = [(t, reason) for t, reason in flagged if reason]
    summary = f"调解协议生效（{agreement.effective_on.isoformat()}）"
    clock_id = None
    if agreement.form == AgreementForm.WRITTEN.value:
        deadline = confirmation_deadline(agreement.effective_on, load_calendar(uow)).last_day
        summary += f"，可于 {deadline.isoformat()} 前共同申请司法确认"
        running = [c for c in running_clocks(uow, case.id)
                   if c.kind == ClockKind.JUDICIAL_CONFIRMATION.value and c.stopped_at is None]
        if not running:
            clock_id = start_clock_on(uow, actor, case, ClockKind.JUDICIAL_CONFIRMATION, moment).id
    if flagged:
        summary += "；" + "、".join(f"第 {t.seq} 条" for t, _ in flagged) + "涉及身份关系，不能申请司法确认"
    record_event(uow, actor, case, "agreement_effective", summary,
           data={"agreement_id": agreement.id, "effective_on": agreement.effective_on.isoformat(),
                 "clock_id": clock_id, "non_confirmable_terms": [t.id for t, _ in flagged]})
    audit_agreement(uow, actor, case, audit.Action.UPDATE, "agreement", agreement.id,
           {"changes": {"effective_on": [None, agreement.effective_on.isoformat()]}, "clock_id": clock_id})


# --- signatures --------------------------------------------------------------------------------------

def _for_signing(uow: UnitOfWork, actor: Actor, agreement_id: str) -> tuple[Agreement, Case]:
    require(actor, Permission.CASE_EDIT)
    agreement, case = load_agreement(uow, actor, agreement_id)
    require_open(case, "签署调解协议")
    if agreement.form != AgreementForm.WRITTEN.value:
        raise WorkflowError("口头协议无需签名盖章，已于达成之日生效。", code="oral_agreement")
    return agreement, case


def sign_party(uow: UnitOfWork, actor: Actor, agreement_id: str, party_id: str, how: SignatureHow | str,
               at: datetime) -> AgreementView:
    agreement, case = _for_signing(uow, actor, agreement_id)
    parties = case_parties(uow, case.id)
    if party_id not in _signatories(agreement, parties):
        raise ValidationError("该当事人不是本协议的签署方。", field="party_id")
    how = parse_enum(SignatureHow, how, "签署方式", "how")
    if how == SignatureHow.ORAL:
        raise ValidationError("书面协议须签名、盖章或按指印。", field="how")
    at = aware(at, "签署时间", "at", past=True)
    sigs = dict(agreement.party_signatures or {})
    if sigs.get(party_id):
        raise ConflictError(f"{parties[party_id].name}已于 {format_local(signature_moment(sigs[party_id]))} 签署。",
                            code="already_signed")
    sigs[party_id] = {"how": how.value, "at": at.isoformat()}
    agreement.party_signatures = sigs
    uow.flush()
    record_event(uow, actor, case, "agreement_signed", f"{parties[party_id].name}在调解协议上{how.label}（{format_local(at)}）",
           data={"agreement_id": agreement.id, "party_id": party_id, "how": how.value})
    audit_agreement(uow, actor, case, audit.Action.UPDATE, "agreement", agreement.id,
           {"signed": {"party_id": party_id, "how": how.value, "at": at.isoformat()}})
    _check_effective(uow, actor, case, agreement)
    return agreement_view(uow, agreement, case)


def mediator_sign(uow: UnitOfWork, actor: Actor, agreement_id: str, at: datetime,
                  mediator_id: str | None = None) -> AgreementView:
    """The mediator's signature; `mediator_id` (default: the actor) names who signed on the timeline."""
    agreement, case = _for_signing(uow, actor, agreement_id)
    if agreement.mediator_signed_at is not None:
        raise ConflictError(f"调解员已于 {format_local(agreement.mediator_signed_at)} 签名。", code="already_signed")
    at = aware(at, "签名时间", "at", past=True)
    who = chosen_mediators(uow, actor, [mediator_id])[0] if mediator_id else {"user_id": actor.user_id,
                                                                         "name": actor.display_name}
    agreement.mediator_signed_at = at
    uow.flush()
    record_event(uow, actor, case, "agreement_mediator_signed", f"调解员 {who['name']} 在调解协议上签名（{format_local(at)}）",
           data={"agreement_id": agreement.id, "mediator_id": who["user_id"]})
    audit_agreement(uow, actor, case, audit.Action.UPDATE, "agreement", agreement.id,
           {"changes": {"mediator_signed_at": [None, at.isoformat()]}, "mediator_id": who["user_id"]})
    _check_effective(uow, actor, case, agreement)
    return agreement_view(uow, agreement, case)


def apply_seal(uow: UnitOfWork, actor: Actor, agreement_id: str, at: datetime) -> AgreementView:
    """The people's mediation committee's seal (加盖人民调解委员会印章)."""
    agreement, case = _for_signing(uow, actor, agreement_id)
    if agreement.seal_applied_at is not None:
        raise ConflictError(f"已于 {format_local(agreement.seal_applied_at)} 加盖印章。", code="already_sealed")
    at = aware(at, "盖章时间", "at", past=True)
    agreement.seal_applied_at = at
    uow.flush()
    record_event(uow, actor, case, "agreement_sealed", f"调解协议加盖调解委员会印章（{format_local(at)}）",
           data={"agreement_id": agreement.id})
    audit_agreement(uow, actor, case, audit.Action.UPDATE, "agreement", agreement.id,
           {"changes": {"seal_applied_at": [None, at.isoformat()]}})
    _check_effective(uow, actor, case, agreement)
    return agreement_view(uow, agreement, case)


# --- reading -----------------------------------------------------------------------------------------

def get_agreement(uow: UnitOfWork, actor: Actor, agreement_id: str) -> AgreementView:
    require(actor, Permission.CASE_READ)
    agreement, case = load_agreement(uow, actor, agreement_id)
    return agreement_view(uow, agreement, case)


def list_agreements(uow: UnitOfWork, actor: Actor, case_id: str) -> list[AgreementView]:
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    rows = uow.s.execute(select(Agreement).where(Agreement.case_id == case.id, Agreement.deleted_at.is_(None))
                         .order_by(Agreement.created_at)).scalars()
    return [agreement_view(uow, a, case) for a in rows]
