"""The staff console (Flask): login, inbox, transcripts, review, callbacks, dashboard, exports.

Every page needs a logged-in account, checked against its server-side session on every
request (login_sessions.py); admin pages need the `admin` role. Every POST needs the
session's CSRF token. Every view and export of patient data is written to the audit log, and
so is every refusal (failed log-in, 403, CSRF failure). Query parameters are checked
(params.py: a 400 naming the bad one, never a 500); redirects go only to the console's own
pages (redirects.py); times are shown in the hospital's time zone (hospital_time.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

from flask import (
    Flask,
    Response,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException

from core.db.database import session_factory
from core.db.models import (
    CALLBACK_STATUSES,
    OUTCOMES,
    CallbackRequest,
    QuarantinedEntry,
    Question,
)
from core.db.staff_models import ROLES, StaffUser
from core.db.values import without_controls
from core.privacy import log_redaction
from core.privacy.erasure import erase_conversation
from core.privacy.retention import purge
from core.settings import load_settings
from core.vocabulary.topics import CONVERSATION_INTENTS, FAQ_TOPICS
from staff import charts, exports, hospital_time, login_sessions, params, queries
from staff.audit import ANONYMOUS, add_event, filters_for_audit, request_line
from staff.login import FAILURE_MESSAGE, MAX_USERNAME_CHARS, attempt_login
from staff.password_change import PasswordChange, change_password
from staff.redirects import console_target
from staff.security import csrf_matches, hash_password, secret_key

F = TypeVar("F", bound=Callable[..., Any])
LABELS = sorted(set(FAQ_TOPICS) | set(CONVERSATION_INTENTS) - {"greet", "goodbye", "thanks"})
SESSION_HOURS = login_sessions.SESSION_HOURS
QUARANTINE_ROWS = 500  # newest first; the page is for noticing and reading reasons
# Row ids in URLs: bigger numbers are "not found" (404) rather than an integer the database
# cannot hold (a 500 before).
ROW_ID = f"int(max={2**31 - 1})"
DASHBOARD_DEFAULT_DAYS = 30
DASHBOARD_MAX_DAYS = 367
HSTS_SECONDS = 365 * 24 * 3600


def cookie_name(secure: bool) -> str:
    return "__Host-staff_session" if secure else "staff_session"


def now() -> datetime:
    return datetime.now(timezone.utc)


def create_app(database_url: str | None = None, secure_cookies: bool | None = None) -> Flask:
    log_redaction.install()
    settings = load_settings()
    zone = hospital_time.hospital_zone()  # read once; an unknown zone stops the start
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key(),
        DATABASE_URL=database_url or settings.database_url,
        RETENTION_DAYS=settings.retention_days,
        HOSPITAL_TIMEZONE=zone,
        # Flask's signed cookie carries only the session id (login_sessions.py). Over HTTPS
        # its name has the __Host- prefix: browsers then accept it only if Secure, for "/"
        # and from this host alone (no subdomain can set or overwrite it).
        SESSION_COOKIE_NAME=cookie_name(bool(secure_cookies)),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=bool(secure_cookies),
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    sessions = session_factory(app.config["DATABASE_URL"])

    def db() -> Session:
        if "db" not in g:
            g.db = sessions()
        return g.db

    @app.teardown_appcontext
    def close_db(_error: BaseException | None) -> None:
        database = g.pop("db", None)
        if database is not None:
            database.close()

    def audit(
        action: str, detail: str = "", username: str | None = None, validated: bool = False
    ) -> None:
        """Write one audit row now, as the logged-in account unless `username` is given."""
        with sessions.begin() as s:
            add_event(s, username or g.user.username, action, detail, validated)

    def is_console_page(path: str) -> bool:
        """Whether `path` is a page of this app that answers GET (a redirect may go there)."""
        try:
            endpoint, _ = app.url_map.bind("localhost").match(path, method="GET")
        except HTTPException:  # not found, wrong method, or a redirect to another URL
            return False
        return endpoint not in ("login", "static")

    def start_anonymous_session() -> str:
        """A fresh id for a visitor who is not logged in (it keys the login form's token)."""
        session.clear()
        session["sid"] = login_sessions.new_session_id()
        return str(session["sid"])

    # --- request guards -----------------------------------------------------------------
    @app.before_request
    def guard() -> Response | None:
        """Every request: its session (looked up on the server), its CSRF token, its login."""
        g.user = None
        if request.endpoint == "static":
            return None
        session_id = session.get("sid")
        if login_sessions.is_session_id(session_id):
            with sessions.begin() as s:
                g.user = login_sessions.user_of(s, session_id, now())
        else:
            session_id = start_anonymous_session()
        g.session_id = session_id
        g.csrf_token = login_sessions.csrf_token(app.secret_key or "", session_id)
        if request.method == "POST" and not csrf_matches(
            g.csrf_token, request.form.get("csrf_token")
        ):
            tried = request.form.get("username") if request.endpoint == "login" else None
            who = g.user.username if g.user is not None else tried or ANONYMOUS
            audit("csrf_failed", request_line(request.method, request.path), username=who)
            abort(400, "Missing or wrong form token. Reload the page and try again.")
        if g.user is None and request.endpoint != "login":
            return redirect(url_for("login", next=request.full_path))  # type: ignore[return-value]
        return None

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        )
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        if app.config["SESSION_COOKIE_SECURE"]:  # served over HTTPS: browsers keep to it
            response.headers["Strict-Transport-Security"] = f"max-age={HSTS_SECONDS}"
        return response

    def role_required(role: str) -> Callable[[F], F]:
        def decorator(view: F) -> F:
            @functools.wraps(view)
            def wrapped(*args: Any, **kwargs: Any) -> Any:
                if g.user.role != role:
                    abort(403)
                return view(*args, **kwargs)

            return wrapped  # type: ignore[return-value]

        return decorator

    @app.context_processor
    def template_globals() -> dict[str, Any]:
        return {
            "csrf_field": Markup('<input type="hidden" name="csrf_token" value="{}">').format(
                g.get("csrf_token", "")
            ),
            "user": g.get("user"),
            "time_zone": zone.key,
        }

    @app.template_filter("local")
    def local_time(moment: datetime | None, fmt: str = hospital_time.SHOWN_FORMAT) -> str:
        """A stored UTC time as the hospital reads it: {{ q.asked_at|local }}."""
        return hospital_time.shown(moment, zone, fmt)

    @app.template_filter("local_iso")
    def local_iso(moment: datetime | None) -> str:
        return hospital_time.machine_readable(moment, zone)

    # --- login -------------------------------------------------------------------------------
    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        """Log in: one hash verification and one message for every failure (login.py)."""
        if request.method == "GET":
            return render_template("login.html", error=None)
        username = (request.form.get("username") or "").strip()
        moment = now()
        with sessions.begin() as s:
            attempt = attempt_login(s, username, request.form.get("password") or "", moment)
            if attempt.user is None:
                where = request_line(request.method, request.path)
                add_event(s, username, "login_failed", f"{attempt.reason}; {where}")
                if attempt.locked_now:
                    add_event(s, username, "locked", "too many wrong passwords")
            else:
                if g.user is not None:  # logging in again, perhaps as someone else
                    login_sessions.end_session(s, g.session_id, moment, "new log-in")
                new_session_id = login_sessions.open_session(s, attempt.user, moment)
                add_event(s, attempt.user.username, "login")
        if attempt.user is None:
            return render_template("login.html", error=FAILURE_MESSAGE), 401
        session.clear()  # a new id at log-in: one planted before it opens nothing
        session.permanent = True
        session["sid"] = new_session_id
        target = console_target(request.args.get("next"), is_console_page)
        return redirect(target or url_for("inbox"))

    @app.post("/logout")
    def logout() -> Any:
        with sessions.begin() as s:
            login_sessions.end_session(s, g.session_id, now(), "logout")
            add_event(s, g.user.username, "logout")
        session.clear()
        return redirect(url_for("login"))

    @app.route("/account/password", methods=["GET", "POST"])
    def password() -> Any:
        """Change one's own password (with the current one); other sessions end."""
        error = None
        if request.method == "POST":
            change = PasswordChange(
                current=request.form.get("current_password") or "",
                new=request.form.get("new_password") or "",
                confirmation=request.form.get("confirm_password") or "",
            )
            with sessions.begin() as s:
                error = change_password(s, g.user.id, change, now(), keep_session=g.session_id)
            if error is None:
                flash("Password changed. Your other sessions have been logged out.")
                return redirect(url_for("inbox"))
        return render_template("password.html", error=error), (400 if error else 200)

    # --- inbox and review ---------------------------------------------------------------------
    @app.get("/")
    def inbox() -> Any:
        flt = queries.InboxFilter.from_args(request.args)
        page = queries.inbox_page(db(), flt, zone)
        audit("view_inbox", filters_for_audit(flt.query_args()), validated=True)
        return render_template(
            "inbox.html", page=page, flt=flt, topics=queries.topics_in_log(db()),
            outcomes=OUTCOMES, labels=LABELS,
        )  # fmt: skip

    @app.post(f"/questions/<{ROW_ID}:question_id>/review")
    def review(question_id: int) -> Any:
        corrected = request.form.get("corrected_intent") or None
        if corrected is not None and corrected not in LABELS:
            abort(400, "Unknown topic.")
        with sessions.begin() as s:
            question = s.get(Question, question_id) or abort(404)
            question.reviewed_at = now()
            question.reviewed_by = g.user.username
            question.corrected_intent = corrected
        audit("review", f"question {question_id} -> {corrected or 'confirmed'}")
        flash("Saved.")
        back = console_target(request.form.get("back"), is_console_page)
        return redirect(back or url_for("inbox"))

    @app.get("/conversations/<path:conversation_id>")
    def conversation(conversation_id: str) -> Any:
        params.path_identifier(conversation_id, "conversation id")
        turns = queries.transcript(db(), conversation_id)
        logged = (
            db()
            .execute(
                select(Question)
                .where(Question.conversation_id == conversation_id)
                .order_by(Question.asked_at)
            )
            .scalars()
        )
        audit("view_conversation", conversation_id)
        return render_template(
            "conversation.html", conversation_id=conversation_id, turns=turns, logged=list(logged)
        )

    # --- exports ------------------------------------------------------------------------------
    @app.get("/export/questions.csv")
    def export_csv() -> Response:
        flt = queries.InboxFilter.from_args(request.args)
        query = queries.filtered(flt, zone).order_by(Question.asked_at.desc())
        rows = list(db().execute(query).scalars())
        feedback = queries.feedback_for(db(), [row.message_id for row in rows])
        body = exports.questions_csv(rows, feedback)
        audit("export_csv", filters_for_audit(flt.query_args()), validated=True)
        return Response(
            body,
            mimetype="text/csv",
            headers={"Content-Disposition": "attachment; filename=questions.csv"},
        )

    @app.get("/export/nlu.yml")
    def export_nlu() -> Response:
        corrected = (
            db().execute(select(Question).where(Question.corrected_intent.is_not(None))).scalars()
        )
        unanswered = (
            db()
            .execute(
                select(Question)
                .where(Question.outcome.in_(("fallback", "out_of_scope")))
                .where(Question.corrected_intent.is_(None))
            )
            .scalars()
        )
        body = exports.nlu_yaml(list(corrected), list(unanswered))
        audit("export_nlu")
        return Response(
            body,
            mimetype="application/x-yaml",
            headers={"Content-Disposition": "attachment; filename=nlu-from-review.yml"},
        )

    # --- callbacks ----------------------------------------------------------------------------
    @app.get("/callbacks")
    def callbacks() -> Any:
        status = params.choice(request.args, "status", CALLBACK_STATUSES)
        query = select(CallbackRequest).order_by(CallbackRequest.requested_at.desc())
        if status:
            query = query.where(CallbackRequest.status == status)
        rows = list(db().execute(query.limit(500)).scalars())
        audit("view_callbacks", status)
        return render_template(
            "callbacks.html", rows=rows, status=status, statuses=CALLBACK_STATUSES
        )

    @app.post(f"/callbacks/<{ROW_ID}:callback_id>")
    def update_callback(callback_id: int) -> Any:
        status = request.form.get("status") or ""
        if status not in CALLBACK_STATUSES:
            abort(400, "Unknown status.")
        with sessions.begin() as s:
            row = s.get(CallbackRequest, callback_id) or abort(404)
            row.status = status
            row.notes = without_controls(request.form.get("notes") or "")[:2000] or None
            row.updated_at = now()
            row.updated_by = g.user.username
        audit("update_callback", f"callback {callback_id} -> {status}")
        flash("Callback request updated.")
        return redirect(url_for("callbacks"))

    # --- dashboard ----------------------------------------------------------------------------
    @app.get("/dashboard")
    def dashboard() -> Any:
        asked_from = params.optional_date(request.args, "from")
        asked_to = params.optional_date(request.args, "to")
        date_to = asked_to or hospital_time.today(zone)
        date_from = asked_from or date_to - timedelta(days=DASHBOARD_DEFAULT_DAYS - 1)
        if date_from > date_to:
            date_from, date_to = date_to, date_from
        date_from = max(date_from, date_to - timedelta(days=DASHBOARD_MAX_DAYS - 1))
        data = queries.dashboard(db(), date_from, date_to, zone)
        audit("view_dashboard", f"{date_from}..{date_to}", validated=True)
        return render_template(
            "dashboard.html", data=data, date_from=date_from, date_to=date_to,
            helpfulness=queries.helpfulness_by_topic(db(), date_from, date_to, zone),
            # charts.py escapes every label it puts into the SVG.
            per_day_chart=Markup(charts.bar_chart_per_day(data.per_day)),  # noqa: S704
            topics_chart=Markup(charts.horizontal_bars(data.top_topics)),  # noqa: S704
        )  # fmt: skip

    # --- admin --------------------------------------------------------------------------------
    @app.route("/admin/users", methods=["GET", "POST"])
    @role_required("admin")
    def users() -> Any:
        if request.method == "POST":
            username = (request.form.get("username") or "").strip()
            role = request.form.get("role") or ""
            try:
                if not username or role not in ROLES:
                    raise ValueError("A username and a role are needed.")
                create_user(sessions, username, request.form.get("password") or "", role)
                audit("create_user", f"{username} ({role})")
                flash(f"Account {username} created.")
            except ValueError as error:
                flash(str(error))
        rows = list(db().execute(select(StaffUser).order_by(StaffUser.username)).scalars())
        return render_template("users.html", rows=rows, roles=ROLES)

    @app.post(f"/admin/users/<{ROW_ID}:user_id>/active")
    @role_required("admin")
    def set_active(user_id: int) -> Any:
        """Enable or disable an account; disabling ends its sessions at once."""
        active = request.form.get("active") == "1"
        moment = now()
        with sessions.begin() as s:
            target = s.get(StaffUser, user_id) or abort(404)
            if target.id == g.user.id and not active:
                abort(400, "You cannot disable your own account.")
            target.active = active
            target.locked_until = None
            name = target.username
            ended = 0 if active else login_sessions.end_sessions_of(
                s, target.id, moment, "account disabled"
            )  # fmt: skip
        audit("enable_user" if active else "disable_user", f"{name}; {ended} sessions ended")
        return redirect(url_for("users"))

    @app.route("/admin/retention", methods=["GET", "POST"])
    @role_required("admin")
    def retention() -> Any:
        days = app.config["RETENTION_DAYS"]
        result = purge(app.config["DATABASE_URL"], days, dry_run=request.method == "GET")
        if request.method == "POST":
            audit("retention", f"{days} days: {result}")
            flash(
                f"Deleted {result.questions} questions, {result.callback_requests} callback "
                f"requests, {result.transcript_events} transcript events and "
                f"{result.quarantined} quarantined log entries."
            )
            return redirect(url_for("retention"))
        return render_template("retention.html", days=days, preview=result)

    @app.route("/admin/conversations/<path:conversation_id>/erase", methods=["GET", "POST"])
    @role_required("admin")
    def erase(conversation_id: str) -> Any:
        """Erase everything held about one conversation, at a patient's request.

        GET shows what would be deleted; POST deletes it and writes the audit row in the same
        transaction, so there is never an erasure without its record (or the reverse).
        """
        params.path_identifier(conversation_id, "conversation id")
        if request.method == "POST":
            with sessions.begin() as s:
                erased = erase_conversation(s, conversation_id)
                add_event(s, g.user.username, "erase_conversation", f"{conversation_id}: {erased}")
            if erased.total:
                flash(f"Erased conversation {conversation_id}: {erased}.")
            else:  # a mistyped id: say so instead of reporting an erasure of nothing
                flash(f"Nothing is held for conversation {conversation_id}; nothing was erased.")
            return redirect(url_for("inbox"))
        preview = erase_conversation(db(), conversation_id, dry_run=True)
        db().rollback()
        return render_template("erase.html", conversation_id=conversation_id, preview=preview)

    @app.get("/admin/quarantine")
    @role_required("admin")
    def quarantine() -> Any:
        """Log entries the writer could not store: what, which, why and when (not the entry
        itself, which may hold health information and stays in the database)."""
        total = db().execute(select(func.count()).select_from(QuarantinedEntry)).scalar_one()
        rows = db().execute(
            select(
                QuarantinedEntry.kind,
                QuarantinedEntry.entry_key,
                QuarantinedEntry.reason,
                QuarantinedEntry.quarantined_at,
            )
            .order_by(QuarantinedEntry.quarantined_at.desc(), QuarantinedEntry.id.desc())
            .limit(QUARANTINE_ROWS)
        )
        shown = list(rows)
        audit("view_quarantine", f"{len(shown)} of {total}")
        return render_template("quarantine.html", rows=shown, total=total)

    @app.errorhandler(403)
    def forbidden(_error: Exception) -> Any:
        if g.get("user") is not None:
            audit("forbidden", request_line(request.method, request.path))
        return render_template("error.html", message="This page is for administrators."), 403

    @app.errorhandler(400)
    def bad_request(error: Any) -> Any:
        return render_template("error.html", message=getattr(error, "description", "")), 400

    return app


def create_user(sessions: Any, username: str, password: str, role: str) -> None:
    """Create an account (the CLI and the admin page both use this)."""
    if role not in ROLES:
        raise ValueError(f"Role must be one of {', '.join(ROLES)}.")
    if not username.isascii() or not username.replace(".", "").replace("-", "").isalnum():
        raise ValueError("Usernames use letters, digits, dots and dashes.")
    if len(username) > MAX_USERNAME_CHARS:
        raise ValueError(f"Usernames have at most {MAX_USERNAME_CHARS} characters.")
    password_hash = hash_password(password)
    with sessions.begin() as s:
        if s.execute(select(StaffUser).where(StaffUser.username == username)).first():
            raise ValueError(f"An account {username!r} already exists.")
        s.add(
            StaffUser(
                username=username, password_hash=password_hash, role=role, active=True,
                failed_attempts=0, created_at=now(),
            )
        )  # fmt: skip
