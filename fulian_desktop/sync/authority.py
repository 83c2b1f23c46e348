"""What a sending station may change here: every row of an incoming bundle, checked before anything is written.

`scope.py` decides what a receiver is *sent*; this decides what a sender may *author*. A bundle from the
receiver's own unit or an ancestor of it (district -> town -> village) comes from the authority for
everything the receiver holds and is taken as it is. A bundle from any other station (a village or town
sending up, or a station beside it) may change only:

- records owned by the sender's subtree — the subtree as *this* store's org tree says, and the owner as
  *this* store's copy says (a bundle's own claims about ids and owners prove nothing);
- records of cases referred to the sender's subtree (it accepts them, works on them, and they move to it);
- a case it referred away and that was taken over meanwhile: only as a sync conflict a supervisor decides,
  never written over the new owner's version;
- its own users' login bookkeeping and own password changes (never role, unit, name, state or existence);
- its own audit entries (kept under its station id; they cannot overwrite another station's).

A mandatory report (`mandatory_report`) is authored only on a case the sender's subtree owns (OWN_CASE_ONLY).

A person's protection flag (`person.contact_protected`, services/cases/protection.py) may be set by a station
on any person it marked in a case it works on, even one owned elsewhere, and never cleared by one: she may
be marked in a case the station does not hold. Only the district, which holds every case, clears it.

A safety screening before a joint mediation session (`mediation_screening`, services/mediation/mediation_safety.py) is
checked like every case record, and more: its result must be what its answers give (a station cannot mark a
screening "joint allowed" that says she cannot speak freely), it names a party and a session of its own case, and
a supervisor's approval it adds or changes must name a supervisor of the sender's subtree other than the screener.

The org tree, user accounts, roles and permissions come only from the district, downward. Settings
(`app_setting`) do not travel at all. A record that would not change anything here (identical, or older
than ours) is not a change and passes whoever sent it: a relayed copy comes back that way.

A monthly report sent up the tiers (`unit_report`) follows sync/report_authority.py: a station submits only its
own unit's, reviews only those of the units directly below it, and every report's figures must hold under the
signature of its unit's station, in bundles from above too.

Any other row refuses the whole bundle (`SenderOverreach`), naming the first offending record; the
importer rolls its transaction back and records the refusal in the audit log.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterable, NoReturn

from sqlalchemy import String, select
from sqlalchemy.engine import Connection

from ..domain.text import has_hidden_characters
from ..store.models import CaseParty, IntakeRecord, Referral
from .apply import CONFLICT, KEEP_LINEAGE, OLDER, SAME, outcome
from .conflicts import TABLE_LABELS
from .bundle_shape import check_shape, table_names
from .errors import SenderOverreach
from .lineage import load_lineages
from .figure_authority import check_figures
from .report_authority import check_report, check_report_signatures
from .screening_authority import check_screening
from .org_tree import check_district_only, from_authority, is_district, org_tree
from .rows import CHUNK, columns, content_hash, encode_row, load_rows, ordered_tables, table

# Outcomes that write nothing over our version.
_NO_WRITE = frozenset({SAME, OLDER, KEEP_LINEAGE})
# A station's own users may change these on its desks (logins, locks, their own password) and nothing else.
SELF_SERVICE = frozenset({"password_hash", "must_change_password", "failed_logins", "locked_until", "last_login_at",
                          "updated_at", "version"})
# Tables whose rows hang on a case through `case_id` (nullable on intake, screening and leads).
CASE_COLUMN = "case_id"
# Per table, the references checked besides `owner_unit_id` and `case_id` (test_sync_authority checks that
# every foreign key of every synced table is named here or there, so a new column cannot slip past).
VIA_AGREEMENT = {"agreement_term": "agreement_id", "follow_up_visit": "agreement_id"}
VIA_SCREENING = {"screening_visit": "entry_id"}
PERSON_REFS = {"case_party": "person_id", "intake_record": "person_id", "screening_entry": "person_id",
               "mandatory_report": "person_id"}
USER_REFS = {"case_file": "handler_id"}
# The safety screening's own references (plain columns, checked by _check_screening).
SCREENING_REFS = ("victim_party_id", "session_id", "screened_by", "approved_by")
UNIT_REFS = {"referral": ("from_unit_id", "to_unit_id"), "org_unit": ("parent_id",)}
# Records only the case's own unit may author: a mandatory report (反家庭暴力法第十四条) is made by the station that
# holds the case, never by one it was referred to and has not taken over, nor by one that referred it away.
OWN_CASE_ONLY = frozenset({"mandatory_report"})
# A station may set a person's protection flag (it marked her in a case it works on) but never clear it.
PROTECTION_ONLY = frozenset({"contact_protected", "updated_at", "version"})
# The timeline entry a station writes, owned like the case, when it returns a referral (services/referral/referrals.py).
RETURN_EVENT = "referral_returned"
# A referral the sender only answers (accept / return) keeps what it is about.
REFERRAL_FIXED = ("case_id", "kind", "from_unit_id", "to_unit_id", "owner_unit_id")
MORE_LABELS = {"case_event": "案件时间线", "follow_up_visit": "回访", "risk_assessment": "风险评估",
               "crisis_action": "危机干预措施", "screening_visit": "排查走访", "attachment_blob": "附件内容",
               "calendar_year": "工作日历", "mediation_screening": "调解前安全评估",
               "mandatory_report": "强制报告", "unit_report": "月度统计上报"}
FIELD_LABELS = {"role": "角色", "owner_unit_id": "所属单位", "username": "用户名", "display_name": "姓名",
                "active": "启用状态", "deleted_at": "删除标记", "created_at": "建立时间", "id": "编号"}


def existing_ids(conn: Connection, name: str, ids: list[str]) -> list[str]:
    """Which of these ids this store holds: one plain statement per chunk (most rows of a bundle are new, and
    building the IN list through the SQL compiler costs more than the lookup)."""
    mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(conn.dialect.paramstyle)
    if mark is None:
        return list(load_rows(conn, name, ids))
    found: list[str] = []
    quoted = conn.dialect.identifier_preparer.quote(name)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        sql = f"SELECT id FROM {quoted} WHERE id IN ({', '.join([mark] * len(chunk))})"
        found += [r[0] for r in conn.exec_driver_sql(sql, tuple(chunk))]
    return found


def _label(name: str) -> str:
    return TABLE_LABELS.get(name) or MORE_LABELS.get(name, name)


@dataclass
class _Rows:
    """One table's rows in the bundle as sent (lists in column order), with their lineages; as dicts on demand."""

    name: str
    encoded: list[list[Any]] = field(default_factory=list)
    lineages: list[list[str]] = field(default_factory=list)
    refs_encoded: list[list[Any]] = field(default_factory=list)

    @property
    def changes(self) -> list[dict[str, Any]]:
        cols = columns(self.name)
        return [dict(zip(cols, r)) for r in self.encoded]

    def values(self, col: str) -> set[Any]:
        """Every value of one column in the table's changed and reference rows."""
        if col not in columns(self.name):
            return set()
        i = columns(self.name).index(col)
        return {r[i] if i < len(r) else None for r in (*self.encoded, *self.refs_encoded)}


