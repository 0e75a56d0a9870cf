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

# A few filler words inside a phrase (issue 23, round 3): "no siento BIEN las piernas",
# "uma dor FORTE no peito", "nie czuję DOBRZE nóg". Listed words only, never "any word".
ES_ADV = r"(\s+(bien|nada|muy bien|casi|para nada|ya|mucho))?"
PT_ADV = r"(\s+(direito|bem|nada|quase|mais|muito bem))?"
PL_ADV = r"(\s+(dobrze|w ogole|prawie|juz|wcale|za bardzo))?"
ES_PAIN = r"\bdolor(es)?\s+((muy\s+)?(fuerte|fuertes|intenso|intensos|terrible|agudo|horrible)\s+)?"
PT_PAIN = r"\bdor(es)?\s+((muito\s+)?(forte|fortes|intensa|intensas|terrivel|aguda|horrivel)\s+)?"

SPANISH: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\bno\s+(siento|siente|sienten|puedo\s+(mover|sentir)|puede\s+(mover|sentir))"
        + ES_ADV
        + r"\s+(las|los|mis|la|mi|sus|su)?\s*(piernas?|pies|pie)\b",
        r"\b(piernas?|pies)\s+((estan|esta|estaban|se\s+(me\s+|le\s+)?(quedaron|quedo|pusieron|"
        r"puso|ponen|pone|sienten|siente|notan))\s+)?"
        r"(muy\s+|como\s+|algo\s+|un poco\s+)?(entumecid[ao]s?|adormecid[ao]s?|dormid[ao]s?|"
        r"debiles?|paralizad[ao]s?|sin fuerza)\b",
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
        # Issue 23, round 3: "se me escapa la orina", "me orino sin darme cuenta".
        r"\bse\s+(me|le)\s+(escapa|escapo|sale|salio|va|fue)\s+(la\s+|el\s+)?(orina|pis|pipi|"
        r"caca|popo|heces)\b",
        r"\bme\s+(orino|hago pis|hago pipi|hago caca|cago)\s+(encima|sol[oa]|sin\s+(darme\s+cuenta|"
        r"querer|sentirlo))\b",
        r"\bse\s+(orina|orino|hace|hizo)\s+(pis\s+|pipi\s+|caca\s+)?(encima|sol[oa]|en la cama)\b",
        r"\bno\s+(controlo|controla|aguanto|aguanta|retengo|retiene)"
        + ES_ADV
        + r"\s+(la\s+|el\s+|los\s+)?(orina|pis|pipi|vejiga|heces|caca|esfinteres|intestinos?)\b",
    ],
    "chest_pain_or_breathing": [
        ES_PAIN + r"(en\s+el|de|en)\s+(el\s+)?pecho\b",
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
    "confusion_or_stroke_signs": [
        r"\b(esta|estoy|anda|parece|se ve|se puso|se quedo)\s+(muy\s+|tan\s+|algo\s+|bastante\s+)?"
        r"(confundid[ao]|desorientad[ao])\b(?!\s+(con|sobre|por|acerca))",
        r"\bno\s+(sabe|se|reconoce|recuerda)\s+(donde\s+(esta|estoy)|quien\s+(es|soy)|"
        r"a\s+(nadie|su|sus|mi|mis))\b",
        r"\b(habla|hablando|dice)\s+(cosas\s+)?(sin sentido|incoherencias|raro)\b|"
        r"\bno\s+habla\s+bien\b|\barrastra\s+las\s+palabras\b",
        r"\b(cara|boca)\b.{0,20}\b(caida|torcida|paralizada|dormida)\b",
        r"\b(brazo|mano)\s+(debil|dormid[ao]|sin fuerza|paralizad[ao])\b",
    ],
    "heavy_bleeding": [
        r"\b(sangra|sangrando|sangro|sangre)\b.{0,20}\b(mucho|mucha|sin parar|no para|empapa|"
        r"empapado|empapada|a chorros)\b",
        r"\b(mucha|bastante|demasiada)\s+sangre\b",
        r"\b(empapad[ao]|lleno|llena)\s+de\s+sangre\b",
    ],
}

