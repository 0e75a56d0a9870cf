"""The console's pages, one blueprint a module; the route x role table is in
docs/staff-console.md.

- auth: log-in, log-out, one's own password
- questions: the inbox, reviewing a question, a conversation's transcript, the NLU export
- callbacks: call-back requests and their status
- dashboard: counts and charts over a period
- exports: the inbox's questions as CSV
- admin (role `admin` only): accounts, retention, erasure, quarantine
"""

from __future__ import annotations

from staff.views import admin, auth, callbacks, dashboard, exports, questions

BLUEPRINTS = (
    auth.blueprint,
    questions.blueprint,
    callbacks.blueprint,
    dashboard.blueprint,
    exports.blueprint,
    admin.blueprint,
)
