"""The 司法确认 window of a case's agreement in effect, as the case page shows it (人民调解法第三十三条), with a warning
when a term is one a court will not confirm (司法确认规定（2011）第四条). The packet itself is a document
(documents/doc_court.py); this is what the case says before anyone prints it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ...domain.clock import today_local
from ...domain.confirmation_rules import BlockedTerm, blocked_terms, window, window_text
from ...store.models import Agreement, AgreementTerm, Case
from ...store.uow import UnitOfWork


@dataclass(frozen=True)
class ConfirmationWindow:
    effective_on: date
    last_day: date
    blocked: tuple[BlockedTerm, ...]
    applied_on: date | None

    def text(self, today: date) -> str:
        if self.applied_on:
            return f"司法确认：已于{self.applied_on.year}年{self.applied_on.month}月{self.applied_on.day}日申请"
        out = "司法确认：" + window_text(self.effective_on, self.last_day, today)
        if self.blocked:
            out += "。注意：" + "；".join(b.message for b in self.blocked) + "，人民法院不予受理此类确认申请"
        return out


def confirmation_window(uow: UnitOfWork, case: Case) -> ConfirmationWindow | None:
    """The latest agreement in effect's window, or None when no agreement is in effect."""
    agreement = uow.s.execute(select(Agreement).where(Agreement.case_id == case.id, Agreement.deleted_at.is_(None),
                                                      Agreement.effective_on.is_not(None))
                              .order_by(Agreement.created_at.desc(), Agreement.id.desc()).limit(1)).scalar()
    if agreement is None or agreement.effective_on is None:
        return None
    from ..clocks.clocks import load_calendar

    terms = uow.s.execute(select(AgreementTerm.seq, AgreementTerm.content).where(
        AgreementTerm.agreement_id == agreement.id, AgreementTerm.deleted_at.is_(None))
        .order_by(AgreementTerm.seq)).all()
    last = window(agreement.effective_on, load_calendar(uow)).last_day or agreement.effective_on
    return ConfirmationWindow(agreement.effective_on, last, tuple(blocked_terms([(s, c) for s, c in terms])),
                              agreement.confirmation_applied_on)


def window_line(uow: UnitOfWork, case: Case) -> str | None:
    found = confirmation_window(uow, case)
    return found.text(today_local()) if found is not None else None
