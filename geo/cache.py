"""Per-document results cached by content and pipeline version.

Adding ten articles to a hundred thousand reprocesses only those ten: a document whose
text, id, path and date are unchanged, run by the same code, rules and gazetteer, takes
its mentions and events from here. The exports are always written anew.

A build into a folder also leaves here a :class:`PreviousBuild`: where each document's
rows lie in the folder's ``mentions.csv`` and ``mines.gpkg``, and what its merge left
(:class:`geo.incremental.MergeState`). The next build into the folder, while those files
are as it left them, copies the rows of the documents it already wrote and merges again
only the events the added and removed documents touch: it loads nothing of the others.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sqlite3
import weakref
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geo
from geo.collector import collector_paused
from geo.data import data_dir
from geo.gazetteer import Gazetteer
from geo.merge import summarise_document
from geo.model import Document, DocumentResult, DocumentSummary, Place

if TYPE_CHECKING:  # what a build leaves for the next one
    from geo.incremental import MergeState

_PACKAGE = Path(geo.__file__).resolve().parent
# SQLite's least limit of parameters in one statement is 999.
_KEYS_PER_QUERY = 500
# More than the documents of the batches a build has in flight at once.
_KEYS_REMEMBERED = 8192


def pipeline_version(extra: Iterable[str] = ()) -> str:
    """A digest of everything that decides a document's results: the package's code, the
    rules and curated data, and ``extra`` (the gazetteer's cache key, options)."""
    digest = hashlib.sha256()
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(p for p in data_dir().rglob("*")
                                                     if p.is_file())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for item in extra:
        digest.update(item.encode())
    return digest.hexdigest()[:16]


def document_key(doc: Document, version: str) -> str:
    parts = (version, doc.doc_id, doc.path, doc.text, str(doc.published),
             str(doc.date_inferred), doc.url or "", doc.title or "", doc.author or "")
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


#: The outputs whose rows a later build into the same folder can keep.
KEPT_FILES = ("documents.csv", "mentions.csv", "mines.gpkg")


def file_states(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time (ns) of each of :data:`KEPT_FILES` in ``folder``."""
    states = {}
    for name in KEPT_FILES:
        try:
            stat = (folder / name).stat()
        except OSError:
            continue
        states[name] = (stat.st_size, stat.st_mtime_ns)
    return states


#: Per document, where its rows lie: bytes ``[start, end)`` of ``mentions.csv``, feature
#: ids ``first..last`` of the GeoPackage's mentions layer, bytes ``[start, end)`` of
#: ``documents.csv``, and the feature id of its row in the documents layer.
Rows = tuple[int, int, int, int, int, int, int]


@dataclass
class PreviousBuild:
    """What a build wrote into a folder: the state it left :data:`KEPT_FILES` in, the
    :data:`Rows` of each document by key, and what its merge left."""

    files: dict[str, tuple[int, int]]
    rows: dict[str, Rows]
    merge: MergeState


class MissingResults(LookupError):
    """Results the state of a previous build relies on are no longer in the cache (see
    :meth:`ResultCache.summaries`): the build is done afresh."""


class ResultCache:
    """Results of documents on disk (SQLite), keyed by :func:`document_key`.

    Results are stored as :func:`encode_result` gives them; the gazetteer is part of the
    pipeline version, so the place ids in them stay valid.
    """

    def __init__(self, path: Path, version: str, gazetteer: Gazetteer) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.version = path, version
        self.gazetteer = gazetteer
        self._db = sqlite3.connect(path)
        # A cache: write-ahead logging, synced at checkpoints only, is safe from
        # corruption and spares a disk flush for every batch of results.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, "
                         "result BLOB NOT NULL)")
        # apart from the results: a row's large result would be read to reach its summary
        self._db.execute("CREATE TABLE IF NOT EXISTS summaries (key TEXT PRIMARY KEY, "
                         "summary BLOB NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS builds (folder TEXT PRIMARY KEY, "
                         "state BLOB NOT NULL)")
        self.hits = self.misses = 0
        #: keys of the documents the previous build into the folder had as they are: they
        #: are not looked up (see :attr:`DocumentResult.kept`)
        self.kept: Container[str] = frozenset()
        #: the keys of the documents seen last, by id(): those of the batches in flight
        self._keys: dict[int, tuple[Document, str]] = {}

    def key(self, doc: Document) -> str:
        """:func:`document_key` of ``doc``, worked out once: a build asks for it when
        it looks the document up, when it stores the result and when it writes its rows.
        """
        known = self._keys.get(id(doc))
        if known is not None and known[0] is doc:  # the same object, not a later one
            return known[1]
        if len(self._keys) >= _KEYS_REMEMBERED:
            self._keys.clear()
        key = document_key(doc, self.version)
        self._keys[id(doc)] = (doc, key)
        return key

    def get(self, doc: Document) -> DocumentResult | None:
        return self.get_many([doc])[0]

    def get_many(self, docs: Sequence[Document]) -> list[DocumentResult | None]:
        """The cached result of each document, None where there is none; asked in one
        query, which a large re-run does for every batch of documents."""
        keys = [self.key(doc) for doc in docs]
        found = dict(self._select("results", [k for k in keys if k not in self.kept]))
        results: list[DocumentResult | None] = []
        with collector_paused():  # results hold no cycles
            for doc, key in zip(docs, keys, strict=True):
                if key in self.kept:
                    results.append(DocumentResult(doc, kept=True))
                elif key in found:
                    decoded = decode_result(found[key], doc, self.gazetteer)
                    decoded.timings = {}  # nothing was spent on it in this run
                    results.append(decoded)
                else:
                    results.append(None)
        self.hits += len(docs) - results.count(None)
        self.misses += results.count(None)
        return results

    def encode(self, value: object) -> bytes:
        """``value`` as :func:`encode` gives it, with this cache's gazetteer."""
        return encode(value, self.gazetteer)

    def decode(self, blob: bytes) -> Any:
        """What :meth:`encode` encoded."""
        return decode(blob, self.gazetteer)

    def summaries(self, keys: Sequence[str]) -> dict[str, DocumentSummary]:
        """The :class:`DocumentSummary` of each of these documents, which a build that
        merges again what changed needs of documents it did not load; taken from their
        full results where only those are left. :class:`MissingResults` where neither is.
        """
        found = {key: self.decode(blob)
                 for key, blob in self._select("summaries", keys)}
        for key, blob in self._select("results", [k for k in keys if k not in found]):
            found[key] = summarise_document(decode_result(blob, Document("", ""),
                                                          self.gazetteer))
        if len(found) < len(set(keys)):
            raise MissingResults(f"{self.path}: results of documents the last build used "
                                 f"are missing")
        return found

    def _select(self, table: str, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        """(key, blob) of the rows of ``table`` (results or summaries) with these keys."""
        for start in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = keys[start:start + _KEYS_PER_QUERY]
            yield from self._db.execute(f"SELECT * FROM {table} WHERE key IN "
                                        f"({', '.join('?' * len(chunk))})", chunk)

    def put_many(self, results: Iterable[tuple[Document, bytes, DocumentSummary]]) -> None:
        """Store documents' results, encoded by :func:`encode_result`, with their
        summaries."""
        rows = [(self.key(doc), blob, encode(summary, self.gazetteer))
                for doc, blob, summary in results]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)",
                                 [(key, result) for key, result, _ in rows])
            self._db.executemany("INSERT OR REPLACE INTO summaries VALUES (?, ?)",
                                 [(key, summary) for key, _, summary in rows])

    def previous_build(self, folder: Path) -> PreviousBuild | None:
        """What the last build into ``folder`` left there, if its files are unchanged."""
        row = self._db.execute("SELECT state FROM builds WHERE folder = ?",
                               (str(folder.resolve()),)).fetchone()
        if row is None:
            return None
        try:
            previous = self.decode(row[0])
        except (pickle.UnpicklingError, AttributeError, TypeError, EOFError):
            return None  # left by another version: its files are written anew
        if not isinstance(previous, PreviousBuild) or previous.files != file_states(folder):
            return None
        return previous

    def save_build(self, folder: Path, rows: dict[str, Rows], merge: MergeState) -> None:
        """Record what a build just wrote into ``folder`` (see :class:`PreviousBuild`)."""
        # each group of events apart, so that the next build can keep its bytes
        merge = replace(merge, groups={
            group: events if isinstance(events, bytes) else self.encode(events)
            for group, events in merge.groups.items()})
        state = self.encode(PreviousBuild(file_states(folder), rows, merge))
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO builds VALUES (?, ?)",
                             (str(folder.resolve()), state))

    def close(self) -> None:
        self._db.close()


