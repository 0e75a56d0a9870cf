"""The question log's pipeline, run inside the action server.

Why a package of its own: a question travels action -> spool (a durable local file) -> writer
(batched inserts into the shared database, quarantine for what cannot be written) and the
back-fill recovers from Rasa's transcripts whatever never reached the spool. The database
code these use is shared with the console and migrations and lives in `core/db/`.
"""
