"""Entities, enums, value objects and validation: pure Python, no Qt, no database session."""
