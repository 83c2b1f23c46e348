"""The one rule for a new store passphrase, used by `fulian init`, the server init, the setup wizard and any
later passphrase change.

The passphrase wraps the database key in keystore.json, which anyone holding a copy of the data folder (a
lost laptop, a backup on a USB stick) can attack offline, one argon2id derivation per guess. What matters
is how many guesses it takes, not its length: zxcvbn estimates that from dictionaries, keyboard walks,
dates, repeats and sequences. Strength 4 means at least 10^10 guesses — years of argon2id work even on
many machines; "1" or "password1" fall in a handful.
"""
from __future__ import annotations

from ..domain.errors import ValidationError

MIN_PASSPHRASE = 8
MIN_SCORE = 4            # zxcvbn: "very unguessable: strong protection from an offline slow-hash attack"
_ESTIMATE_CHARS = 100    # zxcvbn's time grows with the length; past this any passphrase is long enough

_PATTERNS = {
    "dictionary": "是常见口令或常用词语",
    "spatial": "是键盘上相邻的按键",
    "repeat": "含有重复的字符",
    "sequence": "是连续的字母或数字",
    "date": "含有日期",
    "regex": "含有年份",
}


class WeakPassphrase(ValidationError):
    code = "weak_passphrase"


def passphrase_problem(passphrase: str, *, context: tuple[str, ...] = ()) -> str | None:
    """Why `passphrase` is too weak to protect the store (a Chinese sentence), or None when it is strong
    enough. `context` holds words an attacker would try first (district, user names)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"口令太短：只有 {len(passphrase)} 个字符，至少需要 {MIN_PASSPHRASE} 个。"
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:_ESTIMATE_CHARS], user_inputs=[c for c in context if c])
    if len(passphrase) > _ESTIMATE_CHARS or int(result["score"]) >= MIN_SCORE:
        return None
    guesses = float(result["guesses"])
    patterns = [m.get("pattern") for m in result.get("sequence", []) if m.get("pattern") in _PATTERNS]
    used = [m for m in result.get("sequence", []) if m.get("pattern") == "dictionary" and m.get("l33t")]
    why = "、".join(dict.fromkeys(_PATTERNS[p] for p in patterns)) or "字符种类少、组合简单"
    if used:
        why += "（把字母换成数字或符号也能被猜到）"
    return (f"口令太容易被猜到：{why}，估计约 {_guesses_text(guesses)}次尝试即可猜中。"
            "请换用更长、不易联想的口令，例如几个互不相关的词语加上数字和符号。")


def require_strong_passphrase(passphrase: str, *, context: tuple[str, ...] = ()) -> None:
    problem = passphrase_problem(passphrase, context=context)
    if problem:
        raise WeakPassphrase(problem, field="passphrase")


def _guesses_text(guesses: float) -> str:
    if guesses < 1e4:
        return f"{max(1, round(guesses))} "
    if guesses < 1e8:
        return f"{guesses / 1e4:.0f} 万"
    return f"{guesses / 1e8:.0f} 亿"
