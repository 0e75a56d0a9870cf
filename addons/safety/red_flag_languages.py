"""Red-flag symptoms in Spanish, Portuguese and Polish: the same six flags, other words.

Why: after English these are among the languages most spoken at home in Connecticut, and a
patient who writes "no siento las piernas" must get the emergency message, not "I can only
help in English". The patterns are matched on folded text (`fold`: accents removed, so
"dormência" is "dormencia"); Polish "ł" has no decomposition and stays "ł", so the patterns
accept "[łl]" where it occurs.

Written by the team, not by clinicians or native-speaking staff: the hospital's reviewers
should check them (docs/red-flags.md).
"""

from __future__ import annotations

SPANISH: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\bno\s+(siento|siente|sienten|puedo\s+(mover|sentir)|puede\s+(mover|sentir))\s+(las|los|mis|la|mi)?\s*(piernas?|pies|pie)\b",
        r"\b(piernas?|pies)\s+((estan|esta|se me (quedaron|quedo)|se (quedaron|quedo))\s+)?"
        r"(muy\s+)?(entumecid[ao]s?|adormecid[ao]s?|dormid[ao]s?|debiles?|"
        r"paralizad[ao]s?|sin fuerza)\b",
        r"\b(entumecimiento|adormecimiento|hormigueo|debilidad|paralisis)\s+(en|de)\s+"
        r"(las|mis|la|mi)?\s*(piernas?|pies)\b",
        r"\bno\s+puedo\s+(caminar|andar|pararme|ponerme de pie)\b",
        r"\b(piernas?|pies)\b.{0,30}\bno\s+(las|los|la|lo)\s+(siento|siente|puedo mover|"
        r"puede mover)\b",
        r"\bno\s+tengo\s+(sensibilidad|fuerza)\s+en\s+(las|mis)?\s*(piernas|pies)\b",
        r"\bno\s+(puede|pudo)\s+(caminar|andar|pararse)\b",
        # Issue 23: "mis piernas se durmieron", "se me durmieron las piernas".
        r"\b(piernas?|pies)\s+(se\s+(me\s+|le\s+)?)?(durmieron|durmio|entumecieron|entumecio|"
        r"adormecieron|adormecio|paralizaron|debilitaron)\b",
        r"\bse\s+(me|le)\s+(durmieron|durmio|entumecieron|entumecio|adormecieron|adormecio|"
        r"paralizaron)\s+(las|los|la|el)\s+(piernas?|pies|pie)\b",
    ],
    "bladder_or_bowel_control": [
        r"\bno\s+puedo\s+(orinar|hacer pipi|mear)\b",
        r"\b(perdi|perdio|pierdo)\s+(el\s+)?control\s+de\s+(la\s+vejiga|los\s+intestinos|"
        r"la\s+orina|los\s+esfinteres)\b",
        r"\bme\s+(hice|hago|orine|estoy haciendo)\s+(pipi\s+)?encima\b",
        r"\bno\s+(puedo|puede|consigo|consigue|logro)\s+(controlar|aguantar|retener|contener|"
        r"sostener)\s+(la\s+|el\s+|los\s+|las\s+)?(orina|pis|pipi|vejiga|heces|caca|esfinteres)\b",
        r"\bincontinencia\b",
    ],
    "chest_pain_or_breathing": [
        r"\bdolor\s+(en\s+el|de)\s+pecho\b",
        r"\bpecho\s+(apretado|oprimido)\b",
        r"\bno\s+puedo\s+respirar\b",
        r"\b(me\s+)?falta\s+(el\s+)?aire\b",
        r"\bdificultad\s+para\s+respirar\b",
        r"\bme\s+ahogo\b",
    ],
    "fever_or_infected_site": [
        r"\b(fiebre|escalofrios|temblores)\b",
        r"\b(herida|pinchazo|zona|sitio)\b.{0,30}\b(roja|rojo|hinchada|hinchado|caliente|pus|"
        r"infectada|infectado|supura)\b",
        r"\b(con|tiene|sale|hay|salir)\s+pus\b",
    ],
    "sudden_severe_pain": [
        r"\bdolor\b.{0,20}\b(repentino|de repente|subito)\b.{0,20}\b(fuerte|insoportable|terrible)",
        r"\bde repente\b.{0,20}\bdolor\s+(muy\s+)?(fuerte|insoportable|terrible)\b",
        r"\bel\s+peor\s+dolor\b",
    ],
    "fainting_or_unconscious": [
        r"\b(me\s+desmaye|se\s+desmayo|desmayad[ao]|inconsciente|perdio el conocimiento|"
        r"perdi el conocimiento|no\s+responde|no\s+despierta)\b",
    ],
}

