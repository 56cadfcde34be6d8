"""Per-document results cached by content and pipeline version.

Adding ten articles to a hundred thousand reprocesses only those ten: a document whose
text, id, path and date are unchanged, run by the same code, rules and gazetteer, takes
its mentions and events from here. The merge and the exports are always redone.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import geo
from geo.data import data_dir
from geo.model import Document, DocumentResult

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
    """Results of documents on disk (SQLite), keyed by :func:`document_key`."""

    def __init__(self, path: Path, version: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.version = version
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
        result: DocumentResult = pickle.loads(row[0])
        result.document = doc
        return result

    def put_many(self, results: Iterable[DocumentResult]) -> None:
        rows = [(document_key(r.document, self.version),
                 pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)) for r in results]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)

    def close(self) -> None:
        self._db.close()
