#!/usr/bin/env bash
# Prepare the database and the endpoints file, then start the action server, the Rasa server,
# the demo site and the staff console (ops/launcher.py), print where they are, then chat in
# this terminal (when run interactively) or keep serving until Ctrl-C or SIGTERM.
# Called by `make run`, which has already installed everything and trained the model.
set -euo pipefail
cd "$(dirname "$0")/.."

RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
SITE_PORT="${SITE_PORT:-8080}"
STAFF_PORT="${STAFF_PORT:-8090}"
# The public address of the assistant as the website sees it, and the website origins allowed
# to call it (CORS); in production set both to the hospital's real addresses.
ASSISTANT_PUBLIC_URL="${ASSISTANT_PUBLIC_URL:-http://localhost:${RASA_PORT}}"
ALLOWED_ORIGINS="${ALLOWED_ORIGINS:-http://localhost:${SITE_PORT} http://127.0.0.1:${SITE_PORT}}"
# Logs, the endpoints file and the launcher's record of its servers (run.json).
RUN_DIR="${RUN_DIR:-var}"
LOG_DIR="$RUN_DIR/log"
# Everything under var/ (database, spool, logs, secrets) holds patients' data or keys:
# readable by this user only, including what earlier runs left with wider modes.
umask 077
mkdir -p var "$LOG_DIR"
chmod 700 var "$RUN_DIR" "$LOG_DIR"
find var -maxdepth 2 -type f \( -name '*.db*' -o -name '*.log' -o -name '*.key' \) -exec chmod 600 {} +

# One database for the question log, callback requests and Rasa's transcripts (tracker
# store): DATABASE_URL, by default a SQLite file in var/. Bring its schema up to date, then
# write the endpoints file that points Rasa at it and at the action server.
ENDPOINTS="$RUN_DIR/endpoints.yml"
.venv/bin/python -m core.db.migrate
.venv/bin/python -m ops.endpoints "$ENDPOINTS" --action-url "http://localhost:${ACTION_PORT}"

# Hand over to the launcher (ops/launcher.py, the same process handling as `make cluster`):
# it stops what an earlier, killed run left, starts the action server (loopback only, token
# required; kept running), Rasa, the demo site and the staff console, each logging to
# $LOG_DIR/, waits until all answer, then chats in this terminal (when interactive) or serves
# until stopped. SIGTERM or Ctrl-C stops every server it started.
# ALLOWED_ORIGINS is read by the channels too (addons/channels/origins.py).
export ALLOWED_ORIGINS
# shellcheck disable=SC2086 # ALLOWED_ORIGINS is a space-separated list of origins
exec .venv/bin/python -m ops.launcher --run-dir "$RUN_DIR" --endpoints "$ENDPOINTS" \
  --rasa-port "$RASA_PORT" --action-port "$ACTION_PORT" --site-port "$SITE_PORT" \
  --staff-port "$STAFF_PORT" --assistant-url "$ASSISTANT_PUBLIC_URL" --origins $ALLOWED_ORIGINS
