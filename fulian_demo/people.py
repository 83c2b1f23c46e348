"""Demo people: person rows and the cast of a case (who applies, against whom, who is hurt)."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from .dice import Dice
from .names import NameMaker
from .places import address, area_code, landline, mobile

_MINORITIES = ("土家族", "苗族", "侗族", "瑶族", "回族", "白族")
_VILLAGE_JOBS = ("务农", "务农", "务农", "务工", "务工", "个体经营", "家庭主妇", "无业", "保洁员", "养殖户")
_TOWN_JOBS = ("务工", "个体经营", "公司职员", "自由职业", "家庭主妇", "无业", "教师", "护士", "销售", "司机")
_MALE_TOWN_JOBS = tuple(j if j not in ("家庭主妇", "护士") else "务工" for j in _TOWN_JOBS)
_MALE_VILLAGE_JOBS = tuple(j if j != "家庭主妇" else "务工" for j in _VILLAGE_JOBS)

_ADULT_DAYS, _SCHOOL_DAYS, _RETIRED_DAYS, _OLD_DAYS = 18 * 365, 6 * 365, 62 * 365, 78 * 365

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights))


class IdNumbers:
    """Valid 18-digit numbers (GB 11643, same result as domain.idnumber.make_id_number),
    with the weighted sums of area, birth date and sequence cached."""

    def __init__(self) -> None:
        self._areas: dict[str, int] = {}
        self._days: dict[int, tuple[str, int]] = {}
        self._seqs = [(f"{n:03d}", _weighted(f"{n:03d}", _ID_WEIGHTS[14:])) for n in range(1000)]

    def make(self, area: str, birth_ord: int, seq: int) -> str:
        a = self._areas.get(area)
        if a is None:
            a = self._areas[area] = _weighted(area, _ID_WEIGHTS[:6])
        d = self._days.get(birth_ord)
        if d is None:
            ymd = date.fromordinal(birth_ord).strftime("%Y%m%d")
            d = self._days[birth_ord] = (ymd, _weighted(ymd, _ID_WEIGHTS[6:14]))
        s, sw = self._seqs[seq]
        return f"{area}{d[0]}{s}{_ID_CHECK[(a + d[1] + sw) % 11]}"


class Pers:
    """A person already written (or about to be written) in this run."""

    __slots__ = ("id", "surname", "given", "male", "birth", "address", "marital", "phone")

    def __init__(self, id: str, surname: str, given: str, male: bool, birth: int, address: str,
                 marital: str | None = None, phone: str | None = None) -> None:
        self.id, self.surname, self.given, self.male = id, surname, given, male
        self.birth, self.address = birth, address  # birth: date ordinal
        self.marital, self.phone = marital, phone  # as on the person row (None for a child)

    @property
    def masked(self) -> str:
        """刘某某 / 刘某: how case titles name people."""
        return self.surname + ("某某" if len(self.given) > 1 else "某")


Cast = list[tuple[str, Pers, bool]]  # (party role, person, contact confidential)


class PeopleMaker:
    """Makes person rows (tuples in writer.PERSON_COLS order) for one case at a time."""

    POOL_SIZE = 6

    def __init__(self, dice: Dice, names: NameMaker, new_id: Callable[[], str],
                 day_value: Callable[[date], Any]) -> None:
        self.dice = dice
        self.names = names
        self.new_id = new_id
        self.day_value = day_value
        self.ids = IdNumbers()
        self.rows: list[tuple[Any, ...]] = []
        self._pool: dict[tuple[int, str], list[Pers]] = {}
        self._casts: dict[str, Callable[[float], Cast]] = {
            "couple": self._couple, "betrothed": self._betrothed, "dv_relative": self._dv_relative,
            "dv_child": self._dv_child, "elder_abuse": self._elder_abuse, "young_parent": self._young_parent,
            "siblings": self._siblings, "neighbour": self._neighbour, "employer": self._employer,
            "cadre": self._cadre, "in_law": self._in_law, "elder_son": self._elder_son,
            "mother_child": self._mother_child, "teen": self._teen, "harass": self._harass,
        }
        # Per-case context, set by begin_case.
        self._unit_key = 0
        self._owner = ""
        self._base = ""
        self._community = False
        self._opened_ord = 0
        self._at: Any = None
        self._reuse = 0.0

    # ------------------------------------------------------------------ per case
    def begin_case(self, unit_key: int, owner_unit_id: str, home: tuple[str, bool],
                   opened_ord: int, at_value: Any, reuse: float) -> None:
        self._unit_key = unit_key
        self._owner = owner_unit_id
        self._base, self._community = home
        self._opened_ord = opened_ord
        self._at = at_value
        self._reuse = reuse

    def cast(self, name: str, minor: float) -> Cast:
        return self._casts[name](minor)

    def age(self, person: Pers) -> int:
        return (self._opened_ord - person.birth) // 365

    # ------------------------------------------------------------------ one person
    def person(self, male: bool, lo: int, hi: int, *, surname: str | None = None, home: str | None = None,
               marital: str | None = "married", job: str | None = None) -> Pers:
        dice = self.dice
        rand = dice.random
        names = self.names
        if surname is None:
            surname = names.surname()
        first = lo * 365 + 30
        days = first + int(rand() * (hi * 365 + 365 - first))  # lo..hi years old, at least a month
        birth_ord = self._opened_ord - days
        birth = date.fromordinal(birth_ord)
        given = names.given(male, birth.year)
        full, initials = names.keys(surname, given)
        if home is None:
            home = address(dice, self._base, self._community)
        if days < _ADULT_DAYS:
            job = "学生" if days >= _SCHOOL_DAYS else "学龄前"
            marital = phone = None
        else:
            if job is None:
                if days >= _RETIRED_DAYS:
                    job = "退休" if self._community else "务农"
                else:
                    jobs = (_MALE_TOWN_JOBS if male else _TOWN_JOBS) if self._community else (
                        _MALE_VILLAGE_JOBS if male else _VILLAGE_JOBS)
                    job = jobs[int(rand() * len(jobs))]
            # Every adult can be reached: the very old without a mobile by the family's fixed line.
            phone = mobile(dice) if days < _OLD_DAYS or rand() < 0.6 else landline(dice)
        pid = self.new_id()
        number = self.ids.make(area_code(dice, birth.year), birth_ord, int(rand() * 500) * 2 + male)
        at = self._at
        self.rows.append((
            pid, surname + given, full, initials, "male" if male else "female", self.day_value(birth), number,
            phone, home, marital, "汉族" if rand() < 0.95 else dice.pick(_MINORITIES), job, None, False,
            self._owner, at, at, 1, None,
        ))
        return Pers(pid, surname, given, male, birth_ord, home, marital, phone)

    def _applicant(self, cast: str, make: Callable[[], Pers]) -> Pers:
        """A new applicant, or now and then one who came before (a repeat petitioner)."""
        key = (self._unit_key, cast)
        pool = self._pool.get(key)
        dice = self.dice
        if pool and dice.random() < self._reuse:
            return dice.pick(pool)
        person = make()
        if pool is None:
            self._pool[key] = [person]
        elif len(pool) < self.POOL_SIZE:
            pool.append(person)
        else:
            pool[int(dice.random() * self.POOL_SIZE)] = person
        return person

    def _child(self, mother: Pers, surname: str, home: str) -> Pers:
        oldest = max(1, min(17, self.age(mother) - 20))
        return self.person(self.dice.random() < 0.5, 0, oldest, surname=surname, home=home)

    # ------------------------------------------------------------------ casts
    def _couple(self, minor: float) -> Cast:
        dice = self.dice
        wife = self._applicant("couple", lambda: self.person(False, 22, 58))
        husband = self.person(True, max(20, self.age(wife) + dice.ri(-2, 6)), self.age(wife) + 7,
                              home=wife.address)
        cast: Cast = [("applicant", wife, False), ("respondent", husband, False)]
        if dice.random() < minor:
            cast.append(("minor_child", self._child(wife, husband.surname, wife.address), False))
        return cast

    def _betrothed(self, minor: float) -> Cast:
        woman = self._applicant("betrothed", lambda: self.person(False, 20, 32, marital="single"))
        man = self.person(True, 22, 35, marital="single")
        return [("applicant", woman, False), ("respondent", man, False)]

    def _dv_relative(self, minor: float) -> Cast:
        mother = self._applicant("dv_relative", lambda: self.person(False, 45, 72))
        m_age = self.age(mother)
        daughter = self.person(False, max(19, m_age - 30), max(19, m_age - 20))
        d_age = self.age(daughter)
        husband = self.person(True, max(20, d_age - 2), d_age + 8, home=daughter.address)
        return [("applicant", mother, False), ("respondent", husband, False), ("victim", daughter, True)]

    def _dv_child(self, minor: float) -> Cast:
        dice = self.dice
        grandma = self._applicant("dv_child", lambda: self.person(False, 50, 75))
        child_age = dice.ri(4, 15)
        surname = self.names.surname()
        father = self.person(True, child_age + 22, child_age + 36, surname=surname)
        child = self.person(dice.random() < 0.5, child_age, child_age, surname=surname, home=father.address)
        return [("applicant", grandma, False), ("respondent", father, False), ("victim", child, True)]

    def _elder_abuse(self, minor: float) -> Cast:
        dice = self.dice
        surname = self.names.surname()
        mother_age = dice.ri(70, 90)
        son = self.person(True, mother_age - 35, mother_age - 22, surname=surname)
        elder = self.person(False, mother_age, mother_age, home=son.address, marital="widowed")
        s_age = self.age(son)
        daughter = self.person(False, max(25, s_age - 6), s_age + 6, surname=surname)
        return [("applicant", daughter, False), ("respondent", son, False), ("victim", elder, True)]

    def _young_parent(self, minor: float) -> Cast:
        young = self._applicant("young_parent", lambda: self.person(False, 19, 28, marital="single"))
        y_age = self.age(young)
        father = self.person(True, y_age + 22, y_age + 30, surname=young.surname, home=young.address)
        return [("applicant", young, False), ("respondent", father, False)]

    def _siblings(self, minor: float) -> Cast:
        woman = self._applicant("siblings", lambda: self.person(False, 30, 65))
        w_age = self.age(woman)
        brother = self.person(True, max(25, w_age - 8), w_age + 8, surname=woman.surname)
        return [("applicant", woman, False), ("respondent", brother, False)]

    def _neighbour(self, minor: float) -> Cast:
        dice = self.dice
        a = self._applicant("neighbour", lambda: self.person(dice.random() < 0.4, 30, 75))
        b = self.person(dice.random() < 0.7, 30, 75)
        return [("applicant", a, False), ("respondent", b, False)]

    def _employer(self, minor: float) -> Cast:
        dice = self.dice
        worker = self._applicant("employer", lambda: self.person(False, 20, 50))
        boss = self.person(True, 30, 58, job=dice.pick(("个体经营", "企业负责人", "包工头")))
        return [("applicant", worker, False), ("respondent", boss, False)]

    def _cadre(self, minor: float) -> Cast:
        dice = self.dice
        woman = self._applicant("cadre", lambda: self.person(
            False, 25, 60, marital=dice.pick(("married", "married", "divorced"))))
        leader = self.person(True, 40, 65, job="村民小组长")
        return [("applicant", woman, False), ("respondent", leader, False)]

    def _in_law(self, minor: float) -> Cast:
        dice = self.dice
        wife = self._applicant("in_law", lambda: self.person(False, 24, 45))
        w_age = self.age(wife)
        mil = self.person(False, w_age + 22, w_age + 30, home=wife.address)
        cast: Cast = [("applicant", wife, False), ("respondent", mil, False)]
        if dice.random() < minor:
            cast.append(("minor_child", self._child(wife, self.names.surname(), wife.address), False))
        return cast

    def _elder_son(self, minor: float) -> Cast:
        dice = self.dice
        male = dice.random() < 0.3
        elder = self._applicant("elder_son", lambda: self.person(male, 65, 88, marital="widowed"))
        e_age = self.age(elder)
        home = elder.address if dice.random() < 0.3 else None
        son = self.person(True, e_age - 38, e_age - 22, surname=elder.surname if elder.male else None, home=home)
        return [("applicant", elder, False), ("respondent", son, False)]

    def _mother_child(self, minor: float) -> Cast:
        mother = self._applicant("mother_child", lambda: self.person(False, 25, 45, marital="divorced"))
        m_age = self.age(mother)
        ex = self.person(True, max(22, m_age - 2), m_age + 7, marital="divorced")
        child = self._child(mother, ex.surname, mother.address)
        return [("applicant", mother, False), ("respondent", ex, False), ("minor_child", child, False)]

    def _teen(self, minor: float) -> Cast:
        dice = self.dice
        mother = self._applicant("teen", lambda: self.person(False, 32, 50))
        m_age = self.age(mother)
        father = self.person(True, m_age, m_age + 6, home=mother.address)
        child = self.person(dice.random() < 0.5, 10, max(10, min(17, m_age - 20)), surname=father.surname,
                            home=mother.address)
        return [("applicant", mother, False), ("other", father, False), ("minor_child", child, False)]

    def _harass(self, minor: float) -> Cast:
        dice = self.dice
        woman = self._applicant("harass", lambda: self.person(
            False, 18, 45, marital=dice.pick(("single", "married"))))
        man = self.person(True, 20, 60, marital=dice.pick(("single", "married", "divorced")))
        return [("applicant", woman, True), ("respondent", man, False)]
