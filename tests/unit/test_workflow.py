"""Every workflow step, allowed and refused, as a caseworker would meet it."""
import pytest

from fulian_desktop.domain.enums import CaseStatus as S
from fulian_desktop.domain.errors import WorkflowError
from fulian_desktop.domain.workflow import STEPS, Transition as T, allowed, check, is_open

ALLOWED = {
    (S.REGISTERED, T.ACCEPT): S.ACCEPTED,
    (S.ACCEPTED, T.START): S.IN_PROGRESS,
    (S.REGISTERED, T.REJECT): S.REJECTED,
    (S.REGISTERED, T.TRANSFER): S.TRANSFERRED,
    (S.ACCEPTED, T.TRANSFER): S.TRANSFERRED,
    (S.IN_PROGRESS, T.TRANSFER): S.TRANSFERRED,
    (S.ACCEPTED, T.REQUEST_CLOSURE): S.PENDING_CLOSURE,
    (S.IN_PROGRESS, T.REQUEST_CLOSURE): S.PENDING_CLOSURE,
    (S.PENDING_CLOSURE, T.CLOSE): S.CLOSED,
    (S.PENDING_CLOSURE, T.RETURN_FOR_WORK): S.IN_PROGRESS,
    (S.ACCEPTED, T.TERMINATE): S.TERMINATED,
    (S.IN_PROGRESS, T.TERMINATE): S.TERMINATED,
    (S.PENDING_CLOSURE, T.TERMINATE): S.TERMINATED,
    (S.CLOSED, T.REOPEN): S.IN_PROGRESS,
    (S.REJECTED, T.REOPEN): S.IN_PROGRESS,
    (S.TRANSFERRED, T.REOPEN): S.IN_PROGRESS,
    (S.TERMINATED, T.REOPEN): S.IN_PROGRESS,
}


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("transition", list(T))
def test_every_pair_is_allowed_or_refused_with_a_message(status: S, transition: T) -> None:
    if (status, transition) in ALLOWED:
        assert check(status, transition, reason="当事人双方同意") == ALLOWED[(status, transition)]
        assert transition in allowed(status)
    else:
        with pytest.raises(WorkflowError) as err:
            check(status, transition, reason="理由")
        assert err.value.code == "illegal_transition"
        assert status.label in err.value.message and transition.label in err.value.message
        assert transition not in allowed(status)


def test_the_table_covers_exactly_the_designed_steps() -> None:
    designed = {(s, t) for t, step in STEPS.items() for s in step.sources}
    assert designed == set(ALLOWED)


@pytest.mark.parametrize("transition", [t for t, s in STEPS.items() if s.needs_reason])
def test_steps_that_need_a_reason_refuse_a_blank_one(transition: T) -> None:
    source = next(iter(STEPS[transition].sources))
    with pytest.raises(WorkflowError) as err:
        check(source, transition, reason="  ")
    assert err.value.code == "reason_required"


def test_supervisor_gates_are_the_ones_the_rules_name() -> None:
    gated = {t for t, s in STEPS.items() if s.needs_approval}
    assert gated == {T.REJECT, T.CLOSE, T.TERMINATE}


def test_message_lists_what_can_be_done_instead() -> None:
    with pytest.raises(WorkflowError) as err:
        check(S.CLOSED, T.ACCEPT)
    assert "重新办理" in err.value.message


def test_open_and_ended() -> None:
    assert is_open(S.PENDING_CLOSURE) and is_open(S.REGISTERED)
    assert not is_open(S.CLOSED) and not is_open(S.TERMINATED)
