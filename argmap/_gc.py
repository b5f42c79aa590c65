"""Pausing Python's cycle collector around work that allocates many objects and no cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


#: How many objects a paused block must leave young for :func:`paused` to promote them.
PROMOTE_FROM = 50_000


@contextlib.contextmanager
def paused(*, promote: bool = False) -> Iterator[None]:
    """Pause the cycle collector for the duration of the block, then restore its state.

    Reading a corpus or evaluating a large map builds hundreds of thousands of small
    containers and makes no reference cycles; meanwhile each full collection walks every
    object alive, which costs more than the work itself. The collector is re-enabled
    afterwards only if it was enabled before.

    Even so, the first collection after the block walks every container it made (a
    quarter of a second for a map of 200,000 claims read from a file), and so does each
    of the next generations' collections as they pass the objects on, though none of them
    can be garbage yet. With ``promote``, a block that leaves at least
    :data:`PROMOTE_FROM` young containers moves every young object straight to the oldest
    generation instead (``gc.freeze()`` then ``gc.unfreeze()``: no pass over them), where
    the next full collection finds them as it would have. The program's other young
    objects go with them, at most what the two young generations held (a cycle among
    them is collected at that full collection, not sooner). Objects the program froze
    itself are left frozen: then nothing is promoted.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if promote and gc.get_count()[0] >= PROMOTE_FROM and not gc.get_freeze_count():
            gc.freeze()  # every young object to the oldest generation, without a pass
            gc.unfreeze()
        if was_enabled:
            gc.enable()
