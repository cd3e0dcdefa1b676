"""``contacts.edit``: an update that hands back the contact as it was, which ``restore``
writes back whole (the window's undo of an edit)."""

from __future__ import annotations

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.services import Services


def test_edit_returns_the_before_snapshot_that_restore_puts_back(services: Services) -> None:
    services.lists.create("Presse nationale")
    cid = services.contacts.create(
        ContactData(
            given_name="Amir",
            family_name="Benali",
            organization="Radio Hexagone",
            emails=[EmailAddress("amir@example.fr", "work")],
            tags=["VIP"],
            lists=["Presse nationale"],
        )
    )
    before = services.contacts.get(cid)
    changed = ContactData(
        given_name="Amir",
        family_name="Benali-Roux",
        organization="Le Quotidien de la Santé",
        emails=[EmailAddress("amir@quotidien.example", "work")],
    )
    snap = services.contacts.edit(cid, changed)
    now = services.contacts.get(cid)
    assert (now.family_name, now.tags, now.lists) == ("Benali-Roux", [], [])
    assert snap["id"] == cid and snap["data"]["family_name"] == "Benali"

    services.contacts.restore([snap])
    back = services.contacts.get(cid)
    for name in before.__dataclass_fields__:
        assert getattr(back, name) == getattr(before, name), name
