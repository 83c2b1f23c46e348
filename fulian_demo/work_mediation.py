"""Mediation work on a demo case: sessions with their records (笔录), agreements with terms and
signatures, judicial confirmation, performance and follow-up visits, and the marriage-mediation
outcome, as services.mediation.mediation_sessions / agreements / agreement_followup / mediation write them.

The effective date comes from domain.mediation_rules.effective_moment over the very signatures
stored, so an agreement has a date exactly when every signature and the seal are in.
"""
from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.mediation_rules import (
    MEDIATOR_SPEAKER, AgreementForm, ConfirmationResult, FollowUpMethod, MarriageOutcome, Notice, Performance,
    Satisfaction, SessionOutcome, SignatureHow, confirmation_deadline, default_copies, effective_moment,
    non_confirmable, other_routes,
)
from . import narratives_work as nw
from .writer import ts_datetime

from .work_time import DAY, day_ts, fmt, iso, local_day, office

if TYPE_CHECKING:
    from .work import Ctx, WorkMaker

_ENDING = frozenset({"failed", "withdrawn", "refused"})
_FIRST_NOTICES = [Notice.RIGHTS_DUTIES.value, Notice.RECUSAL.value, Notice.VOLUNTARY.value,
                  Notice.CONFIDENTIALITY.value]


