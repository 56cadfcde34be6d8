"""The cycle collector around bulk work.

Python's collector runs after every few hundred new objects and, now and then, walks
every object alive. Loading a cache makes millions of objects that live on and hold no
cycles: each such pass is work for nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector while loading objects without cycles.

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def keep_out_of_collection() -> None:
    """Leave every object alive now out of the collector's passes (:func:`gc.freeze`):
    for what lives as long as the process, such as the first gazetteer it loads.

    Once per process: what is frozen is never collected, and a process that loads
    again (a notebook, a test run) should not keep each load's garbage for good."""
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


_frozen = False


#: Collect after every 100,000 new objects rather than 700, the older generations more
#: rarely still.
_RELAXED = (100_000, 50, 100)


def relax_collector() -> None:
    """Relax the collector (as :func:`collector_relaxed` does) for the rest of the
    process: for a command that runs one build and exits.

    Restoring the usual thresholds at the end of a build makes the collector walk every
    object the build keeps (two seconds for 100,000 documents) and free none of them;
    a process that ends next gains nothing by it.
    """
    gc.set_threshold(*_RELAXED)


@contextmanager
def collector_relaxed() -> Iterator[None]:
    """Run the collector less often while a build makes and keeps millions of objects,
    few of them in cycles (see :data:`_RELAXED`). The previous thresholds after.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with collector_relaxed():
    ...     gc.get_threshold()
    (100000, 50, 100)
    >>> gc.get_threshold() == before
    True
    """
    before = gc.get_threshold()
    gc.set_threshold(*_RELAXED)
    try:
        yield
    finally:
        gc.set_threshold(*before)
