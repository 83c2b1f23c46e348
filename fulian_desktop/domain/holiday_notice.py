"""Reading the State Council's yearly holiday notice (国务院办公厅关于××××年部分节假日安排的通知).

The administrator confirms a year's calendar by pasting the notice as published, so the text is read in
the form it has had for years::

    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、…上班。
    七、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。…

Full- or half-width punctuation, line breaks anywhere and 周四 / 星期四 are all accepted. Everything the notice
states twice is checked against itself (the weekday in brackets, "共N天"), every festival must be there, and
a make-up working day must be a weekend; any doubt is a ``ValidationError`` naming the item, so a wrong or
truncated paste saves nothing. Statutory days the notice leaves out are reported as warnings.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.holiday_rules import REGULATION_YEARS, statutory_holidays

FESTIVALS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
_ALIASES = {"元旦节": "元旦", "清明": "清明节", "劳动": "劳动节", "五一劳动节": "劳动节", "端午": "端午节",
            "中秋": "中秋节", "国庆": "国庆节"}
_WEEKDAYS = "一二三四五六日"
_NUMERAL = "一二三四五六七八九十"
_ITEM = re.compile(rf"[{_NUMERAL}]+、([\u4e00-\u9fff、]{{2,12}}):")
_DAY = r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?"
_RANGE = re.compile(rf"^{_DAY}(?:至{_DAY})?放假")
_DAY_RE = re.compile(_DAY)
_TOTAL = re.compile(r"共(\d+)天|放假(\d+)天")
_YEAR = re.compile(r"关于(\d{4})年(?:部分)?节假日安排|现将(\d{4})年")
_WEEKDAY_WORD = re.compile(r"(?:周|星期)([一二三四五六日天])")


@dataclass(frozen=True)
class NoticeHoliday:
    """One item of the notice: its festival(s) and the days off it gives."""

    name: str                    # as the notice names it: "春节", "国庆节、中秋节"
    first: date
    last: date
    days: int

    def dates(self) -> tuple[date, ...]:
        return tuple(self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1))


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    holidays: tuple[NoticeHoliday, ...]
    workdays: tuple[tuple[date, str], ...]   # 调休上班日 and the item that names it
    warnings: tuple[str, ...] = ()

    def overrides(self) -> dict[date, bool]:
        """The year's entries for the working-day calendar: rest days False, make-up working days True."""
        return {d: working for d, (working, _note) in self.entries().items()}

    def entries(self) -> dict[date, tuple[bool, str]]:
        """Date → (working?, note), only the notice's own year (元旦 may start on 12-31 of the year before)."""
        result: dict[date, tuple[bool, str]] = {}
        for holiday in self.holidays:
            for d in holiday.dates():
                if d.year == self.year:
                    result[d] = (False, holiday.name)
        for d, name in self.workdays:
            if d.year == self.year:
                result[d] = (True, f"{name}调休上班")
        return dict(sorted(result.items()))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")  # full-width （）：， → ():,
    return re.sub(r"\s+", "", text)


def _festivals(name: str) -> list[str]:
    return [_ALIASES.get(p, p) for p in name.split("、") if p]


def _weekday_in(bracket: str | None) -> int | None:
    match = _WEEKDAY_WORD.search(bracket or "")
    if not match:
        return None
    char = match.group(1)
    return 6 if char in "日天" else _WEEKDAYS.index(char)


def _label(d: date) -> str:
    return f"{d.month}月{d.day}日"


def _day(groups: tuple[str | None, ...], year: int, month: int | None, where: str) -> date:
    y, m, d, bracket = groups
    month_value = int(m) if m else month
    if month_value is None:
        raise ValidationError(f"“{where}”：日期缺少月份。", code="holiday_notice")
    try:
        day = date(int(y) if y else year, month_value, int(d or ""))
    except ValueError:
        raise ValidationError(f"“{where}”：{month_value}月{d}日 不是有效日期。", code="holiday_notice") from None
    stated = _weekday_in(bracket)
    if stated is not None and stated != day.weekday():
        raise ValidationError(
            f"“{where}”：{day.year}年{_label(day)}是周{_WEEKDAYS[day.weekday()]}，通知写的是周{_WEEKDAYS[stated]}。"
            "请核对粘贴的是不是这一年的通知。", code="holiday_notice")
    return day