def mediate(m: WorkMaker, c: Ctx, *, lean: bool = False) -> None:
    """The sessions of a mediation case, and its agreement when it reached one. A case that has ended (or asks
    to close) ends as its closing reason says (`c.settled`, chosen with the timeline). Where there was
    violence the parties never sit at one table: every session is a separate one (背靠背) with one side.

    `lean` (a file closed long ago): the sessions and the agreement with its signatures, terms (performance
    kept on each term) and clock, but no cancelled session, no application for judicial confirmation, no
    performance notes or follow-up visits on the timeline, which keeps a big demo quick to make
    (work.FULL_WORK_DAYS)."""
    dice, rand = m.dice, m.dice.random
    sigs = c.signatories
    a, r = c.party("applicant"), c.party("respondent")
    if len(sigs) < 2 or a is None or r is None:
        return  # nobody on the other side (a consultation-like case): nothing to mediate
    unit = c.unit
    separate = bool(c.sc.dv)
    staff = [h for h in unit.handlers if h != c.handler]
    mediators = [c.handler] + ([dice.pick(staff)] if staff and rand() < 0.4 else [])
    mediators_json = [{"user_id": uid, "name": name} for uid, name in mediators]
    mediator_names = "、".join(name for _, name in mediators)
    recorder = dice.pick(unit.receptions or unit.handlers or [c.handler])[1]
    place = dice.pick(nw.DV_PLACES if separate else nw.PLACES).format(P=unit.name)
    expected = [pid for pid, _, _ in sigs]
    # The two sides of a separate session: the one who asked (and the one hurt), and the respondent.
    asking = [pid for pid, _, role in sigs if role != "respondent"]
    answering = [r[0]]
    names = {pid: p.surname + p.given for pid, p, _ in c.parties}
    js, ts = m.values.js, m.values.ts
    words = nw.STATEMENTS[c.family if c.family in nw.STATEMENTS else "other"]
    if separate:
        words = nw.STATEMENTS["dv"] if c.family == "dv" else words

    def session(sched_evt: int, scheduled: int, status: str, held: int | None = None, outcome: str | None = None,
                first: bool = False, cancel: str | None = None, side: list[str] | None = None) -> str:
        sid = m.new_id()
        present = notices = stmts = note = None
        who = side or expected
        if status == "held":
            assert held is not None and outcome is not None
            present = [a[0]] if outcome == "refused" and side is None else who
            notices = list(_FIRST_NOTICES) if first else [Notice.RIGHTS_DUTIES.value]
            if outcome == "failed":
                notices.append(Notice.OTHER_ROUTES.value)
            if side is None:
                opening = nw.MEDIATOR_OPENING[0 if first else dice.ri(1, 3)]
            else:
                opening = nw.SEPARATE_OPENING[0 if first else 1]
            stmts = [{"speaker": MEDIATOR_SPEAKER, "speaker_name": "调解员", "text": opening}]
            if side is None or side is asking:
                stmts.append({"speaker": a[0], "speaker_name": names[a[0]], "text": dice.pick(words[0])})
            if (side is None and outcome != "refused") or side is answering:
                stmts.append({"speaker": r[0], "speaker_name": names[r[0]], "text": dice.pick(words[1])})
            closing = {"agreement": 1, "failed": 3, "continue": dice.pick((0, 2))}.get(outcome)
            if side is not None and outcome in ("continue", "agreement"):
                stmts.append({"speaker": MEDIATOR_SPEAKER, "speaker_name": "调解员", "text": nw.SEPARATE_CLOSING[
                    2 if outcome == "agreement" else 0 if side is asking else 1]})
            elif closing is not None:
                stmts.append({"speaker": MEDIATOR_SPEAKER, "speaker_name": "调解员",
                              "text": nw.MEDIATOR_CLOSING[closing]})
            if outcome in _ENDING:
                note = dice.pick(nw.OUTCOME_NOTES[outcome])
        m.add("mediation_session", c, sched_evt, sid, c.id, ts(scheduled), place[:200], js(mediators_json), recorder,
              js(who), status, ts(held) if held else None, js(present), js(notices), js(stmts), outcome, note,
              cancel, "separate" if side is not None else "joint")
        what = "分别调解（背靠背，" + "、".join(names[p] for p in who) + "）" if side is not None else "调解"
        m.event(c, sched_evt, "mediation_scheduled",
                f"安排{what}：{fmt(scheduled)}，{place}，调解员 {mediator_names}", {"session_id": sid})
        if status == "held":
            label = SessionOutcome(outcome).label
            m.event(c, held, "mediation_held", f"{what}（{fmt(held)}，{place}）：{label}，到场当事人 "
                    + "、".join(names[p] for p in present), {"session_id": sid, "outcome": outcome})
            if outcome in _ENDING:
                basis = "人民调解法第十七条" if outcome == "refused" else "人民调解法第二十六条"
                m.event(c, held + 1, "mediation_ended", f"调解终止：{label}（{note}；{basis}）",
                        {"session_id": sid, "outcome": outcome})
        elif status == "cancelled":
            m.event(c, held, "mediation_cancelled", f"取消调解安排（{fmt(scheduled)}，{place}）：{cancel}",
                    {"session_id": sid})
        return sid

    first_side = asking if separate else None
    status, lo, hi = c.status, c.lo, c.hi
    if status == "accepted":
        if rand() < 0.6 and hi - lo > 60:
            at = m.points(lo, hi, 1)[0]
            session(at, office(m.now + dice.ri(1, 12) * DAY), "scheduled", side=first_side)
        return
    n = 1 if rand() < 0.5 else 2 if rand() < 0.7 else 3
    oral = False
    if c.settled is not None:  # the case has ended, or asks to: as its closing reason says
        final, oral = c.settled
    else:
        final = "agreement" if rand() < 0.15 else "continue"
    if final == "refused":
        n = 1
    cancelled = not lean and rand() < 0.1
    per_round = 2 if separate else 1
    times = m.points(lo, hi, 2 * n * per_round + 9 + 2 * cancelled)
    k = 0
    if cancelled:
        session(times[0], office(times[0] + dice.ri(1, 4) * DAY), "cancelled", held=times[1],
                cancel=dice.pick(nw.CANCEL_REASONS), side=first_side)
        k = 2
    last_held = lo
    for i in range(n):
        outcome = final if i == n - 1 else "continue"
        sides: list[list[str] | None] = [asking, answering] if separate else [None]
        for j, side in enumerate(sides):
            held = times[k + 1]
            # In a separate round the respondent's session ends it; the first side's goes on to the other.
            this = outcome if j == len(sides) - 1 else "continue"
            session(times[k], max(held - dice.ri(0, 600), times[k] + 1), "held", held, this,
                    first=i == 0, side=side)
            last_held, k = held, k + 2
    if status == "in_progress" and final == "continue" and rand() < 0.3:
        session(times[k], office(m.now + dice.ri(1, 12) * DAY), "scheduled", side=first_side)
        k += 1
    agreement_id = None
    if final == "agreement":
        agreement_id = _agreement(m, c, a, r, names, mediators_json[0], last_held, times[k:-1], oral=oral,
                                  partial=status == "in_progress" and rand() < 0.5, lean=lean)
    if c.sc.dispute == "婚姻家庭" and status in ("closed", "pending_closure", "terminated"):
        _marriage_outcome(m, c, final, agreement_id, times[-1])


