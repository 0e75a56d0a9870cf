"""A seeded generator of hostile chat requests: what strangers send to a public endpoint.

Each case is a request body (bytes, so that broken JSON and lone-surrogate escapes can be
sent exactly) and what it must get: a 4xx refusal, or a 200 with at least one reply, and the
emergency message when it mentions a red-flag symptom. Seeded, so a failure reproduces.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import requests

from addons.cleaning.inbound import MAX_BODY_BYTES
from ops.rest_client import WEBHOOK_PATH
from tests.servers import Assistant

RED_FLAGS = [
    "I can't feel my legs",
    "my legs went numb",
    "I lost control of my bladder",
    "he has chest pain",
    "I'm short of breath",
    "she has a fever since yesterday",
    "the injection site is red and swollen",
    "sudden severe pain in my back",
]
QUESTIONS = [
    "how long does it take?",
    "what is vertebroplasty",
    "is it safe",
    "will medicare pay for it",
    "my mom is 82, can she have it?",
    "recovery time?",
    "what happens during the procedure",
    "can I talk to a nurse",
    "thank you",
    "hello",
]
NASTY = [
    "<script>alert(1)</script>",
    "'; DROP TABLE questions; --",
    '=HYPERLINK("http://evil.example","click")',
    "%s %n {0} ${jndi:ldap://x}",
    "\u202eevil\u202c",
    "zero\u200bwidth\u200djoin",
    "\U0001f9b4\U0001f489\U0001f3e5",
    "\u0000\u0001\u001b[2J\u007f",
    "\ufeff\ufffe\uffff",
    "\u03a9\u2248\u00e7\u221a\u222b\u02dc\u00b5 \u7530\u4e2d\u3055\u3093",
    "\r\n\r\n\t\t",
]
SLASHES = [
    "/restart",
    "/session_start",
    "/emergency@0",
    "/recovery@1",
    '/affirm{"callback_phone": "=1+1"}',
    "/action_submit_callback",
    "/greet@0.01",
    "//",
    "/",
    "/recovery",
    "/request_callback",
]
LONE_SURROGATES = ["\\ud83d", "\\udfff", "\\ud800\\ud800", "\\udc00abc"]


@dataclass(frozen=True)
class Case:
    kind: str
    body: bytes
    expect_refusal: bool = False  # a 4xx is the right answer
    needs_reply: bool = True  # a 200 must carry at least one bot message
    red_flag: bool = False  # the emergency message must be among the replies


def _noise(rng: random.Random, size: int) -> str:
    pool = "abcdefghijklmnopqrstuvwxyz     .,!?-'\"\n\t" + "".join(NASTY)
    return "".join(rng.choice(pool) for _ in range(size))


def _body(sender: object, message: object, **extra: object) -> bytes:
    return json.dumps({"sender": sender, "message": message, **extra}).encode()


class FuzzCases:
    """Cases for one conversation token, from a seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def red_flag_in_noise(self, token: str) -> Case:
        before, after = self.rng.choice([(0, 40), (200, 200), (20, 3000), (2500, 10)])
        text = f"{_noise(self.rng, before)} {self.rng.choice(RED_FLAGS)} {_noise(self.rng, after)}"
        return Case("red_flag_in_noise", _body(token, text), red_flag=True)

    def red_flag_after_slash(self, token: str) -> Case:
        text = f"{self.rng.choice(SLASHES)} {self.rng.choice(RED_FLAGS)}"
        return Case("red_flag_after_slash", _body(token, text), red_flag=True)

    def red_flag_with_surrogate(self, token: str) -> Case:
        flag = self.rng.choice(RED_FLAGS).replace("'", "\\u2019")
        raw = f'{{"sender": "{token}", "message": "{flag} {self.rng.choice(LONE_SURROGATES)}"}}'
        return Case("red_flag_with_surrogate", raw.encode(), red_flag=True)

    def question(self, token: str) -> Case:
        text = self.rng.choice(QUESTIONS)
        if self.rng.random() < 0.5:
            text = f"{self.rng.choice(NASTY)} {text} {self.rng.choice(NASTY)}"
        return Case("question", _body(token, text))

    def nasty_text(self, token: str) -> Case:
        text = "".join(self.rng.choice(NASTY) for _ in range(self.rng.randint(1, 4))) + " x"
        return Case("nasty_text", _body(token, text))

    def slash(self, token: str) -> Case:
        return Case("slash", _body(token, self.rng.choice(SLASHES)))

    def too_long(self, token: str) -> Case:
        text = "what about my back " * self.rng.randint(60, 1200)
        return Case("too_long", _body(token, text[: MAX_BODY_BYTES - 200]))

    def oversize_body(self, token: str) -> Case:
        size = self.rng.choice([MAX_BODY_BYTES + 10, 200_000, 1_100_000])
        return Case("oversize_body", _body(token, "y" * size), expect_refusal=True)

    def wrong_type(self, token: str) -> Case:
        # (A null message is a widget opening the chat: it gets the greeting, not a 400.)
        message = self.rng.choice([{}, 5, -1.5e308, [], ["hi"], {"text": "hi"}, True])
        return Case("wrong_type", _body(token, message), expect_refusal=True)

    def not_an_object(self, token: str) -> Case:
        body = self.rng.choice([b"", b"[]", b"null", b'"hello"', b"42", b"{", b"\xff\xfe", b"\x00"])
        return Case("not_an_object", body, expect_refusal=True)

    def forged_sender(self, token: str) -> Case:
        forged = self.rng.choice(
            [
                "default",
                "patient-42",
                "",
                None,
                12345,
                token[:-1] + ("A" if token[-1] != "A" else "B"),
                "v1." + token.split(".")[1] + ".AAAAAAAAAAAAAAAAAAAAAA",
                "c-" + "0" * 32,
                "../../etc/passwd",
                "x" * 5000,
            ]
        )
        return Case("forged_sender", _body(forged, "what is my phone number?"), expect_refusal=True)

    def spoofed_fields(self, token: str) -> Case:
        extra = {
            "input_channel": self.rng.choice([5, ["a"], {"b": 1}, "=cmd|' /C calc'!A0", "x" * 500]),
            "metadata": self.rng.choice(
                [{"model_id": {"a": 1}}, "notjson", [1, 2], {"x": "y" * 1000}]
            ),
        }
        return Case("spoofed_fields", _body(token, self.rng.choice(QUESTIONS), **extra))

    def empty(self, token: str) -> Case:
        return Case(
            "empty",
            _body(token, self.rng.choice(["", "   ", "\n\n", "\x00\x00"])),
            needs_reply=False,
        )

    def generators(self) -> list[tuple[Callable[[str], Case], int]]:
        """Each kind with its weight."""
        return [
            (self.question, 20),
            (self.red_flag_in_noise, 14),
            (self.red_flag_after_slash, 5),
            (self.red_flag_with_surrogate, 5),
            (self.nasty_text, 10),
            (self.slash, 10),
            (self.too_long, 5),
            (self.oversize_body, 2),
            (self.wrong_type, 6),
            (self.not_an_object, 5),
            (self.forged_sender, 6),
            (self.spoofed_fields, 8),
            (self.empty, 4),
        ]

    def next_case(self, token: str) -> Case:
        makers, weights = zip(*self.generators(), strict=True)
        return self.rng.choices(makers, weights=weights)[0](token)


