"""Personal details never reach a store or a log: the redaction, measured and attacked.

The labelled corpus and the comparison of detectors are described in
bench/NOTES.md, "Redaction (issue 11)" and "Identifiers (issue 21)"; the recall target is
98 % for each kind of identifier, with no false redaction of any training or held-out
message.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bench.redaction_compare import found, training_messages
from core.privacy.identifiers import ADDRESS_MARK, AGE_MARK, ID_MARK, LINK_MARK
from core.privacy.names import NAME_MARK, ordinary
from core.privacy.redaction import (
    DATE_MARK,
    EMAIL_MARK,
    MARKS,
    PHONE_MARK,
    contains_pii,
    continuation,
    redact,
    redact_continuation,
)
from tests.project import ROOT, load_yaml


def load_first_names() -> list[str]:
    """The first names of core/privacy/data (the Census list) that are no English words."""
    data = ROOT / "core" / "privacy" / "data"
    words = set((data / "first_names_that_are_words.txt").read_text(encoding="utf-8").split())
    lines = (data / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return [w for w in lines if w and not w.startswith("#") and w not in words]


@pytest.mark.parametrize(
    "text",
    [
        "call me on 860-555-0123 please",
        "my number is (860) 555 0123",
        "ring +1 860 555 0123",
        "8605550123",
        "07700 900123",
        "860.555.0123 after 5",
        # Said in words (the privacy outsider of issue 11 found them stored raw).
        "my number is eight six zero five five five zero one nine one",
        "call me on eight six oh, five five five, zero one two three",
        "ring 860 five five five double one two three",
    ],
)
def test_phone_numbers_are_redacted(text: str) -> None:
    redacted = redact(text)
    assert PHONE_MARK in redacted
    assert not any(ch.isdigit() for ch in redacted.replace(PHONE_MARK, "").split("after")[0])


@pytest.mark.parametrize("text", ["mail mary.smith+ir@example.org", "MARY@EXAMPLE.CO.UK?"])
def test_email_addresses_are_redacted(text: str) -> None:
    assert EMAIL_MARK in redact(text) and "@" not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "one or two nights in hospital, maybe three",
        "one two three four five six",  # six digits: not a phone number
        "it takes one to two hours, and nine out of ten feel better",
    ],
)
def test_numbers_in_words_that_are_not_phone_numbers_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "does it take 1-2 hours?",
        "is 90% success right?",
        "over 400 procedures",
        "I'm 85 years old",
        "within 24-48 hours",
        "she can hardly sleep at night. How long does it take?",  # no spelled-out e-mail
        "we met at home.Then we went to the clinic",
    ],
)
def test_ordinary_figures_are_kept(text: str) -> None:
    assert redact(text) == text


# --- the labelled corpus (core/privacy/data/pii_corpus.yml) and the training data ------

CORPUS = load_yaml("core/privacy/data/pii_corpus.yml")["sentences"]


# Safe Harbor's identifiers that chat can hold (docs/privacy.md has the table of all 18).
KINDS = {
    "phone",
    "email",
    "ssn",
    "date_of_birth",
    "date",
    "age",
    "name",
    "address",
    "health_plan_id",
    "mrn",
    "account",
    "licence",
    "url",
    "ip",
}


def test_the_corpus_is_large_enough_and_labelled() -> None:
    labelled = [pii for item in CORPUS for pii in item["pii"]]
    assert len(labelled) >= 450
    assert {pii["kind"] for pii in labelled} == KINDS
    assert all(sum(p["kind"] == kind for p in labelled) >= 8 for kind in KINDS)
    assert all(str(pii["value"]) in item["text"] for item in CORPUS for pii in item["pii"])


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_recall_on_the_corpus_is_at_least_98_percent_for_each_kind(kind: str) -> None:
    labelled = [(item["text"], p) for item in CORPUS for p in item["pii"] if p["kind"] == kind]
    missed = [
        text for text, pii in labelled if not found(str(pii["value"]), kind, redact(text), text)
    ]
    assert 1 - len(missed) / len(labelled) >= 0.98, missed


def test_the_corpus_negatives_are_untouched() -> None:
    changed = [item["text"] for item in CORPUS if not item["pii"] and redact(item["text"])
               != item["text"]]  # fmt: skip
    assert not changed


def test_no_training_or_held_out_message_is_redacted() -> None:
    changed = [text for text in training_messages() if contains_pii(text)]
    assert not changed


# --- names, and words that are also names (issue 21) -----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi, I'm Margaret Olsen, 81, is it safe?", "Margaret Olsen"),
        ("my husband Frank Dale-Moreno needs this", "Frank Dale-Moreno"),
        ("i'm dorothy kowalski", "dorothy kowalski"),
        ("my name is Grace", "Grace"),  # a word that is a name, after a cue that says so
        ("I'm Oluwaseun Adeyemi, can I fly after?", "Oluwaseun Adeyemi"),
        ("Will Smith-Adeyemi need a driver?", "Smith-Adeyemi"),
        ("this is her caregiver, Bernadette Lindqvist", "Bernadette Lindqvist"),
        # Found by typing identifiers as patients do, after the first version:
        ("hi my names john doe", "john doe"),  # a surname that is also a word
        ("My name is Bill Brown", "Bill Brown"),
        ("its me walter again", "walter"),
        ("my grandson Jayden", "Jayden"),  # in no list: a relative's cue says so
        ("my mother Virginia is scared", "Virginia"),  # a place name, but after a cue
        ("Austin Brennan here", "Austin Brennan"),  # a place name, but a surname follows
    ],
)
def test_names_are_redacted(text: str, name: str) -> None:
    redacted = redact(text)
    assert NAME_MARK in redacted
    assert not any(part in redacted for part in name.replace("-", " ").split())


@pytest.mark.parametrize(
    "text",
    [
        "Will I be awake?",
        "May I bring my husband?",
        "Grace period for the bill?",
        "Hope it helps",
        "Faith in God gets me through",
        "Bill me later",
        "Mark the date",
        "Frank answer please",
        "I'm Catholic, does that matter?",
        "This is urgent",
        "my mother is scared",
        "can someone call me back",
        "The doctor uses X-ray pictures to guide the needle",
        "Does Medicare cover it?",
        "I came from Bristol Hospital's website",
        "am i too old to have it at ninety",
        "My Husband Has Back Pain",
        "my mother Needs surgery",
        # Census first names that are places, peoples or brands (outsider pass):
        "Can I fly to Florida after?",
        "I'm Irish and fair skinned",
        "Is Austin too far?",
        "Can I travel with Delta after?",
        # Masked by the second version (issue 21's second outside tester):
        "I'm Young at heart but is 89 too old?",
        "I'm Sterling silver allergic",
        "I'm Bishop of our church",
        "Will Jesus Help Me Through This",
        "It's Tuesday, can I come?",
        "Can Grace period be extended?",
        "who is taylor swift",
    ],
)
def test_ordinary_words_that_are_also_names_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "value", "mark"),
    [
        ("my medicare number is 1EG4-TE5-MK73", "MK73", ID_MARK),
        ("my medicare number is 1eg4te5mk73", "mk73", ID_MARK),
        ("member id W123456789, covered?", "123456789", ID_MARK),
        ("I live at 42 Maple Street, Hartford, CT 06105", "06105", ADDRESS_MARK),
        ("I live at 42 Maple Street, Hartford, CT 06105", "Maple", ADDRESS_MARK),
        ("my mother is 94", "94", AGE_MARK),
        ("born March third, nineteen forty-two", "forty", DATE_MARK),
        ("see www.example.org/my-story", "example", LINK_MARK),
        # Found by typing identifiers as patients do, after the first version:
        ("She's ninety-two, is that too old?", "ninety", AGE_MARK),
        ("address 1600 pennsylvania ave nw washington dc 20500", "washington", ADDRESS_MARK),
        ("we're at 18 Oak Hollow Ln, Apt 3B, Bristol CT 06010", "3B", ADDRESS_MARK),
        ("I live in apartment 4B", "4B", ADDRESS_MARK),
    ],
)
def test_identifiers_are_redacted(text: str, value: str, mark: str) -> None:
    redacted = redact(text)
    assert mark in redacted and value not in redacted


# Typed by issue 21's second outside tester and stored raw by the second version: each
# (text, the raw parts that must be gone, the mark that must be there).
SECOND_TESTER = [
    ("my mbi is 1 E G 4 T E 5 M K 7 3", ["M K 7 3", "1 E G"], ID_MARK),
    ("my mbi is 1EG4 - TE5 - MK73", ["1EG4", "MK73"], ID_MARK),
    ("medicare 1EG4.TE5.MK73", ["1EG4", "MK73"], ID_MARK),
    ("my name is will smith", ["will", "smith"], NAME_MARK),
    ("dorothy mcallister", ["dorothy", "mcallister"], NAME_MARK),
    ("Hi its Maeve, can I drive after?", ["Maeve"], NAME_MARK),
    ("hi its maeve again", ["maeve"], NAME_MARK),
    ("this is maeve gallagher, how long does it take?", ["maeve", "gallagher"], NAME_MARK),
    ("Good morning, Kwame Mensah here", ["Kwame", "Mensah"], NAME_MARK),
    ("Its Ngozi here", ["Ngozi"], NAME_MARK),
    ("how soon can i drive -- Tomasz Wi\u015bniewski", ["Tomasz", "Wi\u015b"], NAME_MARK),
    ("what are the risks? Regards, Hiroshi", ["Hiroshi"], NAME_MARK),
    ("Hi, Sven here", ["Sven"], NAME_MARK),
    ("this is her son, Raj Patel", ["Raj", "Patel"], NAME_MARK),
    ("he's called Tadeusz", ["Tadeusz"], NAME_MARK),
    ("ask for Ngozi or Chidi when you call", ["Ngozi", "Chidi"], NAME_MARK),
    ("i am [name removed] parks", ["parks"], NAME_MARK),
    ("Aoife and I have questions", ["Aoife"], NAME_MARK),
    ("Can Grace come with me?", ["Grace"], NAME_MARK),
    ("born nineteen forty one march the fourth", ["forty", "march"], DATE_MARK),
    ("my dob is four three forty one", ["four three", "forty"], DATE_MARK),
    ("born on 3 4 1941", ["1941"], DATE_MARK),
    ("my dad is 95yo", ["95"], AGE_MARK),
    ("i turn 90 next month", ["90"], AGE_MARK),
    (
        "we live on rural route 2 box 118, hartford kentucky 42347",
        ["118", "hartford"],
        ADDRESS_MARK,
    ),
    ("rr 3 box 44 millbrook", ["44", "millbrook"], ADDRESS_MARK),
    ("HC 65 Box 2210", ["2210"], ADDRESS_MARK),
    ("RR 1 Box 55A", ["55A"], ADDRESS_MARK),
    ("am in 06103 hartford", ["06103", "hartford"], ADDRESS_MARK),
    ("I live at 12 Oak St, bangor maine", ["bangor", "maine"], ADDRESS_MARK),
    ("policy ABC-DE-12345", ["ABC", "12345"], ID_MARK),
    ("card ending in 4412", ["4412"], ID_MARK),
    ("policy holder number 123-456-K", ["-K", "456"], ID_MARK),
    ("j d o e @ gmail . com", ["gmail", "j d o e"], EMAIL_MARK),
    ("my ip is 2001:db8:85a3::8a2e:370:7334", ["8a2e", "2001"], LINK_MARK),
    ("fax it to 860 555 0166 attn dr patel", ["0166"], PHONE_MARK),
]


@pytest.mark.parametrize(("text", "raws", "mark"), SECOND_TESTER)
def test_what_the_second_outside_tester_typed_is_redacted(
    text: str, raws: list[str], mark: str
) -> None:
    redacted = redact(text)
    assert mark in redacted and not any(raw in redacted for raw in raws), redacted


def test_a_fax_number_is_a_phone_not_an_address() -> None:
    """The street pattern took "860 555 0166 attn dr" for a house number and a street."""
    assert redact("fax it to 860 555 0166 attn dr patel") == f"fax it to {PHONE_MARK} attn dr patel"


@pytest.mark.parametrize("text", ["it's 10:30:00 now", "ratio 1:2:3", "ids a::b"])
def test_times_are_not_ipv6_addresses(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "it's a 2 hour drive for us",
        "I walk 2 miles each way",
        "I take 1000mg of calcium",
        "the fracture is at T12-L1",
        "is 90 minutes normal",
        "Patient is 89 and frail",
        "what's the plan 2 weeks after",
        "complications in 10000 patients",  # five digits, then an ordinary word: no ZIP
        "born 2 months early",
        "I was born in 1941, is that ok",
    ],
)
def test_figures_like_identifiers_are_kept(text: str) -> None:
    assert redact(text) == text


# --- hostile text (hypothesis) ----------------------------------------------------------------

NO_DIGITS = st.text(st.characters(blacklist_categories=("Cs", "Nd")), max_size=30).map(
    lambda t: t.replace("@", " ")
)
PHONES = st.builds(
    lambda a, e, line, style: style.format(a=a, e=e, l=f"{line:04d}"),
    st.integers(201, 989),
    st.integers(200, 989),
    st.integers(0, 9999),
    st.sampled_from(
        [
            "({a}) {e}-{l}",
            "{a}-{e}-{l}",
            "{a}.{e}.{l}",
            "+1 {a} {e} {l}",
            "{a}{e}{l}",
            "1-{a}-{e}-{l}",
        ]
    ),
)
EMAILS = st.from_regex(
    r"[a-z][a-z0-9._+-]{0,15}@[a-z0-9-]{1,12}\.(com|org|net|edu|co\.uk)", fullmatch=True
)
SSNS = st.builds(
    lambda a, b, c: f"{a}-{b:02d}-{c:04d}",
    st.integers(100, 899),
    st.integers(1, 99),
    st.integers(1, 9999),
)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(before=NO_DIGITS, detail=st.one_of(PHONES, EMAILS, SSNS), after=NO_DIGITS)
def test_a_detail_in_any_surrounding_text_is_removed(before: str, detail: str, after: str) -> None:
    redacted = redact(f"{before} {detail} {after}")
    assert detail not in redacted
    if "@" not in detail:
        assert "".join(ch for ch in detail if ch.isdigit())[-4:] not in redacted


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_redaction_never_raises_is_idempotent_and_never_adds_digits(text: str) -> None:
    once = redact(text)
    assert redact(once) == once
    assert sum(ch.isdigit() for ch in once) <= sum(ch.isdigit() for ch in text)


MBI_LETTER = "ACDEFGHJKMNPQRTUVWXY"
MBIS = st.builds(
    lambda d, ls, ds, dashed: (
        f"{d}{ls[0]}{ls[1]}{ds[0]}-{ls[2]}{ls[3]}{ds[1]}-{ls[4]}{ls[5]}{ds[2]}{ds[3]}"
        if dashed
        else f"{d}{ls[0]}{ls[1]}{ds[0]}{ls[2]}{ls[3]}{ds[1]}{ls[4]}{ls[5]}{ds[2]}{ds[3]}"
    ),
    st.integers(1, 9),
    st.lists(st.sampled_from(MBI_LETTER), min_size=6, max_size=6),
    st.lists(st.integers(0, 9), min_size=4, max_size=4),
    st.booleans(),
)
NAMES = st.builds(
    lambda first, last: f"{first} {last}",
    st.sampled_from(["Margaret", "Dorothy", "Harold", "Eleanor", "Walter", "Gloria"]),
    st.from_regex(r"[BCDFGKLMNPRSTVZ][aeiou][bcdfgklmnprstvz]{2}[aeiou][nrs]{1,2}", fullmatch=True),
)
CUES = st.sampled_from(["Hi, I'm", "my name is", "this is", "my husband", "my mother,"])


@settings(max_examples=150, derandomize=True, deadline=None)
@given(before=NO_DIGITS, mbi=MBIS, after=NO_DIGITS)
def test_a_medicare_number_in_any_surrounding_text_is_removed(
    before: str, mbi: str, after: str
) -> None:
    redacted = redact(f"{before} {mbi} {after}")
    assert mbi not in redacted and mbi.replace("-", "")[-4:] not in redacted


@settings(max_examples=150, derandomize=True, deadline=None)
@given(cue=CUES, name=NAMES, after=st.sampled_from([", 81", ". Is it safe?", " needs this", ""]))
def test_a_name_after_a_cue_is_removed(cue: str, name: str, after: str) -> None:
    redacted = redact(f"{cue} {name}{after}")
    assert not any(part in redacted for part in name.split()), redacted


SEPARATORS = st.sampled_from(["", " ", ".", " - ", "-"])


@settings(max_examples=150, derandomize=True, deadline=None)
@given(before=NO_DIGITS, mbi=MBIS, sep=SEPARATORS, spaced=st.booleans(), after=NO_DIGITS)
def test_a_medicare_number_with_any_separators_is_removed(
    before: str, mbi: str, sep: str, spaced: bool, after: str
) -> None:
    """ "1 E G 4 T E 5 M K 7 3", "1EG4 - TE5 - MK73", "1EG4.TE5.MK73" (second outside tester)."""
    plain = mbi.replace("-", "")
    typed = " ".join(plain) if spaced else sep.join((plain[:4], plain[4:7], plain[7:]))
    redacted = redact(f"{before} {typed} {after}")
    # Gone under some mark: after a handle's cue the number is masked as the handle it could
    # be ("INSTA 1AA0AA0AA00" -> "INSTA [link removed]"; hypothesis found it in a full run).
    assert typed not in redacted and any(mark in redacted for mark in MARKS), redacted


def test_a_relative_word_before_a_name_stays() -> None:
    """ "my son Tom": the name goes, "son" stays (it was masked with the name at first)."""
    assert redact("my son Tom will drive me") == f"my son {NAME_MARK} will drive me"


STREETS = st.builds(
    lambda number, name, suffix: f"{number} {name} {suffix}",
    st.integers(1, 99999),
    st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{2,8})?", fullmatch=True),
    st.sampled_from(["Street", "St", "Ave", "Avenue", "Road", "Rd", "Lane", "Ln", "Blvd"]),
)
CUED_IDS = st.builds(
    lambda cue, value: (cue, value),
    st.sampled_from(["member id", "policy number", "group #", "MRN", "account number", "DL"]),
    st.from_regex(r"[A-Z]{0,3}[0-9]{5,10}", fullmatch=True),
)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(before=NO_DIGITS, street=STREETS, after=NO_DIGITS)
def test_a_street_address_in_any_surrounding_text_is_removed(
    before: str, street: str, after: str
) -> None:
    redacted = redact(f"{before} {street} {after}")
    assert street.split()[0] not in redacted.replace(before, "").replace(after, "")


@settings(max_examples=150, derandomize=True, deadline=None)
@given(before=NO_DIGITS, cued=CUED_IDS, after=NO_DIGITS)
def test_an_identifier_after_its_name_is_removed(
    before: str, cued: tuple[str, str], after: str
) -> None:
    cue, value = cued
    redacted = redact(f"{before} {cue} {value} {after}")
    assert value not in redacted and value[-4:] not in redacted


def test_the_name_lists_are_small_and_say_where_they_come_from() -> None:
    data = ROOT / "core" / "privacy" / "data"
    files = sorted(data.glob("*.txt"))
    assert {f.name for f in files} >= {"first_names.txt", "surnames.txt", "ordinary_words.txt"}
    assert sum(f.stat().st_size for f in files) < 1_000_000
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and (
            "Census" in first
            or "spacy" in first
            or "hand-written" in first
            or "zipcodes" in first  # round 12 (i21s): US postal place names
        ), path


# --- issue 21's third outside pass: kinds stored raw or half-masked, and words over-masked ----

# Typed by the third outside tester (and new phrasings of each kind): (text, the raw parts
# that must be gone, the mark that must be there). Each failed on the code before the fix.
THIRD_TESTER = [
    # A name opening the message, then a verb that introduces the writer.
    ("Ama Owusu-Boateng asking about my mum's procedure", ["Ama", "Owusu", "Boateng"], NAME_MARK),
    ("Priya Raghunathan writing for my dad", ["Priya", "Raghunathan"], NAME_MARK),
    ("Nnamdi Okafor asking: does it hurt?", ["Nnamdi", "Okafor"], NAME_MARK),
    ("Good morning, Lakshmi Venkataraman calling about my aunt", ["Lakshmi", "Venkat"], NAME_MARK),
    # Signed at the end, any case.
    ("thanks so much, aroha ngata \U0001f64f", ["aroha", "ngata"], NAME_MARK),
    ("is the cement safe? thanks so much\nwiremu tane", ["wiremu", "tane"], NAME_MARK),
    ("what about driving after - ngaio parata", ["ngaio", "parata"], NAME_MARK),
    ("will the bruise go away? thanks in advance, siosaia", ["siosaia"], NAME_MARK),
    # The first of two people.
    ("Seo-yeon Park and her brother want to know", ["Seo", "yeon", "Park"], NAME_MARK),
    ("Oluwadamilare and his sister are worried", ["Oluwadamilare"], NAME_MARK),
    ("Can Rustam and his wife both stay overnight?", ["Rustam"], NAME_MARK),
    # A cue, then a name in no census list.
    ("I'm Siddharth, my father had a fracture", ["Siddharth"], NAME_MARK),
    ("i'm siddharth, is it painful", ["siddharth"], NAME_MARK),
    ("Hi I am Oyelaran from the care home", ["Oyelaran"], NAME_MARK),
    # E-mail addresses spaced out, and country-code chains.
    ("j o h n . s m i t h @ g m a i l . c o m", ["g m a i l", "s m i t h", "c o m"], EMAIL_MARK),
    ("my email: m a r y @ y a h o o . c o . u k", ["y a h o o", "u k"], EMAIL_MARK),
    ("yuki dot tanaka at docomo dot ne dot jp", ["docomo", "jp"], EMAIL_MARK),
    ("send it to marie at orange dot fr", ["marie", "orange", "fr"], EMAIL_MARK),
    ("contact liam at eircom dot net dot ie please", ["eircom", " ie "], EMAIL_MARK),
    ("see kim.lee@naver.co.kr or naver.co.kr", ["naver", "kr"], EMAIL_MARK),
    # Ages over 89 after "age:"; two-digit years of birth; card numbers whatever the label.
    ("patient age: 103", ["103"], AGE_MARK),
    ("Age - 96, is that too old for it?", ["96"], AGE_MARK),
    ("AGE=94 and on blood thinners", ["94"], AGE_MARK),
    ("born 2 Feb 30", ["30", "Feb"], DATE_MARK),
    ("she was born March 9 31, is that relevant", ["31", "March"], DATE_MARK),
    ("Date of birth 1st June 29", ["29", "June"], DATE_MARK),
    ("phone 4111 1111 1111 1111", ["4111", "1111"], ID_MARK),
    ("my number is 5500-0000-0000-0004", ["5500", "0004"], ID_MARK),
    ("cell: 4012888888881881", ["4012888888881881"], ID_MARK),
]


@pytest.mark.parametrize(("text", "raws", "mark"), THIRD_TESTER)
def test_what_the_third_outside_tester_typed_is_redacted(
    text: str, raws: list[str], mark: str
) -> None:
    redacted = redact(text)
    assert mark in redacted and not any(raw in redacted for raw in raws), redacted


@pytest.mark.parametrize(
    "text",
    [
        # Masked by the code before the fix:
        "my Walker is in the car, can I bring it in",  # a walking frame
        "Rose-colored glasses are fine?",
        "the Jack-knife position hurts, is that normal",
        # Kept before, and guards against the new rules (openings, sign-offs, cards):
        "can I use my Walker after?",
        "Is the Grace period the same for Medicare?",
        "May I eat before? Will I need help at home?",
        "Hi, how long does it take?",
        "Sorry, one more question about the cement",
        "Thanks, that helps a lot",
        "Vertebroplasty, is it safe?",
        "I'm Catholic, is that relevant?",
        "born at 32 weeks, does that matter",
        "call 860 555 0123 4567 8",  # 13 digits that fail the card check: a phone
        # Found while probing the new rules with ordinary questions:
        "Hartford Hospital, where is the parking?",  # an opening that is a place
        "any tips? thanks - Humana member",  # after a sign-off, not a name to the end
        "i'm osteopenic, is that ok",  # after "i'm", a word of no list that is an adjective
    ],
)
def test_ordinary_words_and_figures_of_the_third_pass_are_kept(text: str) -> None:
    redacted = redact(text)
    assert redacted == text or (PHONE_MARK in redacted and ID_MARK not in redacted), redacted


def test_a_figure_with_a_unit_after_a_birth_date_is_no_year() -> None:
    """ "Feb 2" goes (any date after "born"; the cue stays since round 21); "30 weeks" stays
    (not a two-digit year)."""
    assert redact("born Feb 2 30 weeks early") == f"born {DATE_MARK} 30 weeks early"


def luhn_completed(digits: str) -> str:
    """`digits` with the check digit that makes the whole pass the Luhn check."""
    for last in "0123456789":
        total = 0
        for i, ch in enumerate(reversed(digits + last)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return digits + last
    raise AssertionError("unreachable")


def grouped(number: str, sep: str) -> str:
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


CARDS = st.builds(
    lambda body, sep: grouped(luhn_completed(body), sep),
    st.from_regex(r"[3-6][0-9]{11,17}", fullmatch=True),
    st.sampled_from(["", " ", "-"]),
)
LABELS = st.sampled_from(["phone", "tel:", "my number is", "card", "id", "", "fax", "call"])


@settings(max_examples=200, derandomize=True, deadline=None)
@given(before=NO_DIGITS, label=LABELS, card=CARDS, after=NO_DIGITS)
def test_a_card_number_under_any_label_is_removed(
    before: str, label: str, card: str, after: str
) -> None:
    """Luhn-valid 13-19 digits are a card's, whatever the word before them said."""
    redacted = redact(f"{before} {label} {card} {after}")
    assert ID_MARK in redacted and not any(ch in "0123456789" for ch in redacted), redacted


