"""FIAC Press Desk: a desktop press-relations manager for one press office."""

__version__ = "0.1.0"
APP_NAME = "FIAC Press Desk"
APP_ID = "fiac-press-desk"
ORG_NAME = "FIAC"
