"""The command line every benchmark shares: run once per size given (repeatable flag)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def main_over_sizes(doc: str | None, flag: str, default: int, run: Callable[[int], None]) -> None:
    """``python -m bench.X --FLAG N [--FLAG M ...]``: call ``run(n)`` for each size."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument(f"--{flag}", type=int, action="append", dest="sizes")
    for n in parser.parse_args().sizes or [default]:
        run(n)
