"""The front-end files the map uses, where the page finds them on a CDN, and where the
same files lie in a folder installed from the npm registry (for ``offline_assets``).

An offline-assets folder is an npm ``node_modules`` folder holding these packages at
exactly these versions (``tests/webassets/package.json`` installs them)::

    https://cdn.jsdelivr.net/npm/leaflet@1.9.3/X                        -> leaflet/X
    https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/X
                                                         -> leaflet.markercluster/dist/X
    https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/X             -> leaflet.fullscreen/X

with one exception: jsDelivr minifies ``Control.FullScreen.min.js`` on request, the
package ships it unminified as ``Control.FullScreen.js``. The URLs are those folium 0.20
uses; a folium that asks for other versions makes :func:`offline_path` fail loudly.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from branca.element import Figure
from folium.elements import JSCSSMixin

from geo.errors import GeoError
from geo.webmap.element import inline, walk

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"


@dataclass(frozen=True, slots=True)
class CdnPackage:
    prefix: str  # CDN folder URL
    package: str  # npm package name
    version: str
    folder: str  # the CDN folder's place inside the package


CDN_PACKAGES = (
    CdnPackage("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/", "leaflet", "1.9.3", ""),
    CdnPackage("https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/",
               "leaflet.markercluster", "1.1.0", "dist/"),
    CdnPackage("https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/", "leaflet.fullscreen",
               "3.0.0", ""),
)
CDN_MINIFIED = {"leaflet.fullscreen/Control.FullScreen.min.js":
                "leaflet.fullscreen/Control.FullScreen.js"}


def cdn_package(url: str) -> CdnPackage | None:
    return next((p for p in CDN_PACKAGES if url.startswith(p.prefix)), None)


def offline_path(url: str) -> str:
    """The path, inside an offline-assets folder, of the file at CDN ``url``.

    >>> offline_path("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/images/layers.png")
    'leaflet/dist/images/layers.png'
    """
    package = cdn_package(url)
    if package is None:
        raise GeoError(f"no offline copy is known for {url} (see geo/webmap/assets.py)")
    path = package.package + "/" + package.folder + urlsplit(url).path[
        len(urlsplit(package.prefix).path):]
    return CDN_MINIFIED.get(path, path)


def _check_version(folder: Path, package: CdnPackage) -> None:
    manifest = folder / package.package / "package.json"
    try:
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError) as exc:
        raise GeoError(f"offline assets: cannot read {manifest} ({exc})") from exc
    if version != package.version:
        raise GeoError(f"offline assets: {manifest} is version {version}, the map needs "
                       f"{package.package}@{package.version}")


def _read(folder: Path, url: str) -> bytes:
    path = folder / offline_path(url)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GeoError(f"offline assets: cannot read {path} ({exc.strerror or exc})") from exc


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


def _css_with_data_urls(folder: Path, url: str) -> str:
    """The stylesheet at ``url`` with the files it refers to (icons) as data: URLs: once
    inlined, relative references would resolve against the page instead."""

    def replace(match: re.Match[str]) -> str:
        ref = match.group(2).strip()
        if ref.startswith(("data:", "#")):
            return match.group(0)
        mime = mimetypes.guess_type(urlsplit(ref).path)[0] or "application/octet-stream"
        encoded = base64.b64encode(_read(folder, urljoin(url, ref))).decode("ascii")
        return f'url("data:{mime};base64,{encoded}")'

    return _CSS_URL.sub(replace, _read(folder, url).decode("utf-8"))


def inline_assets(root: Figure, folder: Path) -> None:
    """Put every script and stylesheet the page would fetch from a CDN into the page
    itself, read from ``folder``. Call before rendering; affects only this page's
    elements (their asset lists become empty instance lists)."""
    urls = [url for e in walk(root) if isinstance(e, JSCSSMixin)
            for _, url in (*e.default_js, *e.default_css)]
    for package in dict.fromkeys(p for p in map(cdn_package, urls) if p):
        _check_version(folder, package)
    for element in walk(root):
        if not isinstance(element, JSCSSMixin):
            continue
        for name, url in element.default_js:
            root.header.add_child(inline("script", _read(folder, url).decode("utf-8")),
                                  name=name)
        for name, url in element.default_css:
            root.header.add_child(inline("style", _css_with_data_urls(folder, url)), name=name)
        element.default_js, element.default_css = [], []
