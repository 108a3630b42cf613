"""A varied library for the consumer matrix: wire stories, newspaper and magazine
items, speeches, interviews, broadcasts, documents, web pages, corporate names that hold
"and", non-Latin titles and outlets, year-less dates, and text with LaTeX specials."""

from __future__ import annotations

from refs.models import LibraryReference, PartialDate


def _d(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate:
    return PartialDate(year=year, month=month, day=day)


def varied_refs() -> list[LibraryReference]:
    """Invented references, one of each shape that the exports must carry."""
    ref = LibraryReference
    return [
        ref(
            key="ap2000kim",
            title="Kim indicates he would halt missiles",
            outlet="Associated Press",
            container_title="Associated Press",
            issued=_d(2000, 10, 24),
        ),
        ref(
            key="reuters2000talks",
            title="Russia, North Korea - US missile fears groundless",
            outlet="Reuters",
            container_title="Reuters",
            issued=_d(2000, 7, 19),
        ),
        ref(
            key="nyt1999senate",
            title="Senate rejects the test ban treaty",
            outlet="New York Times",
            container_title="New York Times",
            issued=_d(1999, 10, 14),
        ),
        ref(
            key="economist1998india",
            title="India's nuclear tests: the fallout",
            outlet="The Economist",
            container_title="The Economist",
            type="article-magazine",
            issued=_d(1998, 5),
        ),
        ref(
            key="jones2000arms",
            title="Arms control after the summit",
            outlet="Arms Control Today",
            container_title="Arms Control Today",
            type="article-journal",
            issued=_d(2000, 6),
        ),
        ref(
            key="state2000briefing",
            title="Daily press briefing on the Geneva round",
            outlet="US State Department (Washington File)",
            publisher="US State Department",
            container_title="Washington File",
            type="speech",
            issued=_d(2000, 3, 9),
        ),
        ref(
            key="cohen2000remarks",
            title="Remarks at the National Press Club",
            outlet="US Department of Defense",
            publisher="US Department of Defense",
            type="speech",
            issued=_d(2000, 5, 2),
        ),
        ref(
            key="bbc2000interview",
            title="Interview with the foreign minister",
            outlet="BBC Radio 4",
            publisher="BBC",
            container_title="Today",
            type="interview",
            issued=_d(2000, 4, 11),
        ),
        ref(
            key="cnn2000broadcast",
            title="Late edition: the missile defence debate",
            outlet="CNN",
            publisher="CNN",
            type="broadcast",
            issued=_d(2000, 7, 9),
        ),
        ref(
            key="dsc2000statement",
            title="Statement on the conference outcome",
            outlet="Disarmament and Security Centre",
            publisher="Disarmament and Security Centre",
            type="document",
            issued=_d(2000, 5, 20),
        ),
        ref(
            key="sipri2000yearbook",
            title="Armaments, disarmament and international security",
            outlet="Stockholm International Peace Research Institute",
            publisher="Stockholm International Peace Research Institute",
            type="report",
            issued=_d(2000),
        ),
        ref(
            key="nti2000page",
            title="Country profiles: North Korea",
            outlet="Nuclear Threat Initiative",
            container_title="Nuclear Threat Initiative",
            type="webpage",
            issued=_d(2000, 9, 1),
        ),
        ref(
            key="izvestia2000sdelka",
            title="Сделка века: Москва и Вашингтон",
            outlet="Известия",
            container_title="Известия",
            issued=_d(2000, 6, 3),
        ),
        ref(
            key="renmin2000daodan",
            title="美国导弹防御计划遭到批评",
            outlet="人民日报",
            container_title="人民日报",
            issued=_d(2000, 7, 12),
        ),
        ref(
            key="tass2000undated",
            title="Moscow warns on ABM treaty",
            outlet="ITAR-TASS",
            container_title="ITAR-TASS",
            issued=_d(None, 3, 5),
        ),
        ref(
            key="interfax2000march",
            title="Duma debates START II",
            outlet="Interfax",
            container_title="Interfax",
            issued=_d(None, 3),
        ),
        ref(
            key="afp2000specials",
            title="Budget cut 10% & R_D costs up $5 #1",
            outlet="Agence France-Presse",
            container_title="Agence France-Presse",
            issued=_d(2000, 2, 29),
        ),
        ref(
            key="procter2000memo",
            title="Memorandum to shareholders",
            outlet="Procter and Gamble",
            publisher="Procter and Gamble",
            type="document",
            issued=_d(2000, 1, 15),
        ),
        ref(key="undated", title="Undated note", outlet="Unknown Desk"),
    ]