MADE_UP = st.from_regex(r"[bdfgkmnptvz][aeiou][bdfgkmnprtvz][aeiou][hknrstw]?", fullmatch=True)
MADE_UP_NAMES = st.lists(MADE_UP, min_size=1, max_size=2).filter(
    lambda parts: not any(ordinary(p) for p in parts)
)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    question=NO_DIGITS,
    cue=st.sampled_from(["thank you, ", "thanks so much ", "Regards, ", "- ", "\u2014 ", "\n"]),
    parts=MADE_UP_NAMES,
    capital=st.booleans(),
    end=st.sampled_from(["", ".", "!", " \U0001f64f", " :)"]),
)
def test_a_sign_off_name_in_no_list_is_removed_in_any_case(
    question: str, cue: str, parts: list[str], capital: bool, end: str
) -> None:
    name = " ".join(p.capitalize() if capital else p for p in parts)
    redacted = redact(f"{question.rstrip()}? {cue}{name}{end}")
    assert NAME_MARK in redacted and not redacted.endswith(f"{name}{end}"), redacted


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    parts=MADE_UP_NAMES,
    verb=st.sampled_from([" asking", " here,", " writing for my dad", ",", " and her brother"]),
    after=NO_DIGITS,
)
def test_a_name_opening_the_message_is_removed(parts: list[str], verb: str, after: str) -> None:
    name = " ".join(p.capitalize() for p in parts)
    if "," in verb and len(parts) == 1:
        name = f"{name} Kowalski"  # a single word before a bare comma must be a known name
    redacted = redact(f"{name}{verb} {after}")
    assert redacted.startswith(NAME_MARK), redacted


SPACED_LOCAL = st.from_regex(r"[a-z][a-z0-9.]{1,10}[a-z]", fullmatch=True)
SPACED_DOMAIN = st.sampled_from(["gmail.com", "yahoo.co.uk", "aol.com", "docomo.ne.jp", "web.de"])


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    before=NO_DIGITS,
    local=SPACED_LOCAL,
    domain=SPACED_DOMAIN,
    gap=st.sampled_from([" ", "  ", " \t"]),
    after=NO_DIGITS,
)
def test_an_email_spaced_letter_by_letter_is_removed(
    before: str, local: str, domain: str, gap: str, after: str
) -> None:
    typed = gap.join(local) + f"{gap}@{gap}" + gap.join(domain)
    redacted = redact(f"{before} {typed} {after}")
    assert EMAIL_MARK in redacted and "@" not in redacted.replace(before, "").replace(after, "")
    assert gap.join(domain.split(".")[0]) not in redacted


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    cue=st.sampled_from(["age:", "Age -", "AGE=", "patient age: ", "aged", "age: "]),
    age=st.integers(90, 119),
    after=NO_DIGITS,
)
def test_an_age_over_89_after_age_is_removed(cue: str, age: int, after: str) -> None:
    redacted = redact(f"{cue} {age} {after}")
    assert AGE_MARK in redacted and str(age) not in redacted, redacted


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    cue=st.sampled_from(["born", "DOB", "dob:", "date of birth", "birthday is"]),
    day=st.integers(1, 28),
    month=st.sampled_from(["Feb", "march", "Oct", "June"]),
    year=st.integers(10, 99),
    order=st.booleans(),
    after=st.sampled_from(["", ", is that too old", ". Can I come?"]),
)
def test_a_birth_date_with_a_two_digit_year_is_removed(
    cue: str, day: int, month: str, year: int, order: bool, after: str
) -> None:
    date = f"{day} {month} {year}" if order else f"{month} {day} {year}"
    redacted = redact(f"{cue} {date}{after}")
    assert DATE_MARK in redacted and str(year) not in redacted, redacted


WORD_NAMES = st.sampled_from(["Walker", "Rose", "Grace", "Hope", "Will", "May", "Frank", "Bill"])


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    det=st.sampled_from(["my", "the", "a", "our", "his"]),
    word=WORD_NAMES,
    rest=st.sampled_from([" is in the car", " helps me walk", "-colored", " period", ""]),
)
def test_a_first_name_used_as_a_thing_after_my_or_the_is_kept(
    det: str, word: str, rest: str
) -> None:
    text = f"can I bring {det} {word}{rest}?"
    assert redact(text) == text


# Issue 21, third outside tester: what was stored raw, kind by kind.
THIRD_TESTER_NAMES = [
    ("my dad oluwaseun adeyemi is booked for vertebroplasty", "oluwaseun"),
    ("my daughter in law pooja will drive me home is that ok", "pooja"),
    ("i took mum, Consolata, to see dr patel yesterday", "Consolata"),
    ("hi this is keoni kahananui, my tutu (grandma) needs this done", "kahananui"),
    ("my granny thandiwe dlamini wants a letter", "thandiwe"),
    ("hi im mehmet yilmaz from plainville, my wife ayse is scared of needles", "ayse"),
    ("hi im mehmet yilmaz from plainville", "mehmet"),
    ("Can Kwabena come with me on the day?", "Kwabena"),
    ("my mother lakshmi and my father venkatesh both need it", "venkatesh"),
    ("patient: chen wei, 88, L1 fracture, on warfarin", "chen"),
    ("dad (abuelo Ramón) is very frail", "Ramón"),
    ("Faith my daughter will drive me, she has the paperwork", "Faith"),
    ("can the nurse call my mobile. ask for grace", "grace"),
    ("-- sent by Agnieszka Kowalczyk on behalf of her dad", "Agnieszka"),
    ("my name's gwen, my hubby rhys needs it", "rhys"),
    ("ok thanks. xoxo nana dot", "dot"),
    ("hi its my grandad arjun mehta he is covered?", "arjun"),
]


@pytest.mark.parametrize(("text", "name"), THIRD_TESTER_NAMES)
def test_third_testers_names_are_removed(text: str, name: str) -> None:
    assert name not in redact(text).split(" ") and name not in redact(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("hi im mehmet yilmaz from plainville", "hi im "),  # the cue stays, the name goes
        ("we're in room 12 at the st francis, which door", "room 12 at the st francis"),
        ("Will I be able to drive myself home afterwards?", "Will I"),
        ("is there a grace period if i'm running late", "grace period"),
        ("I came from Bristol Hospital's website", "Bristol"),
        ("Faith in God gets me through", "God"),
        ("Mark my words, I will be back", "Mark"),
        ("my dad can't move his legs", "can't"),
        # found by the tester's runner on this branch (the capitalised-word rule)
        ("is it done by Dr. Patel or one of the other radiologists", "Dr. Patel"),
    ],
)
def test_third_testers_ordinary_words_are_kept(text: str, kept: str) -> None:
    assert kept in redact(text)


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("she'll be ninety-one in march, is the sedation ok", "ninety-one"),
        ("visa ending in 4412 was charged twice", "4412"),
        ("will medicare cover it , my mbi: 2 F H 7 A B 3 C D 4 5 thanks", "3 C D 4 5"),
        ("my MBI number is 1EG4TE5MK73 and my wife's is 3HC2-XY7-AB10", "3HC2"),
    ],
)
def test_third_testers_other_identifiers_are_removed(text: str, raw: str) -> None:
    assert raw not in redact(text)


SPLIT = [
    ("my number is 860 555", "0178 sorry hit send too soon", "860 555", "0178"),
    ("my ssn is 078 05", "1120 sorry. do you need it", "078 05", "1120"),
    ("my medicare number is 1EG4-TE5", "-MK73 sorry, is it covered", "1EG4", "MK73"),
    ("send it to my email margaret.ohara", "@sbcglobal.net thank you", "ohara", "sbcglobal"),
]


@pytest.mark.parametrize(("first", "second", "raw_first", "raw_second"), SPLIT)
def test_an_identifier_split_over_two_messages_is_removed_from_both(
    first: str, second: str, raw_first: str, raw_second: str
) -> None:
    from core.privacy.transcripts import stored_events

    events = [{"event": "user", "text": first}, {"event": "user", "text": second}]
    stored = stored_events(events, 0)
    assert raw_first not in stored[0]["text"]
    assert raw_second not in stored[1]["text"]
    assert second.split(" ", 1)[1] in stored[1]["text"]  # the rest of the message stays


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    cue=st.sampled_from(["my number is", "my cell is", "my ssn is", "medicare number is"]),
    head=st.from_regex(r"[0-9]{3} [0-9]{2,3}", fullmatch=True),
    tail=st.from_regex(r"[0-9]{4}", fullmatch=True),
    after=st.text(alphabet=st.characters(categories=["L", "Zs", "P"]), max_size=30),
)
def test_any_cued_number_broken_over_two_messages_is_masked(
    cue: str, head: str, tail: str, after: str
) -> None:
    from core.privacy.transcripts import stored_events

    events = [{"event": "user", "text": f"{cue} {head}"}, {"event": "user", "text": tail + after}]
    first, second = (e["text"] for e in stored_events(events, 0))
    assert head not in first
    assert tail not in second


def test_the_callback_forms_fields_keep_only_what_is_needed() -> None:
    """A completed call-back stored a Medicare number and a birth date in the name field and
    a son's name and number in the preferred time (third tester)."""
    from actions.callback import name_field, time_field

    name = name_field("Leokadia Zielinska medicare 4KT8-PU6-QW22 dob 1/2/1938")
    assert name is not None and name.startswith("Leokadia Zielinska")
    assert "4KT8" not in name and "1938" not in name
    when = time_field("after 5pm or ring my son Bartosz on 203 555 0139")
    assert when is not None and when.startswith("after 5pm")
    assert "Bartosz" not in when and "0139" not in when


@pytest.mark.parametrize(("first", "second", "raw_first", "raw_second"), SPLIT)
def test_a_split_identifiers_rest_is_masked_after_a_first_half_read_back_masked(
    first: str, second: str, raw_first: str, raw_second: str
) -> None:
    """Live, the previous message may come back from the database already masked ("my number
    is [phone removed]"): the rest must still go (the tester's runner found "0178" raw)."""
    from core.privacy.transcripts import stored_events

    masked_first = stored_events([{"event": "user", "text": first}], 0)[0]["text"]
    events = [{"event": "user", "text": masked_first}, {"event": "user", "text": second}]
    assert raw_second not in stored_events(events, 1)[0]["text"]


