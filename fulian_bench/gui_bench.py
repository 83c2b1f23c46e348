"""Desktop rows of `fulian bench`, measured in fresh processes (the core itself never imports Qt)."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .timing import BenchRow

RUNS = 3


def run(store_root: Path, key_hex: str, username: str = "dudao", password: str = "Demo2026!") -> list[BenchRow]:
    env = dict(os.environ, FULIAN_BENCH_KEY=key_hex, FULIAN_BENCH_PASSWORD=password)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    samples: list[dict] = []
    for _ in range(RUNS):
        started = time.time()
        proc = subprocess.run([sys.executable, "-m", "ui.bench_gui", "--data-dir", str(store_root),
                               "--username", username, "--started", repr(started)],
                              env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            return [BenchRow("桌面程序测量失败", 0.0, note=(proc.stderr or proc.stdout).strip()[-200:])]
        samples.append(json.loads(proc.stdout.strip().splitlines()[-1]))

    def med(key: str) -> float:
        return statistics.median(s[key] for s in samples)

    return [
        BenchRow("冷启动到登录窗口", med("cold_start_ms"), target_ms=1500, note=f"{RUNS} 个新进程取中位数"),
        BenchRow("登录到案件列表显示", med("login_to_list_ms"), target_ms=1000,
                 note=f"含密码校验；最新案件上屏为止；全部 {samples[0]['rows']:,} 个案件 id "
                      f"于 {med('list_complete_ms'):,.0f} ms 到齐"),
        BenchRow("打开案件视图", med("open_case_ms"), target_ms=200),
        BenchRow("列表打开时常驻内存", med("rss_mb"), target_ms=400, unit="MB", note="滚动浏览全表后"),
    ]
