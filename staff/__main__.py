"""Staff console commands.

python -m staff serve [--port 8090]                 serve the console (waitress)
python -m staff create-user NAME --role admin       create an account (asks for the
                                                    password; or STAFF_PASSWORD for scripts)
python -m staff erase CONVERSATION_ID [--dry-run]   erase everything held about one
                                                    conversation (audited as cli:<user>)
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from core.db.database import session_factory
from core.db.staff_models import ROLES
from core.settings import load_settings


def serve(args: argparse.Namespace) -> None:
    from waitress import serve as waitress_serve

    from staff.app import create_app

    app = create_app(secure_cookies=args.https)
    print(f"Staff console on http://{args.host}:{args.port}/", flush=True)
    waitress_serve(app, host=args.host, port=args.port, threads=4, ident="staff")


def create_user_command(args: argparse.Namespace) -> None:
    from staff.app import create_user

    password = os.environ.get("STAFF_PASSWORD")
    if not password:
        password = getpass.getpass("Password (12 characters or more): ")
        if password != getpass.getpass("Same password again: "):
            sys.exit("The passwords differ; nothing was created.")
    try:
        create_user(
            session_factory(load_settings().database_url), args.username, password, args.role
        )
    except ValueError as error:
        sys.exit(str(error))
    print(f"Created {args.role} account {args.username!r}.")


def erase_command(args: argparse.Namespace) -> None:
    """Erase one conversation from the command line, audited like the admin page."""
    from core.privacy.erasure import erase_conversation
    from staff.audit import add_event
    from staff.params import BadParameter, path_identifier

    try:
        conversation_id = path_identifier(args.conversation_id, "conversation id")
    except BadParameter:
        sys.exit("That is not a conversation id: 1 to 255 printable characters.")
    with session_factory(load_settings().database_url).begin() as session:
        erased = erase_conversation(session, conversation_id, dry_run=args.dry_run)
        if not args.dry_run:
            add_event(
                session, f"cli:{getpass.getuser()}", "erase_conversation",
                f"{conversation_id}: {erased}",
            )  # fmt: skip
    verb = "Would erase" if args.dry_run else "Erased"
    print(f"{verb} conversation {conversation_id}: {erased}.")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m staff", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help="serve the staff console")
    serve_parser.add_argument("--host", default="127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8090)
    serve_parser.add_argument(
        "--https", action="store_true", help="served behind HTTPS: mark cookies Secure"
    )
    serve_parser.set_defaults(func=serve)
    user_parser = commands.add_parser("create-user", help="create a staff account")
    user_parser.add_argument("username")
    user_parser.add_argument("--role", choices=ROLES, default="reviewer")
    user_parser.set_defaults(func=create_user_command)
    erase_parser = commands.add_parser("erase", help="erase one conversation (audited)")
    erase_parser.add_argument("conversation_id")
    erase_parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    erase_parser.set_defaults(func=erase_command)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