# --- issue 21, fourth outside round: the tester's messages, with the raw piece each stored ---


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("she lives at 88 Elm Street apt 3 Bristol 06010", "06010"),
        ("Mr Bartholomew Quigley, 61 Maple Ave, West Hartford, 06107, Q: a pillow?", "06107"),
        ("we live on 14 Orchard Lane, Southington 06489 - is there parking", "06489"),
        ("our house is number 31, Wolcott Road, Bristol, CT 06010-3344. home visit?", "Wolcott"),
        ("write to me at 17 Rue Lafayette, Hartford CT 06103-2211", "Rue"),
        ("we moved to 5 Chestnut Row, Terryville 06786 last year", "06786"),
        ("i had a fall on 2 december and they found a fracture", "december"),
        ("she fell on 28 november and broke a bone in her back", "november"),
        ("i got my fracture on the 3rd of november, is it too late", "november"),
        ("appointment letter says it is on 12/15 - what time should I arrive", "12/15"),
        ("said you have my MRI from 11/20", "11/20"),
        ("we saw Dr. Ferreira-Lopes on 19 Oct and she said it is urgent", "19"),
        ("when they admitted me (Dec 1st) they took xrays", "1st"),
        ("visa card 4111 1111 1111 1111 exp 09/28 can I prepay the copay here", "09/28"),
        ("hi this is soo-ah kim, 92 this year, how many days in hospital", "92"),
        ("mi mamá Guadalupe Ramírez Torres tiene 95 años, can she have it", "95"),
        ("minha mãe tem 95 anos", "95"),
        ("moja mama ma 95 lat", "95"),
        ("mom (Lakshmi Venkataraman, 93) cant lie flat, will that be a problem", "93"),
        ("appointment letter says ref no 2026-IR-004417 and it is soon", "004417"),
        ("tricare sponsor ssn last 4 is 6789 and DoD ID 1234567890", "6789"),
        ("hello i am the wife of Yusuf Demirtas, he is in room 412", "Yusuf"),
        ("Hello. I am the husband of Fatou, she is scared", "Fatou"),
        ("i am the carer of Precious, she has a compression fracture", "Precious"),
    ],
)
def test_the_fourth_outside_rounds_identifiers_are_masked(text: str, raw: str) -> None:
    assert raw not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "my mom has Parkinson's, can she have it",
        "I have Paget's disease of the spine",
        "dad has Alzheimer's and cannot lie still",
        "we moved here last year, is Bristol the nearest",
        "Hartford site or Bristol site, which one is it done at",
        "pain is 8/10 for 1-2 hours, within 24-48 hours",
        "the fracture is at T12/L1, I take 1/2 a pill",
        "2 may help, or 3 may be better",
    ],
)
def test_eponymous_diseases_scores_and_fractions_are_kept(text: str) -> None:
    assert redact(text) == text


@given(
    st.from_regex(r"[A-Z][a-z]{2,11}", fullmatch=True),
    st.from_regex(r"[0-9]{5}(-[0-9]{4})?", fullmatch=True),
    st.sampled_from([" ", ", ", " , "]),
)
@settings(max_examples=150, derandomize=True, deadline=None)
def test_a_zip_after_a_street_and_any_town_is_masked(town: str, zip_code: str, sep: str) -> None:
    """Whatever the town's word, the ZIP after a street address never stays."""
    assert zip_code[:5] not in redact(f"I stay at 12 Oak Street{sep}{town}{sep}{zip_code} now")


@given(st.text(alphabet="0123456789/ ,-onfrmexpdcDNOR[]thesincevy", max_size=80))
@settings(max_examples=200, derandomize=True, deadline=None)
def test_yearless_dates_take_hostile_input(text: str) -> None:
    """Hostile mixes of date cues, figures, slashes and brackets never break redaction, and a
    cued month/day never survives it."""
    assert "on 12/15" not in redact(text + " on 12/15")


# Issue 21, round 4's leftovers, each as a class: five or more phrasings of each (other names,
# other languages' names, lower case), none taken from the tester's own messages but the first.
ROUND_4_LEFTOVER_NAMES = [
    # A name after "call / ring / text / reach" and before a phone number.
    ("call jean-baptiste at +1 860-555-0122 ext 4 he is my son", "jean-baptiste"),
    ("call marie-claire on 860 555 0199 after six", "marie-claire"),
    ("pls ring siobhan on 07700 900123", "siobhan"),
    ("you can reach mohammed-ali at (860) 555-0143", "mohammed-ali"),
    ("or contact giorgos papadopoulos on 860 555 0177", "giorgos papadopoulos"),
    ("text oksana at eight six zero five five five zero one four four", "oksana"),
    ("olumide's cell is 860-555-0166, he is my nephew", "olumide"),
    # A name after "mine is / his is / my sister's is" when the message is about names.
    ("my wife's name is Ye-jin Park and mine is Min-ho Park. same day?", "Min-ho Park"),
    ("her name is Ana; mine is lucía garcía", "lucía garcía"),
    ("his name is raj and mine's priya, we both need appointments", "priya"),
    ("whose name goes on the form? mine is wanjiru kamau", "wanjiru kamau"),
    ("my mother's name is agnes and my sister's is bridget", "bridget"),
    ("what name do you need, mine is Park Ji-woo", "Park Ji-woo"),
    # A first name, then "from next door / down the street / church / work".
    ("Carol from next door asks what the success rate is", "Carol"),
    ("Dawn from church will drive me there", "Dawn"),
    ("Ngozi from down the street had it done last year", "Ngozi"),
    ("Ivy across the hall had it done, she is 90", "Ivy"),
    ("rosa from work asked me to ask about the cost", "rosa"),
    ("Precious next door is scared of the needle", "Precious"),
    ("Mark from church says it helped him", "Mark"),
    # A first name that is also a word, after "I am / I'm / this is", before a surname.
    ("I am Blessing Okafor, Medicare Part A and B", "Blessing Okafor"),
    ("I'm Precious Moyo, Medicare Advantage", "Precious Moyo"),
    ("this is Memory Banda, asking for my gran", "Memory Banda"),
    ("I am Favour Eze, is it safe at 70", "Favour Eze"),
    ("hi I'm Gift Phiri", "Gift Phiri"),
    ("It's Comfort Asante again, about my scan", "Comfort Asante"),
    # A surname after a nickname in brackets or quotes.
    ("thanks, ttyl. Love, Gertrude (Trudy) Bakker-Van Dijk", "Bakker-Van Dijk"),
    ("I'm Robert (Bob) O'Neill, can I drive after", "O'Neill"),
    ("my father William [Bill] Hartley-Smith needs it", "Bill Hartley-Smith"),
    ("this is Nguyen Thi (Lan) Tran", "Lan Tran"),
    ('Margaret ("Peggy") Hollins is my mum', "Hollins"),
    ("my mum Josefina 'Pepa' de la Cruz is 80", "Pepa Cruz"),
    # A pair where only one word was caught: the first name before a masked surname.
    ("Blessing Okafor will bring me in the morning", "Blessing"),
    ("I am Patience Mwangi, can my son come", "Patience"),
    ("hello i am the wife of Yusuf Demirtas, he is in room 412", "Yusuf"),
    ("my appointment is with Sunny Okonkwo-Bello at noon", "Sunny"),
    ("we came with Mercy Achieng from Bristol", "Mercy"),
]


@pytest.mark.parametrize(("text", "name"), ROUND_4_LEFTOVER_NAMES)
def test_round_4s_leftover_names_are_removed_as_a_class(text: str, name: str) -> None:
    redacted = redact(text)
    assert NAME_MARK in redacted
    for part in re.split(r"[\s-]+", name):
        assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", redacted), redacted


@pytest.mark.parametrize(
    "text",
    [
        # "Will" + a town is a question about the town (issue 21, round 4: decided to keep).
        "Will Hartford Hospital take my insurance?",
        "Will Bristol take my plan?",
        "May Southington patients park there",
        "Will Farmington be open on Sunday",
        # Cues of the new rules with ordinary words after them.
        "mine is worse than hers, is that normal",
        "my name is on the form and mine is the first one",
        "Noise from next door keeps me awake",
        "Help from church is there if I need it",
        "I'm Jehovah's Witness, can I refuse blood",
        "I'm Taking Prolia now, is that ok",
        "I am Medicare Part B only",
        "Can I bring my Bible and my Rosary in with me?",
        "Will I be awake?",
        "May I eat breakfast?",
        "Grace period on my insurance ends soon",
        "my husband has Parkinson's, can he have it",
        "can i use my Walker after",
        "Dawn is the best time for me to come in",
    ],
)
def test_round_4s_ordinary_words_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "before", ["call me at", "call back at", "call the office on", "call dr patel at", "ring us on"]
)
def test_ordinary_words_before_a_phone_stay(before: str) -> None:
    assert redact(f"{before} 860-555-0100 please") == f"{before} {PHONE_MARK} please"


@given(
    st.sampled_from(["call", "ring", "text", "reach", "contact"]),
    st.from_regex(r"[a-z]{3,9}(-[a-z]{3,8})?", fullmatch=True),
    st.sampled_from([" at ", " on ", ": ", " "]),
)
@settings(max_examples=150, derandomize=True, deadline=None)
def test_a_word_in_no_list_before_a_phone_is_removed(verb: str, name: str, sep: str) -> None:
    """Whatever the unknown word after "call", before a phone number it is a name."""
    text = f"{verb} {name}{sep}860-555-0122 please"
    if not ordinary(name) and all(not ordinary(p) for p in name.split("-")):
        assert name not in redact(text)
    assert "555" not in redact(text)


@given(st.text(alphabet="abcdeFGHIJ ()[]\"'-,.", max_size=60))
@settings(max_examples=200, derandomize=True, deadline=None)
def test_nicknames_in_brackets_take_hostile_input(text: str) -> None:
    """Brackets, quotes and capitals in any mix never break redaction, and it stays idempotent."""
    once = redact("Margaret (Peggy) " + text)
    assert redact(once) == once


# Issue 21, round 4 leftovers, step two: 109 new messages in phrasings no round had tried
# (bench/NOTES.md); what leaked, as classes.
NEW_PHRASINGS_LEAKED = [
    # Sign-offs after "ta", "ty", "thank u", "yours (truly)", and a title of the writer's own.
    ("ok ty, marisol", "marisol"),
    ("ta, siobhán", "siobhán"),
    ("thank u, oyelaran", "oyelaran"),
    ("yours truly, eleanor whitcombe", "whitcombe"),
    ("many thanks, Fr. Oisin", "Oisin"),
    ("blessings, sr. mary agnes", "agnes"),
    # "greetings from X", "under the name X".
    ("greetings from Ikechukwu, I have a question about the needle", "Ikechukwu"),
    ("hello from Olumide and family", "Olumide"),
    ("put it under the name Mwajuma Said please", "Mwajuma"),
    ("book it under the name of tanvir hossain", "tanvir"),
    # A name's possessive before a relative.
    ("i'm chiamaka's daughter, she is the patient", "chiamaka"),
    ("I am fatou's husband and she is scared", "fatou"),
    ("this is zbigniew's son, he can't type", "zbigniew"),
    # An e-mail with " . " before the top-level domain.
    ("its rosa_m (at) yahoo . com", "rosa_m"),
    ("mail: tom (at) aol . com", "tom"),
    # A house number in words after a cue of where one lives.
    ("i live at forty two elm street in bristol", "elm"),
    ("my house is twelve oak st, plainville", "oak"),
    ("we moved to nine Cherry Lane last year", "Cherry"),
    # A phone number in figures and words mixed, in fewer than seven runs.
    ("my # is 860 five five five 01 23", "01 23"),
    ("cell 860 555 oh one two three", "555"),
]


@pytest.mark.parametrize(("text", "raw"), NEW_PHRASINGS_LEAKED)
def test_new_phrasings_that_leaked_are_masked(text: str, raw: str) -> None:
    assert raw not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "greetings from Bristol, is the hospital open",
        "hello from Florida, can I fly after",
        "Hi from Southington!",
        "I live on one floor now",
        "two blocks down the road is the bus stop",
        "one more street to cross, then the clinic",
        "my mom's sister had it done",
        "I have one two three questions",
        "take 2 3 or 4 pills",
        "thank u so much",
        "ta very much",
    ],
)
def test_new_phrasings_ordinary_words_stay(text: str) -> None:
    assert redact(text) == text


# Issue 21, round 5 (outside tester), second pass: the names left raw, each as a class (the
# tester's line first, then phrasings of our own), and the previous pass's class fixes (the
# tester's lines, which had no regression tests). Each listed value must be gone word by word
# (names) or whole (other kinds).
ROUND_5_NAMES = [
    (
        "Tupac and Precious are my two sons, both of them want to be there, is that allowed?",
        ["Tupac", "Precious"],
    ),
    ("Kofi and Ama are my grandkids, can they visit after", ["Kofi", "Ama"]),
    ("tariq & yusuf are our sons and they will drive me", ["tariq", "yusuf"]),
    ("Mercy and Gift are my daughters, can both come in", ["Mercy", "Gift"]),
    ("Oluwaseun is my nephew, he will bring me", ["Oluwaseun"]),
    ("hey its me yaw again lol. how many hours till i can walk", ["yaw"]),
    ("its me kofi again, one more question about the cement", ["kofi"]),
    ("hi it's me jade here, when can I shower", ["jade"]),
    ("it's me, Tanvi. is the numbness normal", ["Tanvi"]),
    ("my dauter marisela will come with me is that ok", ["marisela"]),
    ("my daugter Ximena will drive me home", ["Ximena"]),
    ("my husbend tomasz asks if he can stay", ["tomasz"]),
    ("my grandaughter keoni is worried about the needle", ["keoni"]),
    ("Hi! Love from Niamh & Cormac xx", ["Niamh", "Cormac"]),
    ("thanks for everything, love from Siobhan and Padraig x", ["Siobhan", "Padraig"]),
    (
        "hello from kailani and nalu, our tutu is having vertebroplasty on friday, "
        "what should we pack",
        ["kailani", "nalu"],
    ),
    ("greetings from ikaika and leilani, how long does it take", ["ikaika", "leilani"]),
    ("hugs from Amara & Zainab, will grandma be awake", ["Amara", "Zainab"]),
    (
        "Tatsuya and Keiko Morimoto would like to know about aftercare",
        ["Tatsuya", "Keiko Morimoto"],
    ),
    ("Bongani and Lindiwe Dlamini want to ask about the cost", ["Bongani", "Lindiwe Dlamini"]),
    ("Radu and Ioana Popescu have a question about driving", ["Radu", "Ioana Popescu"]),
    ("thx\n- kwabena o.", ["kwabena"]),
    ("thanks\n- efua b.", ["efua"]),
    ("cheers, tomasz k.", ["tomasz"]),
    ("my auntie Blessing is coming from Ghana for the procedure", ["Blessing"]),
    ("my sister Precious will drive me home", ["Precious"]),
    ("my niece Memory is staying with me after", ["Memory"]),
    ("my mum Patience has a question about the cement", ["Patience"]),
    (
        "Thank you!! God bless you all. Erasmus & Thokozile Ndlovu",
        ["Erasmus", "Thokozile", "Ndlovu"],
    ),
    ("God bless. Kwame & Efua Asante", ["Kwame", "Efua Asante"]),
    ("thanks so much, Bongani and Lindiwe", ["Bongani", "Lindiwe"]),
    ("Love, Saoirse & Oisin x", ["Saoirse", "Oisin"]),
]
ROUND_5_FIRST_PASS = [
    (
        "quick question from Habiba Warsame: is there any special preparation for this procedure",
        ["Habiba", "Warsame"],
    ),
    ("Our mother Tsehay Abebe is 91, is vertebroplasty risky at 91", ["91"]),
    ("last four of my ssn are 8826", ["8826"]),
    (
        "Member ID: XQH 448 210 937 group 0077412, Anthem Blue Cross. Is vertebroplasty covered?",
        ["XQH"],
    ),
    ("card ending 7734 was charged twice for the copay", ["7734"]),
    ("confirmation code for my appointment is KZ7Q42M1, is it still on?", ["KZ7Q42M1"]),
    (
        "My mom lives at one hundred twelve Fernwood Drive in Plainville, she needs a ride",
        ["one hundred twelve Fernwood Drive"],
    ),
    ("my procedure is scheduled for 12/18, what time should i stop eating", ["12/18"]),
    (
        "fecha de nacimiento 5 de mayo de 1940, mi cita es el 9 de diciembre",
        ["5 de mayo", "9 de diciembre"],
    ),
    (
        "He was born in 1931, on christmas eve, and he turns ninety-five this year. "
        "Is that too old?",
        ["christmas eve"],
    ),
    (
        "I had a fall on the 27th of last month and an xray on the 2nd, "
        "when can I have the procedure",
        ["27th of last month"],
    ),
    ("mi papa tiene noventa y tres anos, puede tener la vertebroplastia", ["noventa y tres"]),
    ("she's going to be 100 in march!! will she recover ok", ["100"]),
    ("he fell on sunday the 14th and hes been in agony", ["sunday the 14th"]),
    ("my dad is Ho Sung Kim (born 3/8/1934), he lives alone", ["Ho Sung Kim"]),
    ("insurance member id AZB 772 019 544, will there be any out of pocket cost", ["AZB"]),
    (
        "mi numero es ocho seis cero cinco ocho cuatro dos dos uno ocho",
        ["ocho seis cero cinco ocho cuatro dos dos uno ocho"],
    ),
]