def _notice_year(text: str, year: int | None) -> int:
    found = {int(a or b) for a, b in _YEAR.findall(text)}
    if len(found) > 1:
        raise ValidationError(f"通知中出现了不同的年份（{'、'.join(map(str, sorted(found)))}），请只粘贴一份通知。",
                              code="holiday_notice")
    if found:
        stated = found.pop()
        if year is not None and stated != year:
            raise ValidationError(f"粘贴的是 {stated} 年的通知，不是 {year} 年的。", code="holiday_notice")
        return stated
    if year is None:
        raise ValidationError("找不到通知的年份：请连同标题“国务院办公厅关于××××年部分节假日安排的通知”一起粘贴。",
                              code="holiday_notice")
    return year


def _item(name: str, body: str, year: int) -> tuple[NoticeHoliday, list[tuple[date, str]]]:
    sentences = [s for s in body.split("。") if s]
    if not sentences:
        raise ValidationError(f"“{name}”一条没有内容。", code="holiday_notice")
    match = _RANGE.match(sentences[0])
    if not match:
        raise ValidationError(f"“{name}”一条无法识别放假日期：“{sentences[0][:40]}”。"
                              "应为“1月1日（周五）至3日（周日）放假调休，共3天”这样的写法。", code="holiday_notice")
    first = _day(match.groups()[0:4], year, None, name)
    last = _day(match.groups()[4:8], first.year, first.month, name) if match.group(7) else first
    if last < first:
        raise ValidationError(f"“{name}”：放假结束日 {_label(last)} 早于开始日 {_label(first)}。", code="holiday_notice")
    days = (last - first).days + 1
    total = _TOTAL.search(sentences[0])
    if total:
        stated = int(total.group(1) or total.group(2))
        if stated != days:
            raise ValidationError(f"“{name}”：{_label(first)}至{_label(last)}是 {days} 天，通知写的是共{stated}天。",
                                  code="holiday_notice")
    if days > 15:
        raise ValidationError(f"“{name}”：放假 {days} 天，不像是放假安排，请核对。", code="holiday_notice")
    workdays: list[tuple[date, str]] = []
    for sentence in sentences[1:]:
        if not sentence.endswith("上班"):
            break  # the closing paragraph (鼓励…, 节假日期间…) follows the last item
        for groups in _DAY_RE.findall(sentence):
            day = _day(groups, year, None, name)
            if day.weekday() < 5:
                raise ValidationError(f"“{name}”：调休上班日 {_label(day)} 是周{_WEEKDAYS[day.weekday()]}，本来就上班，请核对。",
                                      code="holiday_notice")
            workdays.append((day, name))
    return NoticeHoliday(name, first, last, days), workdays


def parse_holiday_notice(text: str, year: int | None = None) -> HolidayNotice:
    """Read a pasted notice; ``year``, when given, must be the notice's own year."""
    flat = _normalise(text)
    if not flat:
        raise ValidationError("请粘贴国务院办公厅关于节假日安排的通知全文。", code="holiday_notice")
    notice_year = _notice_year(flat, year)
    items = list(_ITEM.finditer(flat))
    if not items:
        raise ValidationError("没有找到放假安排的条目：应有“一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。”这样的文字。",
                              code="holiday_notice")
    holidays: list[NoticeHoliday] = []
    workdays: list[tuple[date, str]] = []
    seen: list[str] = []
    for index, match in enumerate(items):
        name = match.group(1)
        festivals = _festivals(name)
        strange = [f for f in festivals if f not in FESTIVALS]
        if strange:
            raise ValidationError(f"无法识别的节日“{strange[0]}”。", code="holiday_notice")
        twice = [f for f in festivals if f in seen]
        if twice:
            raise ValidationError(f"“{twice[0]}”出现了两次，请只粘贴一份通知。", code="holiday_notice")
        seen.extend(festivals)
        end = items[index + 1].start() if index + 1 < len(items) else len(flat)
        holiday, days = _item(name, flat[match.end():end], notice_year)
        holidays.append(holiday)
        workdays.extend(days)
    missing = [f for f in FESTIVALS if f not in seen]
    if missing:
        raise ValidationError(f"通知不完整，缺少：{'、'.join(missing)}。请粘贴通知全文。", code="holiday_notice")
    rest = {d for h in holidays for d in h.dates()}
    for d, name in workdays:
        if d in rest:
            raise ValidationError(f"“{name}”：{_label(d)} 既是放假日又是上班日，请核对。", code="holiday_notice")
    return HolidayNotice(notice_year, tuple(holidays), tuple(sorted(workdays)),
                         _warnings(notice_year, rest))


def _warnings(year: int, rest: set[date]) -> tuple[str, ...]:
    """Statutory days (放假办法第二条) the notice does not give off: most likely a wrong paste."""
    if year not in REGULATION_YEARS:
        return ()
    return tuple(f"法定节假日 {name} {_label(d)} 不在通知的放假日期中，请核对。"
                 for name, days in statutory_holidays(year) for d in days if d not in rest)
