"""Word lists for the rule-based name finder: places, organisation words, titles."""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of ``text`` (word lists kept readable)."""
    return tuple(text.split())


PLACES = frozenset(
    words(
        """
        Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria
        Azerbaijan Bahrain Bangladesh Belarus Belgium Bosnia Brazil Britain Bulgaria
        Burma Cambodia Canada Chile China Colombia Croatia Cuba Cyprus Czechia Denmark
        Egypt England Estonia Ethiopia Europe Finland France Georgia Germany Ghana
        Greece Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan
        Jordan Kazakhstan Kenya Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya
        Lithuania Malaysia Mexico Moldova Mongolia Morocco Myanmar Nepal Netherlands
        Nigeria Norway Oman Pakistan Palestine Peru Philippines Poland Portugal Qatar
        Romania Russia Scotland Serbia Singapore Slovakia Slovenia Somalia Spain Sudan
        Sweden Switzerland Syria Taiwan Tajikistan Thailand Tunisia Turkey Turkmenistan
        Ukraine Uzbekistan Venezuela Vietnam Wales Yemen Yugoslavia Zimbabwe Asia Africa
        America Antarctica Arctic Balkans Caucasus Pacific Atlantic Gulf Washington
        Moscow Beijing Pyongyang Seoul Tokyo London Paris Berlin Brussels Geneva Vienna
        Rome Bangkok Delhi Islamabad Tehran Baghdad Jerusalem Cairo Kiev Kyiv Minsk
        Ankara Manila Jakarta Hanoi Canberra Ottawa Hague Stockholm Oslo Helsinki Warsaw
        Prague Budapest Bucharest Sofia Belgrade Athens Madrid Lisbon Dublin Havana
        Caracas Brasilia
        """
    )
) | frozenset(
    [
        "North Korea", "South Korea", "United States", "United Kingdom", "Kuala Lumpur",
        "East Asia", "South Asia", "Middle East", "New York", "New Delhi", "Hong Kong",
        "Saudi Arabia", "South Africa", "Soviet Union", "Sri Lanka", "New Zealand",
        "Persian Gulf", "Korean Peninsula", "Taiwan Strait", "West Bank", "Gaza",
    ]
)  # fmt: skip

PLACE_ACRONYMS = {
    "US": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "DPRK": "North Korea",
    "ROK": "South Korea",
    "PRC": "China",
    "USSR": "Soviet Union",
}

ORG_ACRONYMS = frozenset(
    words(
        """
        UN EU NATO IAEA OSCE ASEAN WTO IMF OPEC CIA FBI NSA KEDO CTBTO OPCW WHO AP AFP
        BBC CNN
        """
    )
)

ORG_WORDS = frozenset(
    words(
        """
        Ministry Department Club House Union Agency Press Council Committee Institute
        Office Party Commission Organization Organisation Administration Senate Congress
        Parliament Assembly Pentagon Reuters Interfax Xinhua Kyodo Yonhap Itar-Tass
        Times Post Herald Journal Guardian Telegraph Bank Corporation Company Group
        Association Federation Foundation University College Court Forum Network Service
        Services Treaty Framework Alliance Coalition Army Navy Force Forces Command
        Staff Centre Center Conference Summit Ministry's Department's Digest File Bureau
        Embassy Mission Secretariat Board Kremlin
        """
    )
)

TITLE_WORDS = frozenset(
    words(
        """
        President Vice Secretary Minister Foreign Defense Defence Prime Chairman
        Chairwoman Leader Spokesperson Spokesman Spokeswoman Ambassador General Senator
        Representative Mr Mrs Ms Dr Under Assistant Deputy Chief Former King Queen
        Prince Premier Chancellor Governor Mayor Commissioner Director Envoy Admiral
        Colonel Lieutenant Captain Major Sergeant Professor Judge Justice Pope Cardinal
        Bishop Sheikh Emir Sultan Lord Lady Sir Commander Marshal Delegate Negotiator
        Adviser Advisor Official Officials State Executive Head Speaker Congressman
        Congresswoman Gen Sen Rep Gov Lt Col Capt Adm Prof
        """
    )
)
