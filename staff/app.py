"""The staff console (Flask): login, inbox, transcripts, review, callbacks, dashboard, exports.

Every page needs a logged-in account; admin pages need the `admin` role. Every POST needs the
session's CSRF token. Every view and export of patient data is written to the audit log.
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

from actions.retention import purge
from actions.settings import load_settings
from actions.storage.database import session_factory
from actions.storage.models import (
    CALLBACK_STATUSES,
    OUTCOMES,
    CallbackRequest,
    QuarantinedEntry,
    Question,
)
from actions.topics import CONVERSATION_INTENTS, FAQ_TOPICS
from staff import charts, exports, queries
from staff.models import ROLES, AuditEvent, StaffUser
from staff.security import (
    MAX_FAILED_ATTEMPTS,
    csrf_matches,
    hash_password,
    is_locked,
    lock_until,
    new_csrf_token,
    secret_key,
    verify_password,
)

F = TypeVar("F", bound=Callable[..., Any])
LABELS = sorted(set(FAQ_TOPICS) | set(CONVERSATION_INTENTS) - {"greet", "goodbye", "thanks"})
SESSION_HOURS = 8
QUARANTINE_ROWS = 500  # newest first; the page is for noticing and reading reasons


def now() -> datetime:
    return datetime.now(timezone.utc)


def create_app(database_url: str | None = None, secure_cookies: bool | None = None) -> Flask:
    settings = load_settings()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key(),
        DATABASE_URL=database_url or settings.database_url,
        RETENTION_DAYS=settings.retention_days,
        SESSION_COOKIE_NAME="staff_session",
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

    def audit(action: str, detail: str = "") -> None:
        with sessions.begin() as s:
            s.add(AuditEvent(at=now(), username=g.user.username, action=action, detail=detail))

    def current_user() -> StaffUser | None:
        user_id = session.get("user_id")
        if user_id is None:
            return None
        user = db().get(StaffUser, user_id)
        return user if user is not None and user.active else None

    # --- request guards -----------------------------------------------------------------
    @app.before_request
    def guard() -> Response | None:
        if "csrf" not in session:
            session["csrf"] = new_csrf_token()
        if request.method == "POST" and not csrf_matches(
            session.get("csrf"), request.form.get("csrf_token")
        ):
            abort(400, "Missing or wrong form token. Reload the page and try again.")
        g.user = current_user()
        if g.user is None and request.endpoint not in ("login", "static"):
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
                session.get("csrf", "")
            ),
            "user": g.get("user"),
        }

    # --- login -------------------------------------------------------------------------------
    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        error = None
        if request.method == "POST":
            username = (request.form.get("username") or "").strip()[:64]
            password = request.form.get("password") or ""
            with sessions.begin() as s:
                user = s.execute(
                    select(StaffUser).where(StaffUser.username == username)
                ).scalar_one_or_none()
                moment = now()
                if user is not None and is_locked(user.locked_until, moment):
                    error = "This account is locked after repeated failed attempts. Try later."
                elif (
                    user is not None
                    and user.active
                    and verify_password(user.password_hash, password)
                ):
                    user.failed_attempts = 0
                    user.locked_until = None
                    s.add(AuditEvent(at=moment, username=username, action="login"))
                    session.clear()
                    session.permanent = True
                    session["user_id"] = user.id
                    session["csrf"] = new_csrf_token()
                else:
                    verify_password(None, password)  # same work for unknown usernames
                    if user is not None:
                        user.failed_attempts += 1
                        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                            user.locked_until = lock_until(moment)
                            user.failed_attempts = 0
                            s.add(AuditEvent(at=moment, username=username, action="locked"))
                    error = "Wrong username or password."
            if error is None:
                target = request.args.get("next") or ""
                return redirect(
                    target
                    if target.startswith("/") and not target.startswith("//")
                    else url_for("inbox")
                )
        return render_template("login.html", error=error), (401 if error else 200)

    @app.post("/logout")
    def logout() -> Any:
        audit("logout")
        session.clear()
        return redirect(url_for("login"))

    # --- inbox and review ---------------------------------------------------------------------
    @app.get("/")
    def inbox() -> Any:
        flt = queries.InboxFilter.from_args(request.args)
        page = queries.inbox_page(db(), flt)
        audit("view_inbox", str(flt.query_args()))
        return render_template(
            "inbox.html", page=page, flt=flt, topics=queries.topics_in_log(db()),
            outcomes=OUTCOMES, labels=LABELS,
        )  # fmt: skip

    @app.post("/questions/<int:question_id>/review")
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
        return redirect(request.form.get("back") or url_for("inbox"))

    @app.get("/conversations/<path:conversation_id>")
    def conversation(conversation_id: str) -> Any:
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
        rows = db().execute(queries.filtered(flt).order_by(Question.asked_at.desc())).scalars()
        body = exports.questions_csv(rows)
        audit("export_csv", str(flt.query_args()))
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
        status = request.args.get("status") or ""
        query = select(CallbackRequest).order_by(CallbackRequest.requested_at.desc())
        if status in CALLBACK_STATUSES:
            query = query.where(CallbackRequest.status == status)
        rows = list(db().execute(query.limit(500)).scalars())
        audit("view_callbacks", status)
        return render_template(
            "callbacks.html", rows=rows, status=status, statuses=CALLBACK_STATUSES
        )

    @app.post("/callbacks/<int:callback_id>")
    def update_callback(callback_id: int) -> Any:
        status = request.form.get("status") or ""
        if status not in CALLBACK_STATUSES:
            abort(400, "Unknown status.")
        with sessions.begin() as s:
            row = s.get(CallbackRequest, callback_id) or abort(404)
            row.status = status
            row.notes = (request.form.get("notes") or "")[:2000] or None
            row.updated_at = now()
            row.updated_by = g.user.username
        audit("update_callback", f"callback {callback_id} -> {status}")
        flash("Callback request updated.")
        return redirect(url_for("callbacks"))

    # --- dashboard ----------------------------------------------------------------------------
    @app.get("/dashboard")
    def dashboard() -> Any:
        flt = queries.InboxFilter.from_args(request.args)
        date_to = flt.date_to or now().date()
        date_from = flt.date_from or date_to - timedelta(days=29)
        if date_from > date_to:
            date_from, date_to = date_to, date_from
        date_from = max(date_from, date_to - timedelta(days=366))
        data = queries.dashboard(db(), date_from, date_to)
        audit("view_dashboard", f"{date_from}..{date_to}")
        return render_template(
            "dashboard.html", data=data, date_from=date_from, date_to=date_to,
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

    @app.post("/admin/users/<int:user_id>/active")
    @role_required("admin")
    def set_active(user_id: int) -> Any:
        active = request.form.get("active") == "1"
        with sessions.begin() as s:
            target = s.get(StaffUser, user_id) or abort(404)
            if target.id == g.user.id and not active:
                abort(400, "You cannot disable your own account.")
            target.active = active
            target.locked_until = None
            name = target.username
        audit("enable_user" if active else "disable_user", name)
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
