"""Is a red-flag mention a report, or talk about a symptom? ConText-style rules for patients.

Why: the patterns react to words. "Is a raised temperature normal after the procedure?" and
"no fever, how long is recovery?" mention a red flag without reporting one, and answering them
with "call 911 now" hides the answer they asked for and teaches patients to ignore the alarm.

How (after ConText, Harkema et al. 2009, and NegEx, Chapman et al. 2001): each mention the
patterns find is looked at in its own sentence. Trigger terms, each with a kind and a scope,
can mark it as not a report:
- negation ("no fever", "I don't have any numbness", "my legs aren't numb"): a few words
  before the mention, within its clause, or a list of symptoms the negation runs through;
- hypothetical ("what happens if", "in case", "if I get"): from the trigger to the end of
  the sentence;
- question about risks, side effects, what is normal; history before the procedure ("years
  ago", "before the procedure", "was checked"); another person's past ("my friend had");
  whether the procedure can treat it: anywhere in the sentence.
Except for negation, a report marker in the same sentence overrules those cues: someone who
has it now ("I have", "she is", "right now", "since", "an hour ago", "the numbness"), unless
the marker itself is hypothetical ("if I have"). medspacy's ConText was checked and not used
(docs/red-flags.md): its rules are written for clinical notes, and its install pulls
QuickUMLS and a compiled sentence splitter.

The deterministic net stays the floor: a message is talk only when *every* mention in it has
a deciding cue; anything unclear is a report, and a report gets the emergency message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import Pattern

# --- English -------------------------------------------------------------------------------
_NO = (
    r"\bno\b(?!\s+(longer|one|idea|clue|matter|wonder|way|help|better|change|relief|good|"
    r"doubt|reply|answer|response|more than|sooner))"
)
EN_NEGATION = (
    _NO + r"|\bnot any\b|\bwithout( any)?\b|\bnever (had|have|got|get)\b|"
    r"\b(don'?t|do not|doesn'?t|does not|didn'?t|did not) (have|get|notice|feel)( any)?\b|"
    r"\b(haven'?t|hasn'?t|have not|has not|hadn'?t) (had|got|noticed|felt|been)( any)?\b|"
    r"\bno signs? of\b|\bfree (of|from)\b|\bden(y|ies|ied)\b|\bnor\b|\bnone of\b|\bnever\b"
)
# "my legs aren't numb", "not feverish": the negation inside the matched words.
EN_NEGATED_WORD = re.compile(
    r"(\bnot|n't|\b(isnt|arent|dont|doesnt|wasnt|werent|aint)|\bno longer)\s+"
    r"(really\s+|at all\s+|very\s+|too\s+|that\s+)?"
    r"(numb|weak|tingly|tingling|feverish|swollen|red|hot|warm|puffy|infected|bleeding|oozing|"
    r"breathless|short of breath|hurting|painful|fainted|passed out|collapsed)\b"
)
EN_HYPOTHETICAL = (
    r"(?<!wonder )(?<!wondering )(?<!see )\bif\b|"
    r"\bin case\b|\bsuppos(e|ing)\b|\bimagine\b|\bin the event\b|\bwere to\b|"
    r"\bshould (i|he|she|you|we|they) (get|develop|have|start|notice|feel|lose)\b|"
    r"\bwhat happens when\b|\bwhat (do|should) (i|we) do when\b|\bwhen (should|would|do) "
    r"(i|we|you) (call|go|worry|seek|get help)\b|"
    r"\bwill (i|my|he|she|his|her|the)\b[^.?!]{0,25}\bbe\b|\bwould (a|an|that|it|this)\b|"
    # "scared she will be paralysed" (issue 23, round 3): a fear of what may come.
    r"\b(i|he|she|they|we|you)('ll| will| would| might| could| may) (be|get|become|end up|lose|"
    r"go)\b"
)
EN_QUESTION = (
    r"\bside[\s-]?effects?\b|\bnormal\b|\bcommon\b|\busual\b|\bexpected\b|\btypical\b|"
    r"\brisks?\b|\bchances?\b|\blikely\b|\blikelihood\b|\bpossible\b|\bcomplications?\b|"
    r"\bhow often\b|\bhow many (people|patients)\b|\bwarning signs?\b|\bsigns? of\b|"
    r"\bsymptoms? of\b|\b(watch|look) (out )?for\b|\bshould (i|we) (worry|be worried|be "
    r"concerned)\b|\bis (it|that|this) (serious|bad)\b|\bdangerous\b|"
    r"\b(can|could|does|do|will|would|might)\s+(it|this|that|vertebroplasty|the procedure|"
    r"the cement|the surgery|the injection|the operation|the treatment)\s+(cause|lead to|give|"
    r"make|trigger)\b|\bcaused? by\b|\bhappen to (people|patients|anyone)\b|"
    r"\b(can|could|does|do|will|would|might|may)\b[^.?!]{0,30}\bcause\b|"
    r"\b(do|does|did) (many|most|some|a lot of|any) (people|patients)\b|\bhow many\b|"
    r"\b(can|could|do|will|would|might) (you|people|patients|one|someone|anyone) "
    r"(get|have|develop|experience)\b|\bare there\b|\bis there (a|any) (risk|chance)\b|"
    # Issue 23, round 3: "will i lose bladder control from it", "is there a lot of bleeding".
    r"\b(will|would|could|might|may|can) (i|he|she|we|they|you|my|his|her|mum|mom|dad)\b"
    r"[^.?!]{0,30}\b(lose|get|develop|end up|be left)\b|"
    r"\bis there (usually |often |normally )?(a|any|much|a lot|lots|some)\b|"
    r"\b(can|could|might|may) (happen|occur)\b|\b(can|could|does|do) (that|this|it) happen\b|"
    r"\b(has|have|did|does) (that|this|it|anyone|anybody|someone|somebody|any patients?|"
    r"people|patients) ever\b|\bever happen(ed|s)?\b"
)
EN_TREATMENT = (
    r"\b(can|could|will|would|does|do|is|might)\s+(vertebroplasty|it|this|the procedure|"
    r"the treatment|the cement|the surgery|the injection|this procedure)\s+(help|treat|fix|"
    r"cure|relieve|improve|stop|reduce|get rid|be used|work)\b|"
    r"\b(help|treat|treatment|cure|relief|relieve)\s+(with|for|of)\b|\bgood for\b"
)
EN_HISTORY = (
    r"\b(years?|months?|decades?) (ago|back)\b|\bfor (many |several )?years\b|"
    r"\bbefore (any of |all of )?(this|that|all this)\b|\blast year\b|\bin the past\b|\bused to\b|"
    r"\bas a (child|kid|teenager|teen)\b|\bwhen (i|he|she) was (young|younger|little|a child|"
    r"a kid|pregnant)\b|\bbefore (the|my|his|her|this|having)( the)? (procedure|surgery|"
    r"operation|vertebroplasty|fracture|injection|treatment|cement)\b|"
    r"\b(back )?in (19|20)\d\d\b|\blong (time )?ago\b|"
    r"\b(was|were|got|been|had (it|that|them)) (checked|seen|looked at|investigated|cleared|"
    r"tested|treated|sorted)\b|\b(it|that) (was|turned out) (nothing|fine|ok|okay)\b|"
    # Issue 23, round 3: "a fever last month before they did the procedure ... long gone".
    r"\blast (month|winter|summer|spring|autumn|fall)\b|"
    r"\bbefore (they|you|we|the doctors?) (did|done|had|do|started|gave)\b|"
    r"\b(it|that|which) (was|turned out to be|was only) (just |only )?(a cold|the flu|a virus|"
    r"a bug|covid|a chest infection|a uti|nothing)\b|"
    r"\b(it'?s|its|it is|that'?s|thats|it has|it'?s been) (long |all |completely )?"
    r"(gone|cleared( up)?|over|resolved|went away)\b|\b(long gone|went away|cleared up)\b"
)
EN_OTHER_PAST = (
    r"\b(friends?|neighbou?rs?|cousin|colleague|co-?worker|aunt|auntie|uncle|someone|somebody|"
    r"a lady|a man|a woman|people|patients|other people|a guy|late (husband|wife)|boss)\b"
    r".{0,40}\b(had|got|was|were|went|developed|ended up|suffered|experienced|said|says|told)\b"
)
# "mum is worried about getting a fever": a worry is not the symptom.
_ONLY_WORRIED = (
    r"(really\s+|very\s+|a bit\s+|so\s+)?(worried|concerned|wondering|asking|scared|afraid|"
    r"nervous|anxious|curious|thinking)"
)
# "fine now", "better now": the symptom is over, "now" does not make it a report.
_NOT_AFTER_WELL = "".join(
    f"(?<!{w} )" for w in ("fine", "ok", "okay", "better", "good", "gone", "well", "over", "normal")
)
EN_REPORT = (
    r"\b(i|we|he|she|they|mum|mom|mother|dad|father|husband|wife|partner|son|daughter|sister|"
    r"brother|grandma|grandpa|patient)\s+(now\s+|still\s+|just\s+|really\s+)?"
    r"(have|has|'ve got|ve got|'s got|got|am|is|are|feel|feels|can'?t|cannot|keep|"
    r"keeps|started|developed|woke up)\b(?!\s+(had|been|ever|never|" + _ONLY_WORRIED + r"))|"
    r"\b(friends?|neighbou?rs?|someone|somebody)\s+(now\s+|still\s+)?(has|is|can'?t|cannot)\b|"
    r"\b(i'?m|he's|she's|they're)\b(?!\s+(had|been|never|not|ever|" + _ONLY_WORRIED + r"))|"
    r"\bcan'?t stop\b|"
    r"\b(right now|" + _NOT_AFTER_WELL + r"now|currently|at the moment|since|today|tonight|"
    r"this (morning|afternoon|evening|week)|last night|yesterday|started|suddenly|"
    r"all of a sudden|again)\b|"
    r"\b(an|one|two|three|four|five|a few|few|\d+|couple of)\s+(hours?|minutes?|mins?|days?)\s+"
    r"ago\b"
)
# "the numbness", "my chest hurts": a symptom already there. Overrules a question, not history
# or treatment ("will the procedure fix the tingling in my feet?", "my legs went numb months
# ago and the doctor checked it").
EN_DEFINITE = (
    r"\bis this (normal|common|a side effect|expected|ok|okay|dangerous|serious|bad)\b|"
    r"\b(my|his|her|mum's|mom's|dad's)\s+(legs?|feet|foot|chest|bladder|wound|site|breathing|"
    r"temperature|temp)\s+(is|are|feel|feels|hurts?|went|has|have|keeps?|won'?t|started)\b|"
    r"\b(the|this|my|his|her)\s+(numbness|fever|temperature|temp|tingling|weakness|"
    r"swelling|redness|chest pain|shortness of breath|pus|chills)\b"
)

# --- Spanish, Portuguese, Polish (folded: no accents; Polish ł kept) ------------------------
ES_NEGATION = r"\bno (tengo|tiene|tuve|he tenido|ha tenido|hay)\b|\bsin\b|\bni\b|\bnunca\b"
ES_HYPOTHETICAL = r"\bque pasa si\b|\by si\b|\ben caso de\b|\bsi (tengo|me da|tuviera|hay)\b"
ES_QUESTION = (
    r"\bes normal\b|\befectos? secundarios?\b|\briesgos?\b|\bcomplicaciones\b|"
    r"\bpuede (causar|provocar|dar)\b|\bes comun\b"
)
ES_HISTORY = (
    r"\bhace (anos|meses|mucho)\b|\bel ano pasado\b|\bantes del? (procedimiento|operacion|"
    r"tratamiento)\b"
)
ES_REPORT = (
    r"\b(ahora|desde|hoy|anoche|ayer|tengo|tiene|me duele|me siento)\b|"
    r"\bhace (una|dos|tres|\d+|unas) (horas?|minutos?)\b"
)
PT_NEGATION = r"\bnao (tenho|tem|tive|teve|ha)\b|\bsem (nenhum|nenhuma)\b|\bnem\b|\bnunca\b"
PT_HYPOTHETICAL = r"\bo que acontece se\b|\be se\b|\bcaso\b|\bse (eu )?(tiver|tenho|der)\b"
PT_QUESTION = (
    r"\be normal\b|\befeitos? colatera(l|is)\b|\briscos?\b|\bcomplicacoes\b|"
    r"\bpode (causar|provocar|dar)\b|\be comum\b"
)
PT_HISTORY = (
    r"\bha (anos|meses|muito tempo)\b|\bano passado\b|\bantes d[oa] (procedimento|cirurgia)"
)
PT_REPORT = (
    r"\b(agora|desde|hoje|ontem|tenho|estou|esta com|ele tem|ela tem)\b|"
    r"\bha (uma|duas|tres|\d+) (horas?|minutos?)\b"
)
PL_NEGATION = r"\bnie (mam|ma|mia[łl](em|am|a)?)\b|\bbez\b|\bnigdy\b"
PL_HYPOTHETICAL = r"\bco (jesli|jezeli)\b|\bco sie stanie\b|\b(jesli|jezeli|gdyby)\b"
PL_QUESTION = (
    r"\bnormalne\b|\bskut(ek|ki) uboczn[ey]\b|\befekt(y)? uboczn[ey]\b|\bryzyko\b|"
    r"\bpowik[łl]ania\b|\bmoze (powodowac|wywo[łl]ac)\b|\bmozna\b|"
    r"\bczy\b.{0,40}\bmoze\s+(byc|wystapic|pojawic sie|sie pojawic|sie zdarzyc)\b|"
    # Issue 23, round 3: "czy gorączka po zabiegu jest normalna?" ("czy" opens a yes/no
    # question; "mam", "teraz" in the same sentence still make it a report).
    r"\bnormaln(a|e|y|ie)\b|\bczy\b|\bgrozn[aey]\b"
)
PL_HISTORY = r"\blat temu\b|\bmiesiecy temu\b|\bw zesz[łl]ym roku\b|\bprzed (zabiegiem|operacja)\b"
PL_REPORT = (
    r"\b(teraz|dzisiaj|dzis|wczoraj|mam|ma)\b|\bod (zabiegu|wczoraj|rana)\b|"
    r"\b(godzine|godziny|godzin) temu\b"
)

_FLAGS = 0  # the text is folded to lower case first
SENTENCE_BREAK = re.compile(r"[.!?;\n\u00bf\u00a1]+")
# A list a negation runs through: "no fever, chills or redness".
NEGATED_LIST = re.compile(
    r"^[\s,]*((or|and|nor|no|any|or any|and no|ni|nem|ou|o|y|e|ani|i)[\s,]+)*$"
)
# "I don't know if I have a fever": not knowing is not a hypothetical.
UNSURE_BEFORE = re.compile(r"(n't|\bnot|\bno|\bunsure)\s+(know|sure|tell|certain)\s+$")
LIST_WORD = re.compile(r"\s*\b(or|nor|no|any|ni|nem|ou|o|ani)\b")
# A report marker right after one of these words is itself hypothetical: "if I have a fever".
HYPOTHETICAL_BEFORE = re.compile(
    r"\b(if|whether|when|case|should|would|can|could|will|do|does|may|might|suppose|supposing|"
    r"imagine|si|se|caso|jesli|"
    r"jezeli|gdy|gdyby)\s+"
    r"((my|his|her|our|the|your)\s+)?$"
)
# Report markers that may lie in the future, so say nothing inside a hypothetical: "if he
# gets confused tonight" (issue 23, round 3). "right now", "since", "ago" still count.
COULD_BE_LATER = re.compile(
    r"today|tonight|this (morning|afternoon|evening|week)|again|suddenly|all of a sudden|started"
)
NEGATION_WINDOW_WORDS = 4
# The only words allowed between a negation and what it negates. NegEx's five-word window
# reads "I don't feel right and my legs are numb" as a negation; this does not.
FILLER = frozenset(
    [
        "any",
        "a",
        "an",
        "the",
        "real",
        "signs",
        "sign",
        "of",
        "or",
        "such",
        "new",
        "more",
        "further",
        "kind",
        "symptoms",
        "problems",
        "trouble",
        "issues",
        "with",
        "really",
        "at",
        "all",
        "ningun",
        "ninguna",
        "nenhum",
        "nenhuma",
        "zadnej",
        "zadnych",
    ]
)
LOSS = re.compile(
    r"\b(feeling|sensation|control|strength|power|feel|sensibilidad|sensibilidade|fuerza|forca|"
    r"czucia|kontrol[ie])\b"
)


@dataclass(frozen=True)
class Cues:
    """One language's trigger terms."""

    negation: Pattern[str]
    hypothetical: Pattern[str]
    sentence: tuple[tuple[str, Pattern[str]], ...]  # (kind, triggers) with sentence scope
    report: Pattern[str]
    definite: Pattern[str] | None = None  # overrules questions and hypotheticals only


