"""Password hashing (argon2id) and the password policy users are told about."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ..domain.errors import ValidationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended costs

MIN_LENGTH = 8


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def check_password_policy(password: str, *, username: str = "") -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"密码至少需要 {MIN_LENGTH} 位。", code="password_too_short", field="password")
    if username and password.lower() == username.lower():
        raise ValidationError("密码不能与用户名相同。", code="password_is_username", field="password")
    kinds = sum(any(test(ch) for ch in password) for test in (str.isdigit, str.isalpha, lambda c: not c.isalnum()))
    if kinds < 2:
        raise ValidationError("密码需同时包含字母、数字或符号中的至少两类。", code="password_too_simple",
                              field="password")


def set_hasher_for_tests(hasher: PasswordHasher) -> None:
    """Tests create many accounts; they may use cheaper costs. Never called by the application."""
    global _hasher
    _hasher = hasher
