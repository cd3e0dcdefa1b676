"""Use cases. Each public method is one transaction, recorded in the audit log, Qt-free."""

from fiac_press_desk.services.hub import Services

__all__ = ["Services"]
