"""Contacts with planted duplicates, for the duplicates page, the merge dialog and the form's
warning tests (a helper module, not a test module)."""

from __future__ import annotations

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.services import Services


def plant(services: Services) -> dict[str, int]:
    """Two pairs of one person each, and someone alone."""
    make = services.contacts.create
    return {
        "camille": make(
            ContactData(
                given_name="Camille",
                family_name="Dupont",
                organization="Le Quotidien",
                job_title="Journaliste santé",
                emails=[EmailAddress("camille.dupont@lequotidien.fr", "work")],
                phones=[Phone("06 11 22 33 44", "mobile")],
                tags=["santé"],
            )
        ),
        "camille2": make(
            ContactData(
                given_name="Camille",
                family_name="Dupond",
                organization="Le Quotidien",
                job_title="Cheffe de rubrique",
                emails=[EmailAddress("camille.d@gmail.com", "home")],
                phones=[Phone("06 11 22 33 44", "mobile")],
                tags=["portrait"],
            )
        ),
        "hugo": make(
            ContactData(
                given_name="Hugo",
                family_name="Martin",
                organization="Radio Sud",
                emails=[EmailAddress("hugo.martin@gmail.com")],
            )
        ),
        "hugo2": make(
            ContactData(
                given_name="Martin",
                family_name="Hugo",
                emails=[EmailAddress("h.u.g.o.martin+presse@gmail.com")],
            )
        ),
        "zoe": make(
            ContactData(
                given_name="Zoé",
                family_name="Faure",
                organization="L'Écho",
                emails=[EmailAddress("zoe.faure@echo.fr")],
            )
        ),
    }
