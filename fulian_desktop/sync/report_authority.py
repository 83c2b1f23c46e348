"""The inbound rule for monthly reports sent up the tiers (`unit_report`), as sync/authority.py applies it to
each row a station sends, and the signature check every bundle's reports pass, from whichever side.

A station below may send:
- its own unit's report, submitted: first submitted, or resubmitted after a return (one more submission,
  new figures, signed anew); never accepted or returned by itself, never changed once submitted or accepted
  except by that resubmission, and never with a review it did not get;
- a report of a unit directly below it, reviewed by it: accepted, or returned with a reason; its figures and
  signature as the unit signed them;
- a report of a unit further down, relayed as it was signed and reviewed (a town sends up its villages').

Every report's figures must carry a valid signature of a station of the report's own unit, by the key this
store registered for that station: a figure changed on the way is refused, whoever sent it.
"""
from __future__ import annotations

import json
from typing import Any, NoReturn, Protocol

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..domain import clock
from ..domain.localtime import local_date
from ..domain.unit_reports import MAX_REASON, ReportStatus, figures_shape_ok, month_over, parse_period, period_text
from ..services.reporting.signing import signature_ok
from .errors import SenderOverreach
from .rows import columns, decode_row, encode_row, table

TABLE = "unit_report"
SIGNED = ("owner_unit_id", "period", "figures", "submission_no", "submitted_by", "submitted_at", "station_id",
          "signature")
REVIEW = ("reviewed_by", "reviewed_at", "return_reason")
STATUS_TEXT = {"submitted": "已提交", "returned": "已退回", "accepted": "已通过"}


class Checker(Protocol):
    """What of the inbound check a report's rule uses."""

    conn: Connection
    sender_name: str
    sender_unit: str
    receiver_unit: str
    mine: Any
    tree: Any

    def refuse(self, name: str, rid: Any, reason: str) -> NoReturn: ...


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def _another(conn: Connection, rid: Any, unit: Any, period: Any) -> bool:
    """Whether this store holds a report of the unit for the month under another id (one per unit and month)."""
    t = table(TABLE)
    return conn.execute(select(t.c.id).where(t.c.owner_unit_id == unit, t.c.period == period, t.c.id != rid)
                        ).first() is not None