def _agreement(m: WorkMaker, c: Ctx, a: tuple, r: tuple, names: dict[str, str], mediator: dict[str, str],
               reached: int, slots: list[int], *, oral: bool, partial: bool, lean: bool = False) -> str | None:
    dice, rand = m.dice, m.dice.random
    js, ts, day = m.values.js, m.values.ts, m.values.day
    sigs = c.signatories
    oral = oral and not partial
    form = AgreementForm.ORAL if oral else AgreementForm.WRITTEN
    aid = m.new_id()
    created = slots[0]
    signatory_ids = [pid for pid, _, _ in sigs]
    # Terms, from the family's templates, with names and amounts filled in.
    family = c.family if c.family in nw.TERMS else "other"
    pool = nw.TERMS[family]
    chosen = [t for t in pool if rand() < 0.75] or [pool[0]]
    fill = {"A": names[a[0]], "R": names[r[0]], "M": dice.ri(3, 30) * 100, "W": dice.ri(1, 20),
            "K": "子女", "P": c.unit.name}
    if oral:
        party_signatures = {pid: {"how": SignatureHow.ORAL.value, "at": iso(reached)} for pid in signatory_ids}
        mediator_at = seal_at = None
        sign_events: list[tuple[int, str, str, dict]] = []
    else:
        party_signatures, sign_events = {}, []
        k = 1
        for pid in signatory_ids:
            if partial and pid == signatory_ids[-1]:
                party_signatures[pid] = None
                continue
            how = SignatureHow.SIGNED if rand() < 0.7 else SignatureHow.FINGERPRINT
            at = slots[k]
            k += 1
            party_signatures[pid] = {"how": how.value, "at": iso(at)}
            sign_events.append((at, "agreement_signed", f"{names[pid]}在调解协议上{how.label}（{fmt(at)}）",
                                {"agreement_id": aid, "party_id": pid, "how": how.value}))
        mediator_at = slots[k]
        sign_events.append((mediator_at, "agreement_mediator_signed",
                            f"调解员 {mediator['name']} 在调解协议上签名（{fmt(mediator_at)}）",
                            {"agreement_id": aid, "mediator_id": mediator["user_id"]}))
        seal_at = None if partial else slots[k + 1]
        if seal_at is not None:
            sign_events.append((seal_at, "agreement_sealed", f"调解协议加盖调解委员会印章（{fmt(seal_at)}）",
                                {"agreement_id": aid}))
    moment = effective_moment(form, signatory_ids, party_signatures,
                              ts_datetime(mediator_at) if mediator_at else None,
                              ts_datetime(seal_at) if seal_at else None)
    eff_ts = int(moment.timestamp()) if moment else None
    effective_on = local_day(eff_ts) if eff_ts is not None else None
    base_day = effective_on or local_day(created)
    today = local_day(m.now)
    terms = []
    for seq, (who, content, manner, days) in enumerate(chosen, start=1):
        text = content.format(**fill)
        obligor = {"A": fill["A"], "R": fill["R"]}.get(who, "双方")
        deadline = base_day + timedelta(days=days) if days else None
        perf, performed_on, note = _performance(m, effective_on, deadline, today)
        terms.append((m.new_id(), seq, obligor, text, manner, deadline, perf, performed_on, note))
    flagged = [t[0] for t in terms if non_confirmable("，".join(x for x in (t[3], t[4]) if x))]
    copies = None if oral else default_copies(len(signatory_ids))
    applied_on = result = court = decided_on = None
    deadline_day = None
    if effective_on is not None and not oral:
        deadline_day = m.state.get(("confirm", effective_on))
        if deadline_day is None:  # the calendar is slow: one look-up per day
            deadline_day = m.state[("confirm", effective_on)] = confirmation_deadline(effective_on, m.cal).last_day
        if not flagged and not lean and rand() < 0.18:
            applied_on = effective_on + timedelta(days=dice.ri(2, 20))
            if applied_on > min(deadline_day, today - timedelta(days=1)):
                applied_on = None
        if applied_on is not None:
            court = dice.pick(nw.COURTS)
            decided_on = applied_on + timedelta(days=dice.ri(3, 15))
            if decided_on < today:
                result = ConfirmationResult.CONFIRMED if rand() < 0.9 else ConfirmationResult.NOT_CONFIRMED
            else:
                decided_on = None
    m.add("agreement", c, created, aid, c.id, form.value, nw.FACTS[family].format(**fill),
          None if oral else nw.DISPUTES[family].format(**fill),
          None if oral else dice.pick(nw.DV_RESPONSIBILITY if c.sc.dv else nw.RESPONSIBILITY).format(**fill),
          js(party_signatures),
          ts(mediator_at) if mediator_at else None, ts(seal_at) if seal_at else None,
          day(effective_on) if effective_on else None, copies, day(applied_on) if applied_on else None,
          result.value if result else None, court, _amount(chosen, fill))
    for tid, seq, obligor, text, manner, deadline, perf, performed_on, note in terms:
        m.add("agreement_term", c, created, tid, aid, seq, obligor, text, manner,
              day(deadline) if deadline else None, perf, day(performed_on) if performed_on else None, note)
    if any(t[6] == Performance.DONE.value for t in terms):
        m.targets["agreement"] = aid  # a receipt to file as proof of performance
    signer_names = "、".join(names[p] for p in signatory_ids)
    m.event(c, created, "agreement_created", f"制作{form.label}：{len(terms)} 条协议内容，当事人 {signer_names}",
            {"agreement_id": aid, "form": form.value})
    for at, kind, summary, data in sign_events:
        m.event(c, at, kind, summary, data)
    if eff_ts is None:
        return aid
    at_effective = max(eff_ts, created)
    summary = f"调解协议生效（{effective_on.isoformat()}）"
    clock_id = None
    if not oral:
        summary += f"，可于 {deadline_day.isoformat()} 前共同申请司法确认"
        applied_ts = _day_moment(applied_on, 10) if applied_on else None
        if applied_ts is not None and (c.end is None or applied_ts < c.end):
            stop, note = applied_ts, "已申请司法确认"
        elif c.end is not None:
            stop, note = c.end, c.end_note
        else:
            stop = note = None
        clock_id = m.clock(c, ClockKind.JUDICIAL_CONFIRMATION, eff_ts, stop=stop, note=note)
    if flagged:
        seqs = [t[1] for t in terms if t[0] in flagged]
        summary += "；" + "、".join(f"第 {s} 条" for s in seqs) + "涉及身份关系，不能申请司法确认"
    m.event(c, at_effective, "agreement_effective", summary,
            {"agreement_id": aid, "effective_on": effective_on.isoformat(), "clock_id": clock_id,
             "non_confirmable_terms": flagged})
    if applied_on is not None:
        m.event(c, _day_moment(applied_on, 10), "confirmation_applied", f"申请司法确认（{applied_on.isoformat()}，{court}）",
                {"agreement_id": aid, "applied_on": applied_on.isoformat(), "court": court, "excluded_term_ids": []})
        if result is not None:
            m.event(c, _day_moment(decided_on, 16), "confirmation_result",
                    f"司法确认结果：{result.label}（{decided_on.isoformat()}）",
                    {"agreement_id": aid, "result": result.value, "decided_on": decided_on.isoformat(), "note": None})
    for tid, seq, _, _, _, deadline, perf, performed_on, _ in terms:
        if perf != Performance.PENDING.value and not lean:
            # A breach is noted some days after the deadline passed.
            when_day = performed_on or min(deadline + timedelta(days=dice.ri(3, 15)), today - timedelta(days=1))
            when = f"（{performed_on.isoformat()}）" if performed_on else ""
            m.event(c, min(_day_moment(when_day, 15), m.now - 1), "term_performance",
                    f"协议第 {seq} 条履行情况：{Performance(perf).label}{when}",
                    {"agreement_id": aid, "term_id": tid, "performance": perf})
    if not lean:
        _follow_ups(m, c, aid, effective_on, any(t[6] == "breached" for t in terms))
    return aid


