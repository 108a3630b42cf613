"""Rendering benchmark: chicago-author-date bibliographies of 1,000 and 10,000 synthetic
entries rendered by refs and by citeproc-js (node + npm citeproc from .ci/node/), timed
in the same run, alternating (best of --repeats runs for sizes up to 2,000); prints
the ratio refs / citeproc-js. citeproc-js's time covers engine setup, updateItems (sort,
disambiguation) and makeBibliography; refs' covers the same work with the style parsed
once beforehand (the CLI caches parsed styles).

    python -m bench.render_bench --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import citeproc

from refs.render import load_style, render
from refs.render.styles import style_file

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
SCRIPT = ROOT / "tests" / "consumers" / "citeproc_js.js"
LOCALES = Path(citeproc.__file__).parent / "data" / "locales"

OUTLETS = ["Associated Press", "Reuters", "Interfax", "Itar-Tass", "Agence France-Presse"]
OFFICES = [("US State Department", "Washington File"), ("The White House", None)]
WORDS = "talks missile envoy treaty ratify test ban says offers urges warns on of the".split()
KINDS = ["interview", "speech", "document"]


def synthetic(n: int, seed: int = 11) -> list[dict[str, Any]]:
    """Items of our kinds: wire stories, transcripts, briefings; some month-only dates."""
    rng = random.Random(seed)
    items = []
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9))).capitalize()
        year, month = rng.randint(1995, 2002), rng.randint(1, 12)
        parts = [year, month] if rng.random() < 0.1 else [year, month, rng.randint(1, 28)]
        item: dict[str, Any] = {
            "id": f"i{i:06d}",
            "title": title,
            "issued": {"date-parts": [parts]},
        }
        if rng.random() < 0.7:
            item.update(type="article-newspaper", **{"container-title": rng.choice(OUTLETS)})
        else:
            publisher, container = rng.choice(OFFICES)
            item.update(type=rng.choice(KINDS), publisher=publisher)
            if container:
                item["container-title"] = container
        items.append(item)
    return items


def time_refs(items: list[dict[str, Any]]) -> float:
    style = load_style("chicago")
    start = time.perf_counter()
    out = render(items, style, "text")
    elapsed = time.perf_counter() - start
    assert len(out.entries) == len(items)
    return elapsed


def time_js(items_file: Path) -> float | None:
    if shutil.which("node") is None or not (NODE_MODULES / "citeproc").is_dir():
        return None
    env = dict(os.environ, NODE_PATH=str(NODE_MODULES))
    cmd = ["node", str(SCRIPT), str(style_file("chicago")), str(items_file), str(LOCALES)]
    proc = subprocess.run(
        [*cmd, "--bibliography-only"], capture_output=True, text=True, env=env, check=True
    )
    result = json.loads(proc.stdout)
    if result.get("error"):
        raise RuntimeError(result["error"])
    return float(result["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs per size, alternating; the best counts"
    )
    args = parser.parse_args()
    load_style("chicago")  # parse once, as the CLI's cache would
    print(f"{'entries':>8} {'refs s':>9} {'citeproc-js s':>14} {'refs/js':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            items = synthetic(size)
            path = Path(tmp) / f"items{size}.json"
            path.write_text(json.dumps(items), encoding="utf-8")
            repeats = args.repeats if size <= 2000 else 1
            js_runs, our_runs = [], []
            for _ in range(repeats):  # alternating, so both see the same machine load
                js_runs.append(time_js(path))
                our_runs.append(time_refs(items))
            js = None if None in js_runs else min(t for t in js_runs if t is not None)
            ours = min(our_runs)
            ratio = f"{ours / js:8.2f}" if js else "       -"
            js_text = f"{js:14.2f}" if js is not None else f"{'(no node)':>14}"
            print(f"{size:>8} {ours:9.2f} {js_text} {ratio}", flush=True)


if __name__ == "__main__":
    main()
