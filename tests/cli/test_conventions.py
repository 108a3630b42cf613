"""CLI habits of mature tools: -h, completion, - for stdin, several files per import,
--quiet/--verbose, one name for the human format, --format json summaries, keys as
arguments to export/render, readable metavars, a hint on unusual extensions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from refs.cli.commands import app
from refs.formats import registry
from tests.helpers import SEEDS
from tests.helpers.cli_run import run
from tests.helpers.export_data import sample_refs

SEED0 = str(SEEDS / "000_ef633acc338f5415.txt")


@pytest.fixture
def lib(library_url: str) -> str:
    path = library_url
    code, _, err = run("add", SEED0, "--library", path)
    assert code == 0, err
    return path


def test_short_help_and_completion() -> None:
    code, out, _ = run("-h")
    assert code == 0 and "Usage: refs" in out and "--install-completion" in out
    code, out, _ = run("export", "-h")
    assert code == 0 and "--format" in out


@pytest.mark.parametrize("command", ["parse", "add", "export", "render", "check", "import"])
def test_metavars_are_readable(command: str) -> None:
    _, out, _ = run(command, "--help")
    assert "list[" not in out and "<str>" not in out and "<" not in out.split("Options")[0]
    assert "]...]" not in out
    assert "PATH" in out or "FILE" in out


def test_parse_reads_stdin() -> None:
    text = Path(SEED0).read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", "-", "--format", "json"], input=text)
    assert result.exit_code in (0, 1), result.stderr
    (article,) = json.loads(result.stdout)["articles"]
    assert article["source"] == "<stdin>" and len(article["references"]) == 8


def test_one_name_for_the_human_format() -> None:
    assert run("parse", SEED0, "--format", "text")[1] == run("parse", SEED0, "-f", "table")[1]


def test_import_several_files_and_stdin_with_a_json_summary(
    tmp_path: Path, library_url: str
) -> None:
    library = library_url
    bib, ris = tmp_path / "a.bib", tmp_path / "b.ris"
    refs = sample_refs()
    bib.write_text(registry.export("bibtex", refs[:2]), encoding="utf-8")
    ris.write_text(registry.export("ris", refs[2:4]), encoding="utf-8")
    code, out, err = run("import", str(bib), str(ris), "--library", library, "-f", "json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["new_references"] == 4 and len(summary["new_keys"]) == 4
    stdin = registry.export("csljson", refs[4:])
    result = CliRunner().invoke(app, ["import", "-", "--library", library], input=stdin)
    assert result.exit_code == 0, result.stderr
    assert "1 new reference" in result.stderr


def test_add_json_summary(library_url: str) -> None:
    code, out, _ = run("add", SEED0, "--library", library_url, "--format", "json")
    assert code == 0 and json.loads(out)["articles_added"] == 1


def test_export_and_render_chosen_keys(lib: str) -> None:
    code, out, err = run("export", "ap2000kim", "reuters2000us", "-f", "csljson", "--library", lib)
    assert code == 0, err
    assert [i["id"] for i in json.loads(out)] == ["ap2000kim", "reuters2000us"]
    code, out, _ = run("render", "ap2000kim", "--library", lib)
    assert code == 0 and out.count("\n") == 1 and "Kim Indicates" in out
    code, _, err = run("export", "nosuchkey2000", "--library", lib)
    assert code == 2 and "no such file, folder or library key: nosuchkey2000" in err


def test_unusual_extension_gets_a_hint(lib: str, tmp_path: Path) -> None:
    out = tmp_path / "lib.csljson"
    code, _, err = run("export", "-f", "csljson", "-o", str(out), "--library", lib)
    assert code == 0 and out.is_file()
    assert "hint: csljson files are usually named *.json" in err and "lib.json" in err
    _, _, err = run("export", "-f", "csljson", "-o", str(tmp_path / "ok.json"), "--library", lib)
    assert "hint" not in err


def test_quiet_and_verbose(library_url: str) -> None:
    _, _, err = run("parse", SEED0)
    assert "S003 warning" in err
    _, _, err = run("--quiet", "parse", SEED0)
    assert err == ""
    _, _, err = run("-q", "add", SEED0, "--library", library_url)
    assert err == ""
    _, _, err = run("--verbose", "parse", SEED0)
    assert "refs: reading 1 article file(s)" in err


def test_styles_as_json() -> None:
    code, out, _ = run("styles", "--format", "json")
    assert code == 0 and {"short": "chicago", "style": "chicago-author-date"} in json.loads(out)


def _commands(group: object, prefix: str) -> list[str]:
    out = []
    for name, sub in getattr(group, "commands", {}).items():
        full = f"{prefix} {name}"
        out.extend(_commands(sub, full) if hasattr(sub, "commands") else [full])
    return out


def test_the_readme_shows_every_command_with_an_example() -> None:
    import re

    import typer.main

    from refs.cli.commands import app
    from tests.helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands(typer.main.get_command(app), "refs")
    assert len(commands) > 20
    missing = [c for c in commands if not re.search(rf"^ +{re.escape(c)}\b", readme, re.M)]
    assert missing == []
