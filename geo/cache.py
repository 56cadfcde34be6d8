"""Per-document results cached by content and pipeline version.

Adding ten articles to a hundred thousand reprocesses only those ten: a document whose
text, id, path and date are unchanged, run by the same code, rules and gazetteer, takes
its mentions and events from here. The merge and the exports are always redone.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import geo
from geo.data import data_dir
from geo.gazetteer import Gazetteer
from geo.model import Document, DocumentResult, Place

_PACKAGE = Path(geo.__file__).resolve().parent
# SQLite's least limit of parameters in one statement is 999.
_KEYS_PER_QUERY = 500


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
    parts = (version, doc.doc_id, doc.path, doc.text, str(doc.published), doc.url or "",
             doc.title or "")
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


class ResultCache:
    """Results of documents on disk (SQLite), keyed by :func:`document_key`.

    Results are stored as :func:`encode_result` gives them; the gazetteer is part of the
    pipeline version, so the place ids in them stay valid.
    """

    def __init__(self, path: Path, version: str, gazetteer: Gazetteer) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.version = version
        self.gazetteer = gazetteer
        self._db = sqlite3.connect(path)
        # A cache: write-ahead logging, synced at checkpoints only, is safe from
        # corruption and spares a disk flush for every batch of results.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, "
                         "result BLOB NOT NULL)")
        self.hits = self.misses = 0

    def get(self, doc: Document) -> DocumentResult | None:
        return self.get_many([doc])[0]

    def get_many(self, docs: Sequence[Document]) -> list[DocumentResult | None]:
        """The cached result of each document, None where there is none; asked in one
        query, which a large re-run does for every batch of documents."""
        keys = [document_key(doc, self.version) for doc in docs]
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = keys[start:start + _KEYS_PER_QUERY]
            found.update(self._db.execute("SELECT key, result FROM results WHERE key IN "
                                          f"({', '.join('?' * len(chunk))})", chunk))
        results: list[DocumentResult | None] = []
        for doc, key in zip(docs, keys, strict=True):
            blob = found.get(key)
            if blob is None:
                self.misses += 1
                results.append(None)
                continue
            self.hits += 1
            result = decode_result(blob, doc, self.gazetteer)
            result.timings = {}  # nothing was spent on it in this run
            results.append(result)
        return results

    def put_many(self, results: Iterable[tuple[Document, bytes]]) -> None:
        """Store documents' results, encoded by :func:`encode_result`."""
        rows = [(document_key(doc, self.version), blob) for doc, blob in results]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)

    def close(self) -> None:
        self._db.close()


def encode_result(result: DocumentResult, gazetteer: Gazetteer) -> bytes:
    """A document's results as bytes, as they travel from a worker and lie in the cache:
    without the document, which the reader has, and with ``gazetteer`` places as ids
    (places are most of a result)."""
    buffer = io.BytesIO()
    _PlacesAsIds(buffer, gazetteer).dump((result.mentions, result.events, result.timings))
    return buffer.getvalue()


def decode_result(blob: bytes, doc: Document, gazetteer: Gazetteer) -> DocumentResult:
    """The results :func:`encode_result` encoded, for ``doc``."""
    mentions, events, timings = _PlacesById(io.BytesIO(blob), gazetteer).load()
    return DocumentResult(doc, mentions, events, timings)


class _PlacesAsIds(pickle.Pickler):
    def __init__(self, file: io.BytesIO, gazetteer: Gazetteer) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.gazetteer = gazetteer

    def persistent_id(self, obj: object) -> str | None:
        # Places made for one document (a village placed at its district, an answer
        # from Nominatim) are not in the gazetteer and are pickled whole.
        if type(obj) is Place and self.gazetteer.get(obj.id) == obj:
            return obj.id
        return None


class _PlacesById(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, gazetteer: Gazetteer) -> None:
        super().__init__(file)
        self.gazetteer = gazetteer

    def persistent_load(self, pid: str) -> Place:
        place = self.gazetteer.get(pid)
        if place is None:
            raise pickle.UnpicklingError(f"no place {pid!r} in the gazetteer")
        return place