def _left_raw(text: str, values: list[str], by_word: bool) -> list[str]:
    stored = redact(text)
    parts = [word for value in values for word in value.split()] if by_word else values
    return [part for part in parts if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", stored)]


@pytest.mark.parametrize(("text", "names"), ROUND_5_NAMES)
def test_round_5s_leftover_names_are_removed_as_a_class(text: str, names: list[str]) -> None:
    assert not _left_raw(text, names, by_word=True), redact(text)


@pytest.mark.parametrize(("text", "values"), ROUND_5_FIRST_PASS)
def test_round_5s_first_pass_fixes_hold(text: str, values: list[str]) -> None:
    assert not _left_raw(text, values, by_word=False), redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have Crohn's and take Humira, any issue?",
        "Buenas tardes, tengo una pregunta sobre la recuperacion",
        "what is an MBI and where do I find it",
        "i had my first one at St Francis and now another vertebra broke",
        "my daughter lives in Puerto Rico, can she fly up",
        "its me again, one more question",
        "it's me, Mum. is it painful",
        "salt and pepper are my friends after surgery",
        "Love you all, thank you",
        "my dauter will come with me is that ok",
    ],
)
def test_round_5s_ordinary_words_stay(text: str) -> None:
    """Over-masked in round 5 (Humira, Buenas tardes, MBI, St Francis, Puerto Rico, New
    Britain) or near the new name cues ("its me again", a kin word with a typo alone)."""
    assert redact(text) == text


@given(st.text(alphabet="abkoyMNP &,.-\n'itsmerandugh", max_size=70))
@settings(max_examples=200, derandomize=True, deadline=None)
def test_round_5s_name_cues_take_hostile_input(text: str) -> None:
    """Pairs, "it's me", kin words with slips and sign-offs in any mix never break redaction,
    stay idempotent, and a name after them never survives."""
    once = redact(text + " its me Zyxwvu again")
    assert redact(once) == once
    assert "Zyxwvu" not in once


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("my mothers MBI is 7-VR2-YT4-KE81 and shes 92", "my mothers MBI is"),
        ("I have Crohn's and take Humira, any issue?", "take Humira"),
        ("i had my first one on feb 3rd 2025 at St Francis and now another", "at St Francis"),
        ("send a letter to my daughter at 15 Calle Aurora, Bayamón 00961 Puerto Rico", "Rico"),
        ("Buenas tardes, soy Rosalba Villaseñor Cruz, mi mamá Eusebia tiene 95", "Buenas tardes"),
        # Since round 14 (r14p) the town one grew up in goes too; the cue's words stay.
        ("we are at 78 Shuttle Meadow Ave, I grew up in New Britain", "I grew up in"),
    ],
)
def test_round_5s_over_masked_words_stay_beside_details(text: str, kept: str) -> None:
    """The tester's messages whose ordinary words were masked with their details (round 5)."""
    assert kept in redact(text)


# Issue 21, round 6 (outside tester t21r6): each leak as a class, the tester's line first, then
# phrasings of our own; names gone word by word, other details whole; the over-masked words
# (a device brand, an eponymous disease before a possessive, a hospital named after people)
# and the ordinary words near the new cues stay.
ROUND_6_NAMES = [
    ("Cheers mate, Tāne Rangihuna", ["Tāne Rangihuna"]),
    ("Cheers mate, Tane Rangihuna", ["Tane Rangihuna"]),
    ("cheers mate, wiremu tane", ["wiremu tane"]),
    ("thanks heaps, Aroha Ngata", ["Aroha Ngata"]),
    ("Cheers all, Siobhan Ní Bhriain", ["Siobhan Ní Bhriain"]),
    ("thanks love, Oluwakemi", ["Oluwakemi"]),
    ("question from Fenella Urquhart-Boyd: how soon can I fly after it", ["Fenella Urquhart-Boyd"]),
    ("message from Oluwadamilare Bankole: is it done asleep", ["Oluwadamilare Bankole"]),
    ("a quick query from siobhan o'reilly - how long is the stay", ["siobhan o'reilly"]),
    ("Question from Dagny Lindqvist: can I drive after", ["Dagny Lindqvist"]),
    ("note from Thabo Mokoena, my back still hurts", ["Thabo Mokoena"]),
    ("I was referred by my GP. Signed, Kazimierz Wróblewski", ["Kazimierz Wróblewski"]),
    ("thats all for now. signed: Bolesław Krzyżanowski", ["Bolesław Krzyżanowski"]),
    ("Signing off, Nkechi Eze", ["Nkechi Eze"]),
    ("see you tuesday. Signed, Mohammed Al-Rashidi", ["Mohammed Al-Rashidi"]),
    ("can u tell nurse beatriz that i will be late", ["beatriz"]),
    ("please thank nurse Ngozi Okafor for me", ["Ngozi Okafor"]),
    ("is nurse siobhan on today", ["siobhan"]),
    ("tell Nurse Guadalupe i said hi", ["Guadalupe"]),
    ("is Dr Sunita Raghavan-Pillai doing my procedure?", ["Sunita Raghavan-Pillai"]),
    ("will Dr. Olumide Adeyemi do the injection", ["Olumide Adeyemi"]),
    ("my surgeon is dr keiko tanaka, is she good", ["keiko tanaka"]),
    ("question from Dr. Amara Okoye: is it safe", ["Amara Okoye"]),
    (
        "husband: Fitzgerald O'Shaughnessy. me: Peig O'Shaughnessy. we both have questions",
        ["Fitzgerald", "O'Shaughnessy", "Peig"],
    ),
    ("wife: Aigerim Seitkali, me: Nurlan Seitkali", ["Aigerim", "Seitkali", "Nurlan"]),
    ("daughter: mei-ling chow. she will drive", ["mei-ling", "chow"]),
    ("Patient: Eilidh MacLeod. carer: Ruaridh MacLeod", ["Eilidh", "MacLeod", "Ruaridh"]),
]
ROUND_6_DETAILS = [
    ("reply to rosalind_fairweather at icloud", ["rosalind_fairweather at icloud"]),
    ("its bongani.dlamini at gmail", ["bongani.dlamini at gmail"]),
    ("email me kofi88 at hotmail thanks", ["kofi88 at hotmail"]),
    ("my email is wanjiru at yahoo", ["wanjiru at yahoo"]),
    (
        "my email is gigi underscore marchetti at yahoo dot com",
        ["gigi underscore marchetti at yahoo dot com"],
    ),
    ("write to jo dash kim at gmail dot com", ["jo dash kim at gmail dot com"]),
    (
        "ana underscore paula underscore silva at hotmail dot com is mine",
        ["ana underscore paula underscore silva at hotmail dot com"],
    ),
    ("confirmation code QX7T9P from the booking email", ["QX7T9P"]),
    ("booking ref AB12CD for the scan", ["AB12CD"]),
    ("reference number 7KXQ2M in the letter", ["7KXQ2M"]),
    ("appointment reference: ZK3-9PQ, can I move it", ["ZK3-9PQ"]),
    ("I had my MRI on Oct. 3 and the radiologist called me on 10-17", ["Oct. 3", "10-17"]),
    ("seen on 11-04 and then again", ["11-04"]),
    ("the scan is booked for 03-22.", ["03-22"]),
    ("she called since 09-30, is that normal", ["09-30"]),
    ("dob is june", ["june"]),
    ("my birthday is in october", ["october"]),
    ("born in march, is that too old", ["march"]),
    ("the 8th 1941", ["8th"]),
    ("back in september on the 21st i had the scan", ["september", "21st"]),
    ("in march on the 3rd i fell down the stairs", ["march", "3rd"]),
    ("it was october on the 14th, when it started", ["october", "14th"]),
    ("my dad just had his 100th birthday, lol, is he a candidate", ["100th"]),
    ("her 95th bday is next week, can she have it", ["95th"]),
    ("mum's ninety-fifth birthday is in may", ["ninety-fifth"]),
    ("my 101st birthday party is soon", ["101st"]),
    ("grandpa's ninetieth birthday was last week", ["ninetieth"]),
    (
        "Mi dirección es Calle de los Olivos 12, Hartford. ¿Me mandan la información?",
        ["Calle de los Olivos 12", "Olivos", "12", "Hartford"],
    ),
    ("vivo en Avenida Paulista 1578, São Paulo", ["Avenida Paulista 1578", "Paulista", "1578"]),
    ("mi casa: carrera 15 # 88-64 bogota", ["carrera 15 # 88-64", "88-64"]),
    ("Rua das Flores 45 apt 3", ["Rua das Flores 45", "Flores"]),
    ("calle mayor 4, madrid", ["calle mayor 4"]),
    ("is the hospital near 1142 Farmington Ave?", ["1142 Farmington Ave", "1142", "Farmington"]),
    ("we are near 88 Shuttle Meadow Ave", ["88 Shuttle Meadow Ave", "88", "Meadow"]),
    ("the clinic near 21 Oak Lane is closer", ["21 Oak Lane", "21"]),
]
ROUND_6_KEPT = [
    ("Does the Kyphon balloon method differ from vertebroplasty?", "Kyphon balloon"),
    ("is the Medtronic Kyphon kit used here", "Medtronic Kyphon"),
    ("Is Stryker cement the same", "Stryker"),
    ("what is a SpineJack implant", "SpineJack"),
    ("Will it help my Alzheimer's mother's back pain?", "Alzheimer's mother's"),
    ("my Parkinson's father's spine is weak", "Parkinson's father's"),
    ("can my Paget's husband's bones take the cement", "Paget's husband's"),
    ("Is Virginia Mason a place that does vertebroplasty too?", "Virginia Mason"),
    ("Did Johns Hopkins hospital invent it", "Johns Hopkins"),
    ("Is Mayo Clinic better for this", "Mayo Clinic"),
    ("is the hospital near the highway", "near the highway"),
    ("Is Dr. Patel doing it?", "Dr. Patel"),
    ("a note from Dr Patel said 2 weeks", "Dr Patel"),
    ("the nurse said rest for 2 days", "nurse said"),
    ("nurse practitioner visit after", "nurse practitioner"),
    ("it takes from 1-2 hours", "1-2 hours"),
    ("from 10-12 weeks to heal", "10-12 weeks"),
    ("I had surgery in june", "in june"),
    ("my 60th birthday is soon", "60th birthday"),
    ("we met at 10 at gmail", "at 10"),
    ("the plaza 2 blocks away", "plaza 2 blocks"),
    ("confirmation code arrived by email", "confirmation code arrived"),
    ("I signed the consent form", "signed the consent form"),
    ("me: worried about it", "me: worried"),
]


@pytest.mark.parametrize(("text", "names"), ROUND_6_NAMES)
def test_round_6s_names_are_removed_as_a_class(text: str, names: list[str]) -> None:
    assert not _left_raw(text, names, by_word=True), redact(text)


@pytest.mark.parametrize(("text", "values"), ROUND_6_DETAILS)
def test_round_6s_details_are_removed_as_a_class(text: str, values: list[str]) -> None:
    assert not _left_raw(text, values, by_word=False), redact(text)