def encode(value: object, gazetteer: Gazetteer) -> bytes:
    """``value`` pickled with ``gazetteer`` places as their ids (places are most of a
    document's results)."""
    buffer = io.BytesIO()
    _PlacesAsIds(buffer, gazetteer).dump(value)
    return buffer.getvalue()


def decode(blob: bytes, gazetteer: Gazetteer) -> Any:
    """What :func:`encode` encoded, its places taken from ``gazetteer``."""
    return _PlacesFromGazetteer(io.BytesIO(blob), gazetteer).load()


def encode_result(result: DocumentResult, gazetteer: Gazetteer) -> bytes:
    """A document's results as bytes, as they travel from a worker and lie in the cache:
    without the document, which the reader has."""
    return encode((result.mentions, result.events, result.timings), gazetteer)


def decode_result(blob: bytes, doc: Document, gazetteer: Gazetteer) -> DocumentResult:
    """The results :func:`encode_result` encoded, for ``doc``."""
    mentions, events, timings = decode(blob, gazetteer)
    return DocumentResult(doc, mentions, events, timings)


def gazetteer_place(place_id: str) -> Place:
    """What a pickle of :func:`encode` names in place of a gazetteer's place: only
    :func:`decode` knows the gazetteer to take it from."""
    raise pickle.UnpicklingError(f"place {place_id!r} is decoded with its gazetteer")


