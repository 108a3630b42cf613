"""The HTML coverage report opened in headless Chromium: the highlights are in the DOM
and rendered (green and red pixels in a screenshot kept under pytest's tmp folder)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from refs.check.coverage import check_article
from refs.pipeline import parse_paths
from refs.report.check_html import check_html

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing (install it with .ci/install-consumers)")
        pytest.skip("chromium is not installed")
    return CHROMIUM


def _run(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}",
    ]  # fmt: skip
    return subprocess.run(
        [binary, *flags, *args], capture_output=True, text=True, timeout=120, check=False
    )


def _pixels(png: bytes) -> set[tuple[int, int, int]]:
    """Distinct RGB colours of an 8-bit RGB/RGBA non-interlaced PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, width, height, channels = 8, b"", 0, 0, 4
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, chunk = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += chunk
        pos += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    prev = bytearray(stride)
    colours: set[tuple[int, int, int]] = set()
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        for x in range(0, stride, channels * 4):
            colours.add((line[x], line[x + 1], line[x + 2]))
        prev = line
    return colours


def test_report_highlights_in_headless_chromium(tmp_path: Path) -> None:
    binary = _chromium()
    result = parse_paths([ROOT / "seeds" / "000_ef633acc338f5415.txt"])
    pairs = [(p, check_article(p.article, p.references)) for p in result.articles]
    checked = pairs[0][1]
    page = tmp_path / "coverage.html"
    page.write_text(check_html(pairs), encoding="utf-8")

    dom = _run(binary, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    marks = re.findall(r'<mark class="claim (supported|unsupported)" id="(c\d+)"', dom.stdout)
    assert len(marks) == len(checked.claims)
    assert {m[1]: m[0] for m in marks} == {c.id: checked.status(c.id) for c in checked.claims}
    assert 'id="e-c009"' in dom.stdout  # each claim's sources and evidence at hand

    shot = tmp_path / "coverage.png"
    done = _run(
        binary, tmp_path / "profile2", "--window-size=1280,1400", f"--screenshot={shot}",
        page.as_uri(),
    )  # fmt: skip
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    colours = _pixels(shot.read_bytes())
    assert (0xD8, 0xF5, 0xD0) in colours  # supported highlight rendered
    assert (0xFB, 0xD5, 0xD5) in colours  # unsupported highlight rendered
