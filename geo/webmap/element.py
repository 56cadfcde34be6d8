"""The base of this package's map elements: their own scripts and stylesheets, inline,
and their data as a JSON block the scripts read.

folium renders the text of every ``Element`` as a Jinja template, so text holding
``{{ ... }}`` would be evaluated when the page is written. Article text must never pass
through that: data goes into the page through :class:`JsonBlock` (and our own text
through :class:`RawHTML`), inserted as is, never into a template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from functools import cache
from importlib.resources import files
from typing import TextIO

from branca.element import Element, MacroElement
from folium.template import Template

from geo.export import to_json

_CLOSING = {"script": re.compile(r"</(script)|<!--", re.IGNORECASE),
            "style": re.compile(r"</(style)|<!--", re.IGNORECASE)}


class RawHTML(Element):
    """HTML that goes into the page exactly as given."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: object) -> str:  # noqa: ARG002 - folium's signature
        return self.text


def inline(tag: str, text: str) -> RawHTML:
    """``text`` as the body of a ``<script>`` or ``<style>`` element.

    The only sequences that end such an element early are ``</script``/``</style`` and
    ``<!--``; they are broken with a backslash, harmless in JavaScript strings and CSS.
    """
    safe = _CLOSING[tag].sub(lambda m: "<\\/" + m.group(1) if m.group(1) else "<\\!--", text)
    return RawHTML(f"<{tag}>{safe}</{tag}>")


class JsonBlock(Element):
    """``<script type="application/json">`` holding the JSON text ``pieces()`` makes;
    ``<`` is escaped, so no text in it can close the element.

    Rendered with its page, it is the whole block. While :func:`write_page` writes a
    page, it is a marker, and its pieces go to the file one by one: the data of a large
    map is never held as one string.
    """

    def __init__(self, element_id: str, pieces: Callable[[], Iterable[str]]) -> None:
        super().__init__()
        self.element_id, self.pieces = element_id, pieces

    def render(self, **kwargs: object) -> str:  # noqa: ARG002 - folium's signature
        blocks = _STREAMED.get()
        if blocks is None:
            return "".join(self.parts())
        blocks.append(self)
        return f"<!--geo-json-block {len(blocks) - 1}-->"

    def parts(self) -> Iterator[str]:
        yield f'<script type="application/json" id="{self.element_id}">'
        for piece in self.pieces():
            yield piece.replace("<", "\\u003c")
        yield "</script>"


#: The JSON blocks of the page :func:`write_page` is writing, in the order of the page.
_STREAMED: ContextVar[list[JsonBlock] | None] = ContextVar("_STREAMED", default=None)
# Untrusted text reaches the page escaped (JSON blocks escape "<", the rest is our own
# or HTML-escaped), so a marker cannot come from it.
_MARKER = re.compile(r"<!--geo-json-block (\d+)-->")


def write_page(root: Element, handle: TextIO) -> None:
    """Render ``root`` into ``handle``, its JSON blocks written piece by piece."""
    token = _STREAMED.set([])
    try:
        page = root.render()
        blocks = _STREAMED.get() or []
    finally:
        _STREAMED.reset(token)
    parts = _MARKER.split(page)
    for index, part in enumerate(parts):
        if index % 2 == 0:
            handle.write(part)
        else:
            handle.writelines(blocks[int(part)].parts())


def walk(element: Element) -> Iterator[Element]:
    """``element`` and everything under it, parents first."""
    yield element
    for child in element._children.values():
        yield from walk(child)


def number_elements(root: Element) -> None:
    """Name the elements by their place in the tree instead of folium's random ids, so
    the same build writes the same page, byte for byte."""
    for n, element in enumerate(walk(root)):
        element._id = f"{n:04d}"


@cache
def static_text(name: str) -> str:
    return files("geo.webmap").joinpath("static", name).read_text(encoding="utf-8")


class GeoElement(MacroElement):
    """A map element with scripts and stylesheets of its own (``static/``) and, when
    :meth:`data` returns something, a JSON block with the id ``<name>_data``."""

    local_js: tuple[str, ...] = ()
    local_css: tuple[str, ...] = ()

    def data(self) -> object | None:
        return None

    def json_pieces(self) -> Iterator[str]:
        """The JSON text of :meth:`data`; an element with much data makes it in pieces."""
        yield to_json(self.data())

    def has_data(self) -> bool:
        return self.data() is not None

    def render(self, **kwargs: object) -> None:
        root = self.get_root()
        # Before the children: an element's own script defines what its children call.
        for name in self.local_css:
            root.header.add_child(inline("style", static_text(name)), name=name)
        for name in self.local_js:
            root.header.add_child(inline("script", static_text(name)), name=name)
        if self.has_data():
            root.html.add_child(JsonBlock(f"{self.get_name()}_data", self.json_pieces),
                                name=f"{self.get_name()}_data")
        super().render(**kwargs)


class PanelSection(GeoElement):
    """A part of the side panel, drawn by one call to its own script (``call``)."""

    call: str = ""
    _template = Template("""
        {% macro script(this, kwargs) %}
            {{ this.call }}();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = type(self).__name__
