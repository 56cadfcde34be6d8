"""Bad input, faults and determinism: nothing is lost, nothing is half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.cli import main
from geo.corpus import decode, read_documents, split_sentences
from geo.model import Document
from geo.pipeline import process_document

from .conftest import SEEDS


def build(inputs, out, *extra):
    return CliRunner().invoke(main, ["build", *map(str, inputs), "-o", str(out), *extra])


def rows(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[1:]


# --- properties ------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400) | \
    st.sampled_from(["BAKU — Two men were killed in Kalbajar district on June 4.",
                     "On June 12, maps of 97,000 mines in Aghdam were handed over.",
                     "Yerevan refuses. Over 140 killed or injured since November 10.",
                     "Suarasi village of Lachin district", "Nagorno-Karabakh’s Khojalu"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_decoding_arbitrary_bytes_never_raises_anything_but_value_error(raw):
    try:
        text = decode(raw)
    except ValueError:
        return
    assert "\r" not in text


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_sentences_lie_inside_the_text(text):
    for s in split_sentences(text):
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text


@settings(max_examples=120, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(TEXT, max_size=4).map(" ".join))
def test_the_pipeline_never_raises_and_mentions_are_their_text(gazetteer, text):
    result = process_document(Document("h", "h.txt", text=text), gazetteer)
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for e in result.events:
        assert e.quote and e.quote in text


# --- files -----------------------------------------------------------------------------

def test_every_kind_of_bad_file_gets_a_line(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "undecodable.txt").write_bytes(b"caf\x81\x8d\x8f")
    (corpus / "name with spaces ü ə.txt").write_text("A mine exploded in Lachin district.",
                                                      encoding="utf-8")
    (corpus / "huge.txt").write_bytes(b"Mine in Aghdam. " * 3_200_000)  # 51 MB
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    result = build([corpus], tmp_path / "out")
    assert result.exit_code == 0, result.output
    documents = {line.split(",")[0]: line for line in rows(tmp_path / "out" / "documents.csv")}
    assert set(documents) == {"empty", "binary", "undecodable", "name with spaces ü ə", "huge"}
    assert "too large" in documents["huge"] and "empty file" in documents["empty"]
    assert "binary" in documents["binary"] and "undecodable" in documents["undecodable"]


def test_ten_thousand_tiny_files(tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(10_000):
        (corpus / f"{i:05d}.txt").write_text(f"Note {i} from Lachin.", encoding="utf-8")
    result = build([corpus], tmp_path / "out", "--no-cache")
    assert result.exit_code == 0, result.output
    assert len(rows(tmp_path / "out" / "documents.csv")) == 10_000


def test_a_folder_with_no_readable_file_is_an_error_with_its_reasons(tmp_path):
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"")
    (corpus / "b.pdf").write_bytes(b"%PDF")
    result = build([corpus], tmp_path / "out")
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert line.startswith("geo: error: no readable document among 2 input files")


def test_an_empty_folder_is_an_error(tmp_path):
    (tmp_path / "nothing").mkdir()
    result = build([tmp_path / "nothing"], tmp_path / "out")
    assert result.exit_code == 2
    assert "no input files" in result.output
    assert not (tmp_path / "out" / "events.csv").exists()


def test_a_read_only_output_folder_is_a_clear_error():
    # /proc refuses new files even to root, as a read-only mount would
    result = build([SEEDS], Path("/proc/geo-output"))
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert line.startswith("geo: error: /proc/geo-output: cannot write output")


def test_a_file_in_the_way_of_the_output_folder_is_a_clear_error(tmp_path):
    (tmp_path / "out").write_text("I am a file", encoding="utf-8")
    result = build([SEEDS], tmp_path / "out")
    assert result.exit_code == 2
    assert result.output.strip().startswith("geo: error:")


# --- faults ----------------------------------------------------------------------------

def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _wait_for_new_staging_folder(out: Path, leftovers: set[Path],
                                 process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not set(out.glob(".geo-staging-*")) - leftovers:
        assert process.poll() is None and time.monotonic() < deadline, "no staging folder"
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_run_killed_midway_leaves_the_previous_outputs_intact(tmp_path, sig):
    out = tmp_path / "out"
    assert build([SEEDS], out).exit_code == 0
    before = _snapshot(out)
    corpus = tmp_path / "big"
    corpus.mkdir()
    text = (SEEDS / "001_0123ef06a2ce0fd4.txt").read_text(encoding="utf-8")
    for i in range(1500):
        (corpus / f"{i:04d}.txt").write_text(text + f"\nCopy {i}.", encoding="utf-8")
    for delay in (0.2, 1.0, 2.0):  # once outputs are being written, while documents are
        leftovers = set(out.glob(".geo-staging-*"))  # processed (start-up takes its time)
        process = subprocess.Popen([sys.executable, "-m", "geo.cli", "build", str(corpus),
                                    "-o", str(out), "--no-cache", "--jobs", "1"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _wait_for_new_staging_folder(out, leftovers, process)
        time.sleep(delay)
        process.send_signal(sig)
        _, err = process.communicate(timeout=60)
        if process.returncode == 0:
            continue  # finished before the signal: nothing to check this time
        assert _snapshot(out) == before
        assert not list(out.glob(".geo-staging-*")) or sig == signal.SIGKILL
        if sig == signal.SIGINT:
            assert process.returncode == 130
            assert b"previous outputs are left as they were" in err



def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in
                Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:  # gone meanwhile
        return []


def test_ctrl_c_on_a_terminal_stops_every_process_with_one_line(tmp_path):
    """A terminal sends Ctrl-C to every process of the build, its workers too."""
    corpus = tmp_path / "big"
    corpus.mkdir()
    text = (SEEDS / "001_0123ef06a2ce0fd4.txt").read_text(encoding="utf-8")
    for i in range(10000):  # several seconds of work, even on a fast machine
        (corpus / f"{i:04d}.txt").write_text(text + f"\nCopy {i}.", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "geo.cli", "build", str(corpus), "-o",
                                str(tmp_path / "out"), "--no-cache", "--jobs", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True,  # a process group, as on a terminal
                               # as on a terminal too: a shell's background job (a test run
                               # started with "&") ignores Ctrl-C, and so would the build
                               preexec_fn=_hear_interrupts)
    deadline = time.monotonic() + 120
    # the pool's two workers, children of the fork server the build starts
    while sum(len(_children(child)) for child in _children(process.pid)) < 2:
        assert process.poll() is None and time.monotonic() < deadline, "no workers"
        time.sleep(0.05)
    time.sleep(0.5)  # at work
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert err.decode().strip().splitlines() == \
        ["geo: interrupted; the previous outputs are left as they were"]
    deadline = time.monotonic() + 10
    while _group_alive(process.pid):  # no worker is left behind
        assert time.monotonic() < deadline, "processes of the build still run"
        time.sleep(0.1)


def _hear_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


# --- determinism -----------------------------------------------------------------------

def _gpkg_content(path: Path) -> dict[str, list]:
    """A GeoPackage's layers, row by row, without the write times SQLite files carry."""
    import pyogrio

    content = {}
    for layer, _ in pyogrio.list_layers(path):
        frame = pyogrio.read_dataframe(path, layer=layer)
        frame = frame.drop(columns=[c for c in ("update_time",) if c in frame])
        content[layer] = frame.astype(str).values.tolist()
    return content


