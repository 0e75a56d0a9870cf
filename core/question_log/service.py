"""The question-log writer as a service: store follower, spool, back-fill, start-up report.

Why here and not in the action server: the writer is started by the action server, but the
back-fill command (`python -m core.question_log`) and the tests build the same writer;
keeping its assembly in the shared core means none of them imports the action server.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from core.question_log.backfill import BACKFILL_INTERVAL, backfill
from core.question_log.follower import StoreFollower
from core.question_log.spool import Spool
from core.question_log.writer import LogWriter
from core.settings import Settings

logger = logging.getLogger(__name__)


def build_log_writer(settings: Settings) -> LogWriter:
    """A writer over the settings' spool and database that follows the tracker store.

    Every round (`flush_interval_seconds`) it logs the questions stored since the last one
    (follower.py); the back-fill is the net for what the follower could not see.

    The first back-fill after a start looks back a day (the action server may have been down
    that long); later ones only need the last two intervals, so the transcripts are not re-read
    every five minutes.
    """
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
        every_round=StoreFollower(settings.database_url).poll,
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
