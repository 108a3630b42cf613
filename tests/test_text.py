"""Non-Latin text: keys transliterate it (anyascii); tables align it by display width."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from refs.keys import KeyRequest, base_key, is_valid_key, library_keys
from refs.models import PartialDate
from refs.report.table import table, width
from refs.text import to_latin

Y2000 = PartialDate(year=2000, month=6, day=3)


def test_keys_of_non_latin_titles_and_outlets_are_readable() -> None:
    assert base_key("Известия", Y2000, "Сделка века: Москва и Вашингтон") == ("izvestiya2000sdelka")
    # each Chinese syllable is a word: the outlet's initials, the title's first syllable
    assert base_key("人民日报", Y2000, "美国导弹防御计划遭到批评") == "rmrb2000mei"
    assert base_key("Ελευθεροτυπία", Y2000, "Πύραυλοι") == "eleytherotyp2000pyrayloi"
    assert base_key("Le Monde", Y2000, "Größe der Café-Gespräche") == "lm2000grosse"


def test_non_latin_references_no_longer_collide_into_untitled() -> None:
    requests = [
        KeyRequest(base_key(o, Y2000, t), t)
        for o, t in [("Известия", "Сделка века"), ("人民日报", "导弹"), ("Правда", "Договор")]
    ]
    keys = library_keys(requests)
    assert keys == ["izvestiya2000sdelka", "rmrb2000dao", "pravda2000dogovor"]
    assert all("untitled" not in k and "anon" not in k for k in keys)


def test_keys_already_given_never_change() -> None:
    taken = ["anon2000untitled"]  # a key given before transliteration stays taken
    (key,) = library_keys([KeyRequest("izvestiya2000sdelka", "x")], taken)
    assert key == "izvestiya2000sdelka" and taken == ["anon2000untitled"]


@given(st.text())
def test_any_text_gives_a_valid_key(text: str) -> None:
    assert is_valid_key(base_key(text or None, None, text))
    assert to_latin(text).isascii()


def test_tables_align_wide_characters() -> None:
    out = table(["outlet", "title"], [["人民日报", "a"], ["Известия", "b"], ["AP", "c"]])
    lines = out.splitlines()
    # the second column starts at the same display column on every line
    starts = [width(line[: line.rindex(" ") + 1]) for line in lines[2:]]
    assert starts == [10, 10, 10]
    assert width("人民日报") == 8 and width("Известия") == 8 and width("e\u0301") == 1
