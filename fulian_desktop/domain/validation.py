"""Form validation that reports every problem at once (for live checking as the user types)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import InvalidIdNumber, InvalidPhone, ValidationError
from .idnumber import IdNumberInfo, parse_id_number
from .phone import parse_phone


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    field: str
    severity: Severity
    code: str
    message: str


@dataclass(frozen=True)
class Report:
    issues: tuple[Issue, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(i.severity == Severity.ERROR for i in self.issues)

    def for_field(self, field: str) -> list[Issue]:
        return [i for i in self.issues if i.field == field]

    def raise_if_errors(self) -> None:
        errors = [i for i in self.issues if i.severity == Severity.ERROR]
        if errors:
            first = errors[0]
            raise ValidationError("；".join(i.message for i in errors), code=first.code, field=first.field)


@dataclass(frozen=True)
class PersonInput:
    name: str
    sex: str = "unknown"  # Sex value
    id_number: str | None = None
    phone: str | None = None
    birth_date: date | None = None
    address: str | None = None
    marital_status: str | None = None
    occupation: str | None = None


def validate_person(person: PersonInput, *, today: date | None = None) -> tuple[Report, IdNumberInfo | None]:
    issues: list[Issue] = []
    name = (person.name or "").strip()
    if not name:
        issues.append(Issue("name", Severity.ERROR, "required", "请填写姓名。"))
    elif len(name) > 50:
        issues.append(Issue("name", Severity.ERROR, "too_long", "姓名过长（最多 50 个字）。"))
    info = None
    if person.id_number and person.id_number.strip():
        try:
            info = parse_id_number(person.id_number, today=today)
        except InvalidIdNumber as exc:
            issues.append(Issue("id_number", Severity.ERROR, exc.code, exc.message))
    if info is not None:
        if person.sex in ("male", "female") and {"男": "male", "女": "female"}[info.sex] != person.sex:
            issues.append(Issue("sex", Severity.WARNING, "sex_mismatch", f"性别与身份证号不符（身份证号显示为{info.sex}）。"))
        if person.birth_date and person.birth_date != info.birth_date:
            issues.append(Issue("birth_date", Severity.WARNING, "birth_mismatch",
                                f"出生日期与身份证号不符（身份证号显示为 {info.birth_date:%Y-%m-%d}）。"))
    if person.phone and person.phone.strip():
        try:
            parse_phone(person.phone)
        except InvalidPhone as exc:
            issues.append(Issue("phone", Severity.ERROR, exc.code, exc.message))
    if person.address and len(person.address) > 300:
        issues.append(Issue("address", Severity.ERROR, "too_long", "地址过长（最多 300 个字）。"))
    return Report(tuple(issues)), info