def _cues(
    neg: str, hyp: str, sentence: dict[str, str], report: str, definite: str | None = None
) -> Cues:
    return Cues(
        negation=re.compile(neg, _FLAGS),
        hypothetical=re.compile(hyp, _FLAGS),
        sentence=tuple((kind, re.compile(p, _FLAGS)) for kind, p in sentence.items()),
        report=re.compile(report, _FLAGS),
        definite=re.compile(definite, _FLAGS) if definite else None,
    )


CUES: dict[str, Cues] = {
    "en": _cues(
        EN_NEGATION,
        EN_HYPOTHETICAL,
        {
            "question": EN_QUESTION,
            "treatment": EN_TREATMENT,
            "history": EN_HISTORY,
            "other person": EN_OTHER_PAST,
        },
        EN_REPORT,
        EN_DEFINITE,
    ),
    "es": _cues(
        ES_NEGATION, ES_HYPOTHETICAL, {"question": ES_QUESTION, "history": ES_HISTORY}, ES_REPORT
    ),
    "pt": _cues(
        PT_NEGATION, PT_HYPOTHETICAL, {"question": PT_QUESTION, "history": PT_HISTORY}, PT_REPORT
    ),
    "pl": _cues(
        PL_NEGATION, PL_HYPOTHETICAL, {"question": PL_QUESTION, "history": PL_HISTORY}, PL_REPORT
    ),
}


