"""Which builder makes which paper, when a case has the data for it, and who may receive it."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable

from . import doc_court as dc
from . import doc_intake as di
from . import doc_mandatory_report as dr
from . import doc_mediation as dm
from . import doc_other as do
from .kinds import DocumentKind as K
from .kinds import Recipient as R
from .data import CaseData
from .layout import FORM, LETTER


@dataclass(frozen=True)
class DocSpec:
    available: Callable[[CaseData], bool]
    build: Callable[[CaseData], list[Flowable]]
    recipients: frozenset[R]
    in_case_file: bool = True    # the desk's receipt is handed over, not bound into the file


_ALL_PARTIES = frozenset({R.FILE, R.PARTY, R.RESPONDENT})
_APPLICANT = frozenset({R.FILE, R.PARTY})

# In the case file's order (DOMAIN.md): register, notices, rights notice, [evidence], records, agreement,
# follow-ups, then the papers this federation adds (referral, safety plan, petition opinion) and the report.
DOCUMENTS: dict[K, DocSpec] = {
    K.INTAKE_REGISTER: DocSpec(di.has_register, di.intake_register, frozenset({R.FILE})),
    K.INTAKE_RECEIPT: DocSpec(di.has_receipt, di.intake_receipt, _APPLICANT, in_case_file=False),
    K.ACCEPTANCE_NOTICE: DocSpec(di.has_acceptance, di.acceptance_notice, _APPLICANT),
    K.REJECTION_NOTICE: DocSpec(di.has_rejection, di.rejection_notice, _APPLICANT),
    K.RIGHTS_NOTICE: DocSpec(dm.has_rights_notice, dm.rights_notice, _ALL_PARTIES),
    K.MEDIATION_RECORD: DocSpec(dm.has_mediation_record, dm.mediation_record, _ALL_PARTIES),
    K.AGREEMENT: DocSpec(dm.has_agreement, dm.agreement, _ALL_PARTIES),
    K.FOLLOW_UP_RECORD: DocSpec(dm.has_follow_up, dm.follow_up_record, _APPLICANT),
    K.ORDER_APPLICATION: DocSpec(dc.has_order_application, dc.order_application, _APPLICANT),
    K.REFERRAL_LETTER: DocSpec(do.has_referral_letter, do.referral_letter, frozenset({R.FILE, R.AGENCY})),
    K.SAFETY_PLAN: DocSpec(do.has_safety_plan, do.safety_plan, _APPLICANT),
    # To the police (反家庭暴力法第十四条) and the file: never to a party (the reporter is kept confidential).
    K.MANDATORY_REPORT: DocSpec(dr.has_mandatory_report, dr.mandatory_report, frozenset({R.FILE, R.AGENCY})),
    K.PETITION_OPINION: DocSpec(di.has_petition_opinion, di.petition_opinion, _APPLICANT),
    K.CLOSING_REPORT: DocSpec(do.has_closing_report, do.closing_report, frozenset({R.FILE})),
    # Printed on its own for the parties to take to court; not part of the case file (its place there holds the
    # confirmation papers filed back), and refused for an agreement with a term the court would not confirm.
    K.CONFIRMATION_PACKET: DocSpec(dc.has_confirmation_packet, dc.confirmation_packet, _APPLICANT),
}
NOT_IN_CASE_FILE = frozenset({K.CONFIRMATION_PACKET})


# Letters and notices to a person or body: laid out after GB/T 9704 (layout.LETTER); the rest are forms and records.
LETTERS: frozenset[K] = frozenset({K.ACCEPTANCE_NOTICE, K.REJECTION_NOTICE, K.PETITION_OPINION, K.RIGHTS_NOTICE,
                                   K.REFERRAL_LETTER})


def sheet_for(kind: K) -> str:
    """The type sheet a paper is set on (layout.LETTER or layout.FORM)."""
    return LETTER if kind in LETTERS else FORM


def documents_for(d: CaseData) -> list[K]:
    """The kinds this case has data for, in case-file order, the case file itself last."""
    return [kind for kind, spec in DOCUMENTS.items() if spec.available(d)] + [K.CASE_FILE]


def allowed_recipients(kind: K) -> frozenset[R]:
    return DOCUMENTS[kind].recipients if kind in DOCUMENTS else frozenset({R.FILE})
