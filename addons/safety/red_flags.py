"""Red-flag symptom detection: a deterministic safety net under the emergency intent.

Why: the DIET classifier learns `emergency` from examples, but a patient describing leg
numbness or a fever after the procedure must never get an FAQ answer because the model was
unsure. This component runs after the intent classifiers and before `FallbackClassifier`;
when a message matches one of the red-flag patterns below it sets the intent to `emergency`
with full confidence, so the fixed emergency message is sent before anything else. It only
ever *raises* a message to `emergency`; it never lowers one.

The patterns favour recall; what decides is whether the message *reports* the symptom (the
person, or someone they care for, has it now or since the procedure) or only talks about it
("is a fever normal after the procedure?", "no fever, how long is recovery?"): see
red_flag_context.py. Talk keeps the classifier's intent and gets the answer plus a
conditional safety line (addons/safety/red_flag_policy.py). When the context is unclear the
message is a report: missing one costs far more than a needless "call 911".
Spanish, Portuguese and Polish reports are read too (red_flag_languages.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from re import Pattern
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from addons.cleaning.text import fold
from addons.nlu.focus import full_text
from addons.safety.introductions import NOT_AN_ADDRESS, only_introductions
from addons.safety.override import IntentOverride, override_intent
from addons.safety.prefilter import LiteralPrefilter
from addons.safety.red_flag_context import Mention, judge_all, model_only_talk
from addons.safety.red_flag_languages import OTHER_LANGUAGES
from addons.safety.spelling import RED_FLAG_WORDS, correct

EMERGENCY_INTENT = "emergency"
RED_FLAG_KEY = "red_flag"
# The finding on every message that mentions a red flag, report or not (Finding.as_dict).
RED_FLAG_CONTEXT_KEY = "red_flag_context"
# Set when the net lowered the model's "emergency" for talk about a symptom (the flag's name).
TALK_KEY = "red_flag_talk"
# The page's passage on risks answers a question about a symptom (metadata.source).
RISK_INTENT = "complications"
OUT_OF_SCOPE_INTENT = "out_of_scope"
# The flag staff see when the model alone called a question an emergency (the question log's
# `model_only`, core/question_log/question_record.py).
MODEL_ONLY = "model_only"
# Set (to the fragment) when the model's "emergency" on a bare body part was lowered.
FRAGMENT_KEY = "red_flag_fragment"
# A bare body part, "chest", "my legs": half a message, not yet a report (issue 23, round 3).
# It gets no alarm of its own; with the next message it is read as one (red_flag_policy.py).
BODY_PARTS = (
    r"(legs?|feet|foot|knees?|chest|back|spine|bladder|bowels?|arms?|hands?|face|head|"
    r"breath|breathing|site|wound|dressing|bandage|stomach|belly|tummy|bottom|groin|hips?|neck)"
)
BARE_BODY_PART = re.compile(
    r"\W*((my|his|her|their|the|mum'?s|mom'?s|dad'?s|both|left|right|lower|upper)\s+)*"
    + BODY_PARTS
    + r"(\s+(and|&)\s+(my\s+)?(legs?|feet|foot|back|arms?|chest|hips?))?\W*"
)
# Fear or worry ("my wife is 91 and scared", "he's nervous about the procedure") is not a
# symptom: the model alone said "emergency" on it (issue 24, outside round 2). It is lowered
# only when nothing else in the message tells of the body, a symptom or alarm (`ALARM`).
FEAR = re.compile(
    r"\b(scared|afraid|frightened|terrified|petrified|nervous|anxious|worried|worrying|"
    r"worries|worry|apprehensive|uneasy|dreading|dreads|stressed|upset|fearful|jittery)\b"
)
ALARM = re.compile(
    r"\b" + BODY_PARTS + r"\b|\b(hurts?|hurting|aches?|aching|bleed\w*|blood|fell|fall(en)?|"
    r"dizzy|faint\w*|sick|vomit\w*|ill|unwell|wrong|help|emergency|ambulance|911|999|112|"
    r"die|dying|dead|worse|weird|strange|odd|right|himself|herself|urgent|now|attack|heart|"
    r"stroke|seizure|fit|passed|out|panic\w*|crying|screaming|shaking|trembling|cold|hot|"
    r"pale|blue|grey|gray|swell\w*|rash|burn\w*|sore|tender|can'?t|cannot|unable|won'?t|"
    r"not)\b"
    # and every word the red-flag patterns carry ("pain", "fever", "numb"...)
    r"|\b(" + "|".join(map(re.escape, RED_FLAG_WORDS)) + r")\b"
)

# name -> alternative patterns, matched on folded text (see `fold`). Names are what staff see
# in the logs ("why an emergency?"). Severe back pain on its own is not a red flag: it is what
# the page's candidates have; sudden, worst-ever pain is.
LIMB = r"\b(leg|legs|feet|foot)\b"
NUMB = (
    r"\b(numb|numbness|weak|weakness|gave way|giving way|gave out|giving out|give out|"
    r"paraly[sz]ed|dead|tingling|pins and needles)\b"
)
SADDLE = (
    r"\b(groin|buttocks?|bottom|bum|crotch|genitals?|private parts|inner thighs?|"
    r"inside of (my|his|her|the) thighs?|between (my|his|her|the) legs)\b"
)
# Filler words patients put inside a phrase: "I couldn't REALLY feel my RIGHT leg" (issue 23,
# round 3). A few listed words only, so that precision stays: never "any word".
ADV = r"(?:\s+(?:really|properly|quite|fully|even|totally|completely|at all|very well|very|so|"
ADV += r"that|too|much|just|still|all|kind of|sort of|a bit|a little))?"
SIDE = r"(?:(?:left|right|both|lower|upper|bad|good|whole)\s+)?"
# Someone who can faint: the patient or someone they care for.
PERSON = (
    r"\b(i|he|she|they|mum|mom|mother|mam|dad|father|husband|wife|partner|son|daughter|"
    r"grandma|grandpa|gran|nan|nana)"
)
CONFUSED = (
    r"(confused|disorientated|disoriented|delirious|muddled|not making (any\s+)?sense|"
    r"not with it|not (him|her|my)self|out of it|talking nonsense|talking gibberish|slurring)\b"
)
# "confused about the bill", "confused by the instructions": a thing that confuses.
NOT_ABOUT_A_THING = (
    r"(?!\s+(about|by|with|as to|over|on|regarding|what|why|how|which|whether|if|when|where|"
    r"because|from)\b)"
)
# Someone in a state: "mom is", "he's", "i'm so", "my husband seems" (not "I was told").
# Not the patient: the patient's own "I'm confused" is read with more care (below).
IN_A_STATE = (
    r"\b(he|she|they|mum|mom|mother|mam|dad|father|husband|wife|partner|son|daughter|grandma|"
    r"grandpa|gran|nan|nana|patient)(\s+(is|was|seems|seemed|looks|looked|has been|became|"
    r"becomes|gets|got|getting|went|keeps getting|is getting|is being|feels|felt|sounds|"
    r"sounded)|'?s|'?re|\s+are)" + ADV + r"\s+"
)
# After "stand (up)": the words that make it posture, not strength ("stand up straight"),
# unless walking fails too ("can't stand up straight or walk").
_NOT_POSTURE = r"(?!\s+(up\s+)?(straight|tall|upright)\b(?!\s+(or|and|nor)\s+(walk|stand)))"
RED_FLAG_PATTERNS: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\b(can'?t|cannot|can not|unable to|couldn'?t|could not)"
        + ADV
        + r"\s+(feel|move|lift|stand on)\b.{0,20}"
        + LIMB,
        LIMB + r".{0,25}" + NUMB,
        NUMB + r".{0,25}" + LIMB,
        # Round 23 (outside tester): "can't stand up straight" is the stoop of a fractured spine
        # (the page's kyphosis), not legs that fail: "straight" after it keeps it ordinary.
        r"\b(can'?t|cannot|can not|unable to)\s+(walk|stand( up)?)\b" + _NOT_POSTURE,
        r"\bsaddle\s+(numbness|anaesthesia|anesthesia)\b",
        r"\bnumb(ness)?\b.{0,20}" + SADDLE,
        SADDLE + r".{0,20}\bnumb(ness)?\b",
        r"\b(can'?t|cannot|can not|unable to)\s+feel\s+(anything|a thing|much)\s+down\s+there\b",
        r"\bnumb\b.{0,15}\bdown\s+there\b",
        # Issue 23: "i cant feel my bottom or between my legs".
        r"\b(can'?t|cannot|can not|unable to|don'?t|do not|couldn'?t)\s+feel\s+"
        r"(anything\s+(in|on)\s+)?(my|his|her|their|the)\s+" + SADDLE.removeprefix(r"\b"),
        # Issue 23: loss of feeling and legs that fail, in everyday words.
        r"\b(no|any|lost( all)?( the)?|losing( the)?)\s+(feeling|sensation|strength|power)\s+"
        r"(in|of)\s+(my|his|her|their|the|both)?\s*(legs?|feet|foot)\b",
        LIMB + r"\s+(are|is|r|have|has|feel|feels|went|go|got)?\s*(not working|stopped working|"
        r"won'?t (work|move|hold)|floppy|limp|"
        r"(don'?t|do not|will not) (work|move|hold)|like jelly|useless|asleep|buckl(ed|ing))",
        r"(\bnot|n't)\s+able\s+to\s+(walk|stand|move\s+(my|his|her)\s+(legs?|feet|foot))\b"
        + _NOT_POSTURE,
        r"\bdrag+ing\s+(my|his|her)\s+(leg|foot)\b",
        r"\bfoot\s+drop\b",
        r"\b(new|sudden)\s+numbness\b",
        r"\bnumbness\b.{0,30}\b(since|is new|started|getting worse|spreading)\b",
        LIMB + r".{0,50}\b(can'?t|cannot|can not)\s+(really\s+|properly\s+|quite\s+)?"
        r"(feel|move)\s+(them|it)\b",
        LIMB + r".{0,40}\b(can'?t|cannot|unable to|couldn'?t)\s+(lift|move|raise)\b",
        LIMB + r"\s+(is|are|was|were|feels?|felt)\s+(so\s+|very\s+|really\s+)?heavy\b",
        r"\b(can'?t|cannot)\s+(i|he|she|they)\s+(feel\s+(my|his|her|their)\s+(legs?|feet)|"
        r"walk|stand)\b",
        r"\b(don'?t|do not|can'?t|cannot|couldn'?t|could not|didn'?t)"
        + ADV
        + r"\s+feel"
        + ADV
        + r"\s+(my|his|her|the|their)\s+"
        + SIDE
        + r"(legs?|feet|foot)\b",
        # "can it cause paralysis" is talk (a question), "he is paralysed" a report.
        r"\b(paralysis|paraly[sz]ed)\b",
    ],
    "bladder_or_bowel_control": [
        r"\b(lost|losing|lose|loses|loss of|no|can'?t|cannot)\b.{0,20}\b(control|hold)\b.{0,25}"
        r"\b(bladder|bowels?|pee|urine|poo|stool)\b",
        r"\b(bladder|bowels?)\s+control\b.{0,20}\b(lost|gone|loss|losing)\b",
        r"\b(lost|losing|lose|loses|loss of|no)\s+(all\s+)?(bladder|bowel)\s+control\b",
        r"\b(wet|wets|wetting|soiled|soiling|soils|peed|pees|peeing|pooped|poops|pooping|pooed|"
        r"messed|messes|messing|leaked|leaking|leaks|urinated|urinating|dirtied|pissed|pissing)"
        r"\s+(on\s+|in\s+)?(myself|himself|herself|themselves)\b",
        r"\b(wetting|peeing|pooping|messing|soiling|wets|pees|poops|messed|peed|pooped)\s+"
        r"(the|my|his|her|their)\s+(bed|pants|trousers|underwear|knickers|clothes|chair)\b",
        r"\b(pee|urine|wee|poo|poop|stool)\s+(just\s+|keeps\s+)?(comes?|came|leaks?|leaked|"
        r"dribbles?|runs?|ran|escapes?|escaped)\s+(out|down)\b",
        r"\b(had|having|keep having|has had|have had)\s+(an\s+)?accidents?\s+(in|on)\s+"
        r"(the|my|his|her|their)\s+(bed|pants|trousers|underwear|chair|clothes)\b",
        r"\b(can'?t|cannot|can not|unable to)\b.{0,15}\bhold\s+(my|his|her|their)\s+water\b",
        r"(\bnot|n't)\s+(been\s+)?able\s+to\s+(pee|urinate|wee|pass urine|pass water|"
        r"go to the (toilet|bathroom|loo))\b",
        r"\bwet\s+(the|my|his|her)\s+bed\b",
        r"\b(peed|pooped|pooed|soiled|wet)\s+(the|my|his|her|their)\s+(bed|pants|trousers|"
        r"underwear|knickers|clothes)\b",
        r"\b(haven'?t|hasn'?t|has not|have not|not)\s+(peed|urinated|passed urine|passed water)\b",
        r"\bleaking\s+(urine|pee|wee|stool)\b",
        r"\bbowel\s+accidents?\b",
        r"\b(can'?t|cannot|can not|unable to)\s+(pee|urinate|wee|pass urine|pass water)\b",
        r"\b(can'?t|cannot)\s+(i|he|she|they)\s+(pee|urinate|wee|pass urine|pass water)\b",
        r"\bincontinen(t|ce)\b",
    ],
    "chest_pain_or_breathing": [
        r"\bchest[\s-]*(pain|pains|pian|tight|tightness|hurts?|pressure|ache|aches|aching)\b",
        r"\b(pains?|tight|tightness|pressure|ache)\s+(in|on|across)\s+(my|his|her|the)?\s*chest\b",
        r"\bheart\s+(pain|pains|attack)\b",
        r"\b(can'?t|cannot|can not|barely|struggling to|hard to|trouble|difficulty)\s+"
        r"breath(e|ing)?\b",
        r"\bbreathing\s+(is\s+)?(difficult|difficulty|problems?|trouble|hard|laboured|labored)\b",
        r"\b(can'?t|cannot|hard to|difficult to|trouble|struggling to|unable to|barely|hardly)\b"
        r".{0,12}"
        r"\bcatch\s+(my|his|her|their)\s+breath\b",
        r"\bgasping\b",
        r"\b(hurts?|hurting|painful|pain|sore)\s+(to|when\s+(i|he|she|they)|when)\s+"
        r"(breathe|breath|breathing)\b",
        r"\bshort(ness)?\s+of\s+breath\b",
        r"\bbreathless(ness)?\b",
        # Issue 23: breathlessness in the patients' own phrasing.
        r"\bout\s+of\s+breath\b",
        r"\b(can'?t|cannot|can not|struggling to|unable to|hard to)\s+get\s+(enough\s+)?"
        r"(air|a breath|(my|his|her|their) breath)\b",
        r"\b(struggling|fighting|gasping)\s+for\s+(air|breath)\b",
        r"\b(can|could)\s+(hardly|barely|only just)\s+breathe?\b",
        r"\bsuffocat(e|ing)\b",
        r"\bwinded\b",
        r"\b(hard|difficult|tough)\s+time\s+breathing\b",
        r"\bbreath(ing)?\s+(is\s+|feels\s+)?(short|shallow|fast|rapid|laboured|labored)\b",
        r"\bchest\b.{0,20}\b(tight|heavy|crushing|squeez(ed|ing)|pressure)\b",
        # Issue 23: "my chest has been hurting since this morning".
        r"\bchest(\s+(has\s+been|have\s+been|is|keeps?|started|was|been)|'s)?" + ADV + r"\s+"
        r"(hurting|aching|sore|painful|killing)\b",
        r"\bchest\s+(really\s+|so\s+|badly\s+|still\s+)?(hurts?|aches?)\b",
        r"\bcoughing\s+(up\s+)?blood\b",
        r"\blips\s+(are\s+|look\s+|turning\s+)?(blue|grey|gray)\b",
        # Issue 23 (outside tester): breathless lying flat, "sit up to breathe".
        r"\b(sit|sits|sitting|sat|prop|propped|propping)\s+(myself\s+|himself\s+|herself\s+)?"
        r"up\b.{0,20}\b(to|so\s+(i|he|she|they)\s+can)\s+(breathe|breath|get\s+(some\s+)?air)\b",
        r"\b(can'?t|cannot|can not|unable to|hard to)\s+(lie|lay)\s+(down|flat)\b.{0,30}"
        r"\bbreath(e|ing)?\b",
    ],
    "fever_or_infected_site": [
        r"\b(fever+|feverish|high temperature|chills|rigors?|burning up)\b",
        r"\brunning\s+a\s+(high\s+)?temp(erature)?\b",
        r"\b(raised|high|higher|elevated|spiking|spiked)\s+temp(erature)?s?\b",
        # From "a": "she doesn't have a temperature" is then a plain negation.
        r"(?:(?<=\bhave )|(?<=\bhas )|(?<=\bgot )|(?<=\bwith )|(?<=\babout )|(?<=\bget )|"
        r"(?<=\bgetting )|(?<=\bhaving )|(?<=\bdevelop )|(?<=\brun ))a\s+temp(erature)?\b"
        r"(?!\s+(of\s+)?(3[0-7]|9\d)\b)",
        r"\b(have|got|at|is|it'?s|reads?|says?|showing)\s+(3[89]|4[0-2])([.,]\d)?\b"
        r"(?!\s*(years?|kg|kilos?|pounds|lbs|%|percent|minutes|hours|days))" + NOT_AN_ADDRESS,
        # Round 21 (callback-012): "I'm at 42 Penny Lane apt 3" is a house, not a reading.
        r"\btemp(erature)?\s+(is\s+|went\s+|keeps\s+)?(up|high|rising|spiking|spiked)\b",
        # Fever in everyday words: "very hot and sweaty", "shivering and clammy".
        r"\b(hot|sweaty|sweating|clammy|shivery|shivering|shaking)\s+and\s+"
        r"(sweaty|sweating|clammy|shivery|shivering|hot)\b",
        r"\btemp(erature)?\s+(is\s+|of\s+)?(3[89]|4[0-2]|10[0-6])(\.\d)?\s*(c|f|degrees)?\b",
        r"\b(3[89]|4[0-2]|10[0-6])(\.\d)?\s*(degrees|deg)\b",
        r"\b(red|redness|swollen|swelling|hot|pus|oozing|leaking|bleeding)\b.{0,40}"
        r"\b(injection|needle|puncture|wound|site|cut)\b",
        r"\b(injection|needle|puncture|wound)\s+(site|spot|area)?\s*(is|looks|got|getting)?\s*"
        r"(red|swollen|hot|infected)\b",
        r"\bwhere\s+(the|they\s+put\s+the)\s+needle\b.{0,40}"
        r"\b(red|swollen|puffy|hot|infected|pus|oozing|bleeding)\b",
        # Issue 23: infection signs described without the word "fever".
        r"\b(hot and cold|cold and hot|hot then cold|cold then hot)\b",
        r"\b(night sweats|cold sweats?|drenched in sweat|soaked in sweat|sweating buckets)\b",
        r"\bteeth\s+(are\s+|keep\s+)?chattering\b",
        r"\b(shivering|shivers|shivery|the shakes|shaking all over|uncontrollable shaking)\b",
        r"\b(site|wound|needle|puncture|cut|bandage|dressing|spot|incision|hole)\b.{0,40}"
        r"\b(red|redder|warm|hot|swollen|puffy|oozing|weeping|pus|discharge|smells?|smelly|"
        r"infected|bleeding|yellow|green)\b",
        r"\b(discharge|weeping|oozing|pus|smelly|red streaks?|streaks? of red)\b.{0,40}"
        r"\b(back|bandage|dressing|incision|hole|skin)\b",
        r"\bredness\b.{0,20}\b(spreading|growing|getting bigger|bigger)\b",
        r"\bwarm\s+to\s+the\s+touch\b",
    ],
    "sudden_severe_pain": [
        r"\bsudden(ly)?\b.{0,25}"
        r"\b(severe|terrible|excruciating|unbearable|agonising|agonizing|worst)\b.{0,15}\bpain\b",
        r"\bsudden(ly)?\b.{0,10}\bpain\b.{0,25}\b(much worse|really bad|unbearable|excruciating)\b",
        r"\b(severe|excruciating|unbearable|agonising|agonizing)\s+(back\s+)?pain\b.{0,25}"
        r"\b(sudden(ly)?|out of nowhere|all of a sudden)\b",
        r"\bworst\s+pain\s+(of\s+(my|his|her)\s+life|ever|i'?ve\s+ever)\b",
        r"\bpain\b.{0,30}\b(lightning|out of the blue|came on (suddenly|all at once))\b",
        r"\b(screaming|crying out|howling)\s+(in|with|from)\s+pain\b",
    ],
    # Not "collapsed": "my vertebra collapsed" is how patients describe the fracture itself.
    "fainting_or_unconscious": [
        r"\b(unconscious|unresponsive|fainted|fainting|passed out|blacked out|keeled over)\b",
        r"\b(i|he|she|they|mum|mom|mother|dad|father|husband|wife)\s+(just\s+|suddenly\s+)?"
        r"collapsed\b",
        r"\b(lost|losing)\s+consciousness\b",
        r"\b(passing out|blacking out|keep fainting|keeps fainting)\b",
        r"\b(won'?t|will not|can'?t|cannot|not)\s+(wake|waking)\s+(up|him|her|them)\b",
        r"\b(not|isn'?t|is not)\s+respond(ing)?\b",
        r"\b(feel|feeling|felt)\s+(very\s+|really\s+)?faint\b",
        # Issue 23 (outside tester): "went all grey and floppy", "wasn't answering".
        PERSON + r"\s+(just\s+|suddenly\s+)?(went|has gone|turned|is going|was going)\s+"
        r"(all\s+|completely\s+|very\s+)?(grey|gray|limp|floppy|blue)\b",
        PERSON + r"\b.{0,60}\b(isn'?t|wasn'?t|is not|was not|not|stopped|stops)\s+"
        r"(answering|responding|reacting)\b(?!\s+(the|my|your|his|her)\s+(phone|calls?|"
        r"texts?|messages?|emails?|questions?|door))",
    ],
    # Issue 23, round 3: new confusion and stroke signs (FAST: face drooping, arm weakness,
    # speech). A person confused, not a question that confuses: "confused about the bill",
    # "I'm confused by the instructions" are not red flags (the lookahead below).
    "confusion_or_stroke_signs": [
        IN_A_STATE + CONFUSED + NOT_ABOUT_A_THING,
        # "I'm a bit confused, how long does it take?": the patient's own confusion followed by
        # a question is about the answer; a carer's "mum is confused. what do I do" is not.
        r"\b(i'?m|im|i am|i feel|i was|i keep getting|i get)"
        + ADV
        + r"\s+"
        + CONFUSED
        + NOT_ABOUT_A_THING
        + r"(?![,.:;!?-]*\s*(how|what|why|which|where|who|when|can|could|is|"
        r"are|do|does|did|should|will|would|sorry|so|please|i mean|thanks|help)\b)",
        r"\b(new|sudden|some|severe|acute|increasing|more)\s+confusion\b",
        r"\b(confused|disoriented|disorientated)\s+(and|&)\s+(dizzy|drowsy|sleepy|agitated|"
        r"disoriented|disorientated|lost|not making sense|can'?t|doesn'?t|don'?t)\b",
        r"\b(doesn'?t|does not|didn'?t|did not|don'?t|do not|can'?t|cannot)\s+(know|remember|"
        r"recogni[sz]e)\s+(where\s+(she|he|i|they)\s+(is|am|are|was|were)|who\s+(i|we|she|he)\s+"
        r"(am|are|is)|what day it is|(me|us|her own|his own|their own|my)\b(?!\s+(number|name)))",
        r"\b(isn'?t|is not|wasn'?t|was not|not|stopped|stops)\s+making\s+(any\s+)?sense\b"
        r"(?!\s+(of|to me,? (the|this|that|your)))",
        r"\b(slurred|slurring|garbled|jumbled)\s+(speech|words|talking|his words|her words|"
        r"my words)\b|\bspeech\s+(is\s+|was\s+|sounds\s+)?(slurred|garbled|funny|strange)\b",
        r"\b(face|mouth|smile|lip|eye)\b.{0,30}\b(droop|droops|drooped|drooping|droopy|"
        r"sagging|lopsided|crooked|fallen|dropped)\b",
        r"\bone\s+side\s+of\s+(my|his|her|their|the)\s+(face|body|mouth)\b",
        r"\b(arm|hand)\s+(suddenly\s+|just\s+)?(is|went|feels|has gone|gone|go|goes)?\s*"
        r"(weak|numb|limp|floppy|dead|heavy and weak)\b(?!\s+(from|after)\s+(the\s+)?(drip|"
        r"cannula|iv|injection|needle|lying|sleeping))",
        r"\b(can'?t|cannot|can not|unable to|couldn'?t)" + ADV + r"\s+(lift|raise|move)\s+"
        r"(my|his|her|their)\s+" + SIDE + r"(arm|hand)\b",
    ],
    # Issue 23, round 3: bleeding that soaks the dressing is a report, not a sore spot.
    "heavy_bleeding": [
        r"\b(blood|bleeding)\b(?!\s*(thinners?|pressure|tests?|sugar|work|counts?|draws?|types?|"
        r"clots?|bank|donors?|results?|vessels?))"
        r".{0,40}\b(soak|soaks|soaked|soaking|seeping|pouring|gushing|spurting|dripping|"
        r"running down|won'?t stop|will not stop|doesn'?t stop|not stopping|keeps coming|"
        r"can'?t stop|through the (dressing|bandage|plaster|sheets?|shirt|clothes))\b",
        r"\b(soaked|soaking|drenched|covered|full)\s+(in|with|of)\s+blood\b",
        r"\b(a lot of|lots of|so much|loads of|a pool of|plenty of|too much|heavy)\s+"
        r"(fresh\s+|red\s+)?(blood|bleeding)\b"
        r"(?!\s*(thinners?|pressure|tests?|sugar|work|counts?|draws?|clots?))",
        r"\b(bleeding|bleeds|bled)\s+(heavily|a lot|badly|loads|everywhere|through|nonstop|"
        r"non-stop|and (it )?won'?t stop)\b",
        r"\b(won'?t|will not|can'?t|cannot|doesn'?t)\s+stop\s+(the\s+)?bleeding\b",
    ],
}


def _compile(patterns: dict[str, list[str]]) -> dict[str, Pattern[str]]:
    return {
        name: re.compile("|".join(f"(?:{p})" for p in alternatives), re.IGNORECASE | re.DOTALL)
        for name, alternatives in patterns.items()
    }


_RED_FLAGS = _compile(RED_FLAG_PATTERNS)
LANGUAGES = ("en", *OTHER_LANGUAGES)
# Per language, every (pattern, flag) behind a literal prefilter. Each alternative on its
# own: one big alternation scans a long message about twice as slowly, and the prefilter
# skips the alternatives whose words are absent (a 1,000-character message: 3.5 -> ~0.5 ms).
_BY_LANGUAGE: dict[str, LiteralPrefilter[str]] = {
    language: LiteralPrefilter(
        [
            (re.compile(alternative, re.DOTALL), name)  # folded text is lower case
            for name, alternatives in patterns.items()
            for alternative in alternatives
        ]
    )
    for language, patterns in {"en": RED_FLAG_PATTERNS, **OTHER_LANGUAGES}.items()
}


def readable(text: str, language: str = "en") -> str:
    """Text as a language's patterns read it: folded; in English, typos also corrected.

    Only English: the typo table would read Polish "moge" as "move".
    """
    folded = fold(text)
    return correct(folded) if language == "en" else folded


def mentions(read: str, language: str) -> list[Mention]:
    """Every red-flag mention of `language`'s patterns in `read` (see `readable`)."""
    found = {
        (name, m.start()): Mention(name, language, m.start(), m.end())
        for pattern, name in _BY_LANGUAGE[language].candidates(read)
        for m in pattern.finditer(read)
    }
    return list(found.values())


