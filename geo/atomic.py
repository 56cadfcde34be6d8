"""Write output files whole or not at all: write to a temporary file, then rename."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from geo.errors import GeoError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: str | Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path in the target's folder, renamed onto ``path`` on success.

    ``suffix`` ends the temporary name, for writers that go by the extension.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
        os.close(fd)
        os.chmod(name, 0o666 & ~_umask())  # mkstemp's 0600 would hide outputs from others
    except OSError as exc:
        raise GeoError(f"{path.parent}: cannot write output ({exc.strerror or exc})") from exc
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise GeoError(f"{path}: cannot write output ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", **kwargs: object) -> Iterator[IO]:
    """Open a file for writing that appears at ``path`` only once complete."""
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as handle:  # noqa: PTH123
        yield handle


_STAGING_PREFIX = ".geo-staging-"


@contextmanager
def staged_outputs(out_dir: Path) -> Iterator[Path]:
    """A staging folder inside ``out_dir`` for a whole set of outputs.

    Every file is written there first; only when all are complete are they moved into
    ``out_dir``, one rename each. A run that fails or is interrupted (Ctrl-C, a kill)
    before that leaves the previous outputs as they were; its leftovers are removed on
    the next run.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for stale in out_dir.glob(f"{_STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=out_dir))
    except OSError as exc:
        raise GeoError(f"{out_dir}: cannot write output ({exc.strerror or exc})") from exc
    try:
        yield staging
        for path in sorted(staging.iterdir()):
            os.replace(path, out_dir / path.name)
    except OSError as exc:
        raise GeoError(f"{out_dir}: cannot write output ({exc.strerror or exc})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
