"""The figures the monthly report counts, as a bundle carries them on case and agreement rows: a case's closure
outcomes with their persons (domain/closure_outcomes.py) and an agreement's 涉及金额 (domain/money.py). The desk
checks them when they are typed; a station's key holder can write its store past the desk, so every bundle's rows
are checked the same way here, whoever owns the case, before a single row is written."""
from __future__ import annotations

from typing import Any

from ..domain.closure_outcomes import columns_hold
from ..domain.errors import ValidationError
from ..domain.money import check_fen
from .errors import SenderOverreach
from .rows import columns

CASE, AGREEMENT = "case_file", "agreement"


def _rows(payload: dict[str, Any], name: str) -> list[dict[str, Any]]:
    body = (payload.get("changes") or {}).get(name) or {}
    cols = columns(name)
    return [dict(zip(cols, enc)) for enc in [*(body.get("rows") or []), *((payload.get("refs") or {}).get(name) or [])]
            if isinstance(enc, list)]


def _amount_holds(row: dict[str, Any]) -> bool:
    try:
        check_fen(row.get("amount_involved_fen"))
    except ValidationError:
        return False
    return True


def check_figures(payload: dict[str, Any], sender_name: str) -> None:
    """Refuse (SenderOverreach) a bundle with a closure outcome or an amount the desk would never have taken."""
    for row in _rows(payload, CASE):
        if not columns_hold(row):
            rid = str(row.get("id"))[:64]
            raise SenderOverreach(f"已拒绝来自{sender_name}的同步包：案件（编号 {rid}）的结案成效无效（只有已结案的案件才有成效，"
                                  "勾选的成效须有 1 至 1000 人，未勾选的不能有人数）。本站数据未改变。请与该站点核实。",
                                  table=CASE, record_id=rid, reason="closure_outcome_persons")
    for row in _rows(payload, AGREEMENT):
        if not _amount_holds(row):
            rid = str(row.get("id"))[:64]
            raise SenderOverreach(f"已拒绝来自{sender_name}的同步包：调解协议（编号 {rid}）的涉及金额无效（须为 0 至一百亿元）。"
                                  "本站数据未改变。请与该站点核实。", table=AGREEMENT, record_id=rid, reason="amount_invalid")
