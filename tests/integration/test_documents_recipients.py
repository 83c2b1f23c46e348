"""Who the paper is for: respondent copies, masked ID numbers, consent-bound referral letters, scope,
rare characters no font has, Chinese punctuation at line starts, batch printing with cancel."""
from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from fulian_bench.documents_bench import VICTIM_ADDRESS, VICTIM_PHONE
from fulian_desktop.documents.api import DocumentKind, Recipient, render, render_batch
from fulian_desktop.documents.fonts import GlyphMissing, markup
from fulian_desktop.documents.layout import style
from fulian_desktop.domain.errors import PermissionDenied, ValidationError
from tests.integration.test_documents_world import RARE_NAME, flat, pdftotext, world  # noqa: F401


def _text(world, kind, recipient=Recipient.FILE, actor=None, tmp: Path | None = None) -> str:  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        pdf = render(uow, actor or world.mediator, world.case_id, kind, recipient)
    return flat(pdftotext(pdf, tmp or Path("/tmp")))


@pytest.mark.parametrize("kind", [DocumentKind.AGREEMENT, DocumentKind.MEDIATION_RECORD, DocumentKind.RIGHTS_NOTICE])
def test_a_respondent_copy_never_carries_the_victims_address_or_phone(world, kind, tmp_path: Path) -> None:  # noqa
    text = _text(world, kind, Recipient.RESPONDENT, tmp=tmp_path)
    assert RARE_NAME in text                     # she is named, as the law requires
    assert flat(VICTIM_ADDRESS) not in text and VICTIM_PHONE not in text
    assert "430122198804" not in text            # her full ID number neither
    file_copy = _text(world, kind, Recipient.FILE, tmp=tmp_path)
    if kind is DocumentKind.AGREEMENT:
        assert flat(VICTIM_ADDRESS) in file_copy and VICTIM_PHONE in file_copy


def test_papers_for_the_complainant_cannot_go_to_the_respondent(world) -> None:  # noqa: ANN001
    for kind in (DocumentKind.INTAKE_REGISTER, DocumentKind.SAFETY_PLAN, DocumentKind.CASE_FILE,
                 DocumentKind.REFERRAL_LETTER):
        with world.store.uow(write=True) as uow, pytest.raises(ValidationError) as err:
            render(uow, world.mediator, world.case_id, kind, Recipient.RESPONDENT)
        assert err.value.code == "wrong_recipient"


def test_id_numbers_are_masked_for_a_user_without_the_right(world, tmp_path: Path) -> None:  # noqa: ANN001
    full = _text(world, DocumentKind.CASE_FILE, tmp=tmp_path)
    assert "430122198804092" in full                                # mediator: full numbers on the file copy
    masked = _text(world, DocumentKind.CASE_FILE, actor=world.reception, tmp=tmp_path)
    assert "430122198804092" not in masked and "430122******" in masked
    assert flat(VICTIM_ADDRESS) not in masked and VICTIM_PHONE not in masked   # her contacts are confidential
    assert "安全计划" not in masked.split("卷内目录")[1][:200]       # nor the safety plan in the contents
    party_copy = _text(world, DocumentKind.AGREEMENT, Recipient.PARTY, tmp=tmp_path)
    assert "430122198804092" not in party_copy


def test_the_referral_letter_holds_only_what_consent_allows(world, tmp_path: Path) -> None:  # noqa: ANN001
    text = _text(world, DocumentKind.REFERRAL_LETTER, Recipient.AGENCY, tmp=tmp_path)
    assert "望城区法律援助中心" in text and RARE_NAME in text and "风险等级：高" in text
    assert VICTIM_PHONE not in text and flat(VICTIM_ADDRESS) not in text   # contacts were not shared
    assert "430122" not in text                                            # nor the ID proof
    assert "不予提供" in text


def test_a_case_outside_the_scope_is_refused(world) -> None:  # noqa: ANN001
    with world.store.uow(write=True) as uow, pytest.raises(PermissionDenied):
        render(uow, world.village, world.case_id, DocumentKind.AGREEMENT)


def test_a_character_no_font_has_stops_with_its_name_and_field() -> None:
    assert markup("李䶮𠮷") == "李䶮𠮷"
    with pytest.raises(GlyphMissing) as err:
        markup("王\U0002B740明", "当事人姓名")                        # CJK Extension D
    assert "U+2B740" in err.value.message and "当事人姓名" in err.value.message and err.value.field == "当事人姓名"


def test_chinese_punctuation_never_starts_a_line() -> None:
    text = "当事人双方经调解自愿达成如下协议，" * 3 + "“保证不再施暴”。" + "对方同意；" * 5 + "好！" * 9 + "家。；又说》。"
    for width, kind in [(w, k) for w in range(60, 400, 7) for k in ("plain", "mixed")]:
        fragment = markup(text) if kind == "plain" else "<b>注：</b>" + markup(text)   # one style or several
        p = Paragraph(fragment, style("body"))
        p.wrap(width, 10_000)
        for line in p.blPara.lines[1:]:
            words = line[1] if isinstance(line, tuple) else [w.text for w in line.words]
            first = "".join(words)[:1]
            assert first not in "，。、；：？！”’》）", (width, kind, first)


def test_batch_print_writes_one_file_per_case_and_stops_when_cancelled(world, tmp_path: Path) -> None:  # noqa: ANN001
    seen = []
    result = render_batch(lambda: world.store.uow(write=True), world.mediator, [world.case_id] * 3,
                          DocumentKind.AGREEMENT, tmp_path / "a", progress=lambda d, t: seen.append((d, t)) or True)
    assert len(result.files) == 1 or result.done == 3            # same case thrice: same file name
    assert seen[0] == (0, 3) and seen[-1] == (3, 3) and not result.cancelled
    result = render_batch(lambda: world.store.uow(write=True), world.mediator, [world.case_id] * 5,
                          DocumentKind.AGREEMENT, tmp_path / "b", progress=lambda d, t: d < 2)
    assert result.cancelled and result.done == 2
    out = render_batch(lambda: world.store.uow(write=True), world.village, [world.case_id],
                       DocumentKind.AGREEMENT, tmp_path / "c")
    assert not out.files and out.failures and "管辖" in out.failures[0].message


def test_image_evidence_is_listed_and_printed_as_pages_of_the_file(world, tmp_path: Path) -> None:  # noqa: ANN001
    import io
    import subprocess

    from PIL import Image

    from fulian_desktop.services.attachments import attachments

    buf = io.BytesIO()
    Image.new("RGB", (320, 200), (200, 40, 40)).save(buf, "PNG")
    with world.store.uow(write=True) as uow:
        before = render(uow, world.mediator, world.case_id, DocumentKind.CASE_FILE)
        attachments.attach(uow, world.mediator, world.case_id, io.BytesIO(buf.getvalue()), doc_type="evidence",
                           filename="伤情照片.png", description="左臂淤青，2026年3月1日拍摄")
    with world.store.uow(write=True) as uow:
        after = render(uow, world.mediator, world.case_id, DocumentKind.CASE_FILE)
    text = flat(pdftotext(after, tmp_path))
    assert "伤情照片.png" in text and "附件1：证据材料" in text and "左臂淤青" in text
    path = tmp_path / "with-image.pdf"
    path.write_bytes(after)
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True).stdout.decode()
    assert len(listing.strip().splitlines()) == 3                  # header, rule, our one image
    assert after.count(b"/Type /Page\n") + after.count(b"/Type /Page ") >= \
        before.count(b"/Type /Page\n") + before.count(b"/Type /Page ")
