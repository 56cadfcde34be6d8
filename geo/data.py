"""Where the curated data files live.

In a source checkout they are in ``data/`` beside the package; an installed wheel
carries the same folder as ``geo/_data``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder holding ``gazetteer/`` and ``rules/``."""
    for candidate in (_PACKAGE / "_data", _PACKAGE.parent / "data"):
        if (candidate / "gazetteer").is_dir():
            return candidate
    raise FileNotFoundError(f"geo data folder not found beside {_PACKAGE}")


def data_file(*parts: str) -> Path:
    return data_dir().joinpath(*parts)
