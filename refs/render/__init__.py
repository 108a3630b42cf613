"""Rendering with citeproc-py and a conformance layer that makes its output match the
reference CSL processor (citeproc-js)."""

from refs.render.engine import Entry, Rendered, render
from refs.render.styles import load_style, short_names

__all__ = ["Entry", "Rendered", "load_style", "render", "short_names"]
