"""Errors the services raise; each carries enough for the window or the command line to say
what went wrong, in the press officer's language, without a traceback."""

from __future__ import annotations

from fiac_press_desk.domain.messages import render


class PressDeskError(Exception):
    """Base of every error the application expects and reports to the user."""


class ValidationError(PressDeskError):
    """Invalid input; `field` names the offending field (e.g. ``emails[1]``, ``deadline``)."""

    def __init__(self, field: str, code: str, **params: object) -> None:
        self.field = field
        self.code = code
        self.params = params
        super().__init__(f"{field}: {self.message}")

    @property
    def message(self) -> str:
        """The message in the current language (rendered when read: the language may change)."""
        return render(self.code, **self.params)


class NotFoundError(PressDeskError):
    """The record asked for does not exist (any more)."""

    def __init__(self, entity: str, entity_id: object) -> None:
        self.entity = entity
        self.entity_id = entity_id
        super().__init__(render("not_found", entity=entity, id=entity_id))


class ConflictError(PressDeskError):
    """A write that would break a uniqueness rule (same list name, same release reference...)."""

    def __init__(self, field: str, code: str, **params: object) -> None:
        self.field = field
        self.code = code
        self.params = params
        super().__init__(f"{field}: {render(code, **params)}")


class DatabaseError(PressDeskError):
    """The database cannot be opened or used (corrupt, locked, read-only, newer schema)."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer release of the desk: opening it could lose data."""
