"""ReportLab internals the documents replace or wrap (documents/fonts.py, rl_speed.py, layout.py) are pinned to the
versions they were written against. pyproject pins ReportLab to a tested range; this test fails when any patched
internal changes its code even within that range, so an upgrade is read before it ships papers."""
from __future__ import annotations

import json
import subprocess
import sys

# (module, attribute path) -> sha256 of inspect.getsource() at ReportLab 5.1.0.
PATCHED = {
    "reportlab.pdfbase.ttfonts:makeToUnicodeCMap": "71783731cbe452d8",
    "reportlab.pdfbase.ttfonts:TTFontFile.get_table": "ab59d3916e9fa9a0",
    "reportlab.pdfbase.ttfonts:TTFontFace.makeSubset": "25b6baf377941767",
    "reportlab.pdfbase.pdfdoc:PDFStreamFilterZCompress.encode": "b6d014860e42d048",
    "reportlab.pdfbase.pdfmetrics:stringWidth": "71af6bb2ff8f5730",
    "reportlab.platypus.paragraph:cjkFragSplit": "c166dc2f3462bcfe",
    "reportlab.platypus.paragraph:wordSplit": "527d6f32fb8f1288",
    "reportlab.platypus.paragraph:cjkU": "98631765ab1971e5",
    "reportlab.platypus.paragraph:makeCJKParaLine": "ca18174cf13aa732",
    "reportlab.platypus.tables:CellStyle.__init__": "f56739d5484e9edd",
    # documents/rl_speed.py: the same work done once, the same bytes
    "reportlab.platypus.paragraph:Paragraph.wrap": "d2529564153fe172",
    "reportlab.platypus.paragraph:Paragraph.split": "4b80e7e382d591f1",
    "reportlab.pdfbase.pdfdoc:format": "84e14ffb9186e488",
    "reportlab.pdfbase.pdfdoc:PDFName": "93b1b1c9c75baa34",
    "reportlab.pdfbase.ttfonts:TTFont.splitString": "95205a99dcbbf1ed",
    "reportlab.pdfgen.textobject:PDFTextObject._formatText": "052d9614c6e61545",
    "reportlab.pdfgen.canvas:Canvas.push_state_stack": "cb4af3ed8da6ba5f",
    "reportlab.pdfgen.canvas:Canvas.pop_state_stack": "211dc4f5af694829",
    "reportlab.platypus.flowables:Flowable.getSpaceBefore": "cbb440a7bc68d474",
    "reportlab.platypus.flowables:Flowable.getSpaceAfter": "21d914c72f9c70c5",
    # rl_speed's one-font paragraph drawing writes what these write
    "reportlab.platypus.paragraph:Paragraph.drawPara": "d93948dc2d135dc8",
    "reportlab.platypus.paragraph:_leftDrawParaLine": "e3a570fd0d040c56",
    "reportlab.platypus.paragraph:_centerDrawParaLine": "680e9f8e183187be",
    "reportlab.platypus.paragraph:_rightDrawParaLine": "d755352ec2fb72fc",
    "reportlab.platypus.paragraph:_justifyDrawParaLine": "a209e2750872aa3d",
    "reportlab.platypus.paragraph:setXPos": "4324a709db90ca42",
    "reportlab.pdfgen.textobject:PDFTextObject.moveCursor": "85133baaa3863d6a",
    "reportlab.pdfgen.textobject:PDFTextObject._textOut": "e9fb074dc754db5a",
    # documents/layout.py: kept-together blocks measured without the frame copy
    "reportlab.platypus.flowables:_listWrapOn": "10601bdeb5573ccb",
    "reportlab.platypus.flowables:KeepTogether.wrap": "6bf0925ddcaf9800",
}

# Run in a fresh interpreter: this process may already have the documents' patches installed.
_PROBE = """
import hashlib, importlib, inspect, json, sys
out = {}
for target in json.loads(sys.argv[1]):
    module, path = target.split(":")
    obj = importlib.import_module(module)
    for part in path.split("."):
        obj = getattr(obj, part)
    out[target] = hashlib.sha256(inspect.getsource(obj).encode()).hexdigest()[:16]
print(json.dumps(out))
"""


def _current() -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(sorted(PATCHED))], capture_output=True,
                          text=True, check=True, timeout=60)
    return json.loads(done.stdout)


def test_patched_reportlab_internals_are_the_ones_the_patches_were_written_for() -> None:
    changed = {name: digest for name, digest in _current().items() if digest != PATCHED[name]}
    assert not changed, ("ReportLab changed code that documents/fonts.py patches; re-read the patches against "
                         f"the new code, re-run the document tests and update the digests: {changed}")

