"""Chat with the running assistant in a terminal, over its REST webhook.

Why not `rasa shell`: it starts a second Rasa server and model in the same terminal. This
client talks to the server `make run` already started, exactly as the website does, and
shows the bot's quick-reply buttons as numbers to type.
"""

from __future__ import annotations

import argparse
import shutil
import textwrap
from typing import Any

import requests

from ops.rest_client import new_conversation, send


def show(messages: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Print the bot's messages; return its buttons so a number can pick one."""
    buttons: list[dict[str, str]] = []
    # A terminal that reports no size (a pty from `script`, some CI or serial consoles) says
    # 0 columns, which textwrap refuses: then the usual 80.
    columns = shutil.get_terminal_size().columns
    width = min(columns, 100) if columns >= 20 else 80
    for message in messages:
        if message.get("text"):
            print(
                textwrap.fill(
                    message["text"], width, initial_indent="Bot: ", subsequent_indent="     "
                )
            )
        for button in message.get("buttons") or []:
            buttons.append(button)
            print(f"  [{len(buttons)}] {button['title']}")
    return buttons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:5005")
    args = parser.parse_args()
    sender: str | None = None
    print("Type your question (a number picks a button; 'quit' or Ctrl-D ends).")
    buttons: list[dict[str, str]] = []
    while True:
        try:
            text = input("You: ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if text.lower() in {"quit", "exit", "/quit"}:
            return
        if text.isdigit() and 0 < int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]
        try:
            sender = sender or new_conversation(args.url)
            buttons = show(send(args.url, sender, text))
        except requests.RequestException as error:
            print(f"(The assistant cannot be reached right now: {error})")


if __name__ == "__main__":
    main()
