"""Name lists as citeproc-js prints them (refs/render/elements/name_list.py, items.py)."""

from __future__ import annotations

from typing import Any

from refs.render.engine import CiteSpec, render_clusters
from refs.render.loader import Style


def _style(name: str, citation: str = "") -> Style:
    return Style(
        f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title></info>
  <citation {citation}><layout delimiter="; ">
    <names variable="author">{name}</names>
  </layout></citation>
</style>""".encode(),
        "t",
    )


def _cite(names: list[dict[str, Any]], name: str, citation: str = "") -> str:
    items = [{"id": "a", "type": "book", "author": names}]
    out = render_clusters(items, _style(name, citation), [[CiteSpec("a")]])
    return out.citations[0].text


J, B, C = {"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Bo"}, {"family": "Li"}


def test_et_al_only_when_names_are_left_out() -> None:
    name = '<name et-al-min="3" et-al-use-first="3" and="text"/>'
    assert _cite([J, B, C], name) == "John Doe, Bo Roe, and Li"
    name = '<name et-al-min="3" et-al-use-first="2"/>'
    assert _cite([J, B, C], name) == "John Doe, Bo Roe, et al."
    assert _cite([J, B, C], '<name et-al-min="3" et-al-use-first="1"/>') == "John Doe et al."


def test_delimiter_after_inverted_name() -> None:
    name = (
        '<name name-as-sort-order="first" and="symbol" '
        'delimiter-precedes-last="after-inverted-name"/>'
    )
    assert _cite([J, B], name) == "Doe, John, & Bo Roe"
    assert _cite([{"literal": "Acme Inc."}, B], name) == "Acme Inc. & Bo Roe"


def test_suffixes_particles_and_quoted_family_names() -> None:
    assert _cite([{"family": "Doe", "given": "John, III"}], "<name/>") == "John Doe III"
    assert _cite([{"family": "Doe", "given": "John,! Jr."}], "<name/>") == "John Doe, Jr."
    with_comma = {"family": "Doe", "given": "John", "suffix": "Jr.", "comma-suffix": True}
    assert _cite([with_comma], "<name/>") == "John Doe, Jr."
    assert _cite([{"family": "Jones", "given": "John d'"}], "<name/>") == "John d\u2019Jones"
    assert _cite([{"family": '"Van Dyke"', "given": "Dick"}], "<name/>") == "Dick Van Dyke"


def test_name_part_formatting_leaves_particles_their_own() -> None:
    name = '<name><name-part name="family" text-case="uppercase"/></name>'
    meer = {"family": "Meer", "given": "Gerard", "dropping-particle": "van"}
    assert _cite([{**meer, "non-dropping-particle": "der"}], name) == "Gerard van DER MEER"


def test_only_a_given_name_is_not_initialised() -> None:
    assert _cite([{"given": "Banksy"}], '<name initialize-with="."/>') == "Banksy"


def test_add_names_adds_only_names_that_tell_cites_apart() -> None:
    def item(key: str, second: str, third: str) -> dict[str, Any]:
        names = [{"family": f, "given": "J."} for f in ("Smith", second, third)]
        return {"id": key, "type": "book", "author": names, "issued": {"date-parts": [[1980]]}}

    style = Style(
        b"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title></info>
  <citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true">
    <layout delimiter="; "><group delimiter=" ">
      <names variable="author"><name form="short" and="symbol"/></names>
      <date variable="issued"><date-part name="year"/></date>
    </group></layout></citation>
</style>""",
        "t",
    )
    items = [item("a", "Brown", "Jones"), item("b", "Benson", "Jones"), item("c", "Brown", "Jones")]
    out = render_clusters(items, style, [[CiteSpec("a"), CiteSpec("b"), CiteSpec("c")]])
    # a and c read alike at every length: the third name would tell no one apart
    assert out.citations[0].text == (
        "Smith, Brown, et al. 1980; Smith, Benson, et al. 1980; Smith, Brown, et al. 1980"
    )
