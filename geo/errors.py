"""Exceptions with messages fit for one line on a terminal."""

from __future__ import annotations

from pathlib import Path


class GeoError(Exception):
    """Base of every error ``geo`` reports to its user."""


class InputError(GeoError):
    """Bad input: names the file and, where there is one, the line.

    >>> str(InputError("latitude 91 outside -90..90", "places.csv", 4))
    'places.csv:4: latitude 91 outside -90..90'
    """

    def __init__(self, message: str, path: str | Path, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line
