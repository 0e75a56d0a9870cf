"""Round 19 (t21r19, helper r19n): names that are also words, read by their clause, and names in
pasted cards, labels, signatures and dictations (core/privacy/word_names.py,
core/privacy/pasted_names.py). The tester's leaks (N.., T..) and new wordings of each shape;
then the ordinary questions that open the same way, which must stay as typed."""

from __future__ import annotations

import re

import pytest

from core.privacy.redaction import redact

LEAKS = [
    # a person's verb with "me" (N02, N07, N10, N44, N68)
    ("Rusty drives me everywhere, can he wait in the waiting room", ["Rusty"]),
    ("Penny will be bringing me, shes my sister in law", ["Penny"]),
    ("Rob's taking me, is parking free", ["Rob"]),
    ("bill will take me home after, he doesnt drive at night tho", ["bill"]),
    ("Christian will drive me home, he's my son-in-law", ["Christian"]),
    ("Sandy is picking me up at noon, where do we park", ["Sandy"]),
    ("so dusty will bring me in the morning", ["dusty"]),
    # a kin word in apposition (N04, N05, N06, N08)
    ("Summer is my granddaughter and she wants to know if she can come in with me", ["Summer"]),
    ("Guy is my husband, he has the dementia, can he stay with me the whole time", ["Guy"]),
    ("Ginger is my sister, can she come in", ["Ginger"]),
    ("Dusty, my husbands brother, will pick me up after", ["Dusty"]),
    ("sky (my grandson) asked if theres wifi in the recovery room", ["sky"]),
    ("River (my grandson) wants to know about parking", ["River"]),
    # "<name> and i" opening a sentence (N01, N09, N75)
    ("hope and i are coming in on the bus, can she sit with me during it", ["hope"]),
    ("mark and i have been married 60 yrs and he's worried sick", ["mark"]),
    ("skyler & me (his mom) want to know about the sedation", ["skyler"]),
    ("grace and i are both worried about the cement", ["grace"]),
    # two names before a verb of coming (N81, N86)
    ("Junior and Sissy are coming too", ["Junior", "Sissy"]),
    ("Autumn and Ray live with me, can they learn the wound care", ["Autumn", "Ray"]),
    ("Dusty and Skip will come with me", ["Dusty", "Skip"]),
    # a capitalised first name inside a sentence before a person's verb (N36, N38)
    ("is it ok if Precious stays overnight, she's my carer", ["Precious"]),
    ("Tell the doctor that Lucinda called about the blood thinner", ["Lucinda"]),
    ("please let them know that Honey called again", ["Honey"]),
    # "see <name> or just me" (N66)
    ("does the doctor want to see ivy or just me before the procedure", ["ivy"]),
    # possessives (N72, N79)
    ("Hope's car is too low for me to get into after, can we use a wheelchair van", ["Hope"]),
    ("Penny's house is 2 hours away, can I stay there after", ["Penny"]),
    ("grandma Dot's back is really bad, can they do it this week?", ["Dot"]),
    ("uncle Rusty's knee is worse than mine", ["Rusty"]),
    # the writer says who they are (N63, N97)
    ("i'm dot, 84, from the knitting group, will i be able to knit after", ["dot"]),
    ("im rusty, 86, and i live alone", ["rusty"]),
    (
        "I'm the granddaughter, Kenzie. Grandma Lorna wants to know if she can bring her own"
        " pillow",
        ["Kenzie", "Lorna"],
    ),
    # a nickname the writer defines (N85)
    ("pls tell dr that cookie (thats what we call my mom) is allergic to iodine", ["cookie"]),
    ("cuddles (that's what the kids call her) is 90 and nervous", ["cuddles"]),
    # a family signing off (N62)
    ("ok thanks, the O'Shaughnessys", ["O'Shaughnessys"]),
    ("thank you so much - the Abernathy-Okoros", ["Abernathy-Okoros"]),
    # a name in no list before a person's verb, in capitals (N83)
    ("ROSALEEN DOESNT WANT THE DRUGS CAN SHE STAY AWAKE", ["ROSALEEN"]),
    ("SIOBHRA SAYS SHE CANT LIE FLAT", ["SIOBHRA"]),
    # a first name that is a word before where the person is from (N03)
    ("sandy next door had it done last yr and said it was a breeze", ["sandy"]),
    # pasted cards, labels, signatures, dictations (T01, T06, T09, T14, T16, N74)
    (
        "MEDICARE HEALTH INSURANCE\nName/Nombre\nWILHELMINA A SORENSEN\nMedicare Number/Número de"
        " Medicare\n5EG4-TE5-MK72\nis this the card they need?",
        ["WILHELMINA", "SORENSEN"],
    ),
    (
        "RX# 6623190 TRAMADOL 50MG\nFOR: COSTA, ISAURA\nDR PATEL\nfilled 11/14/25\ncan she take"
        " this after",
        ["COSTA", "ISAURA"],
    ),
    (
        "hi this is alberta o dell my date of birth is june fifth nineteen thirty",
        ["alberta", "o dell"],
    ),
    ("this is bridget o malley calling about my appointment", ["bridget", "o malley"]),
    (
        "PATIENT LABEL\nFITZPATRICK, AOIFE B\nF 03/17/1936 (89y)\nMRN 004481190\nwhat does the"
        " label mean",
        ["FITZPATRICK", "AOIFE"],
    ),
    ("Member\nHOLLOWAY-PRICE, JUNE E\ndo you take this", ["HOLLOWAY-PRICE", "JUNE"]),
    (
        'Best,\nMargarethe Engelbrecht-Ndiaye\nHome: 860.555.0198 | Cell: 203.555.0199\n"Be kind"',
        ["Margarethe", "Engelbrecht-Ndiaye"],
    ),
    (
        "from: Ramón y Cajal-Ortega, Ignacio\nsubject: post procedure pain",
        ["Ramón", "Cajal-Ortega", "Ignacio"],
    ),
    ("from: Van der Berg, Hendrik\nsubject: pain after", ["Van der", "Hendrik"]),
]

