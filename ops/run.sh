#!/usr/bin/env bash
# Start the action server and the Rasa server, wait until both answer, print where they are,
# then chat in this terminal (when run interactively) or keep serving until Ctrl-C.
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
LOG_DIR="var/log"
# Everything under var/ (database, spool, logs, secrets) holds patients' data or keys:
# readable by this user only, including what earlier runs left with wider modes.
umask 077
mkdir -p "$LOG_DIR"
chmod 700 var "$LOG_DIR"
find var -maxdepth 2 -type f \( -name '*.db*' -o -name '*.log' -o -name '*.key' \) -exec chmod 600 {} +

# One database for the question log, callback requests and Rasa's transcripts (tracker
# store): DATABASE_URL, by default a SQLite file in var/. Bring its schema up to date, then
# write the endpoints file that points Rasa at it and at the action server.
ENDPOINTS="var/endpoints.yml"
.venv/bin/python -m core.db.migrate
.venv/bin/python -m ops.endpoints "$ENDPOINTS" --action-url "http://localhost:${ACTION_PORT}"

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo "Stopping the assistant..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# The action server listens on loopback only and takes calls only with the token that the
# generated endpoints file gives Rasa (actions/server.py); ALLOWED_ORIGINS is read by the
# channels too (addons/channels/origins.py).
export ALLOWED_ORIGINS
# Kept running: if it stops (a crash, an out-of-memory kill), it is started again and its
# back-fill catches the question log up; patients get their answers meanwhile (they come from
# the Rasa server). Logs are appended to, never replaced: they are the audit trail.
supervise_action_server() {
  local child=""
  trap 'kill "$child" 2>/dev/null; exit 0' TERM INT
  while true; do
    .venv/bin/python -m actions.server --port "$ACTION_PORT" >>"$LOG_DIR/actions.log" 2>&1 &
    child=$!
    wait "$child" || true
    echo "$(date -u +%FT%TZ) action server stopped; starting it again" >>"$LOG_DIR/actions.log"
    sleep 2
  done
}
supervise_action_server &
pids+=($!)
# shellcheck disable=SC2086 # ALLOWED_ORIGINS is a space-separated list of origins
.venv/bin/rasa run --model models/current.tar.gz --port "$RASA_PORT" \
  --endpoints "$ENDPOINTS" --credentials credentials.yml --cors $ALLOWED_ORIGINS \
  >>"$LOG_DIR/rasa.log" 2>&1 &
pids+=($!)
.venv/bin/python -m web.demo_site --port "$SITE_PORT" --assistant-url "$ASSISTANT_PUBLIC_URL" \
  >>"$LOG_DIR/site.log" 2>&1 &
pids+=($!)
.venv/bin/python -m staff serve --port "$STAFF_PORT" >>"$LOG_DIR/staff.log" 2>&1 &
pids+=($!)

echo "Starting the action server and the assistant (logs in $LOG_DIR/)..."
.venv/bin/python -m ops.wait_for_http "http://localhost:${ACTION_PORT}/health" \
  "http://localhost:${RASA_PORT}/" "http://localhost:${SITE_PORT}/" \
  "http://localhost:${STAFF_PORT}/login" \
  --timeout 180 || { echo "Start-up failed; see $LOG_DIR/rasa.log and $LOG_DIR/actions.log"; exit 1; }

# Contact details the hospital has not set are reported, never invented.
grep -h "Contact details" "$LOG_DIR/actions.log" | sed 's/^/NOTE: /' || true

cat <<MSG

The vertebroplasty assistant is running.
  Website demo:    http://localhost:${SITE_PORT}/   (open it and click "Ask us")
  Staff console:   http://localhost:${STAFF_PORT}/  (first create an account:
                   .venv/bin/python -m staff create-user YOUR_NAME --role admin)
  Chat over REST:  SENDER=\$(curl -s -X POST http://localhost:${RASA_PORT}/webhooks/rest/conversations \\
                     | sed -E 's/.*"sender": ?"([^"]*)".*/\\1/')
                   curl -s -X POST http://localhost:${RASA_PORT}/webhooks/rest/webhook \\
                     -H 'Content-Type: application/json' \\
                     -d "{\"sender\": \"\$SENDER\", \"message\": \"how long does it take?\"}"
  Action server:   http://localhost:${ACTION_PORT}/health
Press Ctrl-C to stop.
MSG

if [ -t 0 ]; then
  .venv/bin/python -m ops.chat --url "http://localhost:${RASA_PORT}"
else
  wait -n "${pids[@]}"
fi