class _PlacesAsIds(pickle.Pickler):
    def __init__(self, file: io.BytesIO, gazetteer: Gazetteer) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.gazetteer = gazetteer

    # Not persistent_id, which Python calls for every object: this one it calls only
    # for objects other than strings, numbers and containers, and once per object.
    def reducer_override(self, obj: object) -> object:
        # Places made for one document (a village placed at its district, an answer
        # from Nominatim) are not in the gazetteer and are pickled whole.
        if type(obj) is Place:
            listed = self.gazetteer.get(obj.id)
            # the gazetteer's own place mostly: the same object, compared field by field
            # only when not
            if listed is obj or listed == obj:
                return gazetteer_place, (obj.id,)
        return NotImplemented


class _PlacesFromGazetteer(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, gazetteer: Gazetteer) -> None:
        super().__init__(file)
        # a dict's own lookup: a re-run loads a million places, a few thousand different
        self._place = _places_by_id(gazetteer).__getitem__

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == "gazetteer_place":
            return self._place
        return super().find_class(module, name)


class _PlacesById(dict[str, Place]):
    """The places of a gazetteer by id, each looked up once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        super().__init__()
        self.gazetteer = gazetteer

    def __missing__(self, place_id: str) -> Place:
        place = self.gazetteer.get(place_id)
        if place is None:
            raise pickle.UnpicklingError(f"no place {place_id!r} in the gazetteer")
        self[place_id] = place
        return place


_PLACES_BY_ID: weakref.WeakKeyDictionary[Gazetteer, _PlacesById] = \
    weakref.WeakKeyDictionary()


def _places_by_id(gazetteer: Gazetteer) -> _PlacesById:
    places = _PLACES_BY_ID.get(gazetteer)
    if places is None:
        places = _PLACES_BY_ID[gazetteer] = _PlacesById(gazetteer)
    return places
