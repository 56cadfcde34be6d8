"""Read documents: files and folders of ``.txt``, ``.md``, ``.html``, ``.json`` and
``.jsonl``.

Every input file becomes at least one :class:`~geo.model.Document`; a file that cannot
be read becomes one with ``status = "skipped"`` and the reason in ``error``, so that
``documents.csv`` accounts for it.

The seed format is an optional first line `` date YYYY-MM-DD By AUTHOR`` (either part
may be missing) followed by the text. A document's ``text`` is the body after that
header; character offsets in ``mentions.csv`` refer to it.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.dates import infer_published
from geo.model import Document, Sentence

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")

_HEADER = re.compile(r"\A[ \t]*(?:date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*)?(?:By[ \t]+([^\n]*))?")


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``inputs`` and the files of the folders among them, in name order.

    A folder is walked without following links to folders, so a symlink loop ends.
    A name that does not exist is yielded as it is, to be reported as skipped.
    """
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield from _once(Path(root) / name, seen)
        else:
            yield from _once(path, seen)


def _once(path: Path, seen: set[Path]) -> Iterator[Path]:
    key = path.absolute()
    if key not in seen:
        seen.add(key)
        yield path


def decode(raw: bytes) -> str:
    """Text of a file: UTF-8 (with or without BOM), else Windows-1252; CRLF becomes LF.

    >>> decode(b"\\xef\\xbb\\xbfKalbajar\\r\\n")
    'Kalbajar\\n'
    >>> decode("Füzuli’s".encode("cp1252"))
    'Füzuli’s'
    """
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise ValueError("undecodable: neither UTF-8 nor Windows-1252") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


#: Larger files are skipped: no news article is this long, and a scraper's dump of a
#: whole site would hold the run up for minutes (JSON Lines files are not limited).
MAX_BYTES = 10_000_000


