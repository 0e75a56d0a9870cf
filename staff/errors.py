"""The console's error pages: a 400 says what was wrong, a 403 is audited."""

from __future__ import annotations

from typing import Any

from flask import Flask, g, render_template, request

from staff import console
from staff.audit import request_line


def forbidden(_error: Exception) -> Any:
    if g.get("user") is not None:
        console.audit("forbidden", request_line(request.method, request.path))
    return render_template("error.html", message="This page is for administrators."), 403


def bad_request(error: Any) -> Any:
    return render_template("error.html", message=getattr(error, "description", "")), 400


def install(app: Flask) -> None:
    app.register_error_handler(403, forbidden)
    app.register_error_handler(400, bad_request)
