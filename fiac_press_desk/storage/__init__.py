"""SQLAlchemy 2.0 storage: engine and sessions, ORM tables, Alembic migrations, search index."""
