from __future__ import annotations

import pytest

from refs.outlets import fold, is_known, resolve


@pytest.mark.parametrize(
    ("cited", "canonical"),
    [
        ("AP", "Associated Press"),
        ("Associated Press", "Associated Press"),
        ("AP Datastream Washington News Wire", "Associated Press"),
        ("AP Online International News Wire", "Associated Press"),
        ("Reuter News Reports", "Reuters"),
        ("Reuters World Service", "Reuters"),
        ("AFP", "Agence France-Presse"),
        ("Agence France-Presse International News", "Agence France-Presse"),
        ("UPI", "United Press International"),
        ("USIS", "United States Information Service"),
        ("United States Information Service", "United States Information Service"),
        ("Interfax", "Interfax"),
        ("ITAR-TASS", "Itar-Tass"),
        ("Xinhua", "Xinhua"),
        ("Kyodo", "Kyodo"),
        ("KCNA", "Korean Central News Agency"),
        ("BBC News Online", "BBC News Online"),
        ("Washington File", "Washington File"),
        ("US State Department (Washington File)", "Washington File"),
        ("OMRI Daily Digest, No. 221, Part I", "OMRI Daily Digest"),
        (
            "provided by the Disarmament and Security Centre, New Zealand",
            "Disarmament and Security Centre",
        ),
    ],
)
def test_aliases(cited: str, canonical: str) -> None:
    assert resolve(cited).name == canonical
    assert resolve(cited).known


def test_split_and_types() -> None:
    wf = resolve("US State Department (Washington File)")
    assert (wf.publisher, wf.container) == ("US State Department", "Washington File")
    post = resolve("US State Department (Washington Post)")
    assert (post.publisher, post.container, post.known) == (
        "US State Department",
        "Washington Post",
        False,
    )
    assert resolve("The White House").publisher == "The White House"
    assert resolve("The White House").container is None
    assert resolve("Associated Press").container == "Associated Press"


def test_unknown_outlets_still_resolve() -> None:
    ministry = resolve("Ukrainian Ministry of Defence")
    assert ministry.publisher == "Ukrainian Ministry of Defence" and ministry.type == "document"
    paper = resolve("Le Monde")
    assert paper.container == "Le Monde" and paper.type == "article-newspaper"
    assert paper.abbrev == "lm" and not paper.known


def test_fold() -> None:
    assert fold("  Agence France-Presse!! ") == "agence france presse"
    assert is_known("agence france presse")
