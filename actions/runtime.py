"""What the action server sets up once per process: settings, contact details, log writer.

Imported by the action modules, so it runs when `rasa run actions` starts; that is when the
missing contact details are reported.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from sqlalchemy.exc import SQLAlchemyError

from actions.contact import ContactDetails, load_contact_details, report_missing
from question_log.backfill import BACKFILL_INTERVAL, backfill
from question_log.spool import Spool
from question_log.writer import LogWriter
from storage.settings import load_settings

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def log_writer() -> LogWriter:
    settings = load_settings()
    # The first back-fill after a start looks back a day (the action server may have been down
    # that long); later ones only need the last two intervals, so the transcripts are not
    # re-read every five minutes.
    windows = iter([24.0])

    def periodic_backfill(writer: LogWriter) -> int:
        hours = next(windows, 2 * BACKFILL_INTERVAL / 3600)
        return backfill(writer, settings.database_url, hours)

    return LogWriter(
        Spool(settings.spool_dir),
        settings.database_url,
        settings.flush_interval_seconds,
        periodic=periodic_backfill,
        periodic_interval=BACKFILL_INTERVAL,
        on_start=report_quarantine,
    )


def report_quarantine(writer: LogWriter) -> None:
    """When the writer starts, say how many log entries wait in quarantine.

    Why: a quarantined entry is a question or call-back request that is not where staff look
    for it; someone has to read the reason (staff console, /admin/quarantine) and act.
    """
    try:
        count = writer.quarantine.count()
    except SQLAlchemyError as error:
        logger.warning(
            "Question log: quarantine not counted, database unavailable (%s)",
            type(error).__name__,
        )
        return
    level = logging.WARNING if count else logging.INFO
    logger.log(level, "Question log: %d entries in quarantine", count)


@lru_cache(maxsize=1)
def contact_details() -> ContactDetails:
    path = load_settings().contact_config
    details = load_contact_details(path)
    report_missing(details, path)
    return details
