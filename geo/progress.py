"""Progress on a terminal, silence elsewhere (pipes, CI logs, tests): a bar for the
documents, a spinner with its name for each step after them. Both go to standard
error, so that standard output stays the command's own (``geo build > log.txt``)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.live import Live
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.spinner import Spinner

T = TypeVar("T")


def progress(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items``, drawing a bar with rate and ETA when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TaskProgressColumn(show_speed=True), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


@contextmanager
def stage(label: str) -> Iterator[None]:
    """Show ``label`` beside a spinner while a step runs that has no items to count
    (merging, writing the outputs), when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield
        return
    with Live(Spinner("dots", text=label), console=Console(stderr=True), transient=True):
        yield
