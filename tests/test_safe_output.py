"""Safe output: devices, pipes, sockets, links, odd names, signals, and the CLI's stdout.

Also how the command meets broken pipes, closed or non-UTF-8 output, Ctrl-C and broken
plugins.

Every special file here is made in the test's own temporary folder; nothing is aimed at
the system's /dev/null or /dev/stdout.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import argmap
from argmap import registry
from argmap.cli import main
from argmap.files import write_atomic

EXAMPLE = argmap.dumps(registry.get("example")).encode("utf-8")
HAS_PROC_FD = Path("/proc/self/fd").is_dir()
# Processes run as a user runs them: PYTHONUNBUFFERED (set in some CI and containers)
# would hide what Python's buffering does with a broken pipe.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def argmap_process(*args, **kwargs):
    """Run ``python -m argmap ARGS`` as its own process."""
    kwargs.setdefault("capture_output", not {"stdout", "stderr"} & kwargs.keys())
    kwargs.setdefault("env", ENV)
    kwargs.setdefault("timeout", 60)
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], check=False, **kwargs)


def argmap_redirected(redirect: str, *args, **kwargs):
    """Run ``python -m argmap ARGS`` with a shell redirection such as ``>&-`` applied."""
    command = ["/bin/sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-m", "argmap"]
    kwargs.setdefault("env", ENV)
    return subprocess.run([*command, *map(str, args)], check=False, timeout=60, **kwargs)


def one_error_line(err: str) -> str:
    """The one line on stderr, checked to be an argmap error and no traceback."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("argmap: error: "), err
    return lines[0]


def make_device(path: Path, kind: int, major: int, minor: int) -> Path:
    """Make a device node in a test's folder (root only; else the test is skipped)."""
    try:
        os.mknod(path, kind | 0o666, os.makedev(major, minor))
    except PermissionError:
        pytest.skip("making device nodes needs root")
    return path


def node_kind(path: Path) -> int:
    return stat.S_IFMT(path.lstat().st_mode)


# -- devices, pipes and sockets are written through ---------------------------------------


def test_a_character_device_is_written_through_not_replaced(capsys, tmp_path):
    """-o onto a character device (a null device made here) writes into it and leaves it be."""
    null = make_device(tmp_path / "null", stat.S_IFCHR, 1, 3)
    before = null.lstat()
    code, out, err = run(capsys, "export", "example", "-o", null)
    assert (code, out, err) == (0, "", "")
    after = null.lstat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_link_to_a_device_is_written_through(capsys, tmp_path):
    """-o LINK, LINK -> a device: the device is written, both stay what they were."""
    null = make_device(tmp_path / "null", stat.S_IFCHR, 1, 3)
    link = tmp_path / "out.json"
    link.symlink_to("null")
    code, _, err = run(capsys, "export", "example", "-o", link)
    assert (code, err) == (0, "")
    assert str(link.readlink()) == "null"
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "out.json"]


def test_a_full_device_is_one_line_and_stays(capsys, tmp_path):
    """A device that refuses the bytes (a "full" device made here) is one error line."""
    full = make_device(tmp_path / "full", stat.S_IFCHR, 1, 7)
    code, _, err = run(capsys, "export", "example", "-o", full)
    assert code == 1
    assert "No space left on device" in one_error_line(err)
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_argmap_dump_writes_through_a_device_too(tmp_path):
    """The API follows the same rule as the CLI."""
    null = make_device(tmp_path / "null", stat.S_IFCHR, 1, 3)
    argmap.dump(registry.get("example"), null, "json")
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_a_block_device_is_refused(capsys, tmp_path):
    """A block device (a disk) is never written: one line, the node untouched."""
    # Major 240 is reserved for local use: no driver stands behind this node.
    disk = make_device(tmp_path / "disk", stat.S_IFBLK, 240, 0)
    code, _, err = run(capsys, "export", "example", "-o", disk)
    assert code == 1
    assert "block device" in one_error_line(err)
    assert stat.S_ISBLK(disk.lstat().st_mode)


