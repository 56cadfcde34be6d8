"""Work done by a copy of this process while this one goes on with other work: how a
build writes its event files on one core while it writes the GeoPackage and the map on
the other.

The copy is made with ``fork``: it starts with this process's memory as it is, so the
build's events are not sent to it, and only the pages it changes are copied. Where
there is no ``fork`` (Windows, macOS, where forking a process that has loaded system
frameworks is unsafe), or one process is asked for, the work is done here, first.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from geo.errors import GeoError

T = TypeVar("T")


class Pending(Generic[T]):
    """The outcome of work under way in a copy of this process, or already done here."""

    def __init__(self, value: T | None = None, pid: int = 0, pipe: int = -1,
                 what: str = "") -> None:
        self._value, self._pid, self._pipe, self._what = value, pid, pipe, what

    def result(self) -> T:
        """The work's return value, once it is done; its exception, raised here, if it
        failed."""
        if self._pid:
            self._value = self._collect()
        return self._value  # type: ignore[return-value]

    def _collect(self) -> T:
        with os.fdopen(self._pipe, "rb") as pipe:
            outcome = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if not outcome:  # killed (out of memory, a signal) before it could say
            raise GeoError(f"the process {self._what or 'working alongside'} ended with "
                           f"exit status {os.waitstatus_to_exitcode(status)}")
        kind, value = pickle.loads(outcome)
        if kind == "error":
            raise value
        return value

    def cancel(self) -> None:
        """Stop the work if it is still under way (this process failed meanwhile)."""
        if self._pid:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            os.close(self._pipe)
            self._pid = 0


def can_fork() -> bool:
    """Whether work can go to a copy of this process: on Linux."""
    return sys.platform.startswith("linux")


@contextmanager
def alongside(work: Callable[[], T], parallel: bool = True,
              what: str = "") -> Iterator[Pending[T]]:
    """Start ``work`` in a copy of this process (with ``parallel``, where it can fork);
    the block goes on meanwhile and asks for the outcome with ``result()``. Leaving the
    block with an error stops the work. ``what`` the work does ("writing the event
    files") names it in an error.

    >>> with alongside(lambda: sum(range(10))) as total:
    ...     total.result()
    45
    """
    if not (parallel and can_fork()):
        yield Pending(work())
        return
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        _run_in_copy(work, read_end, write_end)
    os.close(write_end)
    pending: Pending[T] = Pending(pid=pid, pipe=read_end, what=what)
    try:
        yield pending
    finally:
        pending.cancel()


def _run_in_copy(work: Callable[[], object], read_end: int, write_end: int) -> None:
    """Do ``work`` and send back its outcome; never return: the copy must not go on to
    run the rest of its parent's program (its cleanups, its open files' flushes)."""
    status = 1
    try:
        os.close(read_end)
        try:
            outcome = pickle.dumps(("value", work()))
            status = 0
        except BaseException as exc:  # sent back whatever it is: the parent decides
            outcome = pickle.dumps(("error", _portable(exc)))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(outcome)
    finally:
        os._exit(status)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a GeoError that says what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return GeoError(f"{type(exc).__name__}: {exc}")
    return exc
