"""Synthetic articles shaped like the seeds, for benchmarks (deterministic for a seed).

python -m bench.corpus OUTDIR --articles 10000
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

from refs.dates import MONTH_NAMES as MONTHS

OUTLETS = [
    "Associated Press",
    "AP",
    "Reuters",
    "Reuter News Reports",
    "Agence France-Presse",
    "AFP",
    "UPI",
    "Itar-Tass",
    "Interfax",
    "Xinhua",
    "Kyodo",
    "KCNA",
    "BBC News Online",
    "US State Department (Washington File)",
    "The White House",
    "Russian Foreign Ministry",
    "OMRI Daily Digest, No. 221, Part I",
    "Jane's Defence Weekly",
    "The Washington Post",
]
SUBJECTS = [
    "Putin",
    "Albright",
    "Clinton",
    "Kim Jong-il",
    "Cohen",
    "Ivanov",
    "Annan",
    "Blix",
    "North Korea",
    "N. Korea",
    "Russia",
    "China",
    "Iran",
    "Iraq",
    "India",
    "Pakistan",
    "NATO",
]
VERBS = ["says", "warns", "urges", "rejects", "welcomes", "discusses", "denies", "proposes"]
OBJECTS = [
    "missile talks",
    "test ban",
    "arms control deal",
    "nuclear programme",
    "missile defence",
    "inspections",
    "sanctions",
    "satellite launches",
    "export controls",
    "fissile cut-off",
]
PREFIXES = ["", "", "", "", "Transcript - ", "Text - ", "Background briefing: "]
NAV = (
    "Text Only | Disarmament Diplomacy | Disarmament Documentation | ACRONYM Reports\n"
    "Back to the Acronym home page\nBritish Policy\nSouth Asia\nAbout Acronym\n\n"
)
SENTENCE = (
    'On {month} {day}, {subject} {verb} the {obj}, telling reporters that "the {obj} '
    'remain a matter of the utmost importance for {other}."'
)


def _title(rng: random.Random) -> str:
    title = (
        f"{rng.choice(PREFIXES)}{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    )
    if rng.random() < 0.2:
        title = f"{rng.choice(SUBJECTS)}, {title}"
    return title


def article(rng: random.Random, number: int) -> str:
    year = rng.randint(1996, 2010)
    month = rng.randint(1, 12)
    entries = []
    body = []
    for _ in range(rng.randint(6, 14)):
        m = month if rng.random() < 0.6 else (month - 2) % 12 + 1
        day = rng.randint(1, 28)
        form = rng.random()
        date = f"{day} {MONTHS[m - 1]}" if form < 0.1 else f"{MONTHS[m - 1]} {day}"
        entries.append(f"{_title(rng)}, {rng.choice(OUTLETS)}, {date}")
        body.append(
            SENTENCE.format(
                month=MONTHS[m - 1],
                day=day,
                subject=rng.choice(SUBJECTS),
                verb=rng.choice(VERBS),
                obj=rng.choice(OBJECTS),
                other=rng.choice(SUBJECTS),
            )
        )
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    title = (
        f"{rng.choice(SUBJECTS)} and {rng.choice(SUBJECTS)} Discuss {rng.choice(OBJECTS).title()}"
    )
    return (
        f"{NAV}Disarmament Diplomacy\n\nIssue No. {number}, {MONTHS[month - 1]} {year}\n\n"
        f"{title}\n\n" + "\n\n".join(paragraphs) + "\n\nReports: " + "; ".join(entries) + ".\n\n"
        f"© {year} The Acronym Institute.\n\nReturn to top of page\n"
    )


def generate(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """(file name, text) of ``n`` synthetic articles."""
    rng = random.Random(seed)
    for i in range(n):
        yield f"{i:06d}.txt", article(rng, 1 + i % 120)


def write_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """Write the corpus into ``folder`` (reused when it is already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{n}-{seed}"
    paths = [folder / name for name, _ in ((f"{i:06d}.txt", None) for i in range(n))]
    if marker.exists():
        return paths
    for name, text in generate(n, seed):
        (folder / name).write_text(text, encoding="utf-8")
    marker.touch()
    return paths


def write_tree(folder: Path, n: int, seed: int = 1, per_folder: int = 1000) -> Path:
    """The corpus as folders of ``per_folder`` files (``000/000123.txt``), written one
    file at a time (memory stays flat for 10^6 articles); reused when complete."""
    marker = folder / f".complete-{n}-{seed}"
    if marker.exists():
        return folder
    for i, (name, text) in enumerate(generate(n, seed)):
        sub = folder / f"{i // per_folder:03d}"
        if i % per_folder == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8")
    marker.touch()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.outdir, args.articles, args.seed)
    print(f"{args.articles} articles in {args.outdir}")


if __name__ == "__main__":
    main()
