"""The case workflow: which step may follow which, and which steps need a supervisor.

登记 → 受理 → 办理中 → 待结案审核 → 已结案, with 不予受理, 转办, 终止 and 重新办理.
Gated steps (不予受理, 结案, 终止, and the clock extension and major-incident removal handled
elsewhere) are first *requested*; the state changes only when a supervisor approves.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .enums import CaseStatus
from .errors import WorkflowError

S = CaseStatus
_OPEN = frozenset({S.REGISTERED, S.ACCEPTED, S.IN_PROGRESS})
_ENDED = frozenset({S.CLOSED, S.REJECTED, S.TRANSFERRED, S.TERMINATED})


@dataclass(frozen=True)
class Step:
    label: str
    sources: frozenset[CaseStatus]
    target: CaseStatus
    needs_approval: bool = False
    needs_reason: bool = False


class Transition(StrEnum):
    ACCEPT = "accept"
    START = "start"
    REJECT = "reject"                    # 不予受理
    TRANSFER = "transfer"                # 转办 to another organ
    REQUEST_CLOSURE = "request_closure"
    CLOSE = "close"                      # 结案 (the approval of a closure request)
    RETURN_FOR_WORK = "return_for_work"  # closure request rejected: back to work
    TERMINATE = "terminate"              # 终止 (e.g. a party refuses mediation)
    REOPEN = "reopen"                    # 重新办理

    @property
    def step(self) -> Step:
        return STEPS[self]

    @property
    def label(self) -> str:
        return STEPS[self].label


STEPS: dict[Transition, Step] = {
    Transition.ACCEPT: Step("受理", frozenset({S.REGISTERED}), S.ACCEPTED),
    Transition.START: Step("开始办理", frozenset({S.ACCEPTED}), S.IN_PROGRESS),
    Transition.REJECT: Step("不予受理", frozenset({S.REGISTERED}), S.REJECTED, needs_approval=True, needs_reason=True),
    Transition.TRANSFER: Step("转办", _OPEN, S.TRANSFERRED, needs_reason=True),
    Transition.REQUEST_CLOSURE: Step("申请结案", frozenset({S.ACCEPTED, S.IN_PROGRESS}), S.PENDING_CLOSURE,
                                     needs_reason=True),
    Transition.CLOSE: Step("结案", frozenset({S.PENDING_CLOSURE}), S.CLOSED, needs_approval=True),
    Transition.RETURN_FOR_WORK: Step("退回继续办理", frozenset({S.PENDING_CLOSURE}), S.IN_PROGRESS,
                                     needs_reason=True),
    Transition.TERMINATE: Step("终止", frozenset({S.ACCEPTED, S.IN_PROGRESS, S.PENDING_CLOSURE}), S.TERMINATED,
                               needs_approval=True, needs_reason=True),
    Transition.REOPEN: Step("重新办理", _ENDED, S.IN_PROGRESS, needs_reason=True),
}


def allowed(status: CaseStatus) -> list[Transition]:
    return [t for t, step in STEPS.items() if status in step.sources]


def check(status: CaseStatus, transition: Transition, reason: str | None = None) -> CaseStatus:
    """The status after `transition`, or a WorkflowError saying why it cannot happen now."""
    step = STEPS[transition]
    if status not in step.sources:
        can = "、".join(t.label for t in allowed(status)) or "无"
        raise WorkflowError(f"案件当前为“{status.label}”，不能“{step.label}”。此时可以：{can}。",
                            code="illegal_transition")
    if step.needs_reason and not (reason or "").strip():
        raise WorkflowError(f"“{step.label}”须填写理由。", code="reason_required", field="reason")
    return step.target


def is_open(status: CaseStatus) -> bool:
    return status in _OPEN or status == S.PENDING_CLOSURE