@pytest.mark.parametrize(("text", "kept"), ROUND_6_KEPT)
def test_round_6s_ordinary_words_stay(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_a_doctors_surname_alone_stays_and_the_full_name_goes() -> None:
    """docs/privacy.md: "Dr. Patel" is kept (a clinician typed by surname), "Dr Sunita
    Raghavan-Pillai" is masked like any name."""
    assert redact("ask Dr. Patel") == "ask Dr. Patel"
    assert redact("ask Dr. Anjali Patel") == f"ask Dr. {NAME_MARK}"


def test_a_split_date_of_birth_is_masked_in_both_messages() -> None:
    """ "dob is june" / "the 8th 1941" (round 6): the month was stored raw in the first."""
    assert redact("dob is june") == f"dob is {DATE_MARK}"
    assert redact("the 8th 1941") == DATE_MARK


@given(
    st.sampled_from(["nurse ", "Dr ", "husband: ", "Signed, ", "cheers mate, ", "question from "]),
    st.text(alphabet="abkoyMNP &,.:-\n'0123456789", max_size=40),
)
@settings(max_examples=200, derandomize=True, deadline=None)
def test_round_6s_cues_take_hostile_input(cue: str, text: str) -> None:
    """The new cues before any mix of letters, digits and marks never break redaction and
    stay idempotent."""
    once = redact(cue + text)
    assert redact(once) == once


# Issue 21, round 7 (outside tester t21r7): each leak class with the tester's lines and 3-5
# phrasings of our own (names of many origins, lower case, typos); the over-masked words stay.
ROUND_7_DETAILS = [
    # 1 a surname before "family"
    ("msg for the nurse from Oyelaran family: mum is nervous", ["Oyelaran"]),
    ("this is a question from the Kowalczyk-Nowak family about grandma", ["Kowalczyk-Nowak"]),
    ("the Abernethy-Quaye family are all coming to the hospital with her", ["Abernethy-Quaye"]),
    ("msg from the Tembo-Mwakyusa family, is it safe", ["Tembo-Mwakyusa"]),
    ("from the oyelaran famly, thank you", ["oyelaran"]),
    ("Nakamura family here, quick question", ["Nakamura"]),
    ("the nguyen-tran family says thanks", ["nguyen-tran"]),
    ("love from the Szczepański family", ["Szczepański"]),
    # 2 "its <kin> <name>" without the apostrophe
    ("hi its grandma bev, and ps my member id is ZHA 1193 0471", ["bev", "1193 0471"]),
    ("hello again, its uncle dov, is the cement safe", ["dov"]),
    ("its uncle fitzroy, one more question about driving", ["fitzroy"]),
    ("its auntie ngozi here again", ["ngozi"]),
    ("its nana wiremu, can i ask", ["wiremu"]),
    ("its granddad wojtek, me again", ["wojtek"]),
    ("its cousn tomasz asking for my aunt", ["tomasz"]),
    # 3 a house number in words before any street word
    ("i live at eighty seven juniper court, how far is the hospital", ["eighty seven", "juniper"]),
    ("my address is one twenty two hawthorn circle", ["one twenty two", "hawthorn"]),
    ("mum lives at nine willowbrook court by herself", ["nine willowbrook", "willowbrook"]),
    ("we live at forty one maple way near the school", ["forty one", "maple"]),
    ("send it to three oakridge terrace please", ["three oakridge", "oakridge"]),
    ("i live at twelve birchwood drive", ["twelve birchwood", "birchwood"]),
    ("she lives at sixty two cedar loop", ["sixty two", "cedar"]),
    ("my address is five linden place", ["five linden", "linden"]),
    # 4 a ZIP in words
    ("zip code zero six four eight nine", ["zero six four eight nine"]),
    ("my zip is oh six seven eight six", ["oh six seven eight six"]),
    ("zipcode: zero six zero five one", ["zero six zero five one"]),
    ("my zip is zero six seven one six", ["zero six seven one six"]),
    ("zip: one oh one two three and the town is small", ["one oh one two three"]),
    ("postal code is nine zero two one oh", ["nine zero two one oh"]),
    ("zip code 0 six 1 0 three", ["0 six 1 0 three"]),
    # 5 a mobile-home or RV lot with its park
    ("lot 17 at Sunny Acres mobile home park off route 6", ["lot 17", "Sunny Acres"]),
    ("we are in space 14 at Shady Oaks RV park, is that close", ["space 14", "Shady", "Oaks"]),
    ("trailer 22 Pine Grove mobile home court plainville", ["trailer 22", "Pine", "Grove"]),
    ("site 9, lakeview rv resort", ["site 9", "lakeview"]),
    ("lot #203 in Maple Leaf trailer park", ["lot #203", "Maple Leaf"]),
    ("space 31 willow creek mobile home community", ["space 31", "willow creek"]),
    ("pad 12 at Desert Palms RV park", ["pad 12", "Desert Palms"]),
    # 6 a phone in words whose first six digits end the message
    ("my number is eight six oh, five eight two", ["eight six oh, five eight two"]),
    ("my cell is eight six oh, five five five", ["eight six oh, five five five"]),
    ("call me at two oh three four four one", ["two oh three four four one"]),
    ("my phone is nine one seven, two two three", ["nine one seven, two two three"]),
    ("text me at 860 five eight two", ["860 five eight two"]),
    # 7 a personal URL path after a domain
    ("follow mums progress at caringbridge.org/visit/eleanorwhitby", ["eleanorwhitby"]),
    ("see our updates at caringbridge.org/visit/harrietmcnulty", ["harrietmcnulty"]),
    ("photos at instagram.com/leokadia_z_1937", ["leokadia_z_1937"]),
    ("posting at facebook.com/margaret.osei.92", ["margaret.osei.92"]),
    ("donate at gofundme.com/f/help-for-dad-walter", ["help-for-dad-walter"]),
    ("nana is at tiktok.com/@nana_rosa", ["nana_rosa"]),
    # 8 the letter prefix of a spaced member / policy id
    ("BCBS member # XKP 884 21 9987", ["XKP", "884 21 9987"]),
    ("member id ABQ 772 19 4410 for my wife", ["ABQ", "772 19 4410"]),
    ("policy # ZRT 118 44 2290", ["ZRT", "118 44 2290"]),
    ("subscriber id WXY 123 45 6789", ["WXY"]),
    ("policy number: hmo 553 21 8890", ["hmo"]),
    ("my member no. KD 448 21 0093", ["KD"]),
    # 9 bill, invoice, statement and account numbers
    ("my bill number is 66128, do you take payment plans", ["66128"]),
    ("my bill # 33105 says I owe money", ["33105"]),
    ("invoice 44812 from radiology, is that right", ["44812"]),
    ("statement number 90217 arrived today", ["90217"]),
    ("my bill number is 57201, can I pay monthly", ["57201"]),
    ("invoice no. 7731 is wrong", ["7731"]),
    ("billing number 229014", ["229014"]),
    ("receipt number 55120 for the scan", ["55120"]),
    # 10 placard, tag, plate and permit codes
    ("handicap placard number 7KXR22 is on my car", ["7KXR22"]),
    ("parking placard 9RTW41 in the windscreen ok?", ["9RTW41"]),
    ("tag number 3HJK77", ["3HJK77"]),
    ("my permit is 4GHT9 for the lot", ["4GHT9"]),
    ("disability tag# 88ZX3", ["88ZX3"]),
    ("license plate 7ABC12 is my sons car", ["7ABC12"]),
    # 11 ages over 89 without "is" or "aged"
    ("nonagenarian here, 92 last month. still want it done!", ["92"]),
    ("dad, 98 this spring, still drives, can he drive after", ["98"]),
    ("she just had her 93rd last month", ["93rd"]),
    ("at ninety-six should she even bother", ["ninety-six"]),
    ("grandad, 97 in june, can he have it", ["97"]),
    ("my aunt's 96th was in may", ["96th"]),
    ("at ninety two is she too old", ["ninety two"]),
    ("mum 95 next month and still walking", ["95"]),
    # 12 Spanish spelled e-mails and dates in words
    ("mi correo es rosa punto linares arroba gmail punto com", ["rosa punto linares", "linares"]),
    ("mi correo: jose punto garcia arroba hotmail punto com", ["jose punto garcia", "garcia"]),
    ("juan guion bajo perez arroba yahoo punto es", ["juan guion bajo perez", "perez"]),
    ("escriba a carmen23 arroba outlook punto com punto mx", ["carmen23"]),
    ("nací el doce de marzo de mil novecientos cuarenta", ["doce de marzo"]),
    ("nació el primero de enero de mil novecientos treinta y ocho", ["primero de enero"]),
    ("fecha de nacimiento: veintiuno de junio de 1941", ["veintiuno de junio"]),
    ("el tres de mayo de mil novecientos treinta", ["tres de mayo"]),
    # 13 the last four of an SSN after "ends in"; a name after "c/o"
    ("social security no. ends in 4471", ["4471"]),
    ("ssn ending in 0932", ["0932"]),
    ("my social ends with 7781", ["7781"]),
    ("write to me c/o Ashworth-Pryce, 12 Mill Lane", ["Ashworth-Pryce", "12 Mill Lane"]),
    ("send it c/o nkechi eze please", ["nkechi", "eze"]),
    ("care of Mrs Oduya-Bankole, same address", ["Oduya-Bankole"]),
    ("c/o Lindqvist at the farm", ["Lindqvist"]),
]
ROUND_7_KEPT = [
    ("we go to Mass every Sunday, can I kneel after", "Mass"),
    ("I go to mass on Sundays and Tuesdays", "Sundays and Tuesdays"),
    ("we came from Guatemala and speak K'iche' at home", "Guatemala"),
    ("we came from Guatemala and speak K'iche' at home", "K'iche'"),
    ("my mother was born in Mexico", "Mexico"),
    ("im a nonagenarian, is it safe", "nonagenarian"),
    ("can I bring water from Lourdes", "water from Lourdes"),
    ("I pray at the grotto of Lourdes", "grotto of Lourdes"),
    ("my family is worried", "family is worried"),
    ("the whole family is coming", "whole family"),
    ("our family doctor said yes", "our family doctor"),
    ("any family history of it matters?", "any family history"),
    ("the same family of drugs", "same family"),
    ("its uncle again with one more question", "uncle again"),
    ("I live two hours drive away", "two hours drive"),
    ("we live at one end of a long court", "one end"),
    ("pain 8/10 after 87 steps, T12", "8/10 after 87 steps, T12"),
    ("the bill was 2500 dollars", "2500 dollars"),
    ("the tag on the box says 2 doses", "tag on the box"),
    ("permit me to ask one thing", "permit me"),
    ("she walks 95 meters this week", "95 meters"),
    ("is there an RV park near the hospital", "an RV park near"),
    ("the 95th percentile", "95th percentile"),
    ("zip it, I know", "zip it"),
    ("how long is the trailer ride", "trailer ride"),
    ("cinco minutos", "cinco minutos"),
    # the tester's own lines
    ("I will miss Mass on Sunday, is that ok", "Mass on Sunday"),
    ("my daughter visits on Sundays and Tuesdays", "Sundays and Tuesdays"),
    ("we are from Guatemala and my mother speaks only K'iche'", "Guatemala"),
    ("we are from Guatemala and my mother speaks only K'iche'", "K'iche'"),
    ("Is Lourdes water ok to drink before", "Lourdes water"),
    ("Can you tell Father Ignatius Okeke that I will miss mass while I recover?", "miss mass"),
    ("whatsapp +52 55 4821 9930 es mi hijo en Mexico", "Mexico"),
    ("nonagenarian here, 92 last month. still want it done!", "nonagenarian here"),
    ("Ms Adeyemi-Balogun said I should ask here", "said I should"),
    ("Mrs Okafor says hello", "says hello"),
    ("my name is Wanjiru Kamau said my nurse", "said my nurse"),
]


@pytest.mark.parametrize(("text", "values"), ROUND_7_DETAILS)
def test_round_7s_details_are_removed_as_a_class(text: str, values: list[str]) -> None:
    assert not _left_raw(text, values, by_word=False), redact(text)


@pytest.mark.parametrize(("text", "kept"), ROUND_7_KEPT)
def test_round_7s_ordinary_words_stay(text: str, kept: str) -> None:
    assert kept in redact(text)


# --- issue 21, round 8: the outside tester's leaks, each with variants of our own ----------
ROUND_8_DETAILS = [
    # 1 a lower-case surname after a lower-case first name after "name:" / "my names"
    ("the patients name: ikaika kahananui. how long is recovery", ["ikaika", "kahananui"]),
    ("hi my names zofia grzelak i have osteoporosis", ["zofia", "grzelak"]),
    ("my names tendai moyo and im 77", ["tendai", "moyo"]),
    ("pt name: siosaia fifita, is he too old", ["siosaia", "fifita"]),
    ("his name is kwabena owusu-ansah. can he come", ["kwabena", "owusu-ansah"]),
    # 2 a full name's possessive after "sent from" / "on ... phone"
    (
        "Sent from Kofi Asante-Mensah's phone, he's my uncle. what are the risks",
        ["Kofi", "Asante-Mensah"],
    ),
    ("sent from tunde bakare's ipad", ["tunde", "bakare"]),
    ("Sent from Chidi Okonkwo-Eze's iPhone", ["Chidi", "Okonkwo-Eze"]),
    ("typing on ama boateng's phone, she is my aunt", ["ama", "boateng"]),
    ("im using Yaw Darkoa's laptop to ask", ["Yaw", "Darkoa"]),
    # 3 a lower-case first name and 's before chat / phone / account / son
    (
        "is this bernadette's chat or did i type to the wrong place lol. my back hurts",
        ["bernadette"],
    ),
    ("is this gertrude's chat? i need help with my back", ["gertrude"]),
    ("im on mildred's account, she's my mum", ["mildred"]),
    ("this is ngozi's phone, she is asleep", ["ngozi"]),
    ("its harriets son here, she had the surgery", ["harriets"]),
    # 4 a capitalised word after a kin word is a name even if it is a dictionary word
    ("Would Dr. see my husband Prosper first? He's in more pain", ["Prosper"]),
    ("my daughter Bliss will drive me", ["Bliss"]),
    ("my son Hunter is taking me home", ["Hunter"]),
    ("my grandson Justice, he is 12", ["Justice"]),
    ("can my wife Treasure stay with me", ["Treasure"]),
    # 5 name cues in other languages
    ("Tên tôi là Trần Văn Phúc, tôi bị đau lưng", ["Trần", "Văn", "Phúc"]),
    ("Tên bà tôi là Lê Thị Mai, bà bị gãy xương sống", ["Lê", "Thị", "Mai"]),
    ("ten toi la nguyen van hung", ["nguyen", "van", "hung"]),
    ("wo jiao Zhang Wei, my back hurts", ["Zhang", "Wei"]),
    ("wǒ de míngzi shì li xiuying", ["li", "xiuying"]),
    ("ako si Maricel Dizon, tanong lang po", ["Maricel", "Dizon"]),
    ("ang pangalan ko ay jocelyn bautista", ["jocelyn", "bautista"]),
    ("mwen rele Jean-Robert Pierre-Louis", ["Jean-Robert", "Pierre-Louis"]),
    ("non mwen se marie-ange joseph", ["marie-ange", "joseph"]),
    ("ismi Khalid Al-Mansouri, salam", ["Khalid", "Al-Mansouri"]),
    ("ana esmi fatima zahra, is it safe", ["fatima", "zahra"]),
    ("je ireumeun Kim Minjun imnida", ["Kim", "Minjun"]),
    # 6 a street after a unit, without a street word
    (
        "can you send the leaflet to apt 4B 220 N Main, my mailbox is broken downstairs",
        ["220 N Main"],
    ),
    ("apartment 3, 18 S Elm, terryville", ["18 S Elm"]),
    ("unit 7b 41 W Queen", ["41 W Queen"]),
    ("I'm in unit 12, 77 Tunxis Mill, bristol, how do i get a ride", ["77 Tunxis Mill", "bristol"]),
    ("im in unit 3, 54 Cedar Swamp, wolcott", ["54 Cedar Swamp", "wolcott"]),
    ("suite 210, 9 Farmington, plainville", ["9 Farmington"]),
    # 7 a house number and a capitalised name after on/at with a place cue
    ("were the yellow house on 39 Rockwell, about 20 mins from you", ["39 Rockwell"]),
    ("we live on 112 Fenn, the blue house", ["112 Fenn"]),
    ("she lives at 8 Stafford near the school", ["8 Stafford"]),
    ("the house at 27 Birchwood has a ramp", ["27 Birchwood"]),
    # 8 a PO box misspelt
    ("mail it to PO Bx 4471 Forestville", ["4471", "Forestville"]),
    ("send it to PO Bx 3382 Plantsville", ["3382", "Plantsville"]),
    ("po bix 12 bristol ct", ["12"]),
    ("P.O.B. 9921, Wolcott", ["9921"]),
    ("my p o bx is 5510", ["5510"]),
    # 9 hundreds in words before a street word, no cue
    (
        "her place: three hundred forty Wolcott rd, 2nd floor, no elevator",
        ["three hundred forty Wolcott rd"],
    ),
    (
        "his apartment: two hundred twelve Birch rd, how does he get home",
        ["two hundred twelve Birch rd"],
    ),
    ("six hundred and five oak street is mine", ["six hundred and five oak street"]),
    ("we're at four hundred Main St", ["four hundred Main St"]),
    # 10 the number before calle / avenida
    ("mi dirección es 310 avenida Broad, Bristol", ["310 avenida Broad", "Bristol"]),
    (
        "mi casa está en 48 calle Orchard, Southington, ¿hay transporte?",
        ["48 calle Orchard", "Southington"],
    ),
    ("vivimos en 12 avenida central", ["12 avenida central"]),
    ("1450 calle de la Paz apto 3", ["1450 calle de la Paz"]),
    # 11 a month and day without a year after an event
    ("the fall happened 11/3 and the MRI was 11/19, is it too late", ["11/3", "11/19"]),
    ("the pain started 10/2 and got worse 10/9, should I come in sooner", ["10/2", "10/9"]),
    ("he fell 9/27, X ray on 9/30, what now", ["9/27", "9/30"]),
    ("she broke it 12/24 at church", ["12/24"]),
    ("my ct scan was 3/14 and it showed a fracture", ["3/14"]),
    ("it began 1/15", ["1/15"]),
    # 12 a birthday with spaces round the slash
    ("her bday is 4 / 17, she'll be 90", ["4 / 17"]),
    ("her bday is 6 / 21, will she be home for it", ["6 / 21"]),
    ("b-day 11 / 2", ["11 / 2"]),
    ("his birthday is 7 - 30", ["7 - 30"]),
    # 13 an e-mail said as its parts after the provider's name
    ("my gmail is harold w pemberton 1940", ["harold", "pemberton", "1940"]),
    ("my yahoo is margaret t oduya 44", ["margaret", "oduya", "44"]),
    ("my hotmail is bobby r lindstrom", ["bobby", "lindstrom"]),
    ("her outlook is jkowalski 55, email her", ["jkowalski"]),
    ("my aol: grandpa joe 1938", ["grandpa", "joe", "1938"]),
    ("icloud is sunflower underscore mae", ["sunflower", "mae"]),
]
ROUND_8_KEPT = [
    ("my back is Baker's dozen of problems lol is there a 24 hour line", "Baker's dozen"),
    ("I also have a Baker's cyst behind my knee, does that matter?", "Baker's cyst"),
    ("my wife has Bell's palsy", "Bell's palsy"),
    ("he has Crohn's and Graves' disease", "Crohn's and Graves'"),
    ("Addison's, Cushing's and Raynaud's", "Addison's, Cushing's and Raynaud's"),
    ("Sjögren's and Hashimoto's", "Sjögren's and Hashimoto's"),
    ("my husband has Tourette's and Dupuytren's contracture", "Tourette's and Dupuytren's"),
    ("pain 8/10 since it started", "8/10"),
    ("blood pressure was 140/90 on it", "140/90"),
    ("she started 1/2 tablet of tramadol", "1/2 tablet"),
    ("the pain was 7/10 and got worse 9/10", "7/10"),
    ("my gmail is not working", "gmail is not working"),
    ("is my outlook good after this", "outlook good"),
    ("my husband Has a question", "Has a question"),
    ("my son Will drive me", "Will drive"),
    ("unit 4 on the ward is nice", "on the ward"),
    ("three hundred people have had it", "three hundred people"),
    ("we live on 2 floors", "2 floors"),
    ("is this the right chat", "the right chat"),
    ("Tên thuốc là gì", "Tên thuốc là gì"),
    ("ten toi la gi", "ten toi la gi"),
    ("ako si lola, may tanong ako", "ako si lola"),
    ("I walked 200 N of the hospital", "200 N of the hospital"),
]


@pytest.mark.parametrize(("text", "values"), ROUND_8_DETAILS)
def test_round_8s_details_are_removed_as_a_class(text: str, values: list[str]) -> None:
    assert not _left_raw(text, values, by_word=False), redact(text)


@pytest.mark.parametrize(("text", "kept"), ROUND_8_KEPT)
def test_round_8s_ordinary_words_stay(text: str, kept: str) -> None:
    assert kept in redact(text)


# Property tests for round 8's new cues: any made-up name, any month and day, any case.
MADE_UP = st.from_regex(
    r"[bcdfgklmnprstvz][aeiou][bcdfgklmnprstvz]{2}[aeiou][nrs]{1,2}", fullmatch=True
)
OWNER_CUES = st.sampled_from(["sent from", "Sent from", "typing on", "is this", "im on", "its"])
OWNED = st.sampled_from(["phone", "iPad", "chat", "account", "son", "laptop"])


@settings(max_examples=120, derandomize=True, deadline=None)
@given(cue=OWNER_CUES, first=MADE_UP, last=MADE_UP, owned=OWNED, upper=st.booleans())
def test_the_owner_of_a_phone_or_chat_is_removed(
    cue: str, first: str, last: str, owned: str, upper: bool
) -> None:
    name = f"{first.title()} {last.title()}" if upper else f"{first} {last}"
    redacted = redact(f"{cue} {name}'s {owned}, what are the risks")
    assert last not in redacted.lower(), redacted


EVENTS = st.sampled_from(["he fell", "it happened", "the pain started", "the MRI was", "it began"])


@settings(max_examples=120, derandomize=True, deadline=None)
@given(event=EVENTS, month=st.integers(1, 12), day=st.integers(1, 31), after=NO_DIGITS)
def test_a_month_and_day_after_an_event_is_removed(
    event: str, month: int, day: int, after: str
) -> None:
    # A unit or count after the figures makes them a range, not a date ("10-15 minutes", "3-4
    # weeks", "1/2 tablet"): the same words EVENT_DATE leaves alone.
    units = r"tab|pill|cap|dose|mg|ml|cup|hour|hr|of|min|day|week|wk|month|year|yr|time|level"
    assume(not re.match(rf"\s*(?:{units}|vertebrae|fracture|scale)", after, re.IGNORECASE))
    scored = re.search(r"pain|score|scale|rate|level|hurt", event + after, re.I)
    assume(not (day == 10 and scored))  # a score out of ten in a message about pain stays
    redacted = redact(f"{event} {month}/{day} {after}")
    assert f"{month}/{day}" not in redacted, redacted


@settings(max_examples=120, derandomize=True, deadline=None)
@given(score=st.integers(0, 10), event=EVENTS)
def test_a_pain_score_after_an_event_stays(score: int, event: str) -> None:
    text = f"{event} and the pain got worse {score}/10"
    assert f"{score}/10" in redact(text)


# --- round 9 (issue 21): rules for whole classes ---------------------------------------------
# The fresh outside tester's round 9 (and our own variants, also in the corpus):
# each failed on the code before its class's rule.
ROUND_9_MASKED = [
    # numbers: any number of 5+ digits alone; 4 digits after a cue that they end a number
    ("we're in the 06762 area, do you cover us", "06762", "address"),
    ("my zip's 06111 is that close", "06111", "address"),
    ("My post code is 06037-1123, is that your area?", "06037-1123", "address"),
    ("MR# 55102 on the wristband", "55102", "mrn"),
    ("med rec # 44120 from the ER visit", "44120", "mrn"),
    ("wristband number 33109 from my stay", "33109", "mrn"),
    ("hospital bracelet read 772019 i think", "772019", "mrn"),
    ("last 4 of my ss are 3382", "3382", "ssn"),
    ("soc sec ends with 7720", "7720", "ssn"),
    ("social last digits 4410 if it helps", "4410", "ssn"),
    ("I paid with my debit card last digits 7781, was I charged twice", "7781", "account"),
    ("I paid by visa that ends 0092 and got two charges", "0092", "account"),
    # names in lower case anywhere, surname cues, Surname, Given, spelled letter by letter
    ("hi there, appointment is for teodora lungu, she is my aunt", "teodora lungu", "name"),
    ("the patient is ximena quispe huaman, will it hurt", "ximena quispe huaman", "name"),
    ("our pastor rev. tobias whitcombe wants to visit me", "tobias whitcombe", "name"),
    ("my bf kaito hasegawa keeps asking if i can fly after", "kaito hasegawa", "name"),
    ("can siobhan stay overnight with me after the procedure", "siobhan", "name"),
    ("please let harriet know I will be late", "harriet", "name"),
    ("its for my aunty wairimu btw", "wairimu", "name"),
    ("my gf svetlana petrova will pick me up", "svetlana petrova", "name"),
    ("appointment is for ruairi mac an tsaoir, how long", "ruairi mac an tsaoir", "name"),
    ("surname is Oyelowo-Bankole, first name Adetokunbo.", "Oyelowo-Bankole", "name"),
    ("Patient: Fernández-Ochoa, Itzel. DOB: 7 Jun 1940.", "Itzel", "name"),
    ("name spelled d-a-r-i-u-s-z k-o-w-a-l-s-k-i in case", "d-a-r-i-u-s-z k-o-w-a-l-s-k-i", "name"),
    ("spelt O-K-O-N-K-W-O, for the records", "O-K-O-N-K-W-O", "name"),
    ("spelled m a r g i t if you need it", "m a r g i t", "name"),
    # a day of the month after a booking's word; an age over 89 with a word that makes it one
    ("the procedure is booked for Tues the 15th, do I stop aspirin", "15th", "date"),
    ("booked for the 15th, do I stop ibuprofen", "15th", "date"),
    ("my appt is Weds the 9th at 10am, what should I eat", "9th", "date"),
    ("surgery is scheduled for the 28th, can I drive there", "28th", "date"),
    ("pt is a 97 y/o female with a T12 fracture", "97", "age"),
    ("my mother, 99 come January, wants to know", "99", "age"),
    ("grandpa is nearly 95 is that too old", "95", "age"),
    ("my dad is turning 91 next month, can he have it", "91", "age"),
    # handles, user names, links read aloud, e-mails spoken from their cue
    ("my insta is @radomila_vlk if someone can message me", "@radomila_vlk", "url"),
    ("username on mychart is eszter.vadkerti58, can i see", "eszter.vadkerti58", "url"),
    ("page gofundme dot com slash help-grandpa-wendell", "help-grandpa-wendell", "url"),
    ("updates on caringbridge dot org slash visit slash grandmaluz", "grandmaluz", "url"),
    # (the words before the masked address: checked word by word, as a name's are)
    ("mail me at m kowalczyk 1949 at gmail dot com", "kowalczyk", "name"),
    ("email ana maria dot leite 1950 at hotmail dot com", "leite", "name"),
    # addresses: more street words, house and route numbers, corners, named blocks, Mexico
    ("I'm at 14B Kensington Gardens, Plainville. Is there transport?", "Kensington", "address"),
    ("Mom is at 40 Ledgecrest Landing, Plainville, she can't drive", "Ledgecrest", "address"),
    ("our home is 118 Quarry Heights in Wolcott", "Quarry Heights", "address"),
    ("the yellow house number 389, we need a ride", "389", "address"),
    ("we are on rt 69 past the white church, house 1418", "1418", "address"),
    ("the corner of Wexford Lane and Tillotson Rd, is there a shuttle", "Wexford", "address"),
    ("building 2 of the willow brook apartments on route 229", "willow brook", "address"),
    ("Dirección: Av. Insurgentes Sur 1602, Col. Crédito Constructor", "Insurgentes", "address"),
    # plates after reg/registration/plate, and the UK shape anywhere
    ("car reg is KX19 VRT, can I park in the disabled spot", "KX19 VRT", "licence"),
    ("my registration is RT52 KLM, where can I park", "RT52 KLM", "licence"),
    ("my son's car, LB68 WZT, will wait outside", "LB68 WZT", "licence"),
]
ROUND_9_KEPT = [
    "Is the CPT code 22510 or 22511 for one level?",
    "I walk 10000 steps a day, can I keep doing that",
    "the visit ends at 1130 so can I eat after",
    "my lease ends in 2027, does that matter",
    "the bill was 12500 dollars, is that normal",
    "will I need a Foley catheter?",
    "who painted the mona lisa",
    "I take route 2 bus to get there",
    "the house 2 doors down has a ramp",
    "can I email the nurse about it",
    "my facebook is the best way to reach me",
    "Tues works for me, is there a slot",
    "I am nearly 95% sure it is the same spot",
    "we're going to the st francis clinic after",
    "ako si lola, may tanong ako",
    "Is the Jamshidi needle the one they use?",
    "Heather Hill rehab take me after?",
    "will I be on Dilaudid or Toradol for pain",
    "Did the Dodgers game give me this back pain lol, how long to recover",
]


@pytest.mark.parametrize(("text", "value", "kind"), ROUND_9_MASKED)
def test_round_9_identifiers_are_masked(text: str, value: str, kind: str) -> None:
    assert found(value, kind, redact(text), text), redact(text)


@pytest.mark.parametrize("text", ROUND_9_KEPT)
def test_round_9_ordinary_messages_are_kept(text: str) -> None:
    assert redact(text) == text


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    digits=st.text("0123456789", min_size=5, max_size=9),
    before=st.sampled_from(["my number is ", "we are in ", "", "it says ", "MR# "]),
    after=st.sampled_from(["", " thanks", ", is that ok", "?"]),
)
def test_a_long_number_alone_never_stays(digits: str, before: str, after: str) -> None:
    """Any number of 5 digits or more typed alone is masked, whatever its cue (round 9)."""
    out = redact(before + digits + after)
    assert digits not in out


