"""Optional online fall-back for names the gazetteer lacks: Nominatim through geopy.

Off by default; the default run never touches the network. Nominatim's usage policy
asks for at most one request per second and an identifying user agent: geopy's
``RateLimiter`` keeps the pace, :class:`Backoff` retries timeouts, HTTP 429 and 5xx
answers a bounded number of times with growing waits, and :class:`AnswerCache` keeps
every answer on disk so that a name is never asked twice.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geo.model import Place

DEFAULT_USER_AGENT = "geo-landmine-mapper/0.1 (set --user-agent to your contact)"
_KINDS = {"country": "country", "state": "region", "region": "region", "county": "district",
          "city": "city", "town": "town", "village": "village", "hamlet": "village",
          "suburb": "village", "municipality": "district"}


class Backoff:
    """Call ``func``; on a service error retry up to ``attempts`` times in all, waiting
    ``first_wait`` seconds and twice as long each time (or what a 429 answer's
    Retry-After asks). Gives None when every attempt failed.

    >>> from geopy.exc import GeocoderServiceError
    >>> calls = []
    >>> def flaky(q):
    ...     calls.append(q)
    ...     if len(calls) < 3:
    ...         raise GeocoderServiceError("busy")
    ...     return "ok"
    >>> Backoff(flaky, attempts=3, first_wait=0)("x"), len(calls)
    ('ok', 3)
    """

    def __init__(self, func: Callable[..., Any], attempts: int = 3, first_wait: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.func, self.attempts, self.first_wait, self.sleep = func, attempts, first_wait, sleep
        self.failures = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from geopy.exc import GeocoderRateLimited, GeocoderServiceError

        wait = self.first_wait
        for attempt in range(self.attempts):
            try:
                return self.func(*args, **kwargs)
            except GeocoderServiceError as exc:
                self.failures += 1
                if attempt == self.attempts - 1:
                    return None
                asked = getattr(exc, "retry_after", None) if isinstance(
                    exc, GeocoderRateLimited) else None
                self.sleep(min(float(asked), 60.0) if asked else wait)
                wait *= 2
        return None


class AnswerCache:
    """Nominatim answers on disk (SQLite), keyed by the query; empty answers too."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (query TEXT PRIMARY KEY, "
                         "answer TEXT NOT NULL)")

    def get(self, query: str) -> dict | None | bool:
        """The cached answer, None for a cached 'not found', False when never asked."""
        row = self._db.execute("SELECT answer FROM answers WHERE query = ?",
                               (query,)).fetchone()
        return False if row is None else json.loads(row[0])

    def put(self, query: str, answer: dict | None) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)",
                             (query, json.dumps(answer)))


class NominatimResolver:
    """Resolve a place name with Nominatim, politely and at most once per name."""

    def __init__(self, cache_path: Path, user_agent: str = DEFAULT_USER_AGENT,
                 domain: str = "nominatim.openstreetmap.org", scheme: str = "https",
                 timeout: float = 10.0, min_delay: float = 1.0, attempts: int = 3,
                 first_wait: float = 1.0) -> None:
        from geopy.adapters import URLLibAdapter  # slow to import: only for --online
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        # The stdlib adapter does not retry by itself: Backoff alone decides, so the number
        # of requests stays bounded and known.
        geocoder = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme,
                             timeout=timeout, adapter_factory=URLLibAdapter)
        limited = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay, max_retries=0,
                              swallow_exceptions=False)
        self._geocode = Backoff(limited, attempts=attempts, first_wait=first_wait)
        self._cache = AnswerCache(cache_path)
        self.requests = 0

    def resolve(self, name: str, country_codes: list[str]) -> Place | None:
        query = f"{name}|{','.join(sorted(country_codes))}"
        cached = self._cache.get(query)
        if cached is not False:
            return _place(cached) if cached else None
        self.requests += 1
        location = self._geocode(name, exactly_one=True, addressdetails=True,
                                 country_codes=country_codes or None, language="en")
        if location is None and self._geocode.failures:
            self._geocode.failures = 0
            return None  # the service failed: do not remember this as 'not found'
        answer = location.raw if location is not None else None
        self._cache.put(query, answer)
        return _place(answer) if answer else None


def _place(raw: dict) -> Place:
    address = raw.get("address") or {}
    kind = _KINDS.get(raw.get("addresstype") or raw.get("type") or "", "other")
    return Place(
        id=f"nominatim:{raw.get('osm_type', 'x')}/{raw.get('osm_id', raw.get('place_id'))}",
        name=(raw.get("name") or raw.get("display_name", "").split(",")[0]).strip(),
        kind=kind, country=str(address.get("country_code", "")).upper(),
        lat=float(raw["lat"]), lon=float(raw["lon"]),
        source="OpenStreetMap contributors via Nominatim (ODbL)", point_basis="nominatim",
    )