PORTUGUESE: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\bnao\s+(sinto|sente|consigo\s+(mexer|sentir|mover)|consegue\s+(mexer|sentir|mover))"
        + PT_ADV
        + r"\s+(as|minhas|a|minha|os|meus|suas|seus)?\s*"
        r"(pernas?|pes|pe)\b",
        r"\b(pernas?|pes)\s+((estao|esta|estavam|ficaram|ficou)\s+)?(muito\s+|meio\s+)?(dormentes?|adormecid[ao]s?|fracas?|paralisad[ao]s?|"
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
        # Issue 23, round 3: "faço xixi sem perceber", "escapa a urina".
        r"\b(escapa|escapou|vaza|vazou|sai|saiu)\s+(a\s+|o\s+)?(urina|xixi|coco|fezes)\b",
        r"\b(faco|fiz|fez|faz|fazendo)\s+(xixi|coco)\s+(sem\s+(perceber|sentir|querer)|na roupa|"
        r"nas calcas|na cama|na fralda)\b",
        r"\bnao\s+(controlo|controla|seguro|segura)"
        + PT_ADV
        + r"\s+(a\s+|o\s+)?(urina|xixi|bexiga|fezes|intestino)\b",
    ],
    "chest_pain_or_breathing": [
        PT_PAIN + r"(no|de|n[oa])\s+peito\b",
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
    "confusion_or_stroke_signs": [
        r"\b(esta|estou|anda|parece|ficou|ficando)\s+(muito\s+|tao\s+|meio\s+)?"
        r"(confus[ao]|desorientad[ao])\b(?!\s+(com|sobre|por|acerca))",
        r"\b(falando|fala|diz|dizendo)\s+(coisas\s+)?(sem sentido|sem nexo|enrolado|enrolada)\b",
        r"\bnao\s+(sabe|sei|reconhece)\s+(onde\s+(esta|estou)|quem\s+(e|sou)|ninguem|a gente)\b",
        r"\b(rosto|boca|cara)\b.{0,20}\b(caid[ao]|tort[ao]|paralisad[ao])\b",
        r"\b(braco|mao)\s+(fraco|fraca|dormente|sem forca|paralisad[ao])\b",
    ],
    "heavy_bleeding": [
        r"\b(sangra|sangrando|sangue)\b.{0,20}\b(muito|sem parar|nao para|encharca|encharcad[ao]|"
        r"ensopad[ao])\b",
        r"\bmuito\s+sangue\b",
        r"\b(encharcad[ao]|ensopad[ao]|chei[ao])\s+de\s+sangue\b",
    ],
}

POLISH: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\bnie\s+(czuje|czuj[ea]|moge\s+ruszac|moge\s+ruszyc|moze\s+ruszac|moze\s+ruszyc)"
        + PL_ADV
        + r"\s+(nog|nogami|nogi|stop|stopami|nogach)\b",
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
        # Issue 23, round 3: "nie panuję nad pęcherzem", "popuszczam mocz", "moczę się".
        r"\bnie\s+(panuje|panuja|panuje|kontroluje|kontroluja)\s+(nad\s+)?(pecherzem|moczem|"
        r"jelitami|sto[łl]cem|zwieraczami)\b",
        r"\b(popuszczam|popuszcza|cieknie\s+mi|leci\s+mi|ucieka\s+mi)\s+(mocz|siku)\b",
        r"\b(mocze|moczy|posika[łl](em|am|a)?|zrobi[łl](em|am|a)?\s+pod)\s+(sie|siebie)\b",
    ],
    "chest_pain_or_breathing": [
        r"\bbol\s+(w\s+)?klat(ce|ki)\s+piersiowej\b",
        r"\bbol\s+((bardzo\s+)?(silny|ostry|mocny|straszny|ogromny)\s+)?w\s+klatce\b",
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
    "confusion_or_stroke_signs": [
        r"\b(jest|jestem|wydaje sie|zrobi[łl]a? sie)\s+(bardzo\s+|zupe[łl]nie\s+|taki\s+|taka\s+)?"
        r"(zdezorientowan[ya]|splatan[ya]|otepia[łl]y|otepia[łl]a|zagubion[ya]|nieprzytomn[ya])\b",
        r"\b(zdezorientowan[ya]|splatan[ya])\b",
        r"\bnie\s+(wie|wiem|poznaje|rozpoznaje|pamieta)\s+(gdzie\s+(jest|jestem)|kim\s+(jest|jestem)|"
        r"nikogo|mnie|nas)\b",
        r"\b(mnie|nas|nikogo)\s+nie\s+(poznaje|rozpoznaje|pamieta)\b",
        r"\b(mowi|gada)\s+(bez sensu|niewyraznie|od rzeczy|be[łl]kocze)\b|\bbe[łl]kocze\b",
        r"\b(twarz|usta|kacik ust)\b.{0,20}\b(opad(a|[łl]a|niet[ay])|krzyw[aey]|wykrzywion[aey])\b",
        r"\b(reka|reke|dlon)\b.{0,15}\b(s[łl]aba|bezw[łl]adna|zdretwia[łl]a|nie dzia[łl]a)\b",
    ],
    "heavy_bleeding": [
        r"\b(mocno|bardzo|ciagle|ca[łl]y czas)\s+krwawi\b|\bkrwawi\s+(mocno|bardzo|bez przerwy|"
        r"i nie przestaje)\b",
        r"\b(duzo|mnostwo|pe[łl]no)\s+krwi\b",
        r"\b(przesiaka|przesiak[łl]|przemoczon[ya]|nasiakniet[ya])\b.{0,20}\bkrw",
        r"\bkrew\b.{0,20}\b(przesiaka|leci|cieknie|nie przestaje)\b",
    ],
}

# Language code -> flag name -> alternative patterns (English is in red_flags.py).
OTHER_LANGUAGES: dict[str, dict[str, list[str]]] = {
    "es": SPANISH,
    "pt": PORTUGUESE,
    "pl": POLISH,
}
