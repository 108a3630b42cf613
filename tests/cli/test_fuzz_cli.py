"""The fuzz properties through the command line (typer's runner, the app's own error
handling): never a traceback, exit 0/1/2 as documented, no control character on stdout
or stderr, and import -> export -> import gives the same library. Each property runs a
tenth of the hypothesis profile's examples (every example makes a library file): 10
under `ci`, 1,000 with `HYPOTHESIS_PROFILE=nightly make test`. Also: a replaced output
keeps its group (it was given the writer's)."""

from __future__ import annotations

import itertools
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from refs.formats.safe_text import CONTROL
from tests.conftest import NewLibrary
from tests.helpers import SEEDS
from tests.helpers.cli_run import run
from tests.helpers.fuzz import article_text, bibtex_text, csljson_text, ris_text

CLI_FUZZ = settings(
    max_examples=max(5, settings().max_examples // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# on stderr (diagnostics, one line each) no control character but the line feed; on
# stdout (exports) none but the tab, line feed and CR that text files hold
ERR_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SUFFIX = {"bibtex": ".bib", "csljson": ".json", "ris": ".ris"}
TEXTS = {"bibtex": bibtex_text(), "csljson": csljson_text(), "ris": ris_text()}
# each example its own library files (new_library names a file under the test's folder,
# which every example of a property shares)
_EXAMPLE = itertools.count()


def _clean(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2), (code, err)
    assert not CONTROL.search(out), out
    assert not ERR_CONTROL.search(err), err


@pytest.mark.parametrize("fmt", sorted(TEXTS))
def test_import_through_the_cli_never_crashes(fmt: str, new_library: NewLibrary) -> None:
    @CLI_FUZZ
    @given(text=TEXTS[fmt])
    def prop(text: str) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"in{SUFFIX[fmt]}"
            source.write_text(text, encoding="utf-8", errors="surrogatepass")
            lib = new_library(f"t{next(_EXAMPLE)}.db")
            _clean(*run("import", str(source), "--library", lib))
            _clean(*run("list", "--library", lib))
            _clean(*run("export", "-f", fmt, "--library", lib))

    prop()


@CLI_FUZZ
@given(text=article_text())
def test_parse_and_check_through_the_cli_never_crash(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text(text, encoding="utf-8", errors="surrogatepass")
        for args in (["parse", "--format", "table"], ["parse"], ["check"]):
            _clean(*run(*args, str(article)))


def _exported(lib: str, fmt: str) -> str:
    code, out, err = run("export", "-f", fmt, "--library", lib)
    assert code == 0, err
    return out


@pytest.mark.parametrize("fmt", sorted(TEXTS))
def test_import_export_import_gives_the_same_library(fmt: str, new_library: NewLibrary) -> None:
    @CLI_FUZZ
    @given(text=TEXTS[fmt])
    def prop(text: str) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            n = next(_EXAMPLE)
            first, second = new_library(f"a{n}.db"), new_library(f"b{n}.db")
            source = Path(tmp) / f"in{SUFFIX[fmt]}"
            source.write_text(text, encoding="utf-8", errors="surrogatepass")
            if run("import", str(source), "--library", first)[0] == 2:
                return
            code, exported, err = run("export", "-f", fmt, "--library", first)
            if code == 2 and "no library at" in err:  # the import made none
                return
            assert code == 0, err
            once = Path(tmp) / f"once{SUFFIX[fmt]}"
            once.write_text(exported, encoding="utf-8", newline="")  # a lone CR stays one
            if not exported.strip():  # nothing was imported
                assert run("list", "--format", "json", "--library", first)[1].strip() == "[]"
                return
            code, _, err = run("import", str(once), "--library", second)
            assert code in (0, 1), err
            assert _exported(second, fmt) == exported

    prop()


def test_seeds_import_export_import(new_library: NewLibrary, tmp_path: Path) -> None:
    first = new_library("a.db")
    assert run("--quiet", "add", str(SEEDS), "--library", first)[0] in (0, 1)
    for fmt in ("csljson", "bibtex", "ris"):
        once = tmp_path / f"once{SUFFIX[fmt]}"
        code, out, err = run("export", "-f", fmt, "--library", first)
        assert code == 0, err
        once.write_text(out, encoding="utf-8")
        lib = new_library(f"{fmt}.db")
        assert run("--quiet", "import", str(once), "--library", lib)[0] in (0, 1)
        assert run("export", "-f", fmt, "--library", lib)[1] == out, fmt


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file another group")
def test_a_replaced_output_keeps_its_group(tmp_path: Path) -> None:
    target = tmp_path / "out.bib"
    target.write_text("old", encoding="utf-8")
    os.chown(target, -1, 65534)
    code, _, err = run("export", str(SEEDS / "000_ef633acc338f5415.txt"), "-o", str(target))
    assert code == 0, err
    assert target.stat().st_gid == 65534
    assert target.read_text(encoding="utf-8").startswith("@")