PORTUGUESE: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\bnao\s+(sinto|consigo\s+(mexer|sentir|mover))\s+(as|minhas|a|minha|os|meus)?\s*"
        r"(pernas?|pes|pe)\b",
        r"\b(pernas?|pes)\s+((estao|esta|ficaram|ficou)\s+)?(muito\s+)?(dormentes?|adormecid[ao]s?|fracas?|paralisad[ao]s?|"
        r"sem forca)\b",
        r"\b(dormencia|formigamento|fraqueza|paralisia)\s+(nas?|nos?|das?|dos?)\s+(pernas?|pes)\b",
        r"\bnao\s+(consigo|consegue|posso)\s+(andar|caminhar|ficar de pe|levantar)\b",
        r"\b(pernas?|pes)\b.{0,30}\bnao\s+(as|os|a|o)\s+(sinto|sente|consigo mexer)\b",
        r"\bnao\s+tenho\s+(sensibilidade|forca)\s+nas\s+(pernas|pes)\b",
        r"\b(pernas?|pes)\s+(adormeceram|adormeceu|paralisaram|enfraqueceram|"
        r"ficaram dormentes|ficou dormente)\b",
    ],
    "bladder_or_bowel_control": [
        r"\bnao\s+(consigo|consegue)\s+(urinar|fazer xixi|mijar)\b",
        r"\b(perdi|perdeu)\s+o\s+controle?\s+d[ao]s?\s+(bexiga|intestinos?|urina)\b",
        r"\b(fiz|fez)\s+xixi\s+(na roupa|nas calcas|na cama)\b",
        r"\bnao\s+(consigo|consegue|posso|pode)\s+(segurar|controlar|conter|reter|aguentar|"
        r"prender)\s+(a\s+|o\s+|as\s+|os\s+)?(urina|xixi|bexiga|fezes|coco|intestino)\b",
        r"\bincontinencia\b",
    ],
    "chest_pain_or_breathing": [
        r"\bdor\s+(no|de)\s+peito\b",
        r"\bpeito\s+apertado\b",
        r"\bnao\s+(consigo|consegue)\s+respirar\b",
        r"\bfalta\s+de\s+ar\b",
        r"\bdificuldade\s+(para|de|em)\s+respirar\b",
        r"\bsem\s+ar\b",
    ],
    "fever_or_infected_site": [
        r"\b(febre|calafrios|tremores)\b",
        r"\b(ferida|picada|local|corte)\b.{0,30}\b(vermelh[ao]|inchad[ao]|quente|pus|"
        r"infectad[ao]|inflamad[ao])\b",
        r"\b(com|tem|saindo|sai|sair)\s+pus\b",
    ],
    "sudden_severe_pain": [
        r"\bdor\b.{0,20}\b(subita|de repente|repentina)\b.{0,20}\b(forte|insuportavel|terrivel)",
        r"\bde repente\b.{0,20}\bdor\s+(muito\s+)?(forte|insuportavel|terrivel)\b",
        r"\ba\s+pior\s+dor\b",
    ],
    "fainting_or_unconscious": [
        r"\b(desmaiei|desmaiou|desmaiad[ao]|inconsciente|perdeu a consciencia|"
        r"perdi a consciencia|nao\s+responde|nao\s+acorda)\b",
    ],
}

