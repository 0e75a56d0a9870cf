"""Secrets the services need: from the environment, or generated once into var/ (mode 600).

Why one helper: the staff console's cookie key, the chat channels' conversation-id key and the
action server's token all follow the same rule. In production each comes from an environment
variable (the deployment's secret store); on a developer's machine a random one is generated
once into the ignored var/ folder, readable by the service's user only, so `make run` needs no
set-up and no secret is ever committed.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from core.private_files import private_folder

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SECRETS_DIR = PROJECT_ROOT / "var"


def load_or_create_secret(env_var: str, file_env_var: str, default_file: str) -> str:
    """The secret in `env_var`; else the one in the file (`file_env_var` or var/`default_file`).

    The file is created with a random 48-byte secret if missing: O_EXCL, so two processes
    starting together cannot write two different secrets, and mode 600 from the start.
    """
    configured = os.environ.get(env_var)
    if configured:
        return configured
    path = Path(os.environ.get(file_env_var) or SECRETS_DIR / default_file)
    if not path.exists():
        private_folder(path.parent)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first: use theirs
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
    secret = path.read_text(encoding="utf-8").strip()
    if not secret:
        raise RuntimeError(f"The secret file {path} is empty; delete it to generate a new one.")
    return secret
