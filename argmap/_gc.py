"""Pausing Python's cycle collector around work that allocates many objects and no cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the cycle collector for the duration of the block, then restore its state.

    Reading a corpus or evaluating a large map builds hundreds of thousands of small
    containers and makes no reference cycles; meanwhile each full collection walks every
    object alive, which costs more than the work itself. The collector is re-enabled
    afterwards only if it was enabled before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