def check_report(self: Checker, row: dict[str, Any], local: Any) -> None:
    """One report row (as sent) from a station below; `local`: this store's copy or None."""
    rid, who, unit = row["id"], self.sender_name, row.get("owner_unit_id")
    label = self.tree.label(unit)
    before = dict(zip(columns(TABLE), encode_row(TABLE, local))) if local is not None else {}
    number = row.get("submission_no")
    if parse_period(row.get("period")) is None or not figures_shape_ok(row.get("figures")) or \
            not isinstance(number, int) or isinstance(number, bool) or number < 1 or \
            not isinstance(row.get("submitted_at"), str):
        self.refuse(TABLE, rid, "报表的月份、报送次数或统计数字格式不正确")
    status = row.get("status")
    if status not in STATUS_TEXT:
        self.refuse(TABLE, rid, f"报表状态“{str(status)[:20]}”无效")
    if local is not None and (before["owner_unit_id"] != unit or before["period"] != row.get("period")):
        self.refuse(TABLE, rid, "报表的报送单位和月份不能更改")
    if local is None and _another(self.conn, rid, unit, row.get("period")):
        self.refuse(TABLE, rid, f"{label}的{period_text(row['period'])}报表已有一份（另一条记录），不能另立一份取代它")
    if before.get("status") == ReportStatus.ACCEPTED:
        self.refuse(TABLE, rid, f"{label}的报表已通过审核，不能再更改")
    signed_changed = any(not _same(before.get(c), row.get(c)) for c in SIGNED)
    review_changed = any(not _same(before.get(c), row.get(c)) for c in REVIEW) or before.get("status") != status
    # A resubmission follows a return: at the reviewer's store, only a returned report is submitted again. Elsewhere
    # (where the return may not have arrived yet) a later submission replaces an earlier one, as submitted or as
    # reviewed by the sender.
    at_reviewer = self.tree.parent.get(unit) == self.receiver_unit
    if signed_changed and local is not None and (number <= before.get("submission_no", 0) or (
            at_reviewer and before.get("status") != ReportStatus.RETURNED)):
        self.refuse(TABLE, rid, f"{label}的报表已提交，统计数字只能在被退回后由{label}重新提交时更改")
    try:
        decoded = decode_row(TABLE, [row.get(c) for c in columns(TABLE)])
    except (TypeError, ValueError):
        self.refuse(TABLE, rid, "报表的提交时间格式不正确")
    if not (month_over(row["period"], local_date(decoded["submitted_at"])) and
            month_over(row["period"], clock.today_local())):   # as the desk refuses it (reports.submit)
        self.refuse(TABLE, rid, f"{period_text(row['period'])}尚未结束（或报表在月末之前就已签署），该月的报表不能接收")
    if not signature_ok(self.conn, decoded):
        self.refuse(TABLE, rid, f"报表的统计数字与{label}站点的签名不符（数字被改动过，或签名不是{label}站点作出的），"
                                "不能作为上报的报表接收")
    if unit == self.sender_unit:
        if status != ReportStatus.SUBMITTED:
            self.refuse(TABLE, rid, f"{who}不能自行把本单位的报表改为“{STATUS_TEXT[status]}”：审核由上一级作出")
        if any(row.get(c) is not None for c in REVIEW):
            self.refuse(TABLE, rid, f"{who}不能自行填写或保留报表的审核记录（重新提交的报表没有审核记录）")
        return
    if not review_changed:
        return   # relayed as signed and as reviewed here
    reviewer = self.tree.parent.get(unit)
    if status != ReportStatus.SUBMITTED and reviewer != self.sender_unit and not (
            local is None and reviewer in self.mine):
        self.refuse(TABLE, rid, f"{label}的报表只能由其上一级单位“{self.tree.label(reviewer)}”审核，"
                                f"{who}不能审核")
    if local is not None and not signed_changed and before.get("status") != ReportStatus.SUBMITTED:
        self.refuse(TABLE, rid, f"{label}的报表当前为“{STATUS_TEXT.get(str(before.get('status')), '')}”，"
                                f"{who}只能审核已提交的报表，不能撤回或改变审核结果")
    if status != ReportStatus.SUBMITTED:
        reason = row.get("return_reason")
        if not row.get("reviewed_by") or not row.get("reviewed_at"):
            self.refuse(TABLE, rid, "审核过的报表须记录审核人和审核时间")
        if status == ReportStatus.RETURNED and (not isinstance(reason, str) or not reason.strip()
                                                or len(reason) > MAX_REASON):
            self.refuse(TABLE, rid, "退回的报表须写明退回原因（最多 500 字）")


def check_report_signatures(conn: Connection, payload: dict[str, Any], sender_name: str, *,
                            from_above: bool) -> None:
    """Every report a bundle carries must hold under its station's signature: from above too (a station the
    receiver does not know is vouched for by the authority that sent it)."""
    body = (payload.get("changes") or {}).get(TABLE) or {}
    rows = [*(body.get("rows") or []), *((payload.get("refs") or {}).get(TABLE) or [])]
    cols = columns(TABLE)
    for enc in rows:
        if not isinstance(enc, list) or len(enc) != len(cols):
            continue   # the shape check refuses it
        try:
            row = decode_row(TABLE, enc)
            ok = figures_shape_ok(row.get("figures")) and signature_ok(conn, row, unknown_ok=from_above)
        except (TypeError, ValueError):
            ok = False
        if not ok:
            rid = str(enc[cols.index("id")])[:64]
            raise SenderOverreach(
                f"已拒绝来自{sender_name}的同步包：其中的月度统计报表（编号 {rid}）的统计数字与报送站点的签名不符，"
                "可能在传送途中被改动。本站数据未改变。", table=TABLE, record_id=rid, reason="report_signature")