_PLAIN_FIRST = sorted(
    w for w in load_first_names() if len(w) > 3 and not ordinary(w) and w.isascii()
)[:4000:7]


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    name=st.sampled_from(_PLAIN_FIRST),
    frame=st.sampled_from(["can {} stay with me", "please let {} know", "its for {} btw"]),
)
def test_a_first_name_that_is_no_word_is_masked_anywhere(name: str, frame: str) -> None:
    """Round 9: a known first name that is no English word is a name in lower case too."""
    assert name not in redact(frame.format(name)).lower().split()


# Round 10 (issue 21): a fresh outside tester's leaks (/work/tools/t21r10), each rule tested
# with the tester's phrasing and variants of our own.
ROUND_10_MASKED = [
    # dates: a month and day after a clinical event's word; a month with a two-digit year
    ("discharged 11/29 and still sore, is that normal", "11/29", "date"),
    ("mri 11/20 showed L2 fracture, do I qualify", "11/20", "date"),
    ("ct scan 10/30 showed 2 fractures", "10/30", "date"),
    ("surgery was 9-14, when can i lift my grandkids", "9-14", "date"),
    ("had the vertebroplasty 2 weeks ago (nov.18) and now new pain", "nov.18", "date"),
    ("admitted 12/2 for the fracture", "12/2", "date"),
    ("biopsy 3-07 came back fine", "3-07", "date"),
    ("x-ray 4/15 showed a T12 break", "4/15", "date"),
    ("my follow-up 1/8 is with dr lee", "1/8", "date"),
    ("the fall was sept.3 at home", "sept.3", "date"),
    ("born march '52, is that too old?", "march '52", "date_of_birth"),
    ("she was born june '41 and has kyphosis", "june '41", "date_of_birth"),
    ("dob sept \u201938", "sept \u201938", "date_of_birth"),
    ("mom was born in oct '33", "oct '33", "date_of_birth"),
    # ages over 89 in brackets after a person's word or a masked name
    ("dad (97) wants to know if he will be awake", "97", "age"),
    ("grandpa (96) is on oxygen, can he lie flat", "96", "age"),
    ("nana (101) lives with us, would you do it at her age", "101", "age"),
    ("my mother-in-law (93 y/o) fell last week", "93", "age"),
    ("Ruth Abernathy (94) is my aunt", "94", "age"),
    # e-mails without a domain's suffix: a provider after at / on, a user name after a cue
    ("send to rkwame at icloud", "rkwame", "email"),
    ("write to me, mrsdlopez at aol", "mrsdlopez", "email"),
    ("reply to ngozi at hotmail", "ngozi", "email"),
    ("email address is hkaur1950 on gmail", "hkaur1950", "email"),
    ("my email is my name then 52 at yahoo, ferreira52", "ferreira52", "email"),
    ("e-mail is bwashington77 if you need it", "bwashington77", "email"),
    ("pls send to tomasz_w", "tomasz_w", "email"),
    ("send it to jkowal_88 thanks", "jkowal_88", "email"),
    # ids read aloud one character at a time, "dash" for a dash
    (
        "my medicare card says 7 A K 2 dash J N 4 dash W T 6 8",
        "7 A K 2 dash J N 4",
        "health_plan_id",
    ),
    ("my mbi is 3 J K 9 dash X R 2 dash M P 4 7", "3 J K 9 dash X R 2", "health_plan_id"),
    ("mbi: 2hj7 dash kd3 dash mm81", "2hj7 dash kd3", "health_plan_id"),
    ("member id is X G P dash 4 4 1 2 dash 9 0 7", "4 4 1 2 dash 9 0 7", "health_plan_id"),
    ("my medicaid id is 4 4 7 dash 1 8 5 dash C", "4 4 7 dash 1 8 5", "health_plan_id"),
    ("policy number A B C 1 2 3 4 5 6", "A B C 1 2 3 4 5 6", "health_plan_id"),
    # links with spaces around the domain's dot
    ("we set up gofundme . com/f/help-nana-ruth-back for her surgery", "help-nana-ruth", "url"),
    ("updates on caringbridge . org/visit/olgakasprzak", "olgakasprzak", "url"),
    ("my blog is ruthsback. net/posts/12", "ruthsback", "url"),
    ("her page is nanaruthfund . org", "nanaruthfund", "url"),
    # addresses: Spanish and Portuguese word order, a box number without "PO"
    ("vivimos en el 2217 de la calle Wolcott, Bristol", "2217", "address"),
    ("vivo en el 57 de la avenida Farmington, Unionville", "57", "address"),
    ("moro no 88 da rua Augusta", "88", "address"),
    ("Box 512, Harwinton. is mail ok for the results?", "512", "address"),
    ("send it to box 77, Burlington", "77", "address"),
    ("my address is Box 1203 Canton CT", "1203", "address"),
    # partly raw: an apostrophe in an e-mail, pharmacy plan ids, a card's expiry, "my name X"
    ("E-mail: \u200bpat.o'shaughnessy@comcast.net", "pat.o'", "email"),
    ("write to mary.o\u2019neill@gmail.com", "mary.o\u2019", "email"),
    ("rx bin 610014 pcn 9999 rxgrp ab71", "ab71", "health_plan_id"),
    ("my rx grp is RX4471", "RX4471", "health_plan_id"),
    ("paid with my visa exp 0329 last 4 8812", "0329", "account"),
    ("card expires 1127", "1127", "account"),
    ("do you accept Medicaid? ID 001 44 7185 C, my name Truong Van Hieu", "Truong", "name"),
    ("my name Mai Linh, is it safe", "Mai Linh", "name"),
    ("dzień dobry, nazywam się Olga Kasprzak", "Olga Kasprzak", "name"),
    ("Buenos dias, soy Rosa Linares", "Rosa Linares", "name"),
]
ROUND_10_KEPT = [
    "the procedure is 10-15 minutes",
    "surgery takes 1-2 hours",
    "fracture 2/3 of the way down",
    "mri 3-4 weeks after the fall",
    "scan 1-2 times a year",
    "pain got worse 9/10 today",
    "the scan 10-12 days later",
    "dad (95%) sure it was the left side",
    "T12 (95) fracture on the report",
    "my dad (who is 60) fell",
    "my account at gmail is fine",
    "email me about my t12 fracture",
    "send to my daughter please",
    "is there a problem on gmail",
    "my card is a b c d e f",
    "is it plan B or C or D or E",
    "medicare covers 1 dash 2 visits",
    "i went home. com back tomorrow?",
    "the end. Org meeting later",
    "its on the hospital site. com is that right",
    "take 1 . 5 tabs at night",
    "is box 2 ok for the forms",
    "i need a box 10 inches wide",
    "el 25 de la semana",
    "it expires 2027",
    "rx group 5 weeks",
    "my name is on the form",
    "dzień dobry, czy to boli?",
    "Buenos dias, tengo una pregunta",
    "I'm at the Maplewood assisted living on Riverside, room 3",
    "the Oakwood nursing home is near the Lakeside clinic",
]


@pytest.mark.parametrize(("text", "value", "kind"), ROUND_10_MASKED)
def test_round_10_identifiers_are_masked(text: str, value: str, kind: str) -> None:
    assert found(value, kind, redact(text), text), redact(text)


@pytest.mark.parametrize("text", ROUND_10_KEPT)
def test_round_10_ordinary_messages_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(("text", "value", "kind"), ROUND_10_MASKED)
def test_round_10_redacting_twice_changes_nothing(text: str, value: str, kind: str) -> None:
    """The transcript and the question log keep one redaction each; the log's copy is made
    from the stored (redacted) turn, so a second pass must find nothing more (round 10's
    "my name Truong Van Hieu" differed between the two)."""
    once = redact(text)
    assert redact(once) == once


def test_round_10_a_box_keeps_the_words_after_its_town() -> None:
    """ "ok" after a box's town is a word, not Oklahoma: only the box and the town go."""
    assert redact("Box 512, Harwinton. is mail ok for the results?") == (
        f"{ADDRESS_MARK}. is mail ok for the results?"
    )


MARKUP_KEPT = [
    "<img src=x onerror=alert(1)>",
    "<iframe srcdoc=x>",
    "what does <svg onload=x> do",
    "{{user name}} is a template",
]


@pytest.mark.parametrize("text", MARKUP_KEPT)
def test_words_inside_a_tag_are_no_name(text: str) -> None:
    """Round 9's rule "two words in no list are a name" masked "img src" in a pasted tag
    (the question-log follower's hostile-row test found it): a tag's words stay as sent, and
    the console escapes them when shown."""
    assert redact(text) == text


def test_a_name_between_tags_is_still_masked() -> None:
    assert redact("see <b>kaito hasegawa</b>") == f"see <b>{NAME_MARK}</b>"


def test_after_an_age_label_the_number_is_the_age_whatever_follows() -> None:
    """Hypothesis found "age: 90 %" kept: the percent guard of the other age cues must not
    apply after the label."""
    assert redact("age: 90 %") == f"age: {AGE_MARK} %"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "my email is jane.doe@example.com, is it safe?",
            "my email is [email removed], is it safe?",
        ),
        ("email me at bob@aol.com", "email me at [email removed]"),
        ("my email is rkwame at icloud", "my email is [email removed]"),
    ],
)
def test_an_email_cue_keeps_its_own_words(text: str, expected: str) -> None:
    """Round 9's rule took the words between an e-mail's cue and the masked address as the
    address's start, and took "is" and "at" with them (the logging test failed on the fresh
    clone): the cue's words stay."""
    assert redact(text) == expected


# Round 11 (issue 21): how phones and older patients type the same messages.
TYPED_AS = {
    # iPhones and Android keyboards put a typographic apostrophe in "don't"; "don" is a census
    # first name, and 12 training messages typed that way lost it.
    "typographic apostrophes": lambda text: text.replace("'", "\u2019"),
    # Caps lock: read as typed, every word after "MY DAD" was a name (14 messages lost one).
    "capitals": str.upper,
    # Every Word Capitalised (39 messages lost one).
    "title case": str.title,
}
TYPED_AS_ALL = "typographic apostrophes"


@pytest.mark.parametrize("how", sorted(TYPED_AS))
def test_training_messages_typed_on_phones_or_in_capitals_keep_every_word(how: str) -> None:
    typed = [TYPED_AS[how](text) for text in training_messages()]
    # Two words in capitals ("HEY BUDDY") keep their capitals' say: "Margaret Olsen" alone.
    typed = [text for text in typed if how == TYPED_AS_ALL or len(text.split()) >= 3]
    changed = [text for text in typed if redact(text) != text]
    assert changed == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MY NAME IS DOROTHY MCALLISTER AND I AM 81", "DOROTHY"),
        ("MY NAME IS DOROTHY MCALLISTER AND I AM 81", "MCALLISTER"),
        ("MY HUSBAND FRANK NEEDS THIS DONE", "FRANK"),
        ("HI THIS IS MARGARET OLSEN CAN YOU CALL ME", "OLSEN"),
        ("MY DAD OLUWASEUN ADEYEMI HAS A FRACTURE", "ADEYEMI"),
        ("My Husband Frank Dale-Moreno Needs This", "Dale-Moreno"),
        ("Hi I Am Siobhan Kelly From Bristol", "Kelly"),
        ("CALL ME AT 860 555 0199 THANKS DOROTHY", "DOROTHY"),
        ("i don\u2019t know, my name is dorothy mcallister", "mcallister"),
    ],
)
def test_names_typed_in_capitals_or_title_case_are_still_masked(text: str, name: str) -> None:
    assert name not in redact(text)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        # Round 10's leftovers and round 11's (r11a): a street named without a house number.
        ("we live on Chippens Hill Rd in burlington", "Chippens"),
        ("she lives off chippens hill road", "chippens"),
        ("he lives on Oak Lane", "Oak"),
        ("im on West Sycamore Street", "Sycamore"),
        ("...yellow farmhouse on Birch Hollow Rd in Burlington, past the church", "Birch"),
        ("we're on Old Farms Road in Avon, is that far", "Farms"),
        ("she lives off Tunxis Trail in Farmington", "Tunxis"),
        ("room 214, on Hillcrest Drive in Plainville", "Hillcrest"),
        # The street's name given with its number, then named again.
        ("1180 Riverside Dr, and the house on Riverside is blue", "Riverside"),
    ],
)
def test_a_street_named_without_its_number_is_masked(text: str, street: str) -> None:
    assert street not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "ask Dr Patel about it",
        "we met at Hartford Hospital Dr. Lee said it went well",
        "St Francis hospital",
        "on the road again",
        "a long drive home",
        "Ngozi's cousin from down the street had it done",
        "i will go to see dr",
        "12 Oak St, Bristol CT - is Bristol Hospital near?",
    ],
)
def test_titles_saints_and_roads_in_general_are_no_street(text: str) -> None:
    redacted = redact(text)
    for word in ("Patel", "Lee", "Francis", "road", "drive", "street", "dr", "Bristol Hospital"):
        if word in text:
            assert word in redacted, redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("my username is marthaq", None),
        ("my login is grandmabetty", None),
        ("my login is broken", "broken"),
    ],
)
def test_a_user_name_that_is_no_word_is_masked(text: str, kept: str | None) -> None:
    """Round 10's leftover: a user name with no digit, "_" or "." was kept."""
    value = text.split()[-1]
    assert (value in redact(text)) == (kept is not None)


