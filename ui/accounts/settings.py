"""Store-wide settings (automatic lock, the unit name on documents, attachment limit), the working-day
calendar for years the built-in calendar package does not know yet, this computer's interface language
(中文 / English, applied at the next start) and store facts."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fulian_desktop.domain import clock
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.domain.workcalendar import WorkCalendar
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.accounts import orgunits
from fulian_desktop.services.accounts import settings as core_settings
from fulian_desktop.store.store import schema_info

from .. import i18n
from ..clocks.holiday_notice_dialog import HolidayNoticeDialog
from ..errors import message_of, present_error
from ..i18n import tr
from ..session import AppSession
from ..common.guard import while_alive


def _save_settings(uow, actor, values: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN001
    """One transaction: every changed key, or none."""
    for key, value in values.items():
        core_settings.put(uow, actor, key, value)
    return core_settings.all_settings(uow)


def _load_calendar(uow, actor, year: int) -> tuple[clocks.CalendarYear, str]:  # noqa: ANN001
    return clocks.calendar_year(uow, year), clocks.calendar_text(uow, year)


def _save_calendar(uow, actor, year: int, text: str, complete: bool) -> tuple[int, clocks.CalendarYear]:  # noqa: ANN001
    moved = clocks.set_calendar(uow, actor, year, text, complete=complete)
    return moved, clocks.calendar_year(uow, year)


def _load_settings(uow, actor) -> tuple[dict[str, Any], str]:  # noqa: ANN001
    root = orgunits.root_unit(uow.s)
    return core_settings.all_settings(uow), root.name if root else ""


def _load_committees(uow, actor) -> tuple[list[tuple[str, str]], dict[str, str]]:  # noqa: ANN001
    units = [(u.id, u.name) for u in orgunits.list_units(uow, actor)]
    return units, core_settings.unit_values(uow, "mediation_committee")


def _save_committee(uow, actor, unit_id: str, name: str) -> dict[str, str]:  # noqa: ANN001
    core_settings.put_for_unit(uow, actor, "mediation_committee", unit_id, name)
    return core_settings.unit_values(uow, "mediation_committee")


class SettingsPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded: dict[str, Any] = {}

        self.idle = QSpinBox(objectName="idle_lock_minutes")
        self.idle.setRange(1, 240)
        self.idle.setSuffix(tr(" 分钟"))
        self.unit_name = QLineEdit(objectName="unit_display_name")
        self.unit_name.setMaxLength(100)
        self.review_body = QLineEdit(objectName="petition_review_body")
        self.review_body.setMaxLength(100)
        self.attachment = QSpinBox(objectName="attachment_max_mb")
        self.attachment.setRange(1, 2048)
        self.attachment.setSuffix(" MB")
        self.due_day = QSpinBox(objectName="report_due_day")
        self.due_day.setRange(1, 28)
        self.due_day.setSuffix(tr(" 日"))
        self.sync_server = QLineEdit(objectName="sync_server_url")
        self.sync_server.setMaxLength(300)
        self.sync_server.setMinimumWidth(360)
        self.sync_server.setPlaceholderText(tr("区平台同步服务地址，如 https://10.0.0.2:8443（由区里提供）"))
        self.sync_minutes = QSpinBox(objectName="sync_auto_minutes")
        self.sync_minutes.setRange(0, core_settings.MAX_AUTO_SYNC_MINUTES)
        self.sync_minutes.setSuffix(tr(" 分钟"))
        self.sync_minutes.setSpecialValueText(tr("不自动同步"))
        for spin in (self.idle, self.attachment, self.sync_minutes, self.due_day):
            spin.setMinimumWidth(140)
        self.save_button = QPushButton(tr("保存(&S)"))
        self.revert_button = QPushButton(tr("撤销修改"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        self.state = QLabel("", objectName="state")
        self.state.setWordWrap(True)
        self.mask_names = QCheckBox(tr(core_settings.KNOWN["mask_names_in_lists"][0]) + "(&H)",
                                    objectName="mask_names_in_lists")
        self.paper_register = QCheckBox(tr("本处登记簿：保留纸质来访登记簿(&B)"), objectName="paper_register")
        for signal in (self.idle.valueChanged, self.unit_name.textChanged, self.attachment.valueChanged,
                       self.mask_names.toggled, self.review_body.textChanged, self.paper_register.toggled,
                       self.due_day.valueChanged, self.sync_server.textChanged,
                       self.sync_minutes.valueChanged):
            signal.connect(lambda *_: self._update_dirty())

        labels = core_settings.KNOWN
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        self.unit_name.setMinimumWidth(360)
        form.addRow(self._label(tr(labels["idle_lock_minutes"][0]) + "(&L)", self.idle), self.idle)
        form.addRow("", self._hint(tr("超过这段时间没有键盘或鼠标操作，窗口自动锁定，需重新输入密码。")))
        form.addRow(self._label(tr(labels["unit_display_name"][0]) + "(&N)", self.unit_name), self.unit_name)
        form.addRow("", self._hint(tr("打印文书时落款使用的单位全称；留空则使用区级单位名称。")))
        form.addRow(self._label(tr(labels["attachment_max_mb"][0]) + "(&M)", self.attachment), self.attachment)
        self.review_body.setMinimumWidth(360)
        form.addRow(self._label(tr("信访复查机关(&R)"), self.review_body), self.review_body)
        form.addRow("", self._hint(tr("区级出具的信访事项处理意见书告知的复查机关，例如“长沙市妇女联合会”"
                                      "（信访工作条例第三十五条）。街镇、村社区的意见书按组织架构由上级单位出具和复查。")))
        form.addRow(self._label(tr(labels["report_due_day"][0]) + "(&D)", self.due_day), self.due_day)
        form.addRow("", self._hint(tr("下级单位的月度统计报表须在次月这一天（中国时间）之前提交，过后在“上报”页和督导首页显示为逾期未报。")))
        form.addRow("", self.mask_names)
        form.addRow("", self._hint(tr("接待台等他人看得到屏幕的电脑上，案件列表中的姓名显示为“王某某”；打开案件后仍显示全名。")))
        form.addRow("", self.paper_register)
        form.addRow("", self._hint(tr("本处另有纸质登记簿时勾选：每次保存来访登记后，接待台预览并打印当日登记簿的这一行"
                                      "（序号、时间、案号、姓名、事由、处理去向），按回车即打印；姓名是否隐去按上一项。")))
        form.addRow(self._label(tr("区平台服务器地址(&V)"), self.sync_server), self.sync_server)
        form.addRow(self._label(tr("自动同步间隔(&Y)"), self.sync_minutes), self.sync_minutes)
        form.addRow("", self._hint(tr("站点填写区平台服务器地址（区平台同步服务的地址）后，“站点同步”页的“交换”直接与区平台同步，程序也会在登录后和"
                                      "每隔这段时间自动同步（0 为不自动同步）；连不上时仍可用U盘交换。站点不需要也不保存区平台的"
                                      "任何密码：交换的只是加密、签名的同步包。区里的电脑留空。")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.state, 1)
        settings_box = QGroupBox(tr("系统设置"))
        box_layout = QVBoxLayout(settings_box)
        box_layout.addLayout(form)
        box_layout.addLayout(buttons)

        self.info = {key: QLabel("…", objectName=f"info_{key}") for key in ("schema", "cipher", "backend", "data_dir",
                                                                          "demo")}
        info_form = QFormLayout()
        for key, text in (("data_dir", tr("数据文件夹")), ("backend", tr("数据库")), ("cipher", tr("加密")),
                          ("schema", tr("结构版本")), ("demo", tr("数据类型"))):
            label = self.info[key]
            label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
            label.setWordWrap(True)
            info_form.addRow(text, label)
        info_box = QGroupBox(tr("数据存储"))
        info_box.setLayout(info_form)

        # This computer's interface language (QSettings, not the store): takes effect at the next start.
        self.language = QComboBox(objectName="ui_language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)  # each language named in itself: 中文 / English
        self.language.setCurrentIndex(max(self.language.findData(i18n.chosen_language()), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel(objectName="ui_language_note")
        self.language_note.setStyleSheet("color:#555")
        language_form = QFormLayout()
        language_form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        language_form.addRow(self._label(tr("界面语言(&I)"), self.language), self.language)
        language_form.addRow("", self.language_note)
        language_box = QGroupBox(tr("界面语言（本机）"))
        language_box.setLayout(language_form)

        calendar_box = self._build_calendar()
        committee_box = self._build_committees()

        # Taller than a 1000 px screen: the boxes scroll, each at its own height (never squeezed onto the next).
        content = QWidget(objectName="settings_content")
        self.scroll = QScrollArea(objectName="settings_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        layout = QVBoxLayout(content)
        layout.addWidget(settings_box)
        layout.addWidget(committee_box)
        layout.addWidget(calendar_box)
        layout.addWidget(language_box)
        layout.addWidget(info_box)
        from ..setup.server_settings import server_settings_button  # issue 7: server and backups
        from .backup_box import BackupBox

        info_form.addRow("", server_settings_button(session.store.paths.root if session.store.paths else None, self))
        layout.addWidget(BackupBox(session))
        layout.addStretch(1)
        self.setTabOrder(self.idle, self.unit_name)
        self.setTabOrder(self.unit_name, self.attachment)
        self.setTabOrder(self.attachment, self.review_body)
        self.setTabOrder(self.review_body, self.due_day)
        self.setTabOrder(self.due_day, self.mask_names)
        self.setTabOrder(self.mask_names, self.paper_register)
        self.setTabOrder(self.paper_register, self.sync_server)
        self.setTabOrder(self.sync_server, self.sync_minutes)
        self.setTabOrder(self.sync_minutes, self.save_button)
        self.setTabOrder(self.save_button, self.revert_button)
        self.load()
        self.load_info()
        self.load_calendar()
        self.load_committees()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("color:#555")
        label.setWordWrap(True)  # the page scrolls down, never sideways
        return label

    def _language_changed(self) -> None:
        lang = self.language.currentData()
        i18n.remember_language(lang)
        self.language_note.setText(tr("已改为 {language}，重新启动程序后生效。").format(language=i18n.LANGUAGES[lang]))

    # --- settings ------------------------------------------------------------------------------------
    def load(self) -> None:
        self.session.read(_load_settings, on_done=self._show, on_error=lambda exc: present_error(self, exc))

    def _show(self, result: tuple[dict[str, Any], str]) -> None:
        values, district = result
        self.loaded = dict(values)
        self.idle.setValue(int(values["idle_lock_minutes"]))
        self.unit_name.setText(str(values["unit_display_name"] or ""))
        self.unit_name.setPlaceholderText(district)
        self.attachment.setValue(int(values["attachment_max_mb"]))
        self.mask_names.setChecked(bool(values.get("mask_names_in_lists")))
        self.paper_register.setChecked(bool(values.get("paper_register")))
        self.review_body.setText(str(values.get("petition_review_body") or ""))
        self.due_day.setValue(int(values.get("report_due_day") or 5))
        self.sync_server.setText(str(values.get("sync_server_url") or ""))
        self.sync_minutes.setValue(int(values.get("sync_auto_minutes") or 0))
        self.state.clear()
        self._update_dirty()

    def current(self) -> dict[str, Any]:
        return {"idle_lock_minutes": self.idle.value(), "unit_display_name": self.unit_name.text().strip(),
                "attachment_max_mb": self.attachment.value(), "mask_names_in_lists": self.mask_names.isChecked(),
                "petition_review_body": self.review_body.text().strip(),
                "paper_register": self.paper_register.isChecked(), "report_due_day": self.due_day.value(),
                "sync_server_url": self.sync_server.text().strip(), "sync_auto_minutes": self.sync_minutes.value()}

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in self.current().items() if self.loaded.get(k) != v}

    def _update_dirty(self) -> None:
        dirty = bool(self.loaded) and bool(self.changes())
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.state.setText(tr("有未保存的修改。"))
            self.state.setStyleSheet("color:#8a5a00")
        elif self.state.text() == tr("有未保存的修改。"):
            self.state.clear()

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            return
        self.save_button.setEnabled(False)
        self.session.write(_save_settings, changes, on_done=lambda values: self._saved(values, changes),
                           on_error=self._failed)

    def _saved(self, values: dict[str, Any], changes: dict[str, Any]) -> None:
        self.loaded = dict(values)
        self._update_dirty()
        self.state.setStyleSheet("color:#1b5e20")
        self.state.setText(tr("已保存。"))
        if "idle_lock_minutes" in changes:
            watcher = getattr(self.window(), "idle_watcher", None)
            if watcher is not None:
                watcher.set_minutes(int(values["idle_lock_minutes"]))

    def _failed(self, exc: BaseException) -> None:
        self._update_dirty()
        self.state.setStyleSheet("color:#b3261e")
        if isinstance(exc, FulianError):
            self.state.setText(message_of(exc))
        else:
            present_error(self, exc)

    # --- each station's 人民调解委员会 ----------------------------------------------------------------------
    def _build_committees(self) -> QGroupBox:
        """The committee each unit's agreements are sealed by, printed on their seal block."""
        self.committee_unit = QComboBox(objectName="committee_unit")
        self.committee_unit.setMinimumWidth(220)
        self.committee_name = QLineEdit(objectName="committee_name")
        self.committee_name.setMaxLength(100)
        self.committee_name.setMinimumWidth(360)
        self.committee_save = QPushButton(tr("保存委员会名称"), objectName="committee_save")
        self.committee_state = QLabel(objectName="committee_state")
        self.committee_state.setWordWrap(True)
        self.committees: dict[str, str] = {}
        self.committee_unit.currentIndexChanged.connect(lambda _i: self._show_committee())
        self.committee_save.clicked.connect(self.save_committee)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self._label(tr("单位(&U)"), self.committee_unit), self.committee_unit)
        form.addRow(self._label(tr("人民调解委员会全称(&C)"), self.committee_name), self.committee_name)
        form.addRow("", self._hint(tr("印在该单位调解协议书的印章处，须以“人民调解委员会”结尾；留空则按单位名称印制。")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.committee_save)
        buttons.addWidget(self.committee_state, 1)
        box = QGroupBox(tr("人民调解委员会"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addLayout(buttons)
        return box

    def load_committees(self) -> None:
        self.session.read(_load_committees, on_done=self._show_committees,
                          on_error=lambda exc: present_error(self, exc))

    def _show_committees(self, result: tuple[list[tuple[str, str]], dict[str, str]]) -> None:
        units, self.committees = result
        current = self.committee_unit.currentData()
        self.committee_unit.blockSignals(True)
        self.committee_unit.clear()
        for unit_id, name in units:
            self.committee_unit.addItem(name, unit_id)
        self.committee_unit.setCurrentIndex(max(self.committee_unit.findData(current), 0))
        self.committee_unit.blockSignals(False)
        self._show_committee()

    def _show_committee(self) -> None:
        unit_id = self.committee_unit.currentData()
        self.committee_name.setText(self.committees.get(unit_id, "") if unit_id else "")
        self.committee_name.setPlaceholderText(
            tr("{unit}人民调解委员会").format(unit=self.committee_unit.currentText()) if unit_id else "")

    def save_committee(self) -> None:
        unit_id = self.committee_unit.currentData()
        if not unit_id:
            return
        self.committee_save.setEnabled(False)
        self.session.write(_save_committee, unit_id, self.committee_name.text().strip(),
                           on_done=self._committee_saved, on_error=self._committee_failed)

    def _committee_saved(self, values: dict[str, str]) -> None:
        self.committees = values
        self.committee_save.setEnabled(True)
        self.committee_state.setStyleSheet("color:#1b5e20")
        self.committee_state.setText(tr("已保存。"))

    def _committee_failed(self, exc: BaseException) -> None:
        self.committee_save.setEnabled(True)
        self.committee_state.setStyleSheet("color:#b3261e")
        if isinstance(exc, FulianError):
            self.committee_state.setText(exc.message)
        else:
            present_error(self, exc)

    # --- the working-day calendar -----------------------------------------------------------------------
    def _build_calendar(self) -> QGroupBox:
        self.calendar_year = QSpinBox(objectName="calendar_year")
        self.calendar_year.setRange(2000, 2100)
        self.calendar_year.setValue(clock.today_local().year + 1)
        self.calendar_year.setSuffix(tr(" 年"))
        self.calendar_year.setMinimumWidth(140)
        self.calendar_year.valueChanged.connect(lambda _y: self.load_calendar())
        self.calendar_note = QLabel(objectName="calendar_note")
        self.calendar_note.setWordWrap(True)
        self.calendar_text = QPlainTextEdit(objectName="calendar_text")
        self.calendar_text.setPlaceholderText(tr("每行一天，例如：\n2027-01-01 休\n2027-02-07 班\n# 之后为注释"))
        self.calendar_text.setMinimumHeight(140)
        self.calendar_complete = QCheckBox(tr("本年已完整录入"), objectName="calendar_complete")
        self.calendar_save = QPushButton(tr("保存"), objectName="calendar_save")
        self.calendar_save.clicked.connect(self.save_calendar)
        self.calendar_notice = QPushButton(tr("按国务院通知确认(&N)…"), objectName="calendar_notice")
        self.calendar_notice.setToolTip(tr("粘贴国务院办公厅节假日安排通知全文，核对后保存为该年的工作日历"))
        self.calendar_notice.clicked.connect(self.open_notice)
        self.notice_dialog: HolidayNoticeDialog | None = None
        self._loaded_state = ""
        self.calendar_state = QLabel(objectName="calendar_state")
        self.calendar_state.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self._label(tr("年份(&Y)"), self.calendar_year), self.calendar_year)
        form.addRow("", self.calendar_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calendar_notice)
        buttons.addWidget(self.calendar_complete)
        buttons.addWidget(self.calendar_save)
        buttons.addWidget(self.calendar_state, 1)
        box = QGroupBox(tr("工作日历"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addWidget(self._hint(tr("内置日历包不含的年份，先按《全国年节及纪念日放假办法》推算法定节假日和补假（暂定）；"
                                           "国务院办公厅放假通知发布后，点“按国务院通知确认”粘贴通知全文即可。"
                                           "也可在下面逐日录入休息日（休）和调休上班日（班）。保存后所有计时中的时限重新计算。")))
        box_layout.addWidget(self.calendar_text)
        box_layout.addLayout(buttons)
        return box

    def load_calendar(self) -> None:
        year = self.calendar_year.value()
        self.calendar_save.setEnabled(False)
        self.session.read(_load_calendar, year, on_done=while_alive(self, lambda result: self._show_calendar(year, result)),
                          on_error=while_alive(self, lambda exc: present_error(self, exc)))

    def _show_calendar(self, year: int, result: tuple[clocks.CalendarYear, str]) -> None:
        if year != self.calendar_year.value():
            return  # the year changed while this was loading; its own load follows
        info, text = result
        self.calendar_text.setPlainText(text)
        self.calendar_complete.setChecked(info.declared)
        self.calendar_state.setStyleSheet("color:#1b5e20")
        self.calendar_state.setText(self._loaded_state)  # what was just saved, said once after the reload
        self._loaded_state = ""
        self._note_calendar(info)
        self.calendar_save.setEnabled(True)

    def _note_calendar(self, info: clocks.CalendarYear) -> None:
        years = WorkCalendar.package_years()
        if info.declared:
            note, colour = tr("{year} 年的日历由管理员录入，已声明完整。").format(year=info.year), "#1b5e20"
        elif info.in_package:
            note, colour = tr("{year} 年的日历已包含在内置日历包中；此处录入的日期优先。").format(year=info.year), "#1b5e20"
        elif info.provisional:
            note, colour = tr("{year} 年尚未确认（内置日历包含 {first}–{last} 年）：按《全国年节及纪念日放假办法》"
                              "推算法定节假日和补假，调休待国务院通知，涉及该年的时限注明“暂定”。").format(
                year=info.year, first=years.start, last=years.stop - 1), "#9a6700"
        else:
            note, colour = tr("{year} 年的日历未知（内置日历包含 {first}–{last} 年）：按周一至周五计算，"
                              "涉及该年的时限会注明“日历未知”。录入后勾选“本年已完整录入”。").format(
                year=info.year, first=years.start, last=years.stop - 1), "#9a6700"
        self.calendar_note.setText(note)
        self.calendar_note.setStyleSheet(f"color:{colour}")

    def save_calendar(self) -> None:
        year = self.calendar_year.value()
        self.calendar_save.setEnabled(False)
        self.calendar_state.clear()
        self.session.write(_save_calendar, year, self.calendar_text.toPlainText(), self.calendar_complete.isChecked(),
                           on_done=while_alive(self, self._calendar_saved),
                           on_error=while_alive(self, self._calendar_failed))

    def _calendar_saved(self, result: tuple[int, clocks.CalendarYear]) -> None:
        moved, info = result
        self.calendar_save.setEnabled(True)
        if info.year == self.calendar_year.value():
            self._note_calendar(info)
        self.calendar_state.setStyleSheet("color:#1b5e20")
        self.calendar_state.setText(tr("已保存，{count} 个时限已重新计算").format(count=moved))

    def open_notice(self) -> None:
        """The notice dialog for the year shown; window-modal, so the page stays responsive behind it."""
        dialog = HolidayNoticeDialog(self.session, self.calendar_year.value(), self)
        dialog.sig_confirmed.connect(self._notice_confirmed)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.notice_dialog = dialog
        dialog.open()

    def _notice_confirmed(self, days: int, moved: int) -> None:
        self._loaded_state = tr("已按通知确认（{days} 天），{count} 个时限已重新计算").format(days=days, count=moved)
        self.load_calendar()  # the notice's own write announced that the calendar and the due dates moved

    def _calendar_failed(self, exc: BaseException) -> None:
        self.calendar_save.setEnabled(True)
        if isinstance(exc, FulianError):
            self.calendar_state.setStyleSheet("color:#b3261e")
            self.calendar_state.setText(message_of(exc))  # names the line: 第 3 行日期不存在 …
        else:
            present_error(self, exc)

    # --- store facts -----------------------------------------------------------------------------------
    def load_info(self) -> None:
        store = self.session.store
        self.session.tasks.run(schema_info, store, on_done=self._show_info,
                               on_error=lambda exc: present_error(self, exc))

    def _show_info(self, info: dict[str, str]) -> None:
        store = self.session.store
        backend = info.get("backend", "")
        self.info["backend"].setText(
            tr("SQLite {version}（单机加密文件）").format(version=info.get("sqlite", "")) if backend == "sqlite"
            else f"PostgreSQL {info.get('server', '')}" if backend == "postgresql" else backend)
        self.info["cipher"].setText("SQLCipher " + info["cipher"].split()[0] if info.get("cipher") else
                                    tr("由数据库服务器负责") if backend != "sqlite" else tr("未加密"))
        self.info["schema"].setText(info.get("schema", ""))
        self.info["data_dir"].setText(str(store.paths.root) if store.paths else tr("（数据库服务器）"))
        self.info["demo"].setText(tr("演示数据（虚构，仅供培训和试用）") if store.demo else tr("正式数据"))
