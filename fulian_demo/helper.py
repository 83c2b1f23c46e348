"""The demo helper process: reads a pickled Plan on stdin, writes pickled batches on stdout.

Started by pipeline.batches as `python -m fulian_demo.helper`; not a user command.
"""
from __future__ import annotations

import pickle
import sys
import traceback

from .cases import produce


def main() -> int:
    out = sys.stdout.buffer
    try:
        plan = pickle.load(sys.stdin.buffer)
        for batch in produce(plan):
            pickle.dump(("batch", batch), out, protocol=pickle.HIGHEST_PROTOCOL)
            out.flush()
        pickle.dump(("end", None), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
    except BrokenPipeError:
        return 0  # the writer stopped early: nothing more is wanted
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        try:
            pickle.dump(("error", traceback.format_exc()), out, protocol=pickle.HIGHEST_PROTOCOL)
            out.flush()
        except BrokenPipeError:
            pass
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
