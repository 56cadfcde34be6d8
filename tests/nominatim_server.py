"""A small HTTP server on 127.0.0.1 that speaks Nominatim's /search JSON, for tests.

``mode`` decides how it answers: ``ok``, ``slow`` (longer than the client's timeout),
``429`` (Too Many Requests, with Retry-After) or ``500``; ``fail_first`` answers badly
that many times and then well. Every request is counted.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PLACES = {
    "qaraqaya": {"place_id": 1, "osm_type": "node", "osm_id": 4242, "lat": "39.6712",
                 "lon": "46.4821", "display_name": "Qaraqaya, Lachin District, Azerbaijan",
                 "name": "Qaraqaya", "class": "place", "type": "village",
                 "addresstype": "village", "importance": 0.2,
                 "address": {"village": "Qaraqaya", "country": "Azerbaijan",
                             "country_code": "az"}},
}


class NominatimStub(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = "ok"
        self.fail_first = 0
        self.requests: list[str] = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> NominatimStub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: NominatimStub

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        query = parse_qs(urlsplit(self.path).query)
        self.server.requests.append(query.get("q", [""])[0])
        failing = self.server.fail_first >= len(self.server.requests)
        mode = self.server.mode if failing or self.server.fail_first == 0 else "ok"
        if mode == "slow":
            time.sleep(1.0)
        if mode == "429":
            self._send(429, b"{}", {"Retry-After": "0"})
            return
        if mode == "500":
            self._send(500, b"{}")
            return
        name = query.get("q", [""])[0].lower()
        body = json.dumps([PLACES[name]] if name in PLACES else []).encode()
        self._send(200, body)

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test)
