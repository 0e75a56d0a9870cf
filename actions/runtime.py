"""What the action server sets up once per process: contact details and the log writer.

Imported by the action modules, so it runs when the action server starts; that is when the
missing contact details are reported.
"""

from __future__ import annotations

from functools import lru_cache

from core.question_log.service import build_log_writer
from core.question_log.writer import LogWriter
from core.settings import load_settings
from core.vocabulary.contact import ContactDetails, load_contact_details, report_missing


@lru_cache(maxsize=1)
def log_writer() -> LogWriter:
    return build_log_writer(load_settings())


@lru_cache(maxsize=1)
def contact_details() -> ContactDetails:
    path = load_settings().contact_config
    details = load_contact_details(path)
    report_missing(details, path)
    return details
