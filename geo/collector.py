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
    for what lives as long as the process, such as the gazetteer."""
    gc.freeze()
