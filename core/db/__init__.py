"""The project's database: settings, engine and sessions, models, migrations, validated values.

Why a top-level package: the action server (question log, call-backs), the staff console, the
migrations, retention and erasure, the tests and the bench all use the same tables; none of
them should depend on another's code to reach the database. SQLAlchemy 1.4 in 2.0 style.
"""
