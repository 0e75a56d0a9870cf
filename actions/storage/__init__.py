"""Database storage for the question log and callback requests (SQLAlchemy 1.4, 2.0 style)."""
