"""Progress on a terminal, silence elsewhere (pipes, CI logs, tests): a bar for the
documents, a spinner with its name for each step after them. Both go to standard
error, so that standard output stays the command's own (``geo build > log.txt``)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from threading import Thread
from typing import TypeVar

from rich.console import Console
from rich.live import Live
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.spinner import Spinner
from rich.text import Text

T = TypeVar("T")


def progress(items: Iterable[T], label: str,
             count: Callable[[], int] | None = None) -> Iterator[T]:
    """Yield ``items``, drawing a bar with their rate when stderr is a terminal; with
    ``count``, which says how many there will be, the bar gains its total and the time
    left once ``count`` returns (it runs beside the work: a large file takes a while to
    count)."""
    terminal = _terminal()
    if terminal is None:
        yield from items
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TaskProgressColumn(), _Rate(label), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=terminal) as bar:
        task = bar.add_task(label, total=None)
        if count is not None:
            Thread(target=_set_total, args=(bar, task, count), daemon=True).start()
        for item in items:
            yield item
            bar.advance(task)


def _set_total(bar: Progress, task: TaskID, count: Callable[[], int]) -> None:
    try:
        bar.update(task, total=count())
    except Exception:  # a bar without its total, not a failed build
        return


class _Rate(ProgressColumn):
    """Items per second ("812 documents/s"), once there is a rate."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f} {self.unit}/s" if task.speed else "")


@contextmanager
def stage(label: str) -> Iterator[None]:
    """Show ``label`` beside a spinner while a step runs that has no items to count
    (merging, writing the outputs), when stderr is a terminal."""
    terminal = _terminal()
    if terminal is None:
        yield
        return
    with Live(Spinner("dots", text=label), console=terminal, transient=True):
        yield


def _terminal() -> Console | None:
    """Standard error when it is a terminal; None where nothing should be drawn."""
    return Console(stderr=True) if sys.stderr.isatty() else None