@dataclass(frozen=True)
class Mention:
    """Where the patterns found a red flag, in which language's words."""

    flag: str
    language: str
    start: int
    end: int


@dataclass(frozen=True)
class Judgement:
    """A mention judged: a report or not, and the cue that decided (None: no cue did)."""

    mention: Mention
    report: bool
    cue: str | None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, start)]
    after = SENTENCE_BREAK.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _negation(text: str, mention: Mention, cues: Cues, lo: int) -> str | None:
    """The negation trigger that covers the mention, if one does.

    Not when the mention is itself a loss: "I don't have any feeling in my legs" reports one.
    """
    # "my legs are fine, no numbness": the pattern's match starts at "legs" and the negation
    # is inside it, right before the symptom word that ends the match (issue 23, round 3).
    for trigger in cues.negation.finditer(text, mention.start, mention.end):
        rest = text[trigger.end() : mention.end]
        words = rest.split()
        if 0 < len(words) <= 2 and all(w in FILLER for w in words[:-1]) and not LOSS.search(rest):
            return trigger.group(0)
    if LOSS.search(text, mention.start, mention.end):
        return None
    inside = EN_NEGATED_WORD.search(text, max(lo, mention.start - 20), mention.end + 1)
    if mention.language == "en" and inside and inside.end() > mention.start:
        return inside.group(0)
    for trigger in cues.negation.finditer(text, lo, mention.start):
        between = text[trigger.end() : mention.start].split()
        if len(between) <= NEGATION_WINDOW_WORDS and all(w in FILLER for w in between):
            return trigger.group(0)
    return None