def test_two_runs_give_identical_outputs(tmp_path):
    assert build([SEEDS], tmp_path / "a", "--no-cache").exit_code == 0
    time.sleep(1.1)  # a time stamp to the second in any file would now differ
    assert build([SEEDS], tmp_path / "b", "--no-cache").exit_code == 0
    a, b = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert a.keys() == b.keys()
    for name in a:
        if name.endswith(".gpkg"):  # the only timestamps: when each layer was written
            assert _gpkg_content(tmp_path / "a" / name) == _gpkg_content(tmp_path / "b" / name)
        else:
            assert a[name] == b[name], name


def test_input_order_does_not_change_event_ids(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    assert build(files, tmp_path / "a").exit_code == 0
    assert build(list(reversed(files)), tmp_path / "b").exit_code == 0
    ids = [sorted(line.split(",")[0] for line in rows(tmp_path / d / "events.csv"))
           for d in "ab"]
    assert ids[0] == ids[1]


def test_documents_from_a_reader_are_all_accounted_for(tmp_path):
    (tmp_path / "x.jsonl").write_bytes(b'{"id": "a", "text": "Mine in Lachin."}\n\xff\xfe\n')
    docs = list(read_documents([tmp_path]))
    assert [d.status for d in docs] == ["ok", "skipped"]


@pytest.mark.parametrize("size", ["4k", "64k"])  # full at the first file, or at the last
def test_a_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, size):
    import os
    import shutil

    if os.geteuid() != 0 and not os.environ.get("CI"):
        pytest.skip("mounting a small file system needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(disk)], capture_output=True, text=True)
    assert mounted.returncode == 0, mounted.stderr
    try:
        result = build([SEEDS], disk / "out", "--no-cache")
        assert result.exit_code == 2, result.output
        [line] = result.output.strip().splitlines()
        assert line.startswith("geo: error:")
        assert "full" in line or "No space left" in line
        out = disk / "out"
        assert not out.exists() or not list(out.iterdir())  # nothing half-written
    finally:
        subprocess.run(["umount", str(disk)], check=True)
        shutil.rmtree(disk, ignore_errors=True)