def first_red_flag_at(text: str) -> int | None:
    """Where the first red-flag mention in already folded `text` starts, or None.

    Used by the chat channels on a message too long to pass on whole, so that the part that
    describes the red flag still reaches the assistant (and this classifier). Context is not
    judged here: when a turn is cut or fails, any mention counts (recall wins). The position
    is in `text` (a corrected typo may move it by a letter or two; the cut keeps a margin).
    """
    corrected = correct(text)
    starts = [
        m.start()
        for language, prefilter in _BY_LANGUAGE.items()
        for read in [corrected if language == "en" else text]
        for pattern, _ in prefilter.candidates(read)
        if (m := pattern.search(read))
    ]
    return min(starts) if starts else None


def mention_language(text: str) -> str | None:
    """The language of the first red-flag mention in (unfolded) `text`, or None.

    Like `first_red_flag_at`, any mention, no context: for the channels' fail-safe replies.
    """
    folded = fold(text)
    corrected = correct(folded)
    found = [
        (m.start(), language)
        for language, prefilter in _BY_LANGUAGE.items()
        for read in [corrected if language == "en" else folded]
        for pattern, _ in prefilter.candidates(read)
        if (m := pattern.search(read))
    ]
    return min(found)[1] if found else None


def mentions_red_flag(text: str) -> bool:
    """Does the (unfolded) text mention a red flag? For the channels' decisions."""
    return first_red_flag_at(fold(text)) is not None