# Round 11 (i21o): phones, e-mails, handles and links the round 11 tester found raw, as
# classes: the tester's own messages are in bench/NOTES.md; these are other phrasings.
@pytest.mark.parametrize(
    ("text", "secret", "mark"),
    [
        # Phones in words with a multiplier after a comma.
        ("call my cell four one three, triple two, oh five one nine", "oh five", PHONE_MARK),
        ("it's five oh eight, double seven, four three two one thanks", "four three", PHONE_MARK),
        ("reach me on nine one seven, double four six, two two oh one", "two two", PHONE_MARK),
        # A letter O typed for a zero.
        ("text me at 4O1-555-O123 after lunch", "O123", PHONE_MARK),
        ("phone (6O3) 555 2O19 please", "2O19", PHONE_MARK),
        ("text me at (4O1) 555 O123", "O123", PHONE_MARK),
        # The last four corrected in the same message.
        ("my cell is 413 555 0191, sorry i meant 0119 at the end", "0119", PHONE_MARK),
        ("you can ring 508 555 0177 no wait it is 0171", "0171", PHONE_MARK),
        ("sorry it's 4471 not 4417 at the end of my cell number", "4471", PHONE_MARK),
        # A phone's first half after a cue in another language.
        ("mi celular es 33 1943 y luego el resto", "1943", PHONE_MARK),
        ("meu telefone é 11 987 depois mando o resto", "987", PHONE_MARK),
        ("el número de mi hija es 860 555 y lo demás luego", "555", PHONE_MARK),
        # Numbers with a country code, or an area code the matcher left.
        ("my son in Mexico is +52 33 1943 8827", "8827", PHONE_MARK),
        ("Handy: 0176 / 55 12 889 bitte", "0176", PHONE_MARK),
        # "arroba" without the domain's end, or "ponto" for its dots.
        ("mi email es pepa.gomez77 arroba gmail por favor", "arroba gmail", EMAIL_MARK),
        ("escriba a don_julio80 arroba outlook gracias", "don_julio80", EMAIL_MARK),
        ("o meu e-mail é maria.silva arroba terra ponto com ponto br", "ponto br", EMAIL_MARK),
        # Account ids after their cue, with words of where between.
        ("her apple id is nanaroz1948 if that helps", "nanaroz1948", LINK_MARK),
        ("my user name for the app is Grandpa_Joe_Ky, it locked me out", "Grandpa_", LINK_MARK),
        ("my whatsapp is tia_lupita62", "62", LINK_MARK),
        ("my whatsapp is TiaLupita_Rosa", "TiaLupita", LINK_MARK),
        # Links with a short top-level domain and a path, or read aloud.
        ("photos on t.ly/NanaKneeX ok", "NanaKneeX", LINK_MARK),
        ("our page is helpmomheal dot blogspot dot com", "helpmomheal", LINK_MARK),
        ("read it at papasback punto wordpress punto com", "papasback", LINK_MARK),
        # Passcodes and PINs after their cue.
        ("the meeting password is 7Hq2zk for the call", "7Hq2zk", ID_MARK),
        ("door code: 2580# at the back", "2580", ID_MARK),
        ("pin for my voicemail is 9021 thanks", "9021", ID_MARK),
    ],
)
def test_round_11_i21o_contacts_are_masked(text: str, secret: str, mark: str) -> None:
    redacted = redact(text)
    assert secret not in redacted
    assert mark in redacted


@pytest.mark.parametrize(
    "text",
    [
        "the pin in my spine is fine",
        "my apple id is not working",
        "what does the passcode for the portal look like?",
        "sorry i meant the one at 2019 not the 2020 one",
        "connect the dots for me please",
        "my number is 860 555 0199, i was born in 1948, sorry",
    ],
)
def test_round_11_i21o_ordinary_words_stay(text: str) -> None:
    kept = {"the pin in my spine is fine", "my apple id is not working"}
    redacted = redact(text)
    if text in kept or "passcode" in text or "dots" in text:
        assert redacted == text
    elif "2019" in text:
        assert "2019" in redacted and "2020" in redacted
    else:
        assert "1948" in redacted


@pytest.mark.parametrize(
    ("previous", "text", "secret"),
    [
        ("number again is 413 555 0191", "ugh typo 0119 i mean", "0119"),
        ("call me at 508 555 0177", "sorry, it's 0171", "0171"),
        ("my cell [phone removed]", "no wait 6632 actually", "6632"),
    ],
)
def test_round_11_i21o_a_corrected_last_four_in_the_next_message(
    previous: str, text: str, secret: str
) -> None:
    assert secret not in redact_continuation(previous, text)


# Round 11 (i21q): an outside tester (t21r11a) found these classes stored raw. Variants of
# our own; each failed before the fix.
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # towns after a cue of where one lives (Safe Harbor counts a city; reverses round 5)
        ("I live in Bristol, do I need a ride or can I take the bus", "Bristol"),
        ("we come from New Britain CT", "Britain"),
        ("mum lives in forestville with my brother", "forestville"),
        ("my hometown is Wolcott, is that far", "Wolcott"),
        ("they're from Terryville originally", "Terryville"),
        ("vivimos en Meriden con mi hija", "Meriden"),
        ("12 Elm St, just outside Torrington", "Torrington"),
        # rural roads, house numbers after the street, corners, postcodes, French streets
        ("they are on township road 9 past the grain elevator", "9"),
        ("our farm is on CR 212 near the silo", "212"),
        ("the cabin at Route 44 mile marker 17", "17"),
        ("the house on Weymouth Rd number 212 is ours", "212"),
        ("we're on Maple Avenue number twenty-two", "twenty-two"),
        ("the intersection of Main St & Riverview, second house", "Riverview"),
        ("postal code K1A 0B1, we are visiting", "K1A"),
        ("my post code: M1 1AE thanks", "1AE"),
        ("my old place was 4 avenue de la République", "République"),
        ("we live at the top of Ridgewood Lane, is it hilly", "Ridgewood"),
        # days alone, weekday dates, split birthdays, other months, day-Mon-year
        ("the scan is booked for the twenty-second, what do i bring", "twenty-second"),
        ("my procedure got scheduled on the 3rd.", "3rd"),
        ("he fell late on the night of the 12th, a friday", "12th"),
        ("appointment is Monday 3/9, should I fast", "3/9"),
        ("dob is the 21st", "21st"),
        ("urodzony 12 marca 1930", "marca"),
        ("née le 3 mars 1940", "mars"),
        ("DOB 12-Sep-1933 if you need it", "Sep"),
        # ages over 89 after a kin possessive, Polish "lata"
        ("Grandma's 97 and sharp as a tack, can she have it", "97"),
        ("my nan's 102 now", "102"),
        ("babcia ma 94 lata", "94"),
    ],
)
def test_round_11_i21q_details_are_masked(text: str, gone: str) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "is Bristol the nearest site",
        "Hartford site or Bristol site, which is closer",
        "I live in a small town, is there transport",
        "we live in fear of another fall",
        "I'm from Mexico, do you have a Spanish interpreter",
        "Dad's 95 percent sure it is fine",
        "booked for the first time, what happens",
        "on the 4th floor of the hospital?",
        "she lives in Connecticut",
    ],
)
def test_round_11_i21q_ordinary_words_stay(text: str) -> None:
    assert redact(text) == text


# Round 11 (i21n): an outside tester's names and over-masking, fixed as classes with phrasings
# of our own; each case failed before the fix.
@pytest.mark.parametrize(
    "text",
    [
        # Contractions typed without their apostrophe after a kin word.
        "my wife wont stop worrying about the cement",
        "my son isnt sure he can drive me",
        "my brother cant walk far",
        "my husband dont drive at night",
        # Peoples and their languages.
        "can a Khmer translator be there",
        "she only speaks Mien, is there an interpreter",
        "my dad speaks Hmong only",
        "can I bring a Tigrinya interpreter",
        # Countries with their accents, states, big cities abroad.
        "somos de Connecticut, hay intérprete?",
        "vivo en Kyiv con mi hija",
        "soy de México y hablo poco inglés",
        "mi papá está en Perú ahora",
        # Function words of other languages.
        "mi hermana vive lejos, puedo ir sola?",
        "Kann meine Tochter mitkommen?",
        "czy moja mama może jeść przed zabiegiem",
        "meine Mutter hat Schmerzen im Rücken",
    ],
)
def test_round_11_ordinary_words_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("mera naam Harpreet hai", "mera naam"),
        ("jina langu ni Achieng, is it safe", "jina langu"),
        ("tnx, Rgds Oksana", "Rgds"),
        ("thanks for that. Brgds Tomasz Nowak", "Brgds"),
        ("thank u so much Rgds Kenji", "Rgds"),
    ],
)
def test_round_11_a_cue_stays_with_its_name_masked(text: str, cue: str) -> None:
    redacted = redact(text)
    assert cue in redacted and NAME_MARK in redacted, redacted


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        # A kin word, a lower-case name one letter from a word, a verb in -s.
        ("my son taylen lives with me", ["taylen"]),
        ("my friend lorne drives me", ["lorne"]),
        ("my husband jaron works shifts", ["jaron"]),
        # A greeting of the day, then "from" and the sender.
        ("Good evening from Nkechi, does it hurt?", ["Nkechi"]),
        ("good day from Chidinma and family", ["Chidinma"]),
        ("Good night from Ebunoluwa!", ["Ebunoluwa"]),
        ("regards from Ifeoma, thank you", ["Ifeoma"]),
        # "from" and a name as the last sentence: a sign-off.
        ("thanks so much for the help. from Tadhg", ["Tadhg"]),
        ("that was clear, ta. From Oluchi", ["Oluchi"]),
        # A name alone as the first sentence.
        ("Sundara Pillai. Does the cement stay forever?", ["Sundara", "Pillai"]),
        ("Wairimu Njoroge. Can my son drive me?", ["Wairimu", "Njoroge"]),
        ("Kaveh Rostami. How long does it take?", ["Kaveh", "Rostami"]),
        # A name before a bracketed kin word.
        ("Basil (my husband) needs a lift home", ["Basil"]),
        ("Ezinne (my sister) will stay overnight", ["Ezinne"]),
        ("Frank (my husband) is driving me", ["Frank"]),
        # A name masked once is masked where it is said again.
        ("Dawn and Cliff Pettigrew here, Cliff is the patient", ["Cliff"]),
        ("Rose and Bill Tremayne here, Bill is the patient", ["Bill"]),
        # A first name that is a word before "'s" and a kin word, and the kin's name after it.
        ("its grace's son kwame, she is worse", ["grace", "kwame"]),
        ("hope's mum ayodele here", ["hope"]),
        ("im joy's husband kofi, does she need to fast", ["joy", "kofi"]),
    ],
)
def test_round_11_names_after_new_cues_are_masked(text: str, raw: list[str]) -> None:
    redacted = redact(text)
    assert NAME_MARK in redacted
    for word in raw:
        assert not re.search(rf"\b{word}\b", redacted), redacted


@pytest.mark.parametrize(
    "text",
    [
        "good morning from all of us here",
        "Good morning from Bristol! is it open",
        "Good afternoon from sunny Florida",
        "thanks. from the whole family",
        "Back Pain. Is it normal?",
        "Thank You. Does it hurt",
        "my dad works nights",
        "my son always says no",
        "Dr Patel said it went well, Dr Patel is good",
    ],
)
def test_round_11_new_cues_leave_ordinary_words(text: str) -> None:
    assert redact(text) == text


# Round 11 (i21p): numbers and ids an outside tester found raw (/work/tools/t21r11b): SSNs
# masked but for the last four, ids after words or Spanish cues, card codes, "<word> number"
# with a mixed id, dotted licences, vanity plates; each class with variants of our own.
ROUND_11_I21P_MASKED = [
    # SSN masked but for its last four
    ("my ssn is XXX-XX-4821 on the bill", "4821", "ssn"),
    ("soc sec on the letter: ***-**-3390", "3390", "ssn"),
    ("ssn: xxx xx 7702 if you need it", "7702", "ssn"),
    ("the form shows \u2022\u2022\u2022-\u2022\u2022-6614 for my social", "6614", "ssn"),
    ("ssn on file XXXXX5120", "5120", "ssn"),
    # MRN: words between the id's name and its value; Spanish cues; a letter joined by a dash
    ("my hospital number on the bracelet says 7731-K", "7731", "mrn"),
    ("patient id on the discharge sheet is 441-B", "441-B", "mrn"),
    ("número de historia clínica 5521, es para mi abuela", "5521", "mrn"),
    ("expediente: 4410-B, ¿ya tienen mis placas?", "4410", "mrn"),
    ("número de paciente 771-A, ¿me pueden llamar?", "771", "mrn"),
    ("his wristband: MR.40218", "40218", "mrn"),
    # health plan: Spanish cues
    ("mi número de miembro es 5521-X", "5521", "health_plan_id"),
    ("número de póliza 7734, gracias", "7734", "health_plan_id"),
    ("la tarjeta del seguro número 812-AB", "812", "health_plan_id"),
    ("afiliado #3309-D, ¿cubre el procedimiento?", "3309", "health_plan_id"),
    ("es el asegurado 90-117-K de Humana", "90-117", "health_plan_id"),
    # card codes
    ("CVC: 0442, exp in march", "0442", "account"),
    ("the security code on the back is 309", "309", "account"),
    ("cvv2 is 5512 and zip is fine", "5512", "account"),
    ("código de seguridad 118", "118", "account"),
    # "<word> number" with letters and digits mixed, dashed or dotted ids
    ("file number 44B-9921 on the letter", "44B-9921", "account"),
    ("docket no. 23CV0918 from the court", "23CV0918", "account"),
    ("the letter's file # AB-7712-3, who is this", "AB-7712-3", "account"),
    ("tracking number 9Q8812RT for the brace", "9Q8812RT", "account"),
    # licences with a dot
    ("license no. LPN.44821 in texas", "44821", "licence"),
    ("cert number CNA.7712 from the state", "7712", "licence"),
    ("i was an RN, RN.55012, for 30 years", "55012", "licence"),
    # vanity plates
    ("my plate says LUV2FISH, is parking free", "LUV2FISH", "licence"),
    ("license plate reads BIG RED on the truck", "BIG RED", "licence"),
    ("our tags are NANA 1, the red jeep", "NANA 1", "licence"),
    ("plate: GOBLUE", "GOBLUE", "licence"),
    ("my plates say grammy7", "grammy7", "licence"),
]
ROUND_11_I21P_KEPT = [
    "the plate is on the table",
    "MY PLATE IS FULL OF PILLS, CAN I STILL COME",
    "my plates say nothing about parking",
    "plates are 10 dollars at the garage",
    "is the number 10 bus near the hospital",
    "i had a COVID-19 test and a T12-L1 fracture",
    "mid-2025 is when i fell",
    "the security code for the door is broken",
    "CPT-22510 is the code on the bill",
    "the case number is on the letter",
    "mi número es privado, ¿me llaman?",
    "mi seguro es Medicare, ¿cubre esto?",
    "take 1.5mg of it twice",
]


@pytest.mark.parametrize(("text", "value", "kind"), ROUND_11_I21P_MASKED)
def test_round_11_i21p_identifiers_are_masked(text: str, value: str, kind: str) -> None:
    once = redact(text)
    assert found(value, kind, once, text), once
    assert redact(once) == once


@pytest.mark.parametrize("text", ROUND_11_I21P_KEPT)
def test_round_11_i21p_ordinary_messages_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("first", "second", "rest"),
    [
        ("member id starts with ZKP", "and then 8812 77 something", "8812 77"),
        ("my policy number begins with QX", "then 4471 09 i think", "4471 09"),
        ("medicaid id starts with 44", "and 7190 22", "7190 22"),
        ("her mbi starts with 1EG", "4-TE5-MK73", "4-TE5-MK73"),
    ],
)
def test_round_11_i21p_an_ids_start_and_its_rest_in_the_next_message(
    first: str, second: str, rest: str
) -> None:
    """The start is masked in the first message; the rest is found after it whether the first
    message is read raw or masked (from the database)."""
    masked = redact(first)
    assert masked.endswith(ID_MARK)
    assert continuation(first, second) == (rest, ID_MARK)
    assert continuation(masked, second) == (rest, ID_MARK)
    assert rest not in redact_continuation(first, second)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    mask=st.sampled_from(["x", "X", "*", "#", "\u2022"]),
    sep=st.sampled_from(["-", " ", ".", ""]),
    last=st.integers(0, 9999),
    frame=st.sampled_from(["ssn {}", "{} for verification", "my social is {}, ok?", "({})"]),
)
def test_round_11_i21p_a_masked_ssns_last_four_go_whatever_the_mask(
    mask: str, sep: str, last: int, frame: str
) -> None:
    value = f"{mask * 3}{sep}{mask * 2}{sep}{last:04d}"
    once = redact(frame.format(value))
    assert f"{last:04d}" not in once
    assert redact(once) == once


