"""The department's contact details, from one configuration file (config/contact.yml).

Why a file and not the domain: the details belong to the hospital, change without retraining,
and must never be guessed. Missing values are reported when the action server starts and are
left out of the hand-off.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

logger = logging.getLogger(__name__)


# Keys of the same file that another part reads: the public address of the hospital's page
# (addons/channels/answer_sources.py, an answer's `metadata.source`).
READ_ELSEWHERE = frozenset({"source_page_url"})
_WARNED: set[tuple[Path, frozenset[str]]] = set()


@dataclass(frozen=True)
class ContactDetails:
    department: str = ""
    phone: str = ""
    opening_hours: str = ""
    address: str = ""
    web_page: str = ""

    def missing(self) -> list[str]:
        return [f.name for f in fields(self) if not getattr(self, f.name)]


def load_contact_details(path: Path) -> ContactDetails:
    if not path.is_file():
        logger.warning("Contact details file %s not found: the hand-off has no details.", path)
        return ContactDetails()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    known = {f.name for f in fields(ContactDetails)}
    unknown = set(data) - known - READ_ELSEWHERE
    if unknown and (path, frozenset(unknown)) not in _WARNED:
        # Once per file and set of keys: the red-flag policy reads the file at every use, and
        # an outside tester found the same warning three times for every message.
        _WARNED.add((path, frozenset(unknown)))
        logger.warning("Ignoring unknown keys in %s: %s", path, ", ".join(sorted(unknown)))
    values = {k: str(v).strip() for k, v in data.items() if k in known and v is not None}
    return ContactDetails(**values)


def report_missing(details: ContactDetails, path: Path) -> None:
    """Say clearly, at start-up, which details the hospital has not set."""
    missing = details.missing()
    if missing:
        logger.warning(
            "Contact details not set in %s: %s. The hand-off leaves them out; "
            "fill them in with values confirmed by the hospital.",
            path,
            ", ".join(missing),
        )


def handoff_text(details: ContactDetails) -> str:
    """The hand-off message: configured details only, and never an invented one."""
    who = details.department or "the hospital's interventional radiology department"
    lines = [f"To talk to a person, you can contact {who}."]
    if details.phone:
        lines.append(f"Phone: {details.phone}")
    if details.opening_hours:
        lines.append(f"Opening hours: {details.opening_hours}")
    if details.address:
        lines.append(f"Address: {details.address}")
    if details.web_page:
        lines.append(f"Web page: {details.web_page}")
    if not (details.phone or details.web_page):
        lines.append(
            "Please use the Contact Us page of the hospital's website, or ask your doctor."
        )
    lines.append("If it is an emergency, call 911.")
    return "\n".join(lines)