def _amount(chosen: list, fill: dict) -> int | None:
    """涉及金额 in 分: the sums the terms name ({M} 元, {W} 万元), once each; None when no term names money."""
    texts = "".join(f"{content}{manner or ''}" for _who, content, manner, _days in chosen)
    fen = (fill["M"] * 100 if "{M}" in texts else 0) + (fill["W"] * 1_000_000 if "{W}" in texts else 0)
    return fen or None


def _day_moment(day, hour: int) -> int:
    return day_ts(day, hour)


def _performance(m: WorkMaker, effective_on, deadline, today):
    """(performance, performed_on, note) of one term as it stands at the demo's "now"."""
    dice, rand = m.dice, m.dice.random
    if effective_on is None:
        return Performance.PENDING.value, None, None
    span = (today - effective_on).days
    if span < 1:
        return Performance.PENDING.value, None, None
    if deadline is not None and deadline < today:
        r = rand()
        if r < 0.8:
            done = effective_on + timedelta(days=dice.ri(0, max(0, (deadline - effective_on).days)))
            return Performance.DONE.value, min(done, today), dice.pick(nw.PERFORMANCE_NOTES["done"])
        if r < 0.9:
            return Performance.PARTIAL.value, min(effective_on + timedelta(days=dice.ri(0, span)), today), \
                nw.PERFORMANCE_NOTES["partial"][0]
        return Performance.BREACHED.value, None, nw.PERFORMANCE_NOTES["breached"][0]
    if rand() < 0.45:
        return Performance.DONE.value, effective_on + timedelta(days=dice.ri(0, span)), \
            dice.pick(nw.PERFORMANCE_NOTES["done"])
    return Performance.PENDING.value, None, None