def test_a_fifo_feeds_its_reader(capsys, tmp_path):
    """-o onto a named pipe hands the map to the process reading it; the pipe stays."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run(capsys, "export", "example", "-o", fifo)
    reader.join(20)
    assert (code, err) == (0, "")
    assert got == [EXAMPLE]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@contextlib.contextmanager
def listening_socket(path: Path) -> Iterator[list[bytes]]:
    """A Unix socket at ``path`` that collects what one client sends."""
    got: list[bytes] = []
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path.name)  # relative: a temporary folder's path can pass the 108-byte limit
    server.listen(1)

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
            got.append(b"".join(chunks))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield got
    finally:
        thread.join(20)
        server.close()


@pytest.mark.parametrize("deep", [False, True], ids=["short", "over-108-bytes"])
def test_a_socket_gets_the_bytes(capsys, tmp_path, monkeypatch, deep):
    """-o onto a Unix socket connects and sends the map; the socket stays a socket.

    A socket's address holds about 108 bytes; a deeper path is reached relative to here.
    """
    folder = tmp_path / ("d" * 60 if deep else "") / ("e" * 60 if deep else "")
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(folder)
    with listening_socket(folder / "sock") as got:
        code, _, err = run(capsys, "export", "example", "-o", folder / "sock")
    assert (code, err) == (0, "")
    assert got == [EXAMPLE]
    assert stat.S_ISSOCK((folder / "sock").lstat().st_mode)


def test_a_socket_nobody_listens_on_is_one_line(capsys, tmp_path, monkeypatch):
    """A socket whose server has gone is one error line, and the socket is left."""
    monkeypatch.chdir(tmp_path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind("sock")
    server.close()
    code, _, err = run(capsys, "export", "example", "-o", tmp_path / "sock")
    assert code == 1
    assert "it is a socket" in one_error_line(err)
    assert stat.S_ISSOCK((tmp_path / "sock").lstat().st_mode)


# -- links ------------------------------------------------------------------------------------


@pytest.mark.skipif(not HAS_PROC_FD, reason="needs /proc/self/fd")
def test_a_link_to_standard_output_writes_to_the_pipe(tmp_path):
    """-o LINK, LINK -> /proc/self/fd/1 (as /dev/stdout is): the bytes reach the pipe."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = argmap_process("export", "example", "-o", link)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == EXAMPLE
    assert str(link.readlink()) == "/proc/self/fd/1"


@pytest.mark.skipif(not HAS_PROC_FD, reason="needs /proc/self/fd")
def test_a_link_to_standard_output_appends_where_the_shell_appends(tmp_path):
    """With stdout opened for appending (>> log) the map goes after what the log held."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    log = tmp_path / "log"
    log.write_bytes(b"earlier lines\n")
    with log.open("ab") as out:
        result = argmap_process("export", "example", "-o", link, stdout=out, stderr=None)
    assert result.returncode == 0
    assert log.read_bytes() == b"earlier lines\n" + EXAMPLE
    assert link.is_symlink()


@pytest.mark.skipif(not HAS_PROC_FD, reason="needs /proc/self/fd")
def test_a_link_to_a_closed_descriptor_is_one_line(tmp_path):
    """-o a link to fd 1 while fd 1 is closed: one line, status 1."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = argmap_redirected(
        ">&-", "export", "example", "-o", link, stderr=subprocess.PIPE, text=True
    )
    assert result.returncode == 1
    assert "file descriptor 1 is not open" in one_error_line(result.stderr)


