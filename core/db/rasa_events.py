"""Rasa's tracker store table (`events`), described only as far as this project reads it.

Why here: the back-fill, retention, erasure, the staff console's transcript view, the tests and
the bench all read Rasa's rows; one description keeps them reading the same columns. Rasa
creates and owns the table; the project's migrations never touch it.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text

rasa_events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("data", Text),
)
