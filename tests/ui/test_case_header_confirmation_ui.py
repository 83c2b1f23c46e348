"""The case page shows the agreement's 司法确认 window (30 days from its effective date, 人民调解法第三十三条) and
warns when a term is one the court will not confirm."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

from fulian_bench.documents_bench import build_full_case  # noqa: E402
from fulian_desktop.domain.enums import Role  # noqa: E402
from fulian_desktop.services.cases import cases  # noqa: E402
from tests.support.stores import add_user, build_org, first_login, new_store  # noqa: E402
from ui.cases.case_header import CaseHeader  # noqa: E402


def test_the_header_shows_the_confirmation_window(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    store = new_store(tmp_path / "s").store
    try:
        org = build_org(store)
        add_user(store, "med", Role.MEDIATOR, org.district, display_name="陈晓燕")
        add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="区督导")
        med, sup = first_login(store, "med"), first_login(store, "sup")
        case_id = build_full_case(store, med, approver=sup)
        with store.uow(write=True) as uow:
            detail = cases.get_case(uow, med, case_id)
        header = CaseHeader()
        qtbot.addWidget(header)
        header.set_detail(detail)
        header.show()
        assert header.confirmation_window.isVisible()
        assert "协议2026年3月7日生效，可于2026年4月7日（含当日）前共同向人民法院申请司法确认" in \
            header.confirmation_window.text()
    finally:
        store.close()