KEPT = [
    "Will I be awake?",
    "May I eat before?",
    "Mark my words I'm nervous. Will it hurt?",
    "Penny pinching here: is there a payment plan?",
    "how long is the grace period for payment",
    "Is Grace period for the copay 30 days?",
    "Frank answer please, is it safe",
    "Rose from bed feeling dizzy, is that normal",
    "Will the Summer heat affect healing",
    "Summer heat, will the wound be ok",
    "Is Summer a good time to have it done or should I wait for Fall",
    "Summer and Fall are busy for us, can I book in winter",
    "Winter's back already, will the cold slow my healing",
    "Sunny days make my back feel better, is that weird",
    "Should Bill pay be sent to my home or is it taken at the desk",
    "Bill says I owe 400, is that right",
    "The bill says I owe 400, is that right",
    "who do I pay the bill to",
    "Is there hope for my back?",
    "Hope is my only option at this point",
    "Will they mark my back before?",
    "Will someone drive me home?",
    "Someone will drive me, how long should they wait",
    "Uber will take me home, is that ok",
    "my daughter will drive me, how long should she wait",
    "Can I lie flat for an hour? My hips are rusty",
    "Does it cost a pretty penny without insurance?",
    "Crystal clear instructions would help: what time should I arrive",
    "Guy at the desk said I need an ID",
    "I'm sore, 84, and scared of needles",
    "I'm Catholic, 84, can I have communion before",
    "I'm the patient, obviously.",
    "Chase is my bank, can I pay with it",
    "Patient label\nwhat does it mean",
    "Thanks,\nSee you Tuesday",
    "Best,\nlooking forward to it",
    "Christmas and Easter are busy, can I come after",
    "can you see it or just me",
    "Faith brings me comfort, will I be awake",
    "Hope helps me through it",
    "Love,\nMom",
    "Jesus and I are close, can the chaplain come",
]


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round19_names_are_masked(text: str, values: list[str]) -> None:
    stored = redact(text)
    for value in values:
        assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", stored, re.IGNORECASE), stored


@pytest.mark.parametrize("text", KEPT)
def test_round19_look_alikes_stay(text: str) -> None:
    assert redact(text) == text