def read_documents(inputs: Iterable[str | Path],
                   max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """All documents of ``inputs``, one or more per file, skipped ones included."""
    for path in iter_input_files(inputs):
        yield from read_file(path, max_bytes)


def count_documents(inputs: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> int:
    """About how many documents :func:`read_documents` yields for ``inputs``, skipped
    ones included, counted without reading them: the lines of a JSON Lines file, the
    items of a JSON array, one for any other file. A progress bar's total.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"text": "A"}\\n\\n{"text": "B"}\\n')
    >>> _ = (folder / "b.json").write_text('[{"text": "C"}, {"text": "D"}, {"text": "E"}]')
    >>> _ = (folder / "c.txt").write_text("F")
    >>> count_documents([folder]), len(list(read_documents([folder])))
    (6, 6)
    """
    return sum(_documents_in(path, max_bytes) for path in iter_input_files(inputs))


def _documents_in(path: Path, max_bytes: int) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as handle:
                return max(1, sum(1 for line in handle if line.strip()))
        if suffix == ".json" and path.stat().st_size <= max_bytes:
            content = json.loads(decode(path.read_bytes()))
            return len(content) if isinstance(content, list) and content else 1
    except (OSError, ValueError, RecursionError):
        pass  # read_file says what is wrong, in one row
    return 1


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    doc_id = path.stem
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield _skipped(doc_id, path, f"unsupported file type {suffix or '(none)'}")
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield _skipped(doc_id, path, f"cannot read: {exc.strerror or exc}")
        return
    if size > max_bytes and suffix != ".jsonl":
        yield _skipped(doc_id, path, f"too large ({size / 1e6:.1f} MB; the limit is "
                                     f"{max_bytes / 1e6:g} MB, see --max-size)")
        return
    if suffix == ".jsonl":
        yield from _jsonl_documents(path)
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield _skipped(doc_id, path, f"cannot read: {exc.strerror or exc}")
        return
    try:
        text = decode(raw)
    except ValueError as exc:
        yield _skipped(doc_id, path, str(exc))
        return
    if not text.strip():
        yield _skipped(doc_id, path, "empty file")
        return
    if suffix == ".json":
        yield from _json_documents(path, text)
    elif suffix in (".html", ".htm"):
        page = html_page(text)
        yield _finish(Document(doc_id, str(path), title=page.title,
                               published=_iso_date(page.published), url=page.url), page.text)
    elif suffix in (".md", ".markdown"):
        yield _finish(Document(doc_id, str(path)), markdown_text(text))
    else:
        yield _finish(Document(doc_id, str(path)), text)


def _skipped(doc_id: str, path: Path, error: str) -> Document:
    return Document(doc_id, str(path), status="skipped", error=error)


def _finish(doc: Document, text: str) -> Document:
    """Split off the header, and infer the date where the header gives none."""
    header = _HEADER.match(text)
    body = text
    if header and (header.group(1) or header.group(2)):
        if header.group(1):
            doc.published = _iso_date(header.group(1))
        if header.group(2):
            doc.author = doc.author or header.group(2).strip() or None
            body = text[header.end():]
        else:  # the line goes on with the article itself after the date
            body = text[header.end():]
    doc.text = body.strip("\n")
    if doc.published is None:
        doc.published = infer_published(doc.text)
        doc.date_inferred = doc.published is not None
    if not doc.text.strip():
        doc.status, doc.error = "skipped", "no text after the header"
    return doc


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """The lines of a JSON Lines file, read one at a time (the file may be huge);
    a line that cannot be decoded comes as None."""
    with path.open("rb") as handle:
        for line_no, raw in enumerate(handle, start=1):
            try:
                yield line_no, decode(raw.rstrip(b"\r\n"))
            except ValueError:
                yield line_no, None


def _jsonl_documents(path: Path) -> Iterator[Document]:
    """One document per line; a file with none still gets its row in documents.csv."""
    count = 0
    try:
        for line_no, line in _jsonl_lines(path):
            for doc in _jsonl_document(path, line_no, line):
                count += 1
                yield doc
    except OSError as exc:
        yield _skipped(path.stem, path, f"cannot read: {exc.strerror or exc}")
        return
    if count == 0:
        yield _skipped(path.stem, path, "empty file")


def _jsonl_document(path: Path, line_no: int, line: str | None) -> Iterator[Document]:
    fallback_id = f"{path.stem}-{line_no}"
    if line is None:
        yield _skipped(fallback_id, path, f"line {line_no}: undecodable bytes")
        return
    if line.strip():
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:  # nested too deep for the parser
            yield _skipped(fallback_id, path, f"line {line_no}: {str(exc).splitlines()[0]}")
            return
        yield _record_document(record, path, line_no, fallback_id, f"line {line_no}")


def _json_documents(path: Path, text: str) -> Iterator[Document]:
    """A JSON file holds one article (an object) or several (an array of objects), with
    the fields of a JSON Lines record."""
    try:
        content = json.loads(text)
    except (ValueError, RecursionError) as exc:  # nested too deep for the parser
        yield _skipped(path.stem, path, f"invalid JSON: {str(exc).splitlines()[0]}")
        return
    if isinstance(content, dict):
        yield _record_document(content, path, None, path.stem, "the object")
    elif isinstance(content, list) and content:
        for number, record in enumerate(content, start=1):
            yield _record_document(record, path, number, f"{path.stem}-{number}",
                                   f"item {number}")
    else:
        yield _skipped(path.stem, path, "needs an object, or a non-empty array of objects")


def _record_document(record: object, path: Path, number: int | None, fallback_id: str,
                     part: str) -> Document:
    """The document of one JSON record, the ``number``-th line or item of ``path`` (its
    path then ends with ":number"), or a skipped one saying what is wrong with ``part``."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return _skipped(fallback_id, path, f"{part}: needs an object with a string 'text'")
    doc = Document(
        doc_id=str(record.get("id") or fallback_id),
        path=str(path) if number is None else f"{path}:{number}",
        published=_iso_date(str(record.get("published") or "")),
        title=_text_or_none(record.get("title")), url=_text_or_none(record.get("url")),
    )
    return _finish(doc, unicodedata.normalize("NFC", record["text"]))


def _text_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


# Where news pages state when they were published (Open Graph, schema.org, Dublin Core).
_PUBLISHED_KEYS = {"article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                   "dcterms.created", "sailthru.date", "parsely-pub-date"}


@dataclass(frozen=True)
class HtmlPage:
    """What a page says of itself: title, text, publication date (ISO) and address."""

    title: str | None
    text: str
    published: str | None = None
    url: str | None = None


class _VisibleText(html.parser.HTMLParser):
    # Menus, sidebars, footers and forms are the site's, not the article's: their links
    # name other stories ("Two killed by a mine in Fuzuli") that are no part of this one.
    _HIDDEN = {"script", "style", "head", "noscript", "template", "svg", "nav", "aside",
               "footer", "form", "button", "select", "iframe"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
              "article", "section", "header", "footer", "blockquote", "title"}
    # Where a page marks its story, the text outside it is the site's.
    _STORY = {"article", "main"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.story: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_story = 0
        self._in_title = False
        self.published: str | None = None
        self.url: str | None = None

    def _read_metadata(self, tag: str, attrs: dict[str, str | None]) -> None:
        """The publication date and the page's own address, as news sites mark them."""
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = attrs.get("content") or ""
        if tag == "meta" and key in _PUBLISHED_KEYS and _iso_date(value):
            self.published = self.published or value
        elif tag == "time" and not self._hidden and _iso_date(attrs.get("datetime")):
            self.published = self.published or attrs.get("datetime")
        elif tag == "meta" and key == "og:url" and value.startswith(("http://", "https://")):
            self.url = self.url or value
        elif tag == "link" and (attrs.get("rel") or "").lower() == "canonical" and \
                (attrs.get("href") or "").startswith(("http://", "https://")):
            self.url = attrs.get("href")

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("meta", "link", "time"):
            self._read_metadata(tag, dict(attrs))
        if tag in self._HIDDEN:
            self._hidden += 1
        self._in_story += tag in self._STORY
        self._in_title = tag == "title"
        if tag in self._BLOCK:
            self._add("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self._add("\n\n")
        if tag in self._STORY and self._in_story:
            self._in_story -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self._add(data)

    def _add(self, text: str) -> None:
        self.parts.append(text)
        if self._in_story:
            self.story.append(text)

    def visible_text(self) -> str:
        """The story's text where the page marks one, else all visible text."""
        story = "".join(self.story)
        return story if story.strip() else "".join(self.parts)


def html_page(markup: str) -> HtmlPage:
    """The title and the visible text of an HTML page (of its ``<article>`` or ``<main>``
    where it has one, without menus, sidebars, footers and forms), with the publication
    date and canonical address its metadata give.

    >>> html_page("<title>T</title><p>Mine in <b>Aghdam</b></p><script>x()</script>")
    HtmlPage(title='T', text='Mine in Aghdam', published=None, url=None)
    >>> page = html_page('<meta property="article:published_time" content="2024-06-12T08:00"'
    ...                  '><link rel="canonical" href="https://example.org/a"><p>Text</p>')
    >>> page.published, page.url
    ('2024-06-12T08:00', 'https://example.org/a')
    """
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    text = re.sub(r"[ \t]+", " ", parser.visible_text())
    text = re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()
    return HtmlPage(" ".join("".join(parser.title).split()) or None, text, parser.published,
                    parser.url)


def markdown_text(text: str) -> str:
    """Markdown without its markup: links keep their text, emphasis and headings go.

    >>> markdown_text("# Mine blast\\nIn [Lachin](http://x) **today**")
    'Mine blast\\nIn Lachin today'
    """
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|>|[-*+]\s)\s*", "", text, flags=re.M)
    return re.sub(r"(\*\*|__|\*|`)", "", text)


# Abbreviations after which a full stop does not end a sentence ("b.": born, as in
# "Ramil Guliyev (b. 1990)").
_ABBREVIATIONS = {
    "b", "dec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no",
    "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "approx", "est", "fig", "ave",
}

# A sentence ends at a stop followed by a capital or a digit (or by a line of a list:
# "\n- On August 8, ..."), at a blank line, or at a line break before a capital; not at a
# line break after a colon, semicolon or comma, where a list goes on ("the following
# were neutralized:\n\n- 1,203 anti-personnel mines;"). One set of first characters,
# then the cases: ``re`` skips ahead to such a character at once (three times faster
# than trying each case everywhere).
_LIST_MARKS = "-•*–"  # what begins a line of a list
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*"
                       rf"(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*\n\s*[{_LIST_MARKS}]\s+[\"'“‘(\[]?[A-Z0-9])"
                       r"|(?<=\n)(?<![:;,]\n)(?:\s*\n|(?=\s*[A-Z\"“])))")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; knows abbreviations ("Dec.", "U.S.") and initials.

    >>> [s.text for s in split_sentences("On Dec. 4 the U.S. envoy J. Smith came. He left.")]
    ['On Dec. 4 the U.S. envoy J. Smith came.', 'He left.']
    """
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


_NOT_IN_TOKEN = re.compile(r"[^\w.]")


def _is_abbreviation(text: str, dot: int) -> bool:
    # the letters, digits and dots that end the twelve characters before the dot (and
    # before a line break that ends them, as "$" in a pattern would allow)
    window = text[max(0, dot - 12):dot]
    token = _NOT_IN_TOKEN.split(window[:-1] if window.endswith("\n") else window)[-1]
    if not token:
        return False
    # Initials ("J.") and dotted acronyms ("U.S") do not end a sentence.
    return (len(token) == 1 and token.isupper()) or "." in token or \
        token.lower() in _ABBREVIATIONS


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    segment = text[start:end]
    stripped = segment.strip()
    if stripped:
        start += len(segment) - len(segment.lstrip())
        if sentences and (stripped[-1].isdigit() or stripped[0] in _LIST_MARKS) and \
                _continues_a_list(sentences[-1].text, stripped):
            start = sentences.pop().start
            stripped = text[start:end].rstrip()
        sentences.append(Sentence(start, start + len(stripped), stripped))


#: A line of a list of figures, the figure after what it counts: "Anti-tank mines – 108",
#: "- Unexploded ordnance: 541;", "Cleared area: 3,214.6 hectares" (whole lines:
#: ``fullmatch``; ``unit``: the unit after the figure, if any).
FIGURE_LINE = re.compile(rf"[{_LIST_MARKS}]?\s*(?P<noun>[A-Za-z][^\n.!?]{{0,60}}?)\s*[–—:-]\s*"
                         r"(?P<figure>\d[\d,.]*?)(?:\s+(?P<unit>hectares|ha|square "
                         r"kilomet(?:er|re)s|sq\.? ?km|km2|km²|square met(?:er|re)s|m2|m²))?"
                         r"[;,.]?")
# ... the figure first: "- 401 anti-tank mines."
_COUNT_LINE = re.compile(rf"[{_LIST_MARKS}]\s*\d[\d,.]*\s+[^\n]{{1,60}}")


def _continues_a_list(before: str, line: str) -> bool:
    """Whether ``line`` is a line of a list of figures that ``before`` announces ("the
    following were found:") or has begun: one sentence holds the whole list."""
    last_line = before[before.rfind("\n") + 1:]
    return _is_figure_line(line) and (before.endswith(":") or _is_figure_line(last_line))


def _is_figure_line(line: str) -> bool:
    return FIGURE_LINE.fullmatch(line) is not None or _COUNT_LINE.fullmatch(line) is not None
