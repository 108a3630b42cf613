"""A small SVG writer for the library page's pictures: shapes and text with every value
escaped, numbers rounded, so that the output is deterministic and safe to inline."""

from __future__ import annotations

from html import escape


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _attrs(attrs: dict[str, object]) -> str:
    parts = []
    for name, value in attrs.items():
        shown = _num(value) if isinstance(value, float) else str(value)
        parts.append(f'{name.replace("_", "-")}="{escape(shown)}"')
    return " ".join(parts)


def rect(x: float, y: float, w: float, h: float, fill: str, title: str = "") -> str:
    tip = f"<title>{escape(title)}</title>" if title else ""
    return f"<rect {_attrs({'x': x, 'y': y, 'width': w, 'height': h, 'fill': fill})}>{tip}</rect>"


def circle(cx: float, cy: float, r: float, fill: str, title: str = "") -> str:
    tip = f"<title>{escape(title)}</title>" if title else ""
    return f"<circle {_attrs({'cx': cx, 'cy': cy, 'r': r, 'fill': fill})}>{tip}</circle>"


def line(x1: float, y1: float, x2: float, y2: float, stroke: str = "#999") -> str:
    return f"<line {_attrs({'x1': x1, 'y1': y1, 'x2': x2, 'y2': y2, 'stroke': stroke})}/>"


def text(x: float, y: float, content: str, anchor: str = "start", size: int = 11) -> str:
    attrs = {"x": x, "y": y, "text_anchor": anchor, "font_size": size}
    return f"<text {_attrs(attrs)}>{escape(content)}</text>"


def svg(width: float, height: float, body: list[str], label: str) -> str:
    """A whole picture, sized in pixels, with an accessible name."""
    size = {"width": width, "height": height, "viewBox": f"0 0 {_num(width)} {_num(height)}"}
    head = f'<svg xmlns="http://www.w3.org/2000/svg" {_attrs(size)} role="img"'
    return f'{head} aria-label="{escape(label)}">' + "".join(body) + "</svg>"


def shade(share: float) -> str:
    """A blue from pale (0) to deep (1)."""
    share = min(max(share, 0.0), 1.0)
    r, g, b = (int(235 - 200 * share), int(242 - 150 * share), int(255 - 80 * share))
    return f"#{r:02x}{g:02x}{b:02x}"