@pytest.mark.parametrize("relative", [False, True])
def test_a_link_to_a_file_stays_a_link(capsys, tmp_path, relative):
    """-o LINK replaces the file LINK points to, atomically in its folder; LINK stays."""
    real_dir, link_dir = tmp_path / "real", tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    target = real_dir / "map.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = link_dir / "map.json"
    link.symlink_to("../real/map.json" if relative else target)
    code, _, err = run(capsys, "export", "example", "-o", link)
    assert (code, err) == (0, "")
    assert link.is_symlink()
    assert target.read_bytes() == EXAMPLE
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in real_dir.iterdir()] == ["map.json"]
    assert [p.name for p in link_dir.iterdir()] == ["map.json"]


def test_a_dangling_link_gets_its_file(capsys, tmp_path):
    """-o LINK, LINK pointing to no file yet: the file is made, LINK stays a link."""
    link = tmp_path / "map.json"
    link.symlink_to("made.json")
    assert run(capsys, "export", "example", "-o", link)[0] == 0
    assert link.is_symlink()
    assert (tmp_path / "made.json").read_bytes() == EXAMPLE


def test_a_chain_of_links_to_the_input_is_still_the_input(capsys, tmp_path):
    """A link (to a link) to the input file is refused like the input itself."""
    source = tmp_path / "m.json"
    source.write_bytes(EXAMPLE)
    (tmp_path / "a").symlink_to("m.json")
    (tmp_path / "b").symlink_to("a")
    code, _, err = run(capsys, "export", source, "-o", tmp_path / "b")
    assert code == 1
    assert "refusing to write over the input" in one_error_line(err)
    assert (tmp_path / "b").is_symlink()


def test_a_loop_of_links_is_one_line(capsys, tmp_path):
    """Links that point at each other are one error line."""
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    code, _, err = run(capsys, "export", "example", "-o", tmp_path / "a")
    assert code == 1
    assert "symbolic links" in one_error_line(err)


# -- files that are not simply ours to replace -------------------------------------------


def test_a_hard_linked_file_is_refused(capsys, tmp_path):
    """A file with two names is neither split from its twin nor changed under it."""
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text("old", encoding="utf-8")
    second.hardlink_to(first)
    code, _, err = run(capsys, "export", "example", "-o", second)
    assert code == 1
    assert "2 hard links" in one_error_line(err)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") == "old"
    assert second.stat().st_nlink == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_a_read_only_file_is_refused(capsys, tmp_path):
    """A file with no write permission (chmod 0444) is not replaced, even by root."""
    path = tmp_path / "m.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o444)
    code, _, err = run(capsys, "export", "example", "-o", path)
    assert code == 1
    assert "read-only" in one_error_line(err)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]


def test_a_replaced_file_keeps_its_mode(tmp_path):
    """Replacing a file keeps its permissions; a new file gets the umask's."""
    old = tmp_path / "old.json"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o604)
    write_atomic(old, "new")
    assert stat.S_IMODE(old.stat().st_mode) == 0o604
    umask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", "new")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


# -- names ------------------------------------------------------------------------------------

