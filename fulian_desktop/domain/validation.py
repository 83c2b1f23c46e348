"""Form validation that reports every problem at once (for live checking as the user types)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import InvalidIdNumber, InvalidPhone, ValidationError
from .idnumber import IdNumberInfo, parse_id_number
from .phone import parse_phone
from .text import SUMMARY_MAX, TITLE_MAX, bad_characters, characters_message


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
    _check_characters(issues, "name", "姓名", person.name)
    _check_characters(issues, "address", "地址", person.address)
    _check_characters(issues, "occupation", "职业", person.occupation)
    info = None
    if person.id_number and person.id_number.strip():
        try:
            info = parse_id_number(person.id_number, today=today)
        except InvalidIdNumber as exc:
            issues.append(Issue("id_number", Severity.ERROR, exc.code, exc.message))
    if info is not None:
        if info.region_note:
            issues.append(Issue("id_number", Severity.WARNING, "region", info.region_note))
        if person.sex in ("male", "female") and {"男": "male", "女": "female"}[info.sex] != person.sex:
            # One value per person: a sex or birth date the ID number contradicts is never stored beside it.
            issues.append(Issue("sex", Severity.ERROR, "sex_mismatch",
                                f"性别与身份证号不符（身份证号显示为{info.sex}），请改正其中之一后再保存。"))
        if person.birth_date and person.birth_date != info.birth_date:
            issues.append(Issue("birth_date", Severity.ERROR, "birth_mismatch",
                                f"出生日期与身份证号不符（身份证号显示为 {info.birth_date:%Y-%m-%d}），请改正其中之一后再保存。"))
    if person.phone and person.phone.strip():
        try:
            parse_phone(person.phone)
        except InvalidPhone as exc:
            issues.append(Issue("phone", Severity.ERROR, exc.code, exc.message))
    if person.address and len(person.address) > 300:
        issues.append(Issue("address", Severity.ERROR, "too_long", "地址过长（最多 300 个字）。"))
    return Report(tuple(issues)), info


def _check_characters(issues: list[Issue], field: str, label: str, text: str | None, *,
                      multiline: bool = False) -> None:
    codes = bad_characters(text, multiline=multiline)
    if codes:
        issues.append(Issue(field, Severity.ERROR, "bad_characters", characters_message(label, codes,
                                                                                           multiline=multiline)))


def validate_case_text(title: str | None = None, summary: str | None = None, *,
                       check_title: bool = True) -> Report:
    """A case's name (one line, required) and brief facts (multi-line, optional): length and characters."""
    issues: list[Issue] = []
    if check_title:
        stripped = (title or "").strip() if isinstance(title, str) else ""
        if not stripped:
            issues.append(Issue("title", Severity.ERROR, "required", "请填写案件名称。"))
        elif len(stripped) > TITLE_MAX:
            issues.append(Issue("title", Severity.ERROR, "too_long",
                                f"案件名称过长（{len(stripped)} 个字，最多 {TITLE_MAX} 个字），请精简后再保存。"))
        _check_characters(issues, "title", "案件名称", stripped)
    if summary is not None:
        if not isinstance(summary, str):
            issues.append(Issue("summary", Severity.ERROR, "invalid", "简要案情应为文字。"))
        else:
            if len(summary) > SUMMARY_MAX:
                issues.append(Issue("summary", Severity.ERROR, "too_long",
                                    f"简要案情过长（{len(summary)} 个字，最多 {SUMMARY_MAX} 个字），"
                                    "请精简，详细材料可作为附件上传。"))
            _check_characters(issues, "summary", "简要案情", summary, multiline=True)
    return Report(tuple(issues))