POLISH: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\bnie\s+(czuje|moge\s+ruszac|moge\s+ruszyc)\s+(nog|nogami|nogi|stop|stopami)\b",
        r"\b(dretwie(ja|je)?|dretwienie|zdretwia[łl]?[eay]?|mrowienie|mrowia|"
        r"os[łl]abienie|bezw[łl]adne|sparali[zż]owane)\b.{0,25}\b(nog[ia]?|nogach|st[oó]p|stopy)\b",
        r"\b(nog[ia]?|nogach|stopy)\b.{0,25}\b(dretwie(ja|je)?|zdretwia[łl]?[eay]?|"
        r"mrowia|s[łl]abe|bezw[łl]adne|sparali[zż]owane)\b",
        r"\bnie\s+(moge|moze)\s+(chodzic|wstac|stac)\b",
        r"\b(nie mam|brak)\s+czucia\s+w\s+(nogach|stopach)\b",
    ],
    "bladder_or_bowel_control": [
        r"\bnie\s+(moge|moze)\s+(oddac moczu|sie wysikac|siusiac|oddawac moczu)\b",
        r"\bnietrzymanie\s+(moczu|sto[łl]ca)\b",
        r"\bstraci[łl](em|am|a)?\s+kontrole\s+nad\s+(pecherzem|jelitami)\b",
        r"\bzsika[łl](em|am|a)?\s+sie\b",
        r"\bnie\s+(moge|moze|potrafie|potrafi)\s+(utrzymac|kontrolowac|powstrzymac|trzymac)\s+"
        r"(moczu|sto[łl]ca|pecherza|kupy)\b",
    ],
    "chest_pain_or_breathing": [
        r"\bbol\s+(w\s+)?klat(ce|ki)\s+piersiowej\b",
        r"\bbol\s+w\s+klatce\b",
        r"\bnie\s+(moge|moze)\s+oddychac\b",
        r"\b(dusznosc|dusze sie|brak tchu|brakuje mi (tchu|powietrza))\b",
        r"\btrudnosci?\s+z\s+oddychaniem\b",
        r"\b(trudno|ciezko)\s+(mi|mu|jej)\s+(sie\s+)?(oddychac|oddycha|z[łl]apac oddech)\b",
        r"\bboli\s+(mnie|go|ja)\s+w\s+klat(ce|ka)\b",
        r"\bklatka\s+piersiowa\s+(mnie\s+|go\s+|ja\s+)?boli\b",
    ],
    "fever_or_infected_site": [
        r"\b(goraczk[aie]|goraczke|dreszcze|dreszczy)\b",
        r"\b(rana|miejsce|wk[łl]ucie|naciecie)\b.{0,30}\b(czerwone|czerwona|zaczerwienion[ea]|"
        r"spuchniet[ea]|opuchniet[ea]|gorace|goraca|ropa|ropieje|zaczerwienienie)\b",
        r"\bropa\b",
    ],
    "sudden_severe_pain": [
        r"\b(nag[łl]y|nagle)\b.{0,20}\b(silny|ostry|straszny|nie do zniesienia)\b.{0,10}\bbol\b",
        r"\bnagle\b.{0,20}\bbol\b.{0,20}\b(silny|ostry|straszny|nie do zniesienia)\b",
        r"\bnajgorszy\s+bol\b",
    ],
    "fainting_or_unconscious": [
        r"\b(zemdla[łl](em|am|a)?|zemdle|nieprzytomn[ya]|straci[łl]"
        r"(em|am|a)?\s+przytomnosc|nie\s+reaguje|nie\s+mozna\s+(go|jej)\s+obudzic)\b",
    ],
}

# Language code -> flag name -> alternative patterns (English is in red_flags.py).
OTHER_LANGUAGES: dict[str, dict[str, list[str]]] = {
    "es": SPANISH,
    "pt": PORTUGUESE,
    "pl": POLISH,
}