LONG = "a" * 300 + ".json"


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "example", "-o", LONG],
        ["export", "example", "-o", "x\0y.json"],
        ["check", LONG],
        ["check", "x\0y.json"],
        ["export", "x\0y.json"],
        ["check", "example", "--source", f"s={LONG}"],
        ["render", "--all", "x\0y", "--format", "dot"],
    ],
    ids=["write-long", "write-nul", "read-long", "read-nul", "export-nul", "source-long", "dir"],
)
def test_impossible_file_names_are_one_line(capsys, tmp_path, monkeypatch, argv):
    """A name over 255 bytes, or holding NUL, is one error line, never an internal error."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 1
    line = one_error_line(err)
    assert "longer than the file system allows" in line or "NUL" in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", [LONG, "x\0y.json"])
def test_impossible_file_names_raise_argmap_errors(tmp_path, name):
    """argmap.load raises FormatError and argmap.dump OutputError, not a bare OSError."""
    with pytest.raises(argmap.FormatError, match=r"longer than|NUL"):
        argmap.load(tmp_path / name)
    with pytest.raises(argmap.OutputError, match=r"longer than|NUL"):
        argmap.dump(registry.get("example"), tmp_path / name)


def test_a_name_of_250_bytes_can_be_written(tmp_path):
    """The temporary file's name stays within 255 bytes however long the target's is."""
    name = "é" * 120 + ".json"  # 245 bytes in UTF-8
    argmap.dump(registry.get("example"), tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_path_of_the_wrong_type_is_a_parameter_error():
    """write_atomic given a number for a path raises ParameterError."""
    with pytest.raises(argmap.ParameterError):
        write_atomic(3, "x")  # type: ignore[arg-type]


# -- signals ----------------------------------------------------------------------------------

_SLOW_WRITE = textwrap.dedent(
    """
    import sys, time
    import argmap.files as files

    def slow_fsync(fd):
        sys.stderr.write("ready\\n")
        sys.stderr.flush()
        time.sleep(60)

    files.os.fsync = slow_fsync
    from argmap.cli import main
    sys.exit(main(["export", "example", "-o", sys.argv[1]]))
    """
)


@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGTERM, -signal.SIGTERM), (signal.SIGHUP, -signal.SIGHUP), (signal.SIGINT, 130)],
    ids=["TERM", "HUP", "INT"],
)
def test_a_signal_mid_write_leaves_no_temporary_file(tmp_path, signum, status):
    """SIGTERM, SIGHUP or Ctrl-C while the temporary file exists: it goes, the old file stays.

    SIGTERM and SIGHUP then end the process as they would have (killed by the signal);
    Ctrl-C gives the command's 130.
    """
    target = tmp_path / "map.json"
    target.write_text("old", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, str(target)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stderr is not None
        assert proc.stderr.readline() == b"ready\n"
        assert len(list(tmp_path.iterdir())) == 2  # the temporary file is there
        proc.send_signal(signum)
        proc.wait(20)
        rest = proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == status
    assert b"Traceback" not in rest
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]
    assert target.read_text(encoding="utf-8") == "old"


def test_signal_handlers_come_back_after_a_write(tmp_path):
    """A write leaves every signal handler as it found it, a program's own ones untouched."""

    def own(_signum, _frame):  # pragma: no cover - never called
        pass

    seen = {}
    old_term = signal.signal(signal.SIGTERM, own)
    try:
        before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
        real_fsync = os.fsync

        def watching_fsync(fd):
            seen.setdefault("during", signal.getsignal(signal.SIGTERM))  # the file's fsync
            real_fsync(fd)

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr("argmap.files.os.fsync", watching_fsync)
            write_atomic(tmp_path / "m.json", "x")
        after = {s: signal.getsignal(s) for s in before}
    finally:
        signal.signal(signal.SIGTERM, old_term)
    assert seen["during"] is own
    assert after == before


def test_a_write_from_another_thread_works(tmp_path):
    """Threads cannot set signal handlers; a write from one still goes through."""
    errors: list[BaseException] = []

    def work() -> None:
        try:
            write_atomic(tmp_path / "m.json", "x")
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
    assert (tmp_path / "m.json").read_text(encoding="utf-8") == "x"


# -- Ctrl-C at start-up --------------------------------------------------------------------

_PAUSE_IMPORT = textwrap.dedent(
    """
    import os, sys, time

    class Pause:
        def find_spec(self, name, path=None, target=None):
            if name == os.environ["PAUSE_AT"]:
                sys.stderr.write("ready\\n")
                sys.stderr.flush()
                time.sleep(60)

    sys.meta_path.insert(0, Pause())
    """
)

_INSTALLER_SCRIPT = textwrap.dedent(
    """
    import re
    import sys
    from argmap.cli import main
    if __name__ == '__main__':
        sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
        sys.exit(main())
    """
)


_PAUSE_FSYNC = textwrap.dedent(
    """
    import os, sys, time

    def slow_fsync(fd):
        sys.stderr.write("ready\\n")
        sys.stderr.flush()
        time.sleep(60)

    os.fsync = slow_fsync
    """
)