class _Check:
    def __init__(self, conn: Connection, payload: dict[str, Any], sender_unit: str, sender_name: str,
                 receiver_unit: str = "") -> None:
        self.conn, self.sender_name, self.sender_unit, self.receiver_unit = conn, sender_name, sender_unit, receiver_unit
        self.tree = org_tree(conn)
        self.mine = self.tree.subtree(sender_unit)
        self.rows: dict[str, _Rows] = {}
        for name, body in (payload.get("changes") or {}).items():
            if name in table_names():
                part = self.rows.setdefault(name, _Rows(name))
                part.encoded = body["rows"]
                part.lineages = body.get("lineage") or [[] for _ in body["rows"]]
        for name, rows in (payload.get("refs") or {}).items():
            if name in table_names():
                self.rows.setdefault(name, _Rows(name)).refs_encoded = rows
        self.local: dict[str, dict[str, Any]] = {}
        self.queried: dict[str, set[str]] = {}
        self.by_id: dict[str, dict[str, list[Any]]] = {}
        for name, part in self.rows.items():
            key = columns(name).index("id")
            self.by_id[name] = {r[key]: r for r in (*part.refs_encoded, *part.encoded)}
            self.prefetch(name, self.by_id[name])
        # Referrals are read from this store only: a bundle cannot refer a case to its own sender. Only the
        # latest tier referral of a case that involves the subtree counts, and only while it waits for the
        # subtree's answer: a referral it returned, one withdrawn, or an old assignment of a case it has
        # since handed back up gives it no hold on the case (at most a conflict for a supervisor).
        r = Referral.__table__
        units = list(self.mine)
        latest: dict[str, tuple[Any, str, str | None, str]] = {}
        for start in range(0, len(units), CHUNK):
            part_units = units[start:start + CHUNK]
            for case_id, to_unit, status, sent_at, rid in conn.execute(
                    select(r.c.case_id, r.c.to_unit_id, r.c.status, r.c.sent_at, r.c.id).where(
                        r.c.kind == "tier", r.c.deleted_at.is_(None),
                        (r.c.to_unit_id.in_(part_units)) | (r.c.from_unit_id.in_(part_units)))):
                order_key = (str(sent_at or ""), rid)
                if case_id not in latest or order_key > latest[case_id][0]:
                    latest[case_id] = (order_key, status, to_unit, rid)
        self.referred_to: set[str] = set()
        self.referred_away: set[str] = set()
        for case_id, (_key, status, to_unit, _rid) in latest.items():
            live = to_unit in self.mine and status == "pending"
            (self.referred_to if live else self.referred_away).add(case_id)
        self._case_owner: dict[str, str | None] = {}
        self.own_cases: set[str] = set()
        self._person_ok: dict[str, bool] = {}

    # --- what this store holds (before the bundle) and what the bundle adds ---------------------------

    def prefetch(self, name: str, ids: Iterable[Any]) -> None:
        """Load this store's rows for these ids in batches (one query per 500, not one per row)."""
        done = self.queried.setdefault(name, set())
        wanted = [i for i in {i for i in ids if isinstance(i, str)} if i not in done]
        found = self.local.setdefault(name, {})
        if wanted:
            found.update(load_rows(self.conn, name, existing_ids(self.conn, name, wanted)))
            done.update(wanted)

    def local_row(self, name: str, rid: Any) -> Any:
        if not isinstance(rid, str):
            return None
        if rid not in self.queried.get(name, ()):
            self.prefetch(name, [rid])
        return self.local[name].get(rid)

    def new_in_bundle(self, name: str, rid: Any) -> dict[str, Any] | None:
        """A row the bundle adds (absent here) whose owner is the sender's: it may be pointed at."""
        if not isinstance(rid, str) or self.local_row(name, rid) is not None:
            return None
        enc = self.by_id.get(name, {}).get(rid)
        if enc is None:
            return None
        row = dict(zip(columns(name), enc))
        return row if row.get("owner_unit_id") in self.mine else None

    def prefetch_links(self) -> None:
        """This store's rows the bundle's rows point at: their cases, agreements, entries, persons, users."""
        targets = {"case_file": CASE_COLUMN, "agreement": "agreement_id", "screening_entry": "entry_id",
                   "person": "person_id", "user_account": "handler_id"}
        for target, col in targets.items():
            wanted: set[Any] = set()
            for part in self.rows.values():
                wanted |= part.values(col)
            self.prefetch(target, wanted)
        for cid, row in self.local.get("case_file", {}).items():
            self._case_owner[cid] = row["owner_unit_id"]
        # Cases of the sender's subtree, here or new in the bundle: the common case, answered by one set.
        at = columns("case_file").index("owner_unit_id")
        here = self.local.get("case_file", {})
        self.own_cases = {cid for cid, owner in self._case_owner.items() if owner in self.mine}
        self.own_cases |= {cid for cid, enc in self.by_id.get("case_file", {}).items()
                           if cid not in here and len(enc) > at and enc[at] in self.mine}

    def case_standing(self, case_id: Any) -> str:
        """own | to (referred to the sender) | away (referred away by it) | foreign."""
        if not isinstance(case_id, str):
            return "foreign"
        if case_id not in self._case_owner:
            row = self.local_row("case_file", case_id)
            self._case_owner[case_id] = row["owner_unit_id"] if row is not None else None
        owner = self._case_owner[case_id]
        if owner is None:   # not here: the bundle's own new case, or nothing we know
            enc = self.by_id.get("case_file", {}).get(case_id)
            at = columns("case_file").index("owner_unit_id")
            return "own" if enc is not None and len(enc) > at and enc[at] in self.mine else "foreign"
        if owner in self.mine:
            return "own"
        if case_id in self.referred_to:
            return "to"
        if case_id in self.referred_away:
            return "away"
        return "foreign"

    def owned_after(self, case_id: Any) -> bool:
        """The case is the sender's subtree's: here already, or referred to it and taken over by this bundle."""
        standing = self.case_standing(case_id)
        if standing != "to":
            return standing == "own"
        enc = self.by_id.get("case_file", {}).get(case_id)
        at = columns("case_file").index("owner_unit_id")
        return enc is not None and len(enc) > at and enc[at] in self.mine

    def case_of(self, name: str, row: dict[str, Any]) -> Any:
        """The case a row hangs on (through its agreement or screening entry where it has no case_id)."""
        if name == "case_file":
            return row["id"]
        if name == "agreement_term":
            agreement = self.local_row("agreement", row.get("agreement_id")) or \
                self.new_in_bundle("agreement", row.get("agreement_id"))
            return agreement["case_id"] if agreement is not None else None
        return row.get(CASE_COLUMN)

    def person_ok(self, person_id: Any) -> bool:
        """A person the sender may point a record at: its own, one it adds, or a party of a case it may work on."""
        if person_id is None:
            return True
        if not isinstance(person_id, str):
            return False
        if person_id not in self._person_ok:
            local = self.local_row("person", person_id)
            if local is None:
                ok = self.new_in_bundle("person", person_id) is not None
            elif local["owner_unit_id"] in self.mine:
                ok = True
            else:
                ok = any(self.case_standing(c) in ("own", "to", "away") for c in self._cases_naming(person_id))
            self._person_ok[person_id] = ok
        return self._person_ok[person_id]

    def _cases_naming(self, person_id: str) -> Iterable[str]:
        cp, ir = CaseParty.__table__, IntakeRecord.__table__
        yield from self.conn.execute(select(cp.c.case_id).where(cp.c.person_id == person_id)).scalars()
        yield from self.conn.execute(select(ir.c.case_id).where(ir.c.person_id == person_id,
                                                                ir.c.case_id.is_not(None))).scalars()

    def user_ok(self, user_id: Any) -> bool:
        if user_id is None:
            return True
        row = self.local_row("user_account", user_id)
        return row is not None and row["owner_unit_id"] in self.mine

    # --- the rules -------------------------------------------------------------------------------------

    def refuse(self, name: str, rid: Any, reason: str) -> NoReturn:
        rid_text = str(rid)[:64]
        message = (f"来自{self.sender_name}的同步包要更改{self.sender_name}无权更改的记录，已整体拒绝导入，本站数据未改变。"
                   f"第一条：{_label(name)}记录（{name}，编号 {rid_text}）：{reason}。请与该站点核实。")
        raise SenderOverreach(message, table=name, record_id=rid_text, reason=reason)

    def run(self, blobs: list[dict[str, Any]]) -> None:
        self.prefetch_links()
        for name in ordered_tables():
            part = self.rows.get(name)
            if part is None:
                continue
            cols, key = columns(name), columns(name).index("id")
            here = self.local.get(name, {})      # every id of the bundle was looked up in __init__
            for enc in part.refs_encoded:   # references are inserted only where missing: only those change anything
                if enc[key] not in here:
                    self.check_row(name, dict(zip(cols, enc)), None)
            lineages = self._lineages(name, part)
            fresh_ok = self.all_new_allowed(name, [r for r in part.encoded if r[key] not in here])
            for enc, lin in zip(part.encoded, part.lineages):
                local = here.get(enc[key])
                if local is None:
                    if not fresh_ok:
                        self.check_row(name, dict(zip(cols, enc)), None)
                    self.check_text(name, enc)
                    continue
                local_enc = encode_row(name, local)
                local_hash, digest = content_hash(name, local_enc), content_hash(name, enc)
                full_lin = lin if lin and lin[-1] == digest else [*lin, digest]
                kind = outcome(name, local_enc, local_hash, enc, digest, full_lin, lineages.get(enc[key], []))
                if kind not in _NO_WRITE:
                    self.check_row(name, dict(zip(cols, enc)), local, conflict=kind == CONFLICT)
                    self.check_text(name, enc)
        self.check_blobs(blobs)

    def check_text(self, name: str, enc: list[Any]) -> None:
        """The text guard of the desks (store/text_guard.py) for rows a station writes here: the importer
        writes with SQL statements, which the guard does not see, so a key holder's "张三\u202e" or NUL is
        refused here instead."""
        for i in _text_positions(name):
            value = enc[i] if i < len(enc) else None
            if isinstance(value, str) and has_hidden_characters(value):
                column = columns(name)[i]
                self.refuse(name, enc[columns(name).index("id")],
                            f"“{FIELD_LABELS.get(column, column)}”含有不可见的控制字符或双向文字控制符")

    def all_new_allowed(self, name: str, rows: list[list[Any]]) -> bool:
        """The rules of `check_row` for many new rows (as sent) at once, by distinct values: a busy week's
        bundle holds thousands of new cases and timeline entries. False: look row by row, to name the first
        offender."""
        if not rows or name in ("org_unit", "user_account", "referral", "mediation_screening", "unit_report"):
            return not rows
        cols, mine = columns(name), self.mine
        if "owner_unit_id" not in cols or any(len(r) != len(cols) for r in rows):
            return False

        def distinct(col: str) -> set[Any]:
            i = cols.index(col)
            return {r[i] for r in rows}

        if not distinct("owner_unit_id") <= mine:
            return False
        if name == "agreement_term":
            cases = {self.case_of(name, {"agreement_id": a}) for a in distinct("agreement_id")}
        elif CASE_COLUMN in cols and name != "case_file":
            cases = distinct(CASE_COLUMN) - {None}
        else:
            cases = set()
        if any(self.case_standing(c) == "foreign" for c in cases - self.own_cases):
            return False
        if name in OWN_CASE_ONLY and cases - self.own_cases:
            return False
        checks = [(PERSON_REFS.get(name), self.person_ok), (USER_REFS.get(name), self.user_ok),
                  (VIA_SCREENING.get(name), self._entry_ok),
                  ("agreement_id" if name == "follow_up_visit" else None, self._agreement_ok)]
        return all(ok(value) for col, ok in checks if col for value in distinct(col))

    def _entry_ok(self, entry_id: Any) -> bool:
        entry = self.local_row("screening_entry", entry_id) or self.new_in_bundle("screening_entry", entry_id)
        return entry is not None and entry["owner_unit_id"] in self.mine

    def _agreement_ok(self, agreement_id: Any) -> bool:
        if agreement_id is None:
            return True
        agreement = self.local_row("agreement", agreement_id) or self.new_in_bundle("agreement", agreement_id)
        return agreement is not None and self.case_standing(agreement["case_id"]) != "foreign"

    def _lineages(self, name: str, part: _Rows) -> dict[str, list[str]]:
        key, here = columns(name).index("id"), self.local.get(name, {})
        existing = [r[key] for r in part.encoded if r[key] in here]
        return load_lineages(self.conn, name, existing) if existing else {}

    def check_row(self, name: str, row: dict[str, Any], local: Any, *, conflict: bool = False) -> None:
        """One row that would be written here (`local`: this store's copy, None for a new record; `conflict`:
        it would be kept aside as a sync conflict, not written over ours). Raises SenderOverreach."""
        rid, who = row["id"], self.sender_name
        if name == "org_unit":
            self.refuse(name, rid, "组织机构只能由区妇联向下发布，下级站点不能新增、修改或移动单位")
        if name == "user_account":
            self._check_user(row, local)
            return
        if "owner_unit_id" not in columns(name):   # shared by the whole district (the working-day calendar)
            self.refuse(name, rid, "全区共用的记录（如工作日历）只能由区妇联确认并向下发布，下级站点不能新增或修改")
        owner = row.get("owner_unit_id")
        if local is None:
            if owner not in self.mine and not self._on_referred_case(name, row):
                self.refuse(name, rid, f"新记录的所属单位“{self.tree.label(owner)}”不在{who}及其下级单位之内")
        else:
            self._check_existing(name, row, local, conflict)
        self._check_links(name, row, local)
        if name == "mediation_screening":
            check_screening(self, row, local)
        if name == "unit_report":
            check_report(self, row, local)

    def _check_user(self, row: dict[str, Any], local: Any) -> None:
        rid = row["id"]
        if local is None:
            self.refuse("user_account", rid, "用户账号只能由区妇联建立并向下发布，下级站点不能新增账号")
        if local["owner_unit_id"] not in self.mine:
            self.refuse("user_account", rid, f"账号“{local['username']}”属于“{self.tree.label(local['owner_unit_id'])}”，"
                                             f"不在{self.sender_name}及其下级单位之内")
        mine_enc = dict(zip(columns("user_account"), encode_row("user_account", local)))
        changed = [c for c in columns("user_account") if c not in SELF_SERVICE and mine_enc[c] != row.get(c)]
        if changed:
            fields = "、".join(FIELD_LABELS.get(c, c) for c in changed)
            self.refuse("user_account", rid, f"下级站点只能同步本单位用户的登录记录和本人改密，不能更改账号“{local['username']}”的{fields}")

    def _on_referred_case(self, name: str, row: dict[str, Any]) -> bool:
        """A new record of a case referred to the sender, owned as the case is here: the timeline entry of
        its answer (returning a referral leaves the case, and so the entry, with the sender of the referral)."""
        if name != "case_event" or row.get("kind") != RETURN_EVENT:
            return False
        case = self.case_of(name, row)
        return self.case_standing(case) == "to" and row.get("owner_unit_id") == self._case_owner.get(case)

    def _check_existing(self, name: str, row: dict[str, Any], local: Any, conflict: bool) -> None:
        rid, who, owner, was = row["id"], self.sender_name, row.get("owner_unit_id"), local["owner_unit_id"]
        if name == "person" and not conflict and local["contact_protected"] and row.get("contact_protected") is not True:
            self.refuse(name, rid, f"{who}不能撤销该人员的联系方式保密保护（她可能在{who}未持有的案件中被标记保密），"
                                   "只有区妇联能按全部案件撤销")
        if name == "person" and was not in self.mine and self._only_sets_protection(row, local):
            return
        if name == "referral":
            self._check_referral(row, local, conflict)
        if was in self.mine:
            if owner not in self.mine:
                self.refuse(name, rid, f"不能把记录的所属单位改为“{self.tree.label(owner)}”（不在{who}及其下级单位之内）")
            return
        # Not the sender's: only through a case referred to it (or, as a conflict only, one it referred away).
        if name == "referral" and local["to_unit_id"] in self.mine:
            return   # answered as _check_referral allows
        standing = self._standing_of(name, local)
        if standing == "to":
            if owner != was and owner not in self.mine:
                self.refuse(name, rid, f"不能把记录的所属单位改为“{self.tree.label(owner)}”（不在{who}及其下级单位之内）")
            if not self._accepted_here(name, local):
                self.refuse(name, rid, f"案件尚未由{who}接收（转介待接收），{who}不能更改其中的记录")
            return
        if standing == "away" and conflict and owner in (was, *self.mine):
            return
        if standing == "away":
            self.refuse(name, rid, f"该记录所属案件已由“{self.tree.label(was)}”接办，{who}不能直接改写")
        self.refuse(name, rid, f"该记录属于“{self.tree.label(was)}”，不在{who}及其下级单位之内，"
                               f"也不属于转介给{who}的案件")

    def _only_sets_protection(self, row: dict[str, Any], local: Any) -> bool:
        """A person of another unit whom the sender marked confidential in a case of its own (or referred to
        it): its copy differs from ours only in the protection flag, set."""
        before = dict(zip(columns("person"), encode_row("person", local)))
        changed = {c for c in columns("person") if before.get(c) != row.get(c)}
        return row.get("contact_protected") is True and changed <= PROTECTION_ONLY and \
            any(self.case_standing(c) in ("own", "to") for c in self._cases_naming(local["id"]))
    def _check_referral(self, row: dict[str, Any], local: Any, conflict: bool) -> None:
        """A referral is history once sent, whoever owns the row (its sender does): what it is about, where it
        goes and that it exists never change; a tier referral's status moves only as the services move it,
        from pending: the receiver accepts or returns it, the sender withdraws it. Otherwise only as a conflict."""
        rid, before = row["id"], dict(zip(columns("referral"), encode_row("referral", local)))
        tier = before["kind"] == "tier"
        fixed = (*REFERRAL_FIXED, "deleted_at") if tier else REFERRAL_FIXED
        if [c for c in fixed if before[c] != row.get(c)]:
            self.refuse("referral", rid, "转介的案件、种类、发送和接收单位不能更改，转介记录也不能删除")
        status = row.get("status")
        if conflict or not tier or status == before["status"]:
            return
        answer = before["to_unit_id"] in self.mine and status in ("accepted", "returned")
        withdraw = before["from_unit_id"] in self.mine and status == "withdrawn"
        if before["status"] != "pending" or not (answer or withdraw):
            self.refuse("referral", rid, f"转介状态不能由“{before['status']}”改为“{status}”：只能接收、退回或撤回待接收的转介")

    def _accepted_here(self, name: str, local: Any) -> bool:
        """A case waiting for the sender's answer is not the sender's to edit: its records (and the case) change
        only with the case itself, when the bundle moves the case (for a person: a case naming her, referred
        to the sender) into the sender's subtree, i.e. accepts it."""
        at = columns("case_file").index("owner_unit_id")

        def moves(case_id: Any) -> bool:
            enc = self.by_id.get("case_file", {}).get(case_id)
            return enc is not None and len(enc) > at and enc[at] in self.mine

        if name == "person":
            return any(self.case_standing(c) == "to" and moves(c) for c in self._cases_naming(local["id"]))
        return moves(self.case_of(name, dict(local)))

    def _standing_of(self, name: str, local: Any) -> str:
        """How the sender stands to the case this store's copy of a record hangs on (persons: any case naming them)."""
        if name == "person":
            standings = {self.case_standing(c) for c in self._cases_naming(local["id"])}
            return "to" if "to" in standings else "away" if "away" in standings else "foreign"
        case = self.case_of(name, dict(local))
        return self.case_standing(case) if case is not None else "foreign"

    def _check_links(self, name: str, row: dict[str, Any], local: Any) -> None:
        rid, who = row["id"], self.sender_name
        before = dict(zip(columns(name), encode_row(name, local))) if local is not None else {}

        def changed(col: str) -> bool:
            return local is None or before.get(col) != row.get(col)

        link = "agreement_id" if name == "agreement_term" else CASE_COLUMN
        if name != "case_file" and link in columns(name) and changed(link):
            case = self.case_of(name, row)
            if (case is not None or link == "agreement_id") and self.case_standing(case) == "foreign":
                self.refuse(name, rid, f"所挂的案件（编号 {str(case)[:36]}）既不属于{who}，也未转介给{who}")
        if name in OWN_CASE_ONLY and not self.owned_after(self.case_of(name, row)):
            self.refuse(name, rid, f"强制报告只能由案件所属单位登记，该案件不属于{who}")
        if name == "follow_up_visit" and changed("agreement_id") and not self._agreement_ok(row.get("agreement_id")):
            self.refuse(name, rid, f"所挂的调解协议不属于{who}的案件")
        if name in VIA_SCREENING and changed(VIA_SCREENING[name]) and not self._entry_ok(row.get(VIA_SCREENING[name])):
            self.refuse(name, rid, f"所挂的排查对象不属于{who}及其下级单位")
        if name in PERSON_REFS and changed(PERSON_REFS[name]) and not self.person_ok(row.get(PERSON_REFS[name])):
            self.refuse(name, rid, f"引用的人员（编号 {str(row.get(PERSON_REFS[name]))[:36]}）不属于{who}，"
                                   f"也不是{who}可办理案件的当事人")
        if name in USER_REFS and changed(USER_REFS[name]) and not self.user_ok(row.get(USER_REFS[name])):
            self.refuse(name, rid, f"承办人不是{who}及其下级单位的用户")
        if name == "referral" and local is None:
            if row.get("from_unit_id") not in self.mine:
                self.refuse(name, rid, f"转介的发送单位“{self.tree.label(row.get('from_unit_id'))}”不是{who}及其下级单位")
            if row.get("to_unit_id") is not None and row.get("to_unit_id") not in self.tree.parent:
                self.refuse(name, rid, "转介的接收单位不存在")

    def check_blobs(self, blobs: list[dict[str, Any]]) -> None:
        """Attachment contents are stored by their hash: the bytes must be what the hash says, and be the
        contents of an attachment in this bundle (a blob is never replaced once stored)."""
        named: set[str] = set()
        part = self.rows.get("attachment")
        if part is not None:
            named = part.values("sha256")
        for blob in blobs:
            sha = blob["sha256"]
            digest, size = hashlib.sha256(), 0
            try:
                for chunk in blob["chunks"]:
                    data = base64.b64decode(chunk, validate=True)
                    digest.update(data)
                    size += len(data)
            except ValueError:
                self.refuse("attachment_blob", sha, "附件内容编码无效")
            if digest.hexdigest() != sha or size != blob.get("size") or len(blob["chunks"]) != blob.get("chunk_count"):
                self.refuse("attachment_blob", sha, "附件内容与其校验值或大小不符")
            if sha not in named:
                self.refuse("attachment_blob", sha, "附件内容不属于同步包中的任何附件记录")


