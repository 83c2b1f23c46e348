"""Listing and resolving sync conflicts: both versions side by side, a choice per field, audited."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from ..domain.errors import ConflictError, NotFound, ValidationError
from ..security import audit
from ..security.actor import Actor
from ..security.permissions import Permission, require
from ..services.cases.protection import settle as settle_protection
from ..store.base import Base, utcnow
from ..store.models import Case
from ..store.models_sync import SyncConflict, SyncLineage, SyncPeer
from ..store.uow import UnitOfWork
from .rows import columns, content_hash, decode_row, editable_fields, encode_row, merge_lineage

LOCAL, REMOTE = "local", "remote"

TABLE_LABELS = {
    "case_file": "案件", "person": "人员", "case_party": "当事人", "referral": "转介", "case_clock": "办理时限",
    "mediation_session": "调解会", "agreement": "调解协议", "agreement_term": "协议条款", "safety_plan": "安全计划",
    "protection_order": "人身安全保护令", "screening_entry": "排查对象", "intake_record": "来访登记",
    "approval_request": "审批申请", "user_account": "用户", "org_unit": "单位", "attachment": "附件",
    "counselling_session": "心理疏导", "online_lead": "网络舆情",
}
FIELD_LABELS = {
    "title": "案件名称", "status": "状态", "category": "类别", "sub_category": "子类", "dispute_type": "纠纷类型",
    "source": "来源", "urgency": "紧急程度", "summary": "简要案情", "handler_id": "承办人", "owner_unit_id": "所属单位",
    "tier": "层级", "major_incident": "重大案事件", "involves_minor": "涉及未成年人", "domestic_violence": "家庭暴力",
    "closed_at": "办结时间", "mediation_outcome": "调解结果", "petition_outcome": "信访处理意见",
    "petition_evaluation": "信访人评价", "deleted_at": "删除时间", "name": "姓名", "phone": "电话",
    "address": "住址", "note": "备注", "case_no": "案号", "opened_at": "登记时间", "kind": "案件种类",
    "case_year": "年份", "case_seq": "序号", "reason": "理由", "place": "地点", "id_number": "身份证号",
}


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    local: Any
    remote: Any

    @property
    def differs(self) -> bool:
        return self.local != self.remote


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    table_label: str
    record_id: str
    case_id: str | None
    title: str
    peer_name: str
    local_by: str | None
    local_at: datetime | None
    remote_by: str | None
    remote_at: datetime | None
    detected_at: datetime
    status: str
    fields: tuple[FieldDiff, ...]
    resolved_by: str | None = None
    choice: dict[str, str] | None = None
    local_version: int = 0   # pass back to resolve_conflict: a local edit in between is refused, not lost

    @property
    def differing(self) -> tuple[FieldDiff, ...]:
        return tuple(f for f in self.fields if f.differs)


def _live(uow: UnitOfWork, c: SyncConflict) -> tuple[dict[str, Any], int]:
    """The local side as it is now (it may have been edited since the conflict was found), and its version."""
    obj = uow.s.get(_model(c.table_name), c.record_id)
    if obj is None:
        return c.local_row, 0
    values = encode_row(c.table_name, {col: getattr(obj, col) for col in columns(c.table_name)})
    return dict(zip(columns(c.table_name), values)), obj.version


def _view(uow: UnitOfWork, c: SyncConflict, peers: dict[str, str]) -> ConflictView:
    local, version = _live(uow, c) if c.status == "open" else (c.local_row, 0)
    fields = tuple(FieldDiff(n, FIELD_LABELS.get(n, n), local.get(n), c.remote_row.get(n))
                   for n in editable_fields(c.table_name))
    title = str(local.get("case_no") or local.get("title") or local.get("name") or c.record_id[:8])
    if local.get("title") and local.get("case_no"):
        title = f"{local['case_no']} {local['title']}"
    return ConflictView(c.id, c.table_name, TABLE_LABELS.get(c.table_name, c.table_name), c.record_id, c.case_id, title,
                        peers.get(c.peer_store, "对方站点"), c.local_by, c.local_at, c.remote_by, c.remote_at,
                        c.detected_at, c.status, fields, c.resolved_by, c.choice, version)


def _visible(actor: Actor, c: SyncConflict) -> bool:
    owners = {c.owner_unit_id, c.remote_row.get("owner_unit_id")} - {None}
    return actor.is_system or not owners or any(actor.in_scope(o) for o in owners)


def _peers(uow: UnitOfWork) -> dict[str, str]:
    return dict(uow.s.execute(select(SyncPeer.station_id, SyncPeer.name)).all())


def list_conflicts(uow: UnitOfWork, actor: Actor, *, status: str = "open") -> list[ConflictView]:
    require(actor, Permission.RESOLVE_CONFLICTS)
    rows = uow.s.execute(select(SyncConflict).where(SyncConflict.status == status)
                         .order_by(SyncConflict.detected_at)).scalars()
    peers = _peers(uow)
    return [_view(uow, c, peers) for c in rows if _visible(actor, c)]


def get_conflict(uow: UnitOfWork, actor: Actor, conflict_id: str) -> ConflictView:
    require(actor, Permission.RESOLVE_CONFLICTS)
    c = uow.s.get(SyncConflict, conflict_id)
    if c is None or not _visible(actor, c):
        raise NotFound("该冲突不存在或不在您的管辖范围内。")
    return _view(uow, c, _peers(uow))


def _model(table_name: str) -> type:
    for mapper in Base.registry.mappers:
        if mapper.class_.__tablename__ == table_name:
            return mapper.class_
    raise NotFound(f"未知的数据表：{table_name}")


def resolve_conflict(uow: UnitOfWork, actor: Actor, conflict_id: str, choices: dict[str, str],
                     expected_version: int | None = None) -> ConflictView:
    """Keep, per field, the local or the remote value (fields not named keep the local value).
    `expected_version` is the local version the user was shown (ConflictView.local_version)."""
    require(actor, Permission.RESOLVE_CONFLICTS)
    c = uow.s.get(SyncConflict, conflict_id)
    if c is None or not _visible(actor, c):
        raise NotFound("该冲突不存在或不在您的管辖范围内。")
    if c.status != "open":
        raise ConflictError(f"该冲突已由 {c.resolved_by} 处理。", code="conflict_resolved")
    allowed = set(editable_fields(c.table_name))
    bad = {k for k, v in choices.items() if k not in allowed or v not in (LOCAL, REMOTE)}
    if bad:
        raise ValidationError(f"无法按所选方式合并这些字段：{'、'.join(sorted(bad))}")
    obj = uow.s.get(_model(c.table_name), c.record_id)
    if obj is None:
        raise NotFound("冲突涉及的记录已不存在。")
    if expected_version is not None and obj.version != expected_version:
        raise ConflictError("本站的这条记录在您核对期间又被修改。您的选择未保存，请刷新后重新核对。",
                            code="conflict_local_changed")
    current = encode_row(c.table_name, {col: getattr(obj, col) for col in columns(c.table_name)})
    local_hash = content_hash(c.table_name, current)
    c.local_row = dict(zip(columns(c.table_name), current))   # the local side actually weighed
    remote = decode_row(c.table_name, [c.remote_row.get(col) for col in columns(c.table_name)])
    taken = {k: REMOTE for k, v in choices.items() if v == REMOTE}
    for name in taken:
        setattr(obj, name, remote[name])
    if c.table_name == "person":   # protection is kept if either side has it; the district then derives it
        obj.contact_protected = bool(obj.contact_protected or remote.get("contact_protected"))
    obj.updated_at = utcnow()  # a new version even when every field stays local: it must travel and win
    uow.flush()
    if c.table_name == "person":
        settle_protection(uow.s, [obj.id])
    _descend_from_both(uow, c, local_hash)
    c.status, c.resolved_by, c.resolved_at = "resolved", actor.audit_name, utcnow()
    c.choice = {name: choices.get(name, LOCAL) for name in allowed if c.local_row.get(name) != c.remote_row.get(name)}
    case_id = c.record_id if c.table_name == "case_file" else c.case_id
    audit.record(uow.s, actor, "resolve_conflict", entity=c.table_name, entity_id=c.record_id, case_id=case_id,
                 owner_unit_id=getattr(obj, "owner_unit_id", None), detail={"choice": c.choice})
    case = uow.s.get(Case, case_id) if case_id else None
    if case is not None:
        from ..access.cases import record_event
        from ..services.cases.search import index_cases

        picked = [FIELD_LABELS.get(k, k) for k, v in c.choice.items() if v == REMOTE]
        record_event(uow, actor, case, "sync_conflict_resolved",
               f"处理同步冲突（{TABLE_LABELS.get(c.table_name, c.table_name)}）：" +
               ("采用对方的" + "、".join(picked) if picked else "保留本站版本"), data={"choice": c.choice})
        index_cases(uow.s, [case.id])
    return _view(uow, c, _peers(uow))


def _descend_from_both(uow: UnitOfWork, c: SyncConflict, local_hash: str) -> None:
    """The merged row must be seen as newer than both versions, on both sides."""
    row = uow.s.get(SyncLineage, (c.table_name, c.record_id))
    mine = list(row.hashes) if row else []
    merged = merge_lineage(mine + [local_hash], list(c.remote_lineage))
    if row is None:
        uow.s.add(SyncLineage(table_name=c.table_name, record_id=c.record_id, hashes=merged))
    else:
        row.hashes = merged


def conflict_total(uow: UnitOfWork) -> int:
    return uow.s.execute(select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")).scalar_one()
