"""The desk's own lines of text about a contact, each declared once, on ``ContactData``.

Most fields of a contact have a place of their own in vCard and in other programs' sheets
(names, outlet, emails...) and are written out by hand, one by one. The others are text the
press office keeps for itself (where the data came from, a person's pronouns): for those, the
declaration ``own_text(...)`` on the ``ContactData`` field says everything the rest of the desk
needs, and nothing else has to change when one is added (HACKING.md, "Where a new field
goes"): the storage gateway gives it a column and maps it, validation trims it and checks its
length, a merge fills it when empty, the exports write it (JSON key, spreadsheet column,
``X-FIAC-*`` vCard property) and the imports read it back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cache
from typing import Any

_KEY = "fiac_own_text"


@dataclass(frozen=True)
class OwnText:
    """How one of the desk's own text fields is stored and travels."""

    max_length: int
    headers: tuple[str, str]  # the spreadsheet column's header: French, English
    aliases: tuple[str, ...] = ()  # other headers a spreadsheet import reads as this field
    width: float = 20  # the spreadsheet column's width, in characters
    optional: bool = True  # the column is written only when some exported contact has a value
    name: str = ""  # the ContactData field (filled in by ``own_fields``)

    @property
    def vcard_property(self) -> str:
        """``X-FIAC-DATA-SOURCE`` for ``data_source``: other programs keep and ignore it."""
        return "X-FIAC-" + self.name.upper().replace("_", "-")


def own_text(
    max_length: int,
    headers: tuple[str, str],
    *,
    aliases: tuple[str, ...] = (),
    width: float = 20,
    optional: bool = True,
) -> Any:
    """The default ("") of a ``ContactData`` field that is one of the desk's own texts.

    Typed ``Any`` as ``dataclasses.field`` is, so that ``name: str = own_text(...)`` reads as
    the plain field it is."""
    spec = OwnText(max_length, headers, aliases, width, optional)
    return field(default="", metadata={_KEY: spec})


@cache
def own_fields(cls: type) -> tuple[OwnText, ...]:
    """The own texts declared on the dataclass ``cls``, in the order of its fields."""
    return tuple(
        dataclasses.replace(f.metadata[_KEY], name=f.name)
        for f in dataclasses.fields(cls)
        if _KEY in f.metadata
    )