def interrupt_when_importing(
    tmp_path: Path, module: str, command: list[str], hook: str = _PAUSE_IMPORT
):
    """Run ``command``, press Ctrl-C while it imports ``module``; return the result."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(hook, encoding="utf-8")
    env = {**ENV, "PYTHONPATH": str(hooks), "PAUSE_AT": module}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stderr is not None
        assert proc.stderr.readline() == b"ready\n"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
        proc.wait()
    return proc.returncode, out, err


@pytest.mark.parametrize("module", ["argmap.build", "argmap.cli", "rich"])
def test_ctrl_c_while_python_m_argmap_starts_is_quiet(tmp_path, module):
    """Ctrl-C during the imports (or once main runs) of python -m argmap: 130, no traceback."""
    code, out, err = interrupt_when_importing(
        tmp_path, module, [sys.executable, "-m", "argmap", "show", "example"]
    )
    assert (code, out, err) == (130, b"", b"")


def test_ctrl_c_while_the_argmap_script_starts_is_quiet(tmp_path):
    """The same for the argmap script an installer writes."""
    script = tmp_path / "bin" / "argmap"
    script.parent.mkdir()
    script.write_text(_INSTALLER_SCRIPT, encoding="utf-8")
    code, out, err = interrupt_when_importing(
        tmp_path, "argmap.build", [sys.executable, str(script), "show", "example"]
    )  # (``list`` reads its record: it imports no argmap.build to interrupt)
    assert (code, out, err) == (130, b"", b"")


def test_ctrl_c_while_the_command_writes_cleans_up(tmp_path):
    """Past start-up, Ctrl-C is Python's again: a write it interrupts removes its temporary."""
    target = tmp_path / "out" / "map.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    command = [sys.executable, "-m", "argmap", "export", "example", "-o", str(target)]
    code, out, err = interrupt_when_importing(tmp_path, "", command, hook=_PAUSE_FSYNC)
    assert (code, out, err) == (130, b"", b"")
    assert [p.name for p in target.parent.iterdir()] == ["map.json"]
    assert target.read_text(encoding="utf-8") == "old"


def test_importing_argmap_leaves_ctrl_c_alone():
    """A program that imports argmap keeps Python's own Ctrl-C handling."""
    code = "import signal, argmap.cli; print(signal.getsignal(signal.SIGINT).__name__)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "default_int_handler"


# -- standard output ----------------------------------------------------------------------


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "python-u"])
@pytest.mark.parametrize(
    "argv", [["list"], ["export", "example"], ["show", "example"], ["evaluate", "example"]]
)
def test_a_broken_pipe_ends_quietly_with_141(argv, unbuffered):
    """Output into a pipe nobody reads (argmap list | head, after head left): 141, silent."""
    env = ENV | ({"PYTHONUNBUFFERED": "1"} if unbuffered else {})
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = argmap_process(*argv, stdout=write_end, stderr=subprocess.PIPE, env=env)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, b"")


