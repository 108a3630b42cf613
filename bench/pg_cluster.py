"""A throw-away PostgreSQL cluster for the tests and benchmarks: initdb into a temporary
folder, pg_ctl on a free loopback port, stopped at the end (of the test session, of a
benchmark). Needs nothing of refs.

The server refuses to run as root (CI runs as root), so there initdb and pg_ctl run as
the unprivileged system user ``postgres`` (else ``nobody``) through ``runuser``. The
binaries are found by ``pg_config --bindir``, else the newest of Debian's versioned
folders, else PATH. Where no server is installed the tests that need it skip naming
``.ci/install-consumers``; under CI they fail instead (tests.helpers.consumers.need).
``bench/pg_bench.py`` starts its own; tests.helpers.postgres adds databases per test.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

DEBIAN_BINDIRS = "/usr/lib/postgresql/*/bin"  # Debian's layout, not a path of one machine


def bindir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None where PostgreSQL is not installed."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        found = Path(out.stdout.strip())
        if out.returncode == 0 and (found / "initdb").exists():
            return found
    versioned = sorted(glob.glob(DEBIAN_BINDIRS), key=lambda p: int(Path(p).parent.name or 0))
    for folder in reversed(versioned):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _run_as() -> list[str]:
    """The prefix that runs a server program as an unprivileged user (none if we are one)."""
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"]
    raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")


@dataclass
class Cluster:
    """A running cluster: ``url(db)`` names a database on it as refs takes it."""

    folder: Path
    port: int
    user: str
    bindir: Path
    prefix: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        subprocess.run(
            [
                *self.prefix,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(programs: Path) -> Cluster:
    """initdb (trust auth on loopback, superuser ``refs``) and start on a free port."""
    prefix = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="refs-pg-"))
    if prefix:  # the server's user must own its folder
        entry = pwd.getpwnam(prefix[2])
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data, port = folder / "data", _free_port()
    subprocess.run(
        [
            *prefix,
            str(programs / "initdb"),
            "-D",
            str(data),
            "-U",
            "refs",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
    subprocess.run(
        [
            *prefix,
            str(programs / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "server.log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    return Cluster(folder, port, "refs", programs, prefix)