def _report_marker(text: str, cues: Cues, kind: str, lo: int, hi: int) -> str | None:
    """A marker in the sentence that someone has the symptom now (not "if I have")."""
    markers = [cues.report]
    if cues.definite is not None and kind in ("question", "hypothetical"):
        markers.append(cues.definite)
    for pattern in markers:
        for marker in pattern.finditer(text, lo, hi):
            before = text[max(lo, marker.start() - 16) : marker.start()]
            if HYPOTHETICAL_BEFORE.search(before):
                continue
            if kind == "hypothetical" and COULD_BE_LATER.fullmatch(marker.group(0)):
                continue  # "if my dad gets confused tonight": tonight may not have come yet
            return marker.group(0)
    return None


def judge(text: str, mention: Mention, negated_before: Judgement | None) -> Judgement:
    """Report or not for one mention in folded `text`; see the module docstring."""
    cues = CUES[mention.language]
    lo, hi = _sentence(text, mention.start, mention.end)
    negation = _negation(text, mention, cues, lo)
    if negation is None and negated_before is not None:
        between = text[negated_before.mention.end : mention.start]
        # "no fever, chills or redness" runs on; "no fever, legs numb" does not.
        listed = NEGATED_LIST.match(between) and (
            LIST_WORD.search(between) or LIST_WORD.match(text, mention.end)
        )
        if listed:
            negation = negated_before.cue.split(": ", 1)[-1] if negated_before.cue else None
    if negation is not None:
        return Judgement(mention, report=False, cue=f"negation: {negation}")
    found: tuple[str, str] | None = None
    for trigger in cues.hypothetical.finditer(text, lo, hi):
        unsure = UNSURE_BEFORE.search(text, max(lo, trigger.start() - 16), trigger.start())
        if trigger.start() <= mention.start and not unsure:
            found = ("hypothetical", trigger.group(0))
            break
    for kind, triggers in cues.sentence:
        if found is None and (hit := triggers.search(text, lo, hi)):
            found = (kind, hit.group(0))
    if found is None:
        return Judgement(mention, report=True, cue=None)
    marker = _report_marker(text, cues, found[0], lo, hi)
    if marker is not None:
        return Judgement(mention, report=True, cue=f"report: {marker}")
    return Judgement(mention, report=False, cue=f"{found[0]}: {found[1]}")


