"""No core dump of a process that holds the database key.

A crash of the CLI or the desktop program would otherwise write the whole memory — the raw 256-bit key,
decrypted case pages — to a core file (or hand it to systemd-coredump / apport), readable long after the
program is gone. Both entry points call `disable_core_dumps()` before any key is unwrapped: the core size limit
goes to 0 (hard limit too, so nothing in the process raises it again) and, on Linux, the process is marked
not dumpable, which also keeps other processes of the same user from attaching a debugger or reading its
memory through /proc.
"""
from __future__ import annotations

import sys

PR_SET_DUMPABLE, PR_GET_DUMPABLE = 4, 3


def disable_core_dumps() -> bool:
    """True when both protections held (where the system has them); never raises."""
    ok = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        ok = sys.platform == "win32"   # Windows writes no core files unless a debugger is configured
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            ok = libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 and ok
        except (OSError, AttributeError):
            ok = False
    return ok


def core_dumps_disabled() -> bool:
    """What a test (or `fulian info`) can check: the core limit is 0 and, on Linux, the process not dumpable."""
    try:
        import resource

        if resource.getrlimit(resource.RLIMIT_CORE) != (0, 0):
            return False
    except ImportError:
        pass
    if sys.platform.startswith("linux"):
        import ctypes

        dumpable: int = ctypes.CDLL(None).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
        return dumpable == 0
    return True
