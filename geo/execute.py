"""Run the per-document stages over a stream of documents: in this process, in a pool
of processes (``--jobs``) or on a Dask cluster (``--dask-scheduler``).

Results come back in input order whatever runs them, so outputs do not depend on how
the work was spread. At most a few batches are in flight at once: documents are read,
processed and handed on in batches, never all held at once.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import Any

from geo.cache import ResultCache, decode_result, encode_result
from geo.collector import collector_relaxed
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.merge import summarise_document
from geo.model import Document, DocumentResult
from geo.online import NominatimResolver
from geo.pipeline import process_document

BATCH_SIZE = 64
_IN_FLIGHT_PER_WORKER = 3
#: Documents processed in the main process before a pool of processes is started.
HERE_BEFORE_POOL = 256

# The gazetteer of a worker process, loaded once from the on-disk cache.
_worker_gazetteer: tuple[tuple[str, ...], Gazetteer] | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        (os.cpu_count() or 1)


def process_batch(docs: list[Document], gazetteer_files: tuple[str, ...] = ()
                  ) -> list[bytes]:
    """The per-document stages for one batch, in a worker (process or Dask); results
    encoded by :func:`geo.cache.encode_result`, compact to send back and to cache."""
    global _worker_gazetteer
    if _worker_gazetteer is None or _worker_gazetteer[0] != gazetteer_files:
        _worker_gazetteer = (gazetteer_files, load_gazetteer(gazetteer_files))
    gazetteer = _worker_gazetteer[1]
    with collector_relaxed():
        return [encode_result(process_document(doc, gazetteer), gazetteer) for doc in docs]


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(docs)
    while batch := list(islice(iterator, size)):
        yield batch


#: Results as a worker gives them: encoded in another process, or made in this one.
Fresh = DocumentResult | bytes
Submit = Callable[[list[Document]], Callable[[], list[Fresh]]]


def _ordered(batches: Iterable[list[Document]], submit: Submit, in_flight: int,
             cache: ResultCache | None, gazetteer: Gazetteer) -> Iterator[DocumentResult]:
    """Hand the uncached documents of each batch to ``submit`` (which returns a way to
    wait for the results), keeping ``in_flight`` batches under way and the order."""
    pending: deque[tuple[list[Document], list[DocumentResult | None], Callable]] = deque()
    for batch in batches:
        known = _cached(batch, cache)
        todo = [doc for doc, hit in zip(batch, known, strict=True) if hit is None]
        pending.append((batch, known, submit(todo) if todo else list))
        while len(pending) >= in_flight:
            yield from _finish(*pending.popleft(), cache, gazetteer)
    while pending:
        yield from _finish(*pending.popleft(), cache, gazetteer)


def _cached(batch: list[Document], cache: ResultCache | None) -> list[DocumentResult | None]:
    """The cached result of each document of ``batch``; None where there is none (and
    for a skipped document, which has no results)."""
    if cache is None:
        return [None] * len(batch)
    found = iter(cache.get_many([doc for doc in batch if doc.status == "ok"]))
    return [next(found) if doc.status == "ok" else None for doc in batch]


def _finish(batch: list[Document], known: list[DocumentResult | None],
            wait: Callable[[], list[Fresh]], cache: ResultCache | None,
            gazetteer: Gazetteer) -> Iterator[DocumentResult]:
    fresh = iter(wait())
    results, to_cache = [], []
    for doc, hit in zip(batch, known, strict=True):
        if hit is not None:
            results.append(hit)
            continue
        made = next(fresh)
        result = decode_result(made, doc, gazetteer) if isinstance(made, bytes) else made
        results.append(result)
        if cache and doc.status == "ok":
            blob = made if isinstance(made, bytes) else encode_result(made, gazetteer)
            to_cache.append((doc, blob, summarise_document(result)))
    if to_cache and cache:
        cache.put_many(to_cache)
    yield from results


def process_documents(docs: Iterable[Document], gazetteer: Gazetteer, *, jobs: int = 1,
                      gazetteer_files: Iterable[str | Path] = (),
                      dask_scheduler: str | None = None,
                      online: NominatimResolver | None = None,
                      cache: ResultCache | None = None,
                      batch_size: int = BATCH_SIZE) -> Iterator[DocumentResult]:
    """Results of every document, in input order.

    ``online`` keeps the work in this process: Nominatim allows one request per second
    from one client, which a pool of clients would break.
    """
    files = tuple(str(Path(f).resolve()) for f in gazetteer_files)
    batches = _batches(docs, batch_size)
    if dask_scheduler:
        yield from _on_dask(batches, dask_scheduler, files, cache, gazetteer)
    elif jobs <= 1 or online is not None:
        yield from _ordered(batches, _here(gazetteer, online), 1, cache, gazetteer)
    else:
        yield from _in_pool(batches, jobs, files, cache, gazetteer)


def _here(gazetteer: Gazetteer, online: NominatimResolver | None = None) -> Submit:
    """Processing in this process, as a :data:`Submit`."""
    def submit(todo: list[Document]) -> Callable[[], list[Fresh]]:
        results = [process_document(doc, gazetteer, online) for doc in todo]
        return lambda: results
    return submit


def _in_pool(batches: Iterable[list[Document]], jobs: int, files: tuple[str, ...],
             cache: ResultCache | None, gazetteer: Gazetteer) -> Iterator[DocumentResult]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
    with ExitStack() as stack:
        pool: list[multiprocessing.pool.Pool] = []
        here, done_here = _here(gazetteer), 0

        def submit(todo: list[Document]) -> Callable[[], list[Fresh]]:
            nonlocal done_here
            if not pool and done_here + len(todo) <= HERE_BEFORE_POOL:
                # starting the processes takes seconds: a small collection, or a re-run
                # that adds a few documents to those in the cache, is done sooner here
                done_here += len(todo)
                return here(todo)
            if not pool:
                pool.append(stack.enter_context(context.Pool(
                    jobs, initializer=_leave_interrupts_to_the_main_process)))
            return pool[0].apply_async(process_batch, (todo, files)).get
        yield from _ordered(batches, submit, jobs * _IN_FLIGHT_PER_WORKER, cache, gazetteer)


def _leave_interrupts_to_the_main_process() -> None:
    """Ctrl-C on a terminal reaches every process of the build: a worker would print
    its traceback. The main process stops the pool and says what happened."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _on_dask(batches: Iterable[list[Document]], address: str, files: tuple[str, ...],
             cache: ResultCache | None, gazetteer: Gazetteer) -> Iterator[DocumentResult]:
    from dask.distributed import Client  # an optional dependency: geo[dask]

    with Client(address) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))

        def submit(todo: list[Document]) -> Callable[[], Any]:
            return client.submit(process_batch, todo, files, pure=False).result
        yield from _ordered(batches, submit, workers * _IN_FLIGHT_PER_WORKER, cache,
                            gazetteer)