def judge_all(text: str, mentions: list[Mention]) -> list[Judgement]:
    """Each mention judged, in order (a negation runs on through a list of symptoms)."""
    judged: list[Judgement] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        previous = judged[-1] if judged else None
        carried = previous if previous and (previous.cue or "").startswith("negation") else None
        judged.append(judge(text, mention, carried))
    return judged


# "my arm went", "her speech is": someone's state now, for a message no pattern matched.
EN_STATE = re.compile(
    r"\b(my|his|her|their|mum'?s|mom'?s|dad'?s)\s+[a-z]+\s+(is|are|went|feels?|hurts?|has|have|"
    r"keeps?|started|won'?t|looks?|seems?)\b"
)


def _spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text` that has a letter in it."""
    spans, start = [], 0
    for stop in [*SENTENCE_BREAK.finditer(text), None]:
        end = stop.start() if stop else len(text)
        if any(c.isalpha() for c in text[start:end]):
            spans.append((start, end))
        start = stop.end() if stop else end
    return spans


def model_only_talk(text: str) -> str | None:
    """The question or hypothetical cue of an English message no pattern matched, or None.

    Why: the classifier alone says "emergency" on some questions about risks ("will the
    cement make me dizzy?"). The patterns' talk gets the risks answer and the safety line;
    such a question should too (issue 23, round 3). Only when every sentence asks (a question
    or hypothetical cue) and none has a report marker or someone's state ("my arm went"):
    anything unclear keeps the model's emergency.
    """
    cues = CUES["en"]
    found: str | None = None
    for lo, hi in _spans(text):
        cue: tuple[str, str] | None = None
        for trigger in cues.hypothetical.finditer(text, lo, hi):
            if not UNSURE_BEFORE.search(text, max(lo, trigger.start() - 16), trigger.start()):
                cue = ("hypothetical", trigger.group(0))
                break
        question = cues.sentence[0][1].search(text, lo, hi)  # the question triggers
        if cue is None and question is not None:
            cue = ("question", question.group(0))
        if cue is None or _report_marker(text, cues, cue[0], lo, hi) is not None:
            return None
        for state in EN_STATE.finditer(text, lo, hi):
            before = text[max(lo, state.start() - 16) : state.start()]
            if not HYPOTHETICAL_BEFORE.search(before):
                return None
        found = found or f"{cue[0]}: {cue[1]}"
    return found