Result = tuple[Case, int, list[str]]


def fuzz_conversation(assistant: Assistant, seed: int, index: int, messages: int) -> list[Result]:
    """One conversation's requests, in order; now and then a request is sent again as it was."""
    cases = FuzzCases(seed + index)
    token = assistant.token(f"fuzz-{seed}-{index}")
    results: list[Result] = []
    sent: list[Case] = []
    session = requests.Session()
    for _ in range(messages):
        replay = bool(sent) and cases.rng.random() < 0.08
        case = cases.rng.choice(sent) if replay else cases.next_case(token)
        response = session.post(
            assistant.rasa_url + WEBHOOK_PATH,
            data=case.body,
            headers={"Content-Type": "application/json"},
            timeout=120,
        )
        replies: list[str] = []
        if response.status_code == 200:
            replies = [" ".join(m["text"].split()) for m in response.json() if m.get("text")]
        results.append((case, response.status_code, replies))
        sent.append(case)
    return results


def run_fuzz(
    assistant: Assistant, seed: int, conversations: int, messages: int, clients: int
) -> list[Result]:
    """Every conversation's results; `clients` conversations are sent at the same time."""
    with ThreadPoolExecutor(clients) as pool:
        batches = pool.map(
            lambda i: fuzz_conversation(assistant, seed, i, messages), range(conversations)
        )
        return [result for batch in batches for result in batch]


def judge(results: list[Result], emergency: str) -> tuple[list[Any], Counter[str]]:
    """What went wrong (5xx, wrong refusals, no reply, a red flag without the emergency
    message), and how many cases of each kind were sent."""
    failures: list[Any] = []
    kinds: Counter[str] = Counter()
    for case, status, replies in results:
        kinds[case.kind] += 1
        if status >= 500:
            failures.append(("5xx", case, status))
        elif case.expect_refusal:
            if not 400 <= status < 500:
                failures.append(("should be refused", case, status))
        elif status != 200:
            failures.append(("refused", case, status))
        elif case.needs_reply and not replies:
            failures.append(("no reply", case, status))
        elif case.red_flag and emergency not in replies:
            failures.append(("no emergency message", case, replies))
    return failures, kinds