@pytest.fixture(scope="module")
def big_map(tmp_path_factory) -> Path:
    """A map whose JSON, summary and check output each pass a pipe's 64 KiB."""
    b = argmap.MapBuilder("big", "Big")
    thesis = b.thesis("t", "T.")
    for i in range(1500):
        b.claim(f"c{i}", "A reason that takes some room on the page. " * 3).supports(thesis)
    path = tmp_path_factory.mktemp("big") / "big.json"
    argmap.dump(b.build(), path)
    return path


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "python-u"])
@pytest.mark.parametrize("verb", ["export", "show"])
def test_a_reader_leaving_mid_output_ends_quietly_with_141(big_map, verb, unbuffered):
    """The reader takes a few bytes and goes (| head -c 10): 141, silent, never 0.

    Python's buffered writer reports a write the reader's going away cut short as a
    short count, not an error; argmap writes the rest again, and so sees the break.
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", verb, str(big_map)],
        env=ENV | ({"PYTHONUNBUFFERED": "1"} if unbuffered else {}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert len(proc.stdout.raw.read(10)) > 0
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(60)
    finally:
        proc.kill()
        proc.wait()
    assert (proc.returncode, err) == (141, b"")


def test_a_pipe_reader_leaving_a_fifo_ends_quietly_with_141(big_map, tmp_path):
    """-o FIFO whose reader goes away before the map is written: 141, silent, like stdout."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def open_and_leave() -> None:
        fd = os.open(fifo, os.O_RDONLY)
        os.close(fd)

    reader = threading.Thread(target=open_and_leave, daemon=True)
    reader.start()
    result = argmap_process("export", big_map, "-o", fifo)  # more than the pipe holds
    reader.join(20)
    assert (result.returncode, result.stderr) == (141, b"")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_closed_standard_output_is_one_line():
    """argmap list >&- says standard output is closed, with status 1 (as cat does)."""
    result = argmap_redirected(">&-", "list", stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1
    assert one_error_line(result.stderr) == (
        "argmap: error: cannot write to standard output: it is closed"
    )


def test_a_closed_standard_output_is_no_matter_with_o(tmp_path):
    """With -o FILE nothing goes to standard output, so a closed one is fine."""
    out = tmp_path / "m.json"
    result = argmap_redirected(">&-", "export", "example", "-o", out, stderr=subprocess.PIPE)
    assert (result.returncode, result.stderr) == (0, b"")
    assert out.read_bytes() == EXAMPLE


def test_a_closed_standard_input_is_one_line():
    """argmap check - <&- says standard input is closed."""
    result = argmap_redirected("<&-", "check", "-", capture_output=True, text=True)
    assert result.returncode == 1
    assert "standard input: it is closed" in one_error_line(result.stderr)


def test_a_failing_standard_output_is_one_line(tmp_path):
    """Standard output on a full device (made here): one line naming the failure, status 1."""
    full = make_device(tmp_path / "full", stat.S_IFCHR, 1, 7)
    with full.open("wb") as out:
        result = argmap_process("list", stdout=out, stderr=subprocess.PIPE)
    assert result.returncode == 1
    assert "No space left on device" in one_error_line(result.stderr.decode())


LEGACY_ENCODINGS = [
    {"PYTHONIOENCODING": "latin-1"},
    {"PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
]


_EVERY_VERB_FOR_PEOPLE = textwrap.dedent(
    """
    import sys
    from argmap.cli import main

    commands = [["list"], ["show", "example"], ["evaluate", "example"], ["check", "--all"]]
    statuses = [main(argv) for argv in commands]
    sys.stdout.flush()
    print(statuses, sys.stdout.encoding, file=sys.stderr)
    """
)


@pytest.mark.parametrize("env", LEGACY_ENCODINGS, ids=["latin-1", "ascii", "C-locale"])
def test_text_for_people_survives_a_legacy_encoding(env):
    """A terminal that is not UTF-8 gets ? for what it cannot show, never a crash."""
    env = {k: v for k, v in ENV.items() if k not in {"PYTHONIOENCODING", "LC_ALL"}} | env
    result = subprocess.run(
        [sys.executable, "-c", _EVERY_VERB_FOR_PEOPLE],
        env=env,
        capture_output=True,
        check=False,
        timeout=60,
    )
    statuses, encoding = result.stderr.decode().rsplit(" ", 1)
    assert statuses == "[0, 0, 0, 0]", result.stderr
    assert "utf" not in encoding.lower()
    assert b"?" in result.stdout  # the curly quotes of the built-in maps' titles


@pytest.mark.parametrize("env", LEGACY_ENCODINGS, ids=["latin-1", "ascii", "C-locale"])
def test_data_is_utf8_whatever_the_locale(env):
    """export and --json write UTF-8, the bytes -o would write, whatever the encoding."""
    env = {k: v for k, v in ENV.items() if k not in {"PYTHONIOENCODING", "LC_ALL"}} | env
    assert argmap_process("export", "example", env=env).stdout == EXAMPLE
    listed = argmap_process("list", "--json", env=env)
    assert listed.returncode == 0
    titles = {row["id"]: row["title"] for row in json.loads(listed.stdout.decode("utf-8"))}
    assert titles == {m.id: m.title for m in registry.all_maps()}


# -- usage -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "--all", ""],
        ["export", "example", "--to", ""],
        ["export", "example", "--from", ""],
        ["check", "example", "--from", ""],
        ["export", "example", "-o", ""],
        ["render", "example", "-o", ""],
        ["export", ""],
        ["check", ""],
    ],
)
def test_an_empty_argument_is_a_usage_error(capsys, tmp_path, monkeypatch, argv):
    """An empty DIR, FORMAT, FILE or MAP is a usage error, not "here" or the default."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1].endswith("give a value, not an empty string")
    assert list(tmp_path.iterdir()) == []


# -- broken plugins -----------------------------------------------------------------------------

_PLUGINS = textwrap.dedent(
    """
    import argmap

    def broken():
        raise RuntimeError("the plugin is broken\\nand says so on two lines")

    def unnamed():
        raise argmap.FormatError("an argmap error that names no map")

    def named(map_id):
        b = argmap.MapBuilder(map_id, "A map whose id is a path")
        b.thesis("t", "T.")
        return b.build()

    def up():
        return named("../escaped")

    def rooted():
        return named(ROOTED)
    """
)


@pytest.fixture
def plugins(tmp_path, monkeypatch):
    """The registry as if packages had added a broken map and maps whose ids are paths."""
    rooted = str(tmp_path / "rooted")
    module = _PLUGINS + f"\nROOTED = {rooted!r}\n"
    (tmp_path / "argmap_test_plugins.py").write_text(module, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    real = registry._entry_points()
    group = registry.GROUP
    fake = {
        "example": real["example"],
        "broken": EntryPoint("broken", "argmap_test_plugins:broken", group),
        "unnamed": EntryPoint("unnamed", "argmap_test_plugins:unnamed", group),
        "../escaped": EntryPoint("../escaped", "argmap_test_plugins:up", group),
        rooted: EntryPoint(rooted, "argmap_test_plugins:rooted", group),
    }
    monkeypatch.setattr(registry, "_entry_points", lambda: dict(sorted(fake.items())))
    registry.get.cache_clear()
    yield
    registry.get.cache_clear()


def broken_line(err: str) -> str:
    (line,) = [x for x in err.splitlines() if "'broken'" in x]
    assert line.startswith("argmap: error: ")
    assert "RuntimeError: the plugin is broken" in line
    return line


@pytest.mark.usefixtures("plugins")
@pytest.mark.parametrize(
    "argv", [["list"], ["list", "--json"], ["show"], ["check", "--all"]], ids=str
)
def test_a_broken_plugin_is_one_line_and_the_rest_go_on(capsys, argv):
    """A plugin map that raises is reported in one line; the others are listed or checked."""
    code, out, err = run(capsys, *argv)
    assert code == 1
    broken_line(err)
    assert "argmap: error: unnamed: an argmap error that names no map" in err.splitlines()
    assert "Traceback" not in err
    assert "example" in out


@pytest.mark.usefixtures("plugins")
def test_render_all_keeps_every_file_inside_dir(capsys, tmp_path):
    """render --all DIR refuses map ids that are paths and renders the rest inside DIR."""
    folder = tmp_path / "out" / "maps"
    code, _, err = run(capsys, "render", "--all", folder, "--format", "dot")
    assert code == 1
    broken_line(err)
    refused = [line for line in err.splitlines() if "not a plain file name" in line]
    assert len(refused) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["example.dot"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["maps"]
    assert not (tmp_path / "rooted.dot").exists()
    assert "rendered 1 of 5 maps" in err
