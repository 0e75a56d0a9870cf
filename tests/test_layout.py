"""The house's import rules hold: shared code never imports the servers that use it.

Why a test: a layered layout decays one convenient import at a time (the last one had a circle
between the action server and the question log, and the database package importing the action
server). Each top-level package may import only the packages listed for it below; the check
reads every module's imports with `ast`, so it sees lazy imports inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PACKAGES = {"actions", "addons", "core", "ops", "staff", "web", "bench", "migrations"}
# package -> the project packages it may import (itself always allowed)
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "actions": {"core"},
    "addons": {"core"},
    "staff": {"core"},
    "web": {"core"},
    "migrations": {"core"},
    "ops": {"core", "addons"},
    "bench": {"core", "addons", "ops", "actions", "staff"},
}
# Inside core/, the database package is the ground floor: it imports no other part of core
# except settings and private files.
CORE_DB_ALLOWED = {"core.db", "core.settings", "core.private_files"}


def project_imports(path: Path) -> list[str]:
    """Every module a file imports (absolute names), lazy imports included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return [name for name in names if name.split(".")[0] in PROJECT_PACKAGES]


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_packages_import_only_downwards(package: str) -> None:
    allowed = ALLOWED[package] | {package}
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in python_files(package)
        for name in project_imports(path)
        if name.split(".")[0] not in allowed
    ]
    assert not wrong, "\n".join(wrong)


def test_the_database_package_is_the_ground_floor() -> None:
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in python_files("core/db")
        for name in project_imports(path)
        if name.split(".")[0] == "core" and not name.startswith(tuple(CORE_DB_ALLOWED))
    ]
    assert not wrong, "\n".join(wrong)


def test_at_most_nine_top_level_code_folders() -> None:
    code_folders = {
        path.parent.relative_to(ROOT).parts[0]
        for path in ROOT.glob("*/**/*.py")
        if path.relative_to(ROOT).parts[0] not in {"tests", ".venv", "var", "models"}
    }
    assert code_folders <= PROJECT_PACKAGES, code_folders - PROJECT_PACKAGES
    assert len(code_folders) <= 9


def test_the_rasa_server_components_are_addons() -> None:
    """config.yml, credentials.yml and the endpoints generator name only addons/ classes."""
    import re

    named = re.findall(
        r"\b([a-z_]+(?:\.[a-z_]+)+\.[A-Z]\w+)",
        (ROOT / "config.yml").read_text()
        + (ROOT / "credentials.yml").read_text()
        + (ROOT / "ops" / "endpoints.py").read_text(),
    )
    assert named, "no custom components found"
    assert all(name.startswith("addons.") for name in named), named