def find_red_flag(text: str | None, patterns: dict[str, Pattern[str]]) -> str | None:
    """The name of the first red flag the text mentions, or None (patterns alone)."""
    if not text:
        return None
    folded = readable(text)  # English patterns (the tests' and the bench's baseline)
    for name, pattern in patterns.items():
        if pattern.search(folded):
            return name
    return None


@dataclass(frozen=True)
class Finding:
    """What the net made of a message: the flag, report or not, and the deciding cue.

    `cue` is None when no context cue decided (a plain report); staff see all of it.
    """

    flag: str
    language: str
    report: bool
    cue: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "flag": self.flag,
            "language": self.language,
            "report": self.report,
            "cue": self.cue,
        }


@lru_cache(maxsize=1024)
def assess(text: str | None) -> Finding | None:
    """The message's red-flag finding, or None when it mentions no red flag.

    A report as soon as one mention is a report (the first such); talk only when every
    mention has a cue that makes it talk. Each language's mentions are judged with that
    language's cues. Cached: the dialogue policy asks again at each step of a turn.
    """
    if not text:
        return None
    judged = []
    folded = fold(text)  # once: the other languages read it as it is, English corrected
    corrected = correct(folded)
    for language in LANGUAGES:
        read = corrected if language == "en" else folded
        found = mentions(read, language)
        if found:
            judged += judge_all(read, found)
    if not judged:
        return None
    chosen = next((j for j in judged if j.report), judged[0])
    mention = chosen.mention
    return Finding(mention.flag, mention.language, chosen.report, chosen.cue)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagClassifier(IntentOverride):
    """Forces the `emergency` intent when a message reports a red-flag symptom.

    A message that only talks about one (a question, a negation, history) keeps its intent;
    the finding is recorded under `red_flag_context` either way, for the dialogue (the
    conditional safety line, the reply's language) and for staff.
    """

    intent = EMERGENCY_INTENT
    reason_key = RED_FLAG_KEY

    def reason(self, text: str | None) -> str | None:
        finding = assess(text)
        return finding.flag if finding is not None and finding.report else None

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            finding = assess(full_text(message))
            if finding is None:
                lower_model_only(message)
                continue
            message.set(RED_FLAG_CONTEXT_KEY, finding.as_dict(), add_to_output=True)
            if finding.report:
                override_intent(message, self.intent, self.reason_key, finding.flag)
            elif (intent := talk_intent(finding, message)) is not None:
                override_intent(message, intent, TALK_KEY, finding.flag)
        return messages


