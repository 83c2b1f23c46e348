"""The inbound rule for safety screenings before a joint mediation session (`mediation_screening`), as
sync/authority.py applies it to each row a station sends (docs/sync.md)."""
from __future__ import annotations

from typing import Any, NoReturn, Protocol

from ..domain.dv_mediation import ScreeningAnswers, VictimChoice, evaluate_screening
from .rows import columns, encode_row

APPROVAL_COLUMNS = ("approved_by", "approved_by_name", "approved_at", "approval_note")


class Checker(Protocol):
    """What of the inbound check a screening's rule uses."""

    sender_name: str
    mine: Any

    def local_row(self, name: str, rid: Any) -> Any: ...

    def new_in_bundle(self, name: str, rid: Any) -> dict[str, Any] | None: ...

    def refuse(self, name: str, rid: Any, reason: str) -> NoReturn: ...


def check_screening(self: Checker, row: dict[str, Any], local: Any) -> None:
    """A safety screening a station sends: its result must follow from its answers, its victim and session
    belong to its case, and an approval it adds comes from a supervisor of the sender's subtree other than
    the screener; an approval once given is never taken off."""
    rid, who = row["id"], self.sender_name
    before = dict(zip(columns("mediation_screening"), encode_row("mediation_screening", local))) \
        if local is not None else {}
    try:
        answers = ScreeningAnswers(bool(row.get("speaks_freely")), bool(row.get("fears_other_party")),
                                   bool(row.get("violence_since_last")), bool(row.get("separate_offered")),
                                   VictimChoice(str(row.get("victim_choice"))), str(row.get("victim_words") or ""))
    except ValueError:
        self.refuse("mediation_screening", rid, "受害人的选择不是“面对面”或“背对背”")
    result = evaluate_screening(answers, row.get("risk_level") == "high")
    if not answers.separate_offered or not answers.victim_words.strip() or \
            row.get("joint_allowed") is not result.joint_allowed or \
            (result.joint_allowed and row.get("needs_approval") is not result.needs_approval):
        self.refuse("mediation_screening", rid, "评估结论与评估中记录的回答不符（或未记录已告知背对背调解、"
                                                "受害人本人的意愿）")
    case = row.get("case_id")
    party = self.local_row("case_party", row.get("victim_party_id")) or \
        self.new_in_bundle("case_party", row.get("victim_party_id"))
    if party is None or party["case_id"] != case:
        self.refuse("mediation_screening", rid, "评估对象不是本案的当事人")
    if row.get("session_id") is not None and row.get("session_id") != before.get("session_id"):
        session = self.local_row("mediation_session", row.get("session_id")) or \
            self.new_in_bundle("mediation_session", row.get("session_id"))
        if session is None or session["case_id"] != case or session.get("mode", "joint") != "joint":
            self.refuse("mediation_screening", rid, "评估所用于的调解不是本案的面对面联合调解")
    if any(row.get(c) != before.get(c) for c in APPROVAL_COLUMNS) and row.get("approved_at") is not None:
        approver = self.local_row("user_account", row.get("approved_by"))
        if approver is None or approver["owner_unit_id"] not in self.mine or approver["role"] != "supervisor":
            self.refuse("mediation_screening", rid, f"督导批准须由{who}及其下级单位的督导作出，"
                                                    "调解员不能自行记录督导批准")
        if row.get("approved_by") == row.get("screened_by"):
            self.refuse("mediation_screening", rid, "批准人不能是做安全评估的本人")
    elif before.get("approved_at") is not None and row.get("approved_at") is None:
        self.refuse("mediation_screening", rid, "不能撤去已有的督导批准记录")