def _follow_ups(m: WorkMaker, c: Ctx, aid: str, effective_on, breached: bool) -> None:
    dice, rand = m.dice, m.dice.random
    n = 0 if c.is_open and rand() < 0.5 else 1 if rand() < 0.7 else 2
    at = _day_moment(effective_on, 10)
    for _ in range(n):
        at = office(at + dice.ri(7, 45) * 86400)
        if at >= m.now:
            return
        method = FollowUpMethod.PHONE if rand() < 0.55 else FollowUpMethod.VISIT
        r = rand()
        sat = (Satisfaction.UNSATISFIED if r < 0.4 else Satisfaction.BASICALLY) if breached else \
            Satisfaction.SATISFIED if r < 0.72 else Satisfaction.BASICALLY if r < 0.96 else Satisfaction.UNSATISFIED
        fid = m.new_id()
        visitor = c.handler[1]
        m.add("follow_up_visit", c, at, fid, c.id, aid, m.values.ts(at), visitor, method.value,
              dice.pick(nw.FOLLOW_UPS), sat.value, None)
        m.event(c, at, "follow_up", f"回访（{fmt(at)}，{method.label}，{visitor}）：{sat.label}",
                {"follow_up_id": fid, "agreement_id": aid})


def _marriage_outcome(m: WorkMaker, c: Ctx, final: str, agreement_id: str | None, at: int) -> None:
    rand = m.dice.random
    if final == "agreement":
        outcome = MarriageOutcome.GUIDED_DIVORCE if c.family == "divorce" and rand() < 0.5 else \
            MarriageOutcome.AGREEMENT if rand() < 0.6 else MarriageOutcome.RECONCILED
    elif final == "withdrawn":
        outcome = MarriageOutcome.WITHDRAWN_PERSUADED
    else:
        outcome = MarriageOutcome.FAILED
    routes = [r.value for r in other_routes(c.sc.dispute, c.sc.category, c.sc.sub)] \
        if outcome == MarriageOutcome.FAILED else []
    summary = f"婚姻调解结果：{outcome.label}"
    if routes:
        from fulian_desktop.domain.mediation_rules import OtherRoute
        summary += f"；已告知当事人可通过{'、'.join(OtherRoute(r).label for r in routes)}等途径维护权利（人民调解法第二十六条）"
    note = nw.MARRIAGE_NOTES.get(outcome.value)
    if note:
        summary += f"（{note}）"
    m.event(c, at, "mediation_outcome", summary,
            {"outcome": outcome.value, "previous": None, "routes_told": routes, "note": note})
    c.outcome = outcome.value