@pytest.mark.parametrize(
    ("previous", "text", "expected"),
    [
        # Round 11's live replay: "her birthday is the 30th" / "of june" kept "june".
        ("her birthday is the 30th", "of june", f"of {DATE_MARK}"),
        (f"her birthday is {DATE_MARK}", "of june", f"of {DATE_MARK}"),
        ("born on the twenty-first", "March, 1931", f"{DATE_MARK}, 1931"),
        # A month that opens a sentence of its own stays.
        ("she had the scan on the 4th", "may i ask something", "may i ask something"),
        ("i went on the 4th", "march was hard", "march was hard"),
        ("it hurts", "june", "june"),
    ],
)
def test_a_days_month_in_the_next_message_is_masked(
    previous: str, text: str, expected: str
) -> None:
    assert redact_continuation(previous, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Round 12's outside tester: the transcript kept a name the question log (which redacts
        # the stored turn again) masked: the marks of one pass are context for the next.
        "Surname is Nwachukwu-Eze, first is Chidinma",
        "hi this is Marisol Echeverría-Cobb asking for my tío Anselmo",
        # Found by running every outside tester's message twice through `redact`.
        "we come from New Britain CT",
        (
            "Buenas tardes, soy Rosalba Villaseñor Cruz, mi mamá Eusebia tiene 95 años y vive en"
            " 22 Oak Street, New Britain. Su número de Medicaid es 118 430 927. Me pueden llamar"
            " al 860 223 5508?"
        ),
    ],
)
def test_one_redaction_is_final(text: str) -> None:
    """What the transcript stores is what the question log stores: redacting again changes
    nothing, and the name is gone from the first result."""
    once = redact(text)
    assert redact(once) == once


@pytest.mark.parametrize(
    "text",
    [
        "we are from Canada, is the wait long",  # round 12: "from Canada" was masked
        "we're originally from South Korea",
        "my parents live in Portugal most of the year",
        "she is from Ukraine and has a fracture",
    ],
)
def test_a_country_after_a_cue_of_where_one_lives_stays(text: str) -> None:
    assert redact(text) == text


# Round 12 (i21t): an outside tester (t21r12a) found years of birth of people over 89 and
# ages over 89 in words stored raw. Variants of our own (also in the corpus); each
# failed before the fix. Safe Harbor aggregates ages over 89, so their birth year goes too.
@pytest.mark.parametrize(
    ("text", "gone", "mark"),
    [
        # a year of birth that makes someone 90 or older, after a cue of birth in any language
        ("my father was born in 1928 in Italy, can he have it", "1928", DATE_MARK),
        ("Nana b. 1930, lives with us", "1930", DATE_MARK),
        ("she was born back in '29, is that too old", "'29", DATE_MARK),
        ("DOB: 1926 for my grandmother", "1926", DATE_MARK),
        ("mi abuelo nació en el año 1927", "1927", DATE_MARK),
        ("year of birth 1925, is that a problem", "1925", DATE_MARK),
        ("birth year is 1932 if that matters", "1932", DATE_MARK),
        ("born on new year's day 1933", "1933", DATE_MARK),
        ("he graduated high school in 1950", "1950", DATE_MARK),
        # the age the year gives away, said after it
        ("she was born in 1930 which makes her 96", "96", AGE_MARK),
        # ages over 89 in words: at the start, after a word of age, before "and" / "years"
        ("Ninety-seven and still sharp as a tack", "Ninety-seven", AGE_MARK),
        ("almost ninety-eight, can she have it", "ninety-eight", AGE_MARK),
        ("nearly a hundred and two, is that too old", "hundred", AGE_MARK),
        ("grandad, ninety-four and still driving", "ninety-four", AGE_MARK),
        ("Ninety-one! is that too old", "Ninety-one", AGE_MARK),
    ],
)
def test_round_12_i21t_old_birth_years_and_ages_are_masked(text: str, gone: str, mark: str) -> None:
    redacted = redact(text)
    assert gone not in redacted and mark in redacted, redacted
    assert redact(redacted) == redacted


@pytest.mark.parametrize(
    "text",
    [
        "born in 1950, is that too old",
        "the fall in 2023 cracked it",
        "back pain since 1990",
        "she was born in 1962",
        "born 30 weeks early",
        "born in the 1930s",
        "graduated in 1975",
        "ninety-five percent of patients feel better",
        "it took ninety-two minutes",
        "ninety-five and a half minutes",
        "a hundred and five people were there",
    ],
)
def test_round_12_i21t_other_years_and_numbers_stay(text: str) -> None:
    assert redact(text) == text


@settings(max_examples=60, derandomize=True, deadline=None)
@given(
    age=st.integers(90, 119),
    frame=st.sampled_from(
        [
            "born in {y}",
            "b. {y}, still driving",
            "year of birth {y}",
            "nacida en {y}",
            "born {y}, ok?",
        ]
    ),
)
def test_round_12_i21t_a_birth_year_over_89_goes_and_a_younger_one_stays(
    age: int, frame: str
) -> None:
    import datetime

    year = datetime.date.today().year - age
    once = redact(frame.format(y=year))
    assert str(year) not in once and redact(once) == once
    young = frame.format(y=year + 40)
    assert str(year + 40) in redact(young)


# Round 12 (i21s): places the outside tester t21r12a found raw; our own phrasings of each
# class (the tester's messages are in bench/NOTES.md's before/after).
ROUND_12_I21S_TOWNS = [
    ("I'm up in Winsted this week, can I still book", "Winsted"),
    ("we're out in middlebury so it is a drive", "middlebury"),
    ("my dad moved to New Hartford after the fall", "New Hartford"),
    ("she'll be coming down from Litchfield for the scan", "Litchfield"),
    ("they're near Burlington, is there parking", "Burlington"),
    ("we stay in Bethlehem with my sister over the winter", "Bethlehem"),
    ("we are driving over from Prospect on the day", "Prospect"),
]
ROUND_12_I21S_KEPT = [
    "is the clinic in Bristol",
    "I'm at Bristol Hospital tomorrow",
    "I'm in Bristol Hospital now, room is fine",
    "we're coming from the hospital",
    "the bill came from Medicare",
    "I got the referral from my doctor",
    "I'm in pain near the library",
    "we're in a hurry, moving to the next question",
    "I'm in Hartford Hospital's waiting room",
]


@pytest.mark.parametrize(("text", "town"), ROUND_12_I21S_TOWNS)
def test_round_12_i21s_a_town_after_a_persons_where_is_masked(text: str, town: str) -> None:
    once = redact(text)
    assert town not in once and ADDRESS_MARK in once
    assert redact(once) == once


@pytest.mark.parametrize("text", ROUND_12_I21S_KEPT)
def test_round_12_i21s_a_place_no_ones_where_is_kept(text: str) -> None:
    assert redact(text) == text


ROUND_12_I21S_ADDRESSES = [
    # Corners without a street word.
    ("we're right at the intersection of Elm and Division", ["Elm", "Division"]),
    ("corner of Birch & Laurel, the yellow house", ["Birch", "Laurel"]),
    ("meet us at the junction of Prospect and Main", ["Prospect", "Main"]),
    # Named homes and blocks (the kind capitalised, after at / in / into).
    ("mom is in Cedar Ridge Nursing Home since may", ["Cedar Ridge"]),
    ("dad lives at Oak Hill Manor now", ["Oak Hill"]),
    ("we're at Lakeview Estates off the highway", ["Lakeview"]),
    # A number, a direction and a name, no street word.
    ("ship it to 810 W. Addison, suite 5", ["810", "Addison"]),
    ("we are at 77 e main, near the diner", ["77 e main"]),
    ("my addr: 19 birch hollow, wolcott", ["19 birch hollow"]),
    # A street named after a date; a neighbourhood; a German street.
    ("vivo en avenida 16 de septiembre 40, colonia roma", ["40", "roma"]),
    ("meine Adresse ist Bahnhofstr. 12, Terryville", ["Bahnhofstr", "12", "Terryville"]),
    ("wir wohnen im Rosenweg 3a", ["Rosenweg", "3a"]),
    # A house number near an address said another way; a ZIP before "area".
    ("we're on county road 9 by the barn, number 1207, in Burlington", ["1207", "Burlington"]),
    ("we live around the 06786 area, terryville", ["06786", "terryville"]),
]


@pytest.mark.parametrize(("text", "pieces"), ROUND_12_I21S_ADDRESSES)
def test_round_12_i21s_addresses_without_the_usual_shape_are_masked(
    text: str, pieces: list[str]
) -> None:
    once = redact(text)
    for piece in pieces:
        assert not re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", once, re.IGNORECASE), once
    assert redact(once) == once


@pytest.mark.parametrize(
    ("previous", "text", "expected"),
    [
        ("we're at 52 Cook St, Plainville", "wait, its 25 not 52", f"wait, its {ADDRESS_MARK}"),
        ("send it to 410 Jerome Ave", "oops i meant 401", f"oops i meant {ADDRESS_MARK}"),
        ("my address is 77 Burnside Ave", "correction: 71", f"correction: {ADDRESS_MARK}"),
        # No address before, or no word of correcting: the number stays.
        ("is it painful", "sorry, 2 more questions", "sorry, 2 more questions"),
        ("we're at 52 Cook St", "is 3 weeks enough to heal", "is 3 weeks enough to heal"),
        ("we're at 52 Cook St", "sorry, at 9am or 10am?", "sorry, at 9am or 10am?"),
    ],
)
def test_round_12_i21s_a_corrected_house_number_in_the_next_message_is_masked(
    previous: str, text: str, expected: str
) -> None:
    assert redact_continuation(previous, text) == expected


# --- Round 12 (i21r): an outside tester's (t21r12a) names and over-masking, fixed as classes
# with phrasings of our own (also in the corpus); each case failed before the fix.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A nickname or a real name after words that say what someone is called.
        ("my aunt goes by Peaches, is she too old for this", ["Peaches"]),
        ("everyone calls her Sissy, will she need a brace", ["Sissy"]),
        ("she's known as Sugar at the senior center", ["Sugar"]),
        ("dad, who we call Pops, has a pacemaker", ["Pops"]),
        ("we call him Tank, can he eat before", ["Tank"]),
        ("i go by Lucky on here", ["Lucky"]),
        # A name in brackets or quotes after a carer's, a helper's or a kin word.
        ("my caregiver (Blessing) will bring me", ["Blessing"]),
        ("our neighbor (Patience) can drive", ["Patience"]),
        ("the night helper [Mercy] asked about the cement", ["Mercy"]),
        ("my caregiver (Faith) stays the night", ["Faith"]),
        ("the carer 'Joy' comes at 9", ["Joy"]),
        ('our carer ("Gift") does the shopping', ["Gift"]),
        # Lower-case "first name X last name Y", either order; "first is X" after a surname.
        ("first name bogumila last name szczepanska", ["bogumila", "szczepanska"]),
        ("last name adebayo, first name folasade", ["adebayo", "folasade"]),
        ("family name ferreira first name joaquim", ["ferreira", "joaquim"]),
        ("Last name is Oyelaran-Smith, given is Temitope", ["Temitope"]),
        ("surname is Banda, first is Memory", ["Memory"]),
        # A lower-case name between "can / will / may ..." and a verb of coming or driving.
        ("could chinedu stay with me during it", ["chinedu"]),
        ("will amara take me home", ["amara"]),
        ("may oksana come in with me", ["oksana"]),
        ("can ngozi pick me up after", ["ngozi"]),
        # Kin words in Spanish, Portuguese, Italian and Polish before a name.
        ("my tio Poncho drives", ["Poncho"]),
        ("my primo Junior drives", ["Junior"]),
        ("mi tío Memo va conmigo", ["Memo"]),
        ("my hermano Nacho drives", ["Nacho"]),
    ],
)
def test_round_12_i21r_names_after_new_cues_are_masked(text: str, names: list[str]) -> None:
    once = redact(text)
    assert not [name for name in names if re.search(rf"\b{re.escape(name)}\b", once)]
    assert redact(once) == once


@pytest.mark.parametrize(
    "text",
    [
        # An ordinary word's superlative or comparative after "I'm" is no name.
        "Dawn is when I'm stiffest, should I take meds before I come?",
        "mornings are when I'm achiest",
        "Dusk is when I'm sorest",
    ],
)
def test_round_12_i21r_ordinary_words_are_kept(text: str) -> None:
    assert redact(text) == text


# Guards (passed before too): the new cues leave ordinary words and slips of "someone" alone.
@pytest.mark.parametrize(
    "text",
    [
        "at night I'm the crankiest",
        "it goes by quickly they said",
        "known as vertebroplasty too?",
        "can somone drive me home",
        "could evryone come in",
        "Will Jesus Help Me Through This",
        "my aide (the morning one) said",
        "my aide's car is small",
        "surname first is fine",
    ],
)
def test_round_12_i21r_new_cues_keep_ordinary_words(text: str) -> None:
    assert redact(text) == text


@settings(max_examples=80, derandomize=True, deadline=None)
@given(
    stem=st.sampled_from(
        ["stiff", "sore", "weak", "tight", "sick", "slow", "achy", "shaky", "sad"]
    ),
    degree=st.sampled_from(["er", "est"]),
    frame=st.sampled_from(["I'm {}", "Dawn is when I'm {}, ok?", "i'm {} at night", "im {}"]),
)
def test_round_12_i21r_an_ordinary_words_degrees_are_no_name(
    stem: str, degree: str, frame: str
) -> None:
    if stem.endswith("y"):
        word = stem[:-1] + "i" + degree
    elif stem.endswith("e"):
        word = stem + degree[1:]
    elif stem in {"sad"}:
        word = stem + stem[-1] + degree
    else:
        word = stem + degree
    text = frame.format(word)
    assert redact(text) == text


# Round 12 (i21u): numbers and contacts an outside tester (t21r12b) found raw or over-masked,
# fixed as classes; the phrasings below are our own, not the tester's.
ROUND_12_I21U_MASKED = [
    # hospital numbers: spaced groups, a letter and a dash, after the number's cue
    ("MR # 771 04 on her chart", "771 04", "mrn"),
    ("the wristband says T-31 7790, is that the one", "T-31 7790", "mrn"),
    ("her hospital bracelet reads 6620 15", "6620 15", "mrn"),
    ("the wrist band reads 3318 46 from the ER", "3318 46", "mrn"),
    ("expediente 551 208 de mi madre", "551 208", "mrn"),
    # an extension after a phone, an area code after its cue
    ("tel +1 860 555 0122 ext 44, the ward", "44", "phone"),
    ("+44 20 7946 0018 ext 305 is my office", "305", "phone"),
    ("his cell 860-555-0122 ext 9, press it", "9", "phone"),
    ("area code: 203, the number i gave you is old", "203", "phone"),
    ("new area code is 959 now", "959", "phone"),
    # a phone's last four in words
    ("the cell ends with nine nine zero one", "nine nine zero one", "phone"),
    ("su teléfono acaba en dos siete cuatro uno", "dos siete cuatro uno", "phone"),
    ("my landline ending in five oh two two", "five oh two two", "phone"),
    ("termina en siete siete uno dos", "siete siete uno dos", "phone"),
    # a card's expiry, month and year apart
    ("the visa card expires 7 28 i think", "7 28", "account"),
    ("mastercard exp. 03-27", "03-27", "account"),
    ("amex exp 10 26 and the zip", "10 26", "account"),
    ("vence 04 27 la tarjeta", "04 27", "account"),
    ("the debit card expiring 1 30", "1 30", "account"),
    # a detail's start at the end of a message (its rest comes in the next)
    ("my husbands social, its 318", "318", "ssn"),
    ("the ssn, it begins 227", "227", "ssn"),
    ("grandpas social security number it starts with 540", "540", "ssn"),
    ("my e-mail is jkowalski", "jkowalski", "email"),
    ("her email address is mbrennan", "mbrennan", "email"),
    ("the policy number starts QZX", "QZX", "health_plan_id"),
    ("member id begins W9", "W9", "health_plan_id"),
]
ROUND_12_I21U_KEPT = [
    # readings are no ages
    "her sugar was 97 this morning before breakfast",
    "pulse 94 this evening and she feels fine",
    "oxygen was 93 this afternoon",
    # other languages' words and insurers
    "ela pode tomar banho?",
    "ele e ela vão juntos",
    "hat sie einen Wirbelbruch?",
    "schicken Sie die Unterlagen",
    "tengo seguro con Sanitas",
    "meu plano é Unimed",
]
# Guards (they passed before too): the new patterns' cues with ordinary words after them.
ROUND_12_I21U_GUARDS = [
    "my bp was 142/91 after lunch is that ok",
    "temp 99 this morning, should i worry",
    "my email is not working",
    "the email address is wrong",
    "it ends in one or two days",
    "the member id starts tomorrow",
    "the hospital stay was 3 days",
    "the area code is not the problem",
    "the prescription expires in 2 weeks",
]


@pytest.mark.parametrize(("text", "value", "kind"), ROUND_12_I21U_MASKED)
def test_round_12_i21u_identifiers_are_masked(text: str, value: str, kind: str) -> None:
    once = redact(text)
    assert found(value, kind, once, text), once
    assert redact(once) == once


@pytest.mark.parametrize("text", ROUND_12_I21U_KEPT + ROUND_12_I21U_GUARDS)
def test_round_12_i21u_ordinary_messages_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("first", "second", "rest", "mark"),
    [
        ("his social, its 318", "22 4410 thanks", "22 4410", "[SSN removed]"),
        ("ssn it begins 540", "11 2093", "11 2093", "[SSN removed]"),
        ("my e-mail is jkowalski", "@outlook.com please", "@outlook.com", EMAIL_MARK),
        ("her email address is mbrennan", "at yahoo.com", "at yahoo.com", EMAIL_MARK),
        ("email: dfarouk", "1961 @ aol .com oops", "1961 @ aol .com", EMAIL_MARK),
        ("the policy number starts QZX", "then 7712 40", "7712 40", ID_MARK),
    ],
)
def test_round_12_i21u_a_details_start_and_its_rest_in_the_next_message(
    first: str, second: str, rest: str, mark: str
) -> None:
    """The start is masked in the first message by itself; the rest is found after it whether
    the first message is read raw or masked (from the database)."""
    masked = redact(first)
    assert masked.endswith(mark)
    assert continuation(first, second) == (rest, mark)
    assert continuation(masked, second) == (rest, mark)
    assert rest not in redact_continuation(first, second)