@cache
def _text_positions(name: str) -> tuple[int, ...]:
    """Positions of a synced table's text columns (as the text guard sees them: String and Text)."""
    return tuple(i for i, c in enumerate(table(name).columns) if isinstance(c.type, String))


def check_inbound(conn: Connection, payload: dict[str, Any], *, sender_unit: str, receiver_unit: str,
                  sender_name: str) -> None:
    """Refuse (SenderOverreach) a bundle with any row its sender may not author. Reads only."""
    check_shape(payload)
    check_figures(payload, sender_name)
    above = from_authority(conn, sender_unit, receiver_unit)
    check_report_signatures(conn, payload, sender_name, from_above=above)
    if above:
        if not is_district(conn, sender_unit):
            check_district_only(conn, payload, sender_name)
        return
    _Check(conn, payload, sender_unit, sender_name, receiver_unit).run(payload.get("blobs") or [])


def covered_references() -> dict[str, set[str]]:
    """Per synced table, the foreign-key columns these rules look at (for the test that every one is)."""
    out: dict[str, set[str]] = {}
    for name in ordered_tables():
        cols = {"owner_unit_id", CASE_COLUMN}
        cols |= {c for c in (VIA_AGREEMENT.get(name), VIA_SCREENING.get(name), PERSON_REFS.get(name),
                             USER_REFS.get(name)) if c is not None}
        cols |= set(UNIT_REFS.get(name, ()))
        cols |= {"sha256"} if name == "attachment" else set()   # check_blobs: contents match their hash
        cols |= set(SCREENING_REFS) if name == "mediation_screening" else set()
        out[name] = {c for c in cols if c in columns(name)}
    return out

