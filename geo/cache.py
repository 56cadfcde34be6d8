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
from collections.abc import Iterable
from pathlib import Path

import geo
from geo.data import data_dir
from geo.gazetteer import Gazetteer
from geo.model import Document, DocumentResult, Place

_PACKAGE = Path(geo.__file__).resolve().parent


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

    A gazetteer place is stored as its id and taken from ``gazetteer`` again on loading:
    places are most of a result, and the cache is read back for every document of a
    re-run. (The gazetteer is part of the pipeline version, so the ids stay valid.)
    """

    def __init__(self, path: Path, version: str, gazetteer: Gazetteer) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.version = version
        self.gazetteer = gazetteer
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, "
                         "result BLOB NOT NULL)")
        self.hits = self.misses = 0

    def get(self, doc: Document) -> DocumentResult | None:
        row = self._db.execute("SELECT result FROM results WHERE key = ?",
                               (document_key(doc, self.version),)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        result: DocumentResult = _PlacesById(io.BytesIO(row[0]), self.gazetteer).load()
        result.document = doc
        return result

    def put_many(self, results: Iterable[DocumentResult]) -> None:
        rows = [(document_key(r.document, self.version), self._dumps(r)) for r in results]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)

    def _dumps(self, result: DocumentResult) -> bytes:
        buffer = io.BytesIO()
        _PlacesAsIds(buffer, self.gazetteer).dump(result)
        return buffer.getvalue()

    def close(self) -> None:
        self._db.close()


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
