"""信访接待登记 (the reception register): channels, decisions and the checks an entry must pass.

Pure rules, no database: `validate_intake` returns a Report with an Issue per field so a form can
show every problem beside its field while the user types; the service adds the checks that need
the store (chosen person, joined case) and refuses to write anything while the report has errors.

Rules taken from 信访工作条例 (2022):
- art. 17: channels 信息网络、书信、电话、走访 -> 网上 / 来信 / 来电 / 来访.
- art. 19: a petition states name, address, request, facts and reasons; oral ones are recorded.
- art. 20: 多人采用走访形式提出共同的信访事项的，应当推选代表，代表人数不得超过5人.
  The regulation sets no head-count for a group (多人 = two or more); it caps the representatives.
- art. 23: the written notice is owed within 15 days "但信访人的姓名（名称）、住址不清的除外",
  so a missing address is a warning when a case (and so a notice) follows.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

from . import clock
from .enums import COMPLAINT_CATEGORIES, Sex, Labelled
from .errors import InvalidIdNumber, InvalidPhone
from .idnumber import IdNumberInfo, parse_id_number
from .localtime import local_date
from .phone import parse_phone
from .text import bad_characters, characters_message
from .validation import Issue, Report, Severity

MAX_REPRESENTATIVES = 5         # 信访工作条例 art. 20
MAX_AGE = 120
MAX_PEOPLE = 10_000             # a typo guard, not a rule
MAX_TEXT = 20_000               # request / facts / note
REPEAT_WINDOW_DAYS = 365        # 重复访: the same person on the same matter within 12 months
FUTURE_TOLERANCE = timedelta(minutes=10)   # clocks of two desks differ a little


class Channel(Labelled):
    VISIT = "visit", "来访"
    CALL = "call", "来电"
    LETTER = "letter", "来信"
    ONLINE = "online", "网上"


class IntakeDecision(Labelled):
    ACCEPT = "accept", "受理"
    REJECT = "reject", "不予受理"
    TRANSFER = "transfer", "转办"
    ANSWERED = "answered", "当场答复"
    CONSULTATION = "consultation", "咨询"

    @property
    def opens_case(self) -> bool:
        """受理, 不予受理 and 转办 are decisions about a petition matter and file a case;
        当场答复 and 咨询 are only counted."""
        return self in (IntakeDecision.ACCEPT, IntakeDecision.REJECT, IntakeDecision.TRANSFER)


class MaritalStatus(Labelled):
    """Codes as the demo data already stores them (single / married / divorced / widowed)."""

    SINGLE = "single", "未婚"
    MARRIED = "married", "已婚"
    DIVORCED = "divorced", "离婚"
    WIDOWED = "widowed", "丧偶"
    UNKNOWN = "unknown", "未说明"


# Other words staff type for the same thing.
_ALIASES: dict[type, dict[str, str]] = {
    Channel: {"走访": "visit", "上访": "visit", "电话": "call", "书信": "letter", "信件": "letter",
              "网络": "online", "网信": "online", "网上信访": "online"},
    IntakeDecision: {"予以受理": "accept", "不受理": "reject", "转送": "transfer", "交办": "transfer",
                     "答复": "answered", "当场告知": "answered", "咨询": "consultation"},
    MaritalStatus: {"离异": "divorced", "初婚": "married", "再婚": "married", "复婚": "married"},
    Sex: {"男性": "male", "女性": "female", "不详": "unknown"},
}


def parse_choice(enum: type[Labelled], value: object) -> Labelled:
    """A member from its code, its Chinese label or a common alias; ValueError otherwise."""
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    for member in enum:
        if text.lower() == member.value or text == member.label:  # type: ignore[attr-defined]
            return member
    alias = _ALIASES.get(enum, {}).get(text)
    if alias is not None:
        return enum(alias)
    raise ValueError(value)


def choices_text(enum: type[Labelled]) -> str:
    return "、".join(f"{m.label}（{m.value}）" for m in enum)  # type: ignore[attr-defined]


FIELD_LABELS: dict[str, str] = {
    "name": "姓名", "channel": "渠道", "request": "诉求", "decision": "处理方式", "received_at": "接待时间",
    "sex": "性别", "age": "年龄", "id_number": "身份证号", "birth_date": "出生日期", "marital_status": "婚姻状况",
    "address": "住址", "phone": "联系电话", "people_count": "人数", "is_group": "集体访",
    "representatives": "代表", "facts": "事实和理由", "category": "投诉类别", "sub_category": "投诉子类",
    "decision_note": "处理意见/理由", "transfer_to": "转办去向", "person_id": "已有人员",
    "join_case_id": "并入案件", "is_repeat": "重复访", "unit_id": "登记单位",
    "domestic_violence": "家暴", "major_incident": "重大案事件",
}


@dataclass(frozen=True)
class IntakeInput:
    """One register entry as typed at the desk (or read from a JSON file).

    `channel`, `decision`, `sex` and `marital_status` take the enum or its code/label; `received_at`
    None means now. `is_repeat` None lets the service decide (重复访); True/False is the caller's word.
    """

    name: str
    channel: Channel
    request: str
    decision: IntakeDecision
    received_at: datetime | None = None
    sex: str = "unknown"
    age: int | None = None
    id_number: str | None = None
    birth_date: date | None = None
    marital_status: str | None = None
    address: str | None = None
    phone: str | None = None
    people_count: int = 1
    is_group: bool = False
    representatives: tuple[str, ...] = ()
    facts: str | None = None
    category: str | None = None
    sub_category: str | None = None
    decision_note: str | None = None
    transfer_to: str | None = None
    person_id: str | None = None        # chosen from the duplicate warning
    join_case_id: str | None = None     # 受理 into an existing open case instead of a new one
    is_repeat: bool | None = None
    unit_id: str | None = None          # default: the actor's unit
    domestic_violence: bool = False     # 家暴 flag, offered by triage and confirmed by the clerk
    major_incident: bool = False        # 重大 flag (a threat to life, self-harm, a child at risk)


INTAKE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(IntakeInput))


@dataclass(frozen=True)
class CheckedIntake:
    """What validation learnt on the way: normalised values the service stores."""

    channel: Channel | None
    decision: IntakeDecision | None
    sex: str
    marital_status: str | None
    id_info: IdNumberInfo | None
    phone: str | None
    birth_date: date | None
    age: int | None
    representatives: tuple[str, ...]


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def validate_intake(data: IntakeInput, *, now: datetime | None = None) -> tuple[Report, CheckedIntake]:
    """Every problem at once, by field. Errors block saving; warnings are shown and allowed."""
    issues: list[Issue] = []

    def error(field: str, code: str, message: str) -> None:
        issues.append(Issue(field, Severity.ERROR, code, message))

    def warn(field: str, code: str, message: str) -> None:
        issues.append(Issue(field, Severity.WARNING, code, message))

    channel = decision = None
    try:
        channel = parse_choice(Channel, data.channel)
    except ValueError:
        error("channel", "choice", f"请选择渠道：{choices_text(Channel)}。")
    try:
        decision = parse_choice(IntakeDecision, data.decision)
    except ValueError:
        error("decision", "choice", f"请选择处理方式：{choices_text(IntakeDecision)}。")
    try:
        sex = parse_choice(Sex, data.sex or "unknown").value
    except ValueError:
        sex = "unknown"
        error("sex", "choice", f"性别应为：{choices_text(Sex)}。")
    marital = None
    if not _blank(data.marital_status):
        try:
            marital = parse_choice(MaritalStatus, data.marital_status).value
        except ValueError:
            error("marital_status", "choice", f"婚姻状况应为：{choices_text(MaritalStatus)}。")

    name = (data.name or "").strip() if isinstance(data.name, str) else ""
    if not name:
        error("name", "required", "请填写来访人姓名（不愿透露的可填“匿名”）。")
    elif len(name) > 50:
        error("name", "too_long", "姓名过长（最多 50 个字）。")
    elif bad_characters(name):
        error("name", "bad_characters", characters_message("姓名", bad_characters(name)))

    received = data.received_at
    now = now or clock.now_local()
    if received is not None:
        if not isinstance(received, datetime) or received.tzinfo is None:
            error("received_at", "naive", "接待时间须带时区（内部错误：请传入带时区的时间）。")
            received = None
        elif received > now + FUTURE_TOLERANCE:
            error("received_at", "future", "接待时间不能晚于现在。")
    day = local_date(received or now)

    id_info = None
    if not _blank(data.id_number):
        try:
            id_info = parse_id_number(data.id_number, today=day)
        except InvalidIdNumber as exc:
            error("id_number", exc.code, exc.message)
    birth = data.birth_date
    if birth is not None and (not isinstance(birth, date) or isinstance(birth, datetime) or birth > day):
        error("birth_date", "invalid", "出生日期无效或晚于接待日期。")
        birth = None
    if id_info is not None:
        if id_info.region_note:
            warn("id_number", "region", id_info.region_note)
        id_sex = "male" if id_info.sex == "男" else "female"
        if sex == "unknown":
            sex = id_sex
        elif sex != id_sex:
            # One value per person: a register entry never keeps a sex the ID number contradicts.
            error("sex", "sex_mismatch", f"性别与身份证号不符（身份证号显示为{id_info.sex}），请改正其中之一后再保存。")
        if birth is not None and birth != id_info.birth_date:
            error("birth_date", "birth_mismatch",
                  f"出生日期与身份证号不符（身份证号显示为 {id_info.birth_date:%Y-%m-%d}），请改正其中之一后再保存。")
        birth = id_info.birth_date

    age = data.age
    if age is not None:
        if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_AGE:
            error("age", "range", f"年龄应为 0 到 {MAX_AGE} 之间的整数。")
            age = None
        elif birth is not None and abs(age_on(birth, day) - age) > 1:
            warn("age", "age_mismatch", f"年龄与出生日期不符（按出生日期应为 {age_on(birth, day)} 岁）。")
    elif birth is not None:
        age = age_on(birth, day)

    phone = None
    if not _blank(data.phone):
        try:
            phone = parse_phone(data.phone).number
        except InvalidPhone as exc:
            error("phone", exc.code, exc.message)
    if data.address and len(data.address) > 300:
        error("address", "too_long", "住址过长（最多 300 个字）。")
    elif isinstance(data.address, str) and bad_characters(data.address):
        error("address", "bad_characters", characters_message("住址", bad_characters(data.address)))

    count = data.people_count
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_PEOPLE:
        error("people_count", "range", "人数应为不小于 1 的整数。")
        count = 1
    reps = tuple(r.strip() for r in (data.representatives or ()) if isinstance(r, str) and r.strip())
    if len(reps) != len(data.representatives or ()):
        error("representatives", "blank", "代表姓名不能为空。")
    if len(set(reps)) != len(reps):
        error("representatives", "duplicate", "代表姓名有重复。")
    if data.is_group:
        if count < 2:
            error("people_count", "group_size", "集体访须为多人（人数至少 2 人）。")
        if len(reps) > MAX_REPRESENTATIVES:
            error("representatives", "too_many",
                  f"多人走访应推选代表，代表人数不得超过 {MAX_REPRESENTATIVES} 人（信访工作条例第二十条），"
                  f"现填写了 {len(reps)} 人，请只登记推选出的代表。")
        elif len(reps) > count:
            error("representatives", "more_than_people", f"代表人数（{len(reps)}）不能多于来访人数（{count}）。")
        elif not reps and channel == Channel.VISIT:
            warn("representatives", "no_representatives",
                 "多人走访应推选代表（不超过 5 人），请登记代表姓名。")
    else:
        if reps:
            error("representatives", "not_group", "只有集体访才登记代表；请勾选“集体访”或清空代表。")
        if count >= 2 and channel == Channel.VISIT:
            warn("is_group", "group_unticked", f"{count} 人共同来访，是否为集体访？")

    if not isinstance(data.request, str) or _blank(data.request):
        error("request", "required", "请填写信访人的请求。")
    for field in ("request", "facts", "decision_note"):
        value = getattr(data, field)
        if isinstance(value, str) and len(value) > MAX_TEXT:
            error(field, "too_long", f"{FIELD_LABELS[field]}过长（最多 {MAX_TEXT} 字）。")
        elif isinstance(value, str) and bad_characters(value, multiline=True):
            error(field, "bad_characters",
                  characters_message(FIELD_LABELS[field], bad_characters(value, multiline=True), multiline=True))
    for field in ("representatives", "transfer_to", "category", "sub_category"):   # one-line texts
        value = getattr(data, field)
        values = (value or ()) if field == "representatives" else (value,)
        codes = list(dict.fromkeys(c for v in values if isinstance(v, str) for c in bad_characters(v)))
        if codes:
            error(field, "bad_characters", characters_message(FIELD_LABELS[field], codes[:3]))

    category, sub = data.category, data.sub_category
    if _blank(category):
        if decision is not None and decision != IntakeDecision.CONSULTATION:
            error("category", "required", "请选择投诉类别（统计按类别上报）。")
        if not _blank(sub):
            error("sub_category", "no_category", "填写子类前请先选择投诉类别。")
    elif category not in COMPLAINT_CATEGORIES:
        error("category", "choice", f"投诉类别应为：{'、'.join(COMPLAINT_CATEGORIES)}。")
    elif not _blank(sub) and sub not in COMPLAINT_CATEGORIES[category]:
        subs = COMPLAINT_CATEGORIES[category]
        error("sub_category", "choice",
              f"“{category}”下的子类应为：{'、'.join(subs)}。" if subs else f"“{category}”没有子类。")

    if decision == IntakeDecision.REJECT and _blank(data.decision_note):
        error("decision_note", "required", "不予受理须写明理由（报督导审批，并书面告知信访人）。")
    if decision == IntakeDecision.TRANSFER:
        if _blank(data.transfer_to):
            error("transfer_to", "required", "转办须写明转往的机关或单位。")
        elif len(data.transfer_to) > 200:
            error("transfer_to", "too_long", "转办去向过长（最多 200 个字）。")
    elif not _blank(data.transfer_to):
        error("transfer_to", "not_transfer", "只有“转办”才填写转办去向。")
    if data.join_case_id and decision is not None and decision != IntakeDecision.ACCEPT:
        error("join_case_id", "not_accept", "只有“受理”才能并入已有案件。")
    if decision is not None and decision.opens_case and _blank(data.address):
        warn("address", "no_address", "未登记住址：住址不清的，无法书面告知信访人（信访工作条例第二十三条）。")
    flagged = [FIELD_LABELS[f] for f in ("domestic_violence", "major_incident") if getattr(data, f) is True]
    if flagged and decision is not None and not decision.opens_case and not data.join_case_id:
        error("decision", "flag_needs_case",
              f"标记为“{'”“'.join(flagged)}”的来访须立案（受理、不予受理或转办），才能做危险评估并跟进。")
    for f in ("domestic_violence", "major_incident"):
        if not isinstance(getattr(data, f), bool):
            error(f, "type", f"“{FIELD_LABELS[f]}”应为是或否。")
    if data.is_repeat is not None and not isinstance(data.is_repeat, bool):
        error("is_repeat", "type", "“重复访”应为是或否。")

    return Report(tuple(issues)), CheckedIntake(channel, decision, sex, marital, id_info, phone, birth, age, reps)
