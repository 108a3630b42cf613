"""`refs add` streamed over files: unchanged files are known by their content before they
are parsed (their findings shown again), changed files are parsed again, and a batch
sees the batches before it as a later command sees the library."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from refs.diagnostics import Diagnostic
from refs.library import add_files as add_files_module
from refs.library import ingest
from refs.library.add_files import AddOutcome, add_files
from refs.library.connection import location
from refs.library.ready import ReadyArticle, ready_later
from refs.library.store import Library
from refs.models import Citation, LibraryReference, PartialDate
from refs.pipeline.workers import PARALLEL_MIN_ITEMS
from tests.conftest import NewLibrary
from tests.helpers import SEEDS
from tests.library.test_store import SEED0, SEED1, flattened_copy


def run_add(lib: Library, files: Sequence[Path], batch: int = 1000) -> AddOutcome:
    shown: list[Diagnostic] = []
    with lib.transaction():
        return add_files(lib, files, shown.extend, batch=batch)


def parsed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file that add_files hands to the parser."""
    seen: list[str] = []

    def counting(
        files: Sequence[Path], *args: object, **kw: object
    ) -> Callable[[], tuple[list[ReadyArticle], list[Diagnostic]]]:
        seen.extend(str(f) for f in files)
        return ready_later(files, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(add_files_module, "ready_later", counting)
    return seen


def test_unchanged_files_are_not_parsed_again(
    tmp_path: Path, new_library: NewLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = parsed_files(monkeypatch)
    with Library(location(new_library("lib.db"))) as lib:
        first = run_add(lib, [SEED0, SEED1])
        assert first.report.articles_added == 2 and sorted(seen) == [str(SEED0), str(SEED1)]
        before = lib.dump()
        seen.clear()
        again = run_add(lib, [SEED1, SEED0])
        assert seen == [] and again.report.articles_known == 2 and again.readable == 2
        assert lib.dump() == before


def test_a_changed_file_is_parsed_again(
    tmp_path: Path, new_library: NewLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = parsed_files(monkeypatch)
    article = tmp_path / "a.txt"
    article.write_text(SEED1.read_text(encoding="utf-8"), encoding="utf-8")
    with Library(location(new_library("lib.db"))) as lib:
        run_add(lib, [article])
        article.write_text(SEED1.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
        seen.clear()
        again = run_add(lib, [article])
        # the same article (identity unchanged): known, and its new content remembered
        assert seen == [str(article)] and again.report.articles_known == 1
        seen.clear()
        run_add(lib, [article])
        assert seen == []


def test_findings_of_a_known_file_are_shown_again_without_a_parse(
    tmp_path: Path, new_library: NewLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = parsed_files(monkeypatch)
    with Library(location(new_library("lib.db"))) as lib:
        shown: list[Diagnostic] = []
        with lib.transaction():
            add_files(lib, [SEED0, SEED1], shown.extend)
        assert [d.code for d in shown] == ["S003"]  # the seed's damaged entry
        seen.clear()
        again: list[Diagnostic] = []
        with lib.transaction():
            add_files(lib, [SEED1, SEED0], again.extend)
        assert seen == [] and again == shown


def cited(lib: Library) -> list[tuple[str, tuple[Citation, ...]]]:
    return sorted((r.title, r.citations) for r in lib.references())


def test_batches_work_as_consecutive_commands(tmp_path: Path, new_library: NewLibrary) -> None:
    files = [SEED0, SEED1, flattened_copy(SEED0, tmp_path), flattened_copy(SEED1, tmp_path)]
    with (
        Library(location(new_library("one.db"))) as one,
        Library(location(new_library("many.db"))) as many,
        Library(location(new_library("steps.db"))) as steps,
    ):
        whole = run_add(one, files)
        parts = run_add(many, files, batch=1)
        for file in sorted(files, key=str):
            run_add(steps, [file])
        assert many.dump() == steps.dump()
        assert whole.report == parts.report
        assert whole.report.copies == 2 and whole.report.articles_added == 2

        # the same references and citations; only a key shared by two references in
        # different batches goes to the one added first
        assert cited(one) == cited(many)


def test_nothing_readable(tmp_path: Path, new_library: NewLibrary) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with Library(location(new_library("lib.db"))) as lib:
        outcome = run_add(lib, [empty])
        assert outcome.readable == 0 and outcome.errors
        assert lib.counts()["articles"] == 0


def test_seeds_folder(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        assert run_add(lib, sorted(SEEDS.glob("*.txt"))).report.new_references == 21


def test_import_batches_work_as_consecutive_imports(
    tmp_path: Path, new_library: NewLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = PartialDate(year=2000, month=7, day=20)
    refs = [
        LibraryReference(key="a", title="Putin visits North Korea", outlet="AP", issued=day),
        LibraryReference(key="b", title="Putin leaves North Korea", outlet="AP", issued=day),
        LibraryReference(key="c", title="PUTIN VISITS N. KOREA", outlet="AP", issued=day),
    ]
    monkeypatch.setattr(ingest, "IMPORT_BATCH", 1)
    with (
        Library(location(new_library("many.db"))) as many,
        Library(location(new_library("steps.db"))) as steps,
    ):
        with many.transaction():
            report = ingest.import_references(many, refs, "lib.bib")
        for ref in refs:
            with steps.transaction():
                ingest.import_references(steps, [ref], "lib.bib")
        assert many.dump() == steps.dump()
        assert report.new_references == 2 and report.matched == 1


def test_references_of_some_keys_read_only_those(tmp_path: Path, new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        run_add(lib, [SEED0, SEED1, flattened_copy(SEED1, tmp_path)])
        every = lib.references()
        some = [r.key for r in every[::3]] + ["nosuchkey"]
        assert lib.references(some) == [r for r in every if r.key in some]
        assert lib.reference(every[1].key) == every[1]


def test_batches_parsed_ahead_in_workers_make_the_same_library(
    tmp_path: Path, new_library: NewLibrary
) -> None:
    """With workers, each batch is parsed while the one before is stored: the library,
    the findings and their order are those of one process."""
    from bench.corpus import generate

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in generate(3 * PARALLEL_MIN_ITEMS + 5, seed=3):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # a finding in a middle batch
    files = sorted(folder.glob("*.txt"))
    dumps, shown = [], []
    for jobs in (1, 2):
        found: list[Diagnostic] = []
        ticks: list[Path] = []
        with Library(location(new_library(f"lib{jobs}.db"))) as lib:
            with lib.transaction():
                add_files(
                    lib, files, found.extend, ticks.append, batch=PARALLEL_MIN_ITEMS, jobs=jobs
                )
            dumps.append(lib.dump())
        shown.append(([d.format() for d in found], sorted(ticks)))
        assert sorted(ticks) == files
    assert dumps[0] == dumps[1] and shown[0] == shown[1]
    assert any(d.endswith("file is empty") for d in shown[0][0])


def test_a_replacement_is_not_read_past(tmp_path: Path, new_library: NewLibrary) -> None:
    """Replacing an article forgets what the library knew of its files: a file of the next
    batch it forgets is read after the replacement, as consecutive adds read it."""
    from refs.cli.intake import _Corrections

    old, new = tmp_path / "b.txt", tmp_path / "a.txt"  # the correction comes first
    text = SEED0.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("Gore aid discusses", "Gore aide discusses"), encoding="utf-8")
    dumps = []
    for together in (True, False):
        with Library(location(new_library(f"lib-{together}.db"))) as lib:
            run_add(lib, [old])
            replacing = _Corrections(replace=True).prepare
            with lib.transaction():
                if together:
                    add_files(
                        lib, [new, old], lambda _: None, batch=1, prepare=replacing, ahead=False
                    )
                else:
                    for file in (new, old):
                        add_files(lib, [file], lambda _: None, prepare=replacing)
            dumps.append(lib.dump())
    assert dumps[0] == dumps[1]


LATE = Path(__file__).resolve().parent.parent / "data" / "care" / "late_issue.txt"


def test_a_guessed_year_names_the_key_the_library_gives(
    tmp_path: Path, new_library: NewLibrary
) -> None:
    """S008 says which key to edit: the library's, not the one the batch alone would give
    (a reference already holding that key makes the new one's key another)."""
    other = tmp_path / "other.txt"
    other.write_text(
        LATE.read_text().replace(
            "Kim Dae-jung urges Bush to engage Pyongyang, Yonhap, March 1",
            "Kim Dae-jung meets Powell in Washington, Yonhap, February 7",
        )
    )
    with Library(location(new_library("lib.db"))) as lib:
        run_add(lib, [other])
        taken = {r.key for r in lib.references() if r.outlet == "Yonhap"}
        shown: list[Diagnostic] = []
        with lib.transaction():
            add_files(lib, [LATE], shown.extend)
        late = {r.key for r in lib.references() if r.outlet == "Yonhap"} - taken
        (guess,) = [d for d in shown if d.code == "S008"]
        (key,) = late
        assert guess.hint == f"if it is wrong: refs edit {key} --set issued=YYYY-MM-DD"
        # the key the article alone would have had is the other reference's
        assert {k.rstrip("ab") for k in taken} == {key.rstrip("ab")}
