"""Quick capture: what a pasted link or text gives, read locally."""

from __future__ import annotations

from datetime import date

from fiac_press_desk.domain.coverage import Medium
from fiac_press_desk.domain.coverage_guess import guess, host_of

OUTLETS = [
    ("Le Quotidien de la Santé", "https://le-quotidien-de-la-sante.example.org"),
    ("Onco Actu", "www.onco.example.org"),
    ("Sans site", ""),
]


def test_a_link_names_outlet_date_and_title() -> None:
    found = guess(
        "https://www.le-quotidien-de-la-sante.example.org/sante/2026/03/04/"
        "l-ia-au-chevet-des-patients_6212345.html",
        OUTLETS,
    )
    assert found.outlet == "Le Quotidien de la Santé"
    assert found.published_on == date(2026, 3, 4)
    assert found.title == "L ia au chevet des patients"
    assert found.medium is Medium.WEB


def test_a_subdomain_still_names_the_outlet_and_social_hosts_are_social() -> None:
    assert guess("https://regions.onco.example.org/a", OUTLETS).outlet == "Onco Actu"
    post = guess("https://x.com/oncoactu/status/123", OUTLETS)
    assert post.medium is Medium.SOCIAL and post.outlet == ""


def test_pasted_text_gives_first_line_and_its_date() -> None:
    text = (
        "Données de santé : la filière passe à l'échelle européenne\n"
        "Par Éloïse Lefèvre, publié le 1er mars 2026 à 10 h\n"
        "Lire : https://onco.example.org/reseau."
    )
    found = guess(text, OUTLETS)
    assert found.title == "Données de santé : la filière passe à l'échelle européenne"
    assert found.published_on == date(2026, 3, 1)
    assert (found.link, found.outlet) == ("https://onco.example.org/reseau", "Onco Actu")
    assert guess("Brève du 04/03/2026").published_on == date(2026, 3, 4)


def test_nothing_known_gives_nothing() -> None:
    found = guess("   ")
    assert (found.link, found.title, found.outlet, found.published_on, found.medium) == (
        "",
        "",
        "",
        None,
        None,
    )
    assert guess("https://unknown.example.net/2026/02/30/x").published_on is None
    assert host_of("WWW.Example.org") == "example.org"