def talk_intent(finding: Finding, message: Message) -> str | None:
    """The intent for talk about a symptom, or None to keep the classifier's.

    A question about a symptom (is it normal, a side effect, what if) is answered from the
    page's passage on risks; other talk keeps its intent, unless the model itself said
    "emergency": then its next best intent.
    """
    said_emergency = _said_emergency(message)
    if finding.language != "en":  # answered in English only: the language-help line
        return OUT_OF_SCOPE_INTENT if said_emergency else None
    kind = (finding.cue or "").split(":", 1)[0]
    if kind in ("question", "hypothetical"):
        return RISK_INTENT
    if not said_emergency:
        return None
    ranking = message.get(INTENT_RANKING_KEY) or []
    names = [entry.get(INTENT_NAME_KEY) for entry in ranking]
    return next((n for n in names if isinstance(n, str) and n != EMERGENCY_INTENT), RISK_INTENT)


def _said_emergency(message: Message) -> bool:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == EMERGENCY_INTENT


def lower_model_only(message: Message) -> None:
    """The model's own "emergency" on a message no pattern matched: kept, unless it is

    - a bare body part ("chest", "my legs"): the classifier's next best intent at its own
      confidence (the fallback decides), so half a report does not alarm on its own and a
      "my legs" / "are fine, no numbness" pair is judged whole, with its cues;
    - an English question about a risk (`model_only_talk`): the risks answer, and the
      context the policy reads to add the conditional safety line;
    - fear or worry and nothing of the body, a symptom or alarm (`only_fear`), or only who
      someone is and where they live (`nothing_but_introductions`, round 21): the next best
      intent, like a bare body part.
    """
    if not _said_emergency(message):
        return
    text = full_text(message) or ""
    read = readable(text)
    if BARE_BODY_PART.fullmatch(read):
        if _next_best(message):
            message.set(FRAGMENT_KEY, text, add_to_output=True)
        return
    if only_fear(read) or nothing_but_introductions(read):
        _next_best(message)
        return
    cue = model_only_talk(read)
    if cue is not None:
        finding = Finding(MODEL_ONLY, "en", report=False, cue=cue)
        message.set(RED_FLAG_CONTEXT_KEY, finding.as_dict(), add_to_output=True)
        override_intent(message, RISK_INTENT, TALK_KEY, MODEL_ONLY)


def nothing_but_introductions(read: str) -> bool:
    """Names, relations and places, and nothing of the body, a symptom or an alarm
    (round 21, mixed-015: "wife is Joy, my name is Cliff and we're from Brattleboro")."""
    return ALARM.search(read) is None and only_introductions(read)


def only_fear(read: str) -> bool:
    """Fear or worry is all the message tells of anyone's state (see `FEAR`, `ALARM`)."""
    return FEAR.search(read) is not None and ALARM.search(read) is None


def _next_best(message: Message) -> bool:
    """The classifier's next best intent at its own confidence (the fallback decides)."""
    ranking = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get(INTENT_NAME_KEY) != EMERGENCY_INTENT
    ]
    if ranking:
        message.set(INTENT, dict(ranking[0]), add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    return bool(ranking)
