"""East Asian names written without a cue: a Chinese or Japanese name typed the Western way
(family name, a space, given name) alone or in brackets, a Korean name before the honorific
씨 or alone (issue 21, round 22, r22p).

Why: names_in_other_scripts.py (round 21) reads a name after its language's "is called" / "name
is"; round 22's tester typed "山本 花子" alone (name-391), "Hiroshi Tanabe (田辺 浩)" (the kanji
of the name in brackets, name-038) and "우리 어머니 김순자 씨가 허리가 아파요" ("our mother Kim
Sun-ja [honorific] has back pain", name-392): no cue, so nothing was masked.

The shapes read here:
- two runs of 1-3 Han characters with one space between them: Chinese and Japanese put no
  space between words, so a space inside Han text is where a name typed the Western way splits
  family and given name. Only when the pair is the whole message or inside brackets, and only
  when neither run holds a character of grammar or of a question (的 是 了 吗 什 ...): an
  ordinary question written with a space ("手术 疼吗") stays.
- 2-4 Han characters alone in brackets right after a name (its mark or a capitalised word):
  "Hiroshi Tanabe (田辺浩)".
- three Hangul syllables starting with a Korean family name before 씨 (Mr/Ms): "김순자 씨가";
  or alone as the whole message, unless the last syllable is an ending of a sentence or a
  particle ("정말요", "고마워" stay).

Runs only on text that is not ASCII (the caller tests), each pattern on its script's
characters.
"""

from __future__ import annotations

import re

_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_KANA = "\u3040-\u30ff"
_HANGUL = "\uac00-\ud7a3"
# Grammar, pronouns and question words: no name holds them (的 是 了 吗 呢 吧 么 什 怎 多 哪 谁 几
# 我 你 他 她 在 有 不 没 要 会 能 可 以 这 那 很 和 与 请 问 疼 痛 手 术 后 前 医 院).
_NOT_IN_NAME = set(
    "\u7684\u662f\u4e86\u5417\u5462\u5427\u4e48\u4ec0\u600e\u591a\u54ea\u8c01\u51e0\u6211"
    "\u4f60\u4ed6\u5979\u5728\u6709\u4e0d\u6ca1\u8981\u4f1a\u80fd\u53ef\u4ee5\u8fd9\u90a3"
    "\u5f88\u548c\u4e0e\u8bf7\u95ee\u75bc\u75db\u624b\u672f\u540e\u524d\u533b\u9662"
)
_PAIR = rf"[{_HAN}]{{1,3}}[ \u3000][{_HAN}]{{1,3}}"
_PAIR_ALONE = re.compile(rf"^\s*(?P<name>{_PAIR})\s*[.!\u3002\uff01]?\s*$")
_PAIR_IN_BRACKETS = re.compile(rf"(?<=[(\uff08])\s*(?P<name>{_PAIR})\s*(?=[)\uff09])")
_HAN_AFTER_NAME = re.compile(
    rf"(?:\[name removed\]|\b[A-Z][a-z]+)\s*[(\uff08]\s*(?P<name>[{_HAN}]{{2,4}})\s*[)\uff09]"
)
# The commonest Korean family names (one syllable each).
_KO_FAMILY = (
    "\uae40\uc774\ubc15\ucd5c\uc815\uac15\uc870\uc724\uc7a5\uc784\ud55c\uc624\uc11c\uc2e0"
    "\uad8c\ud669\uc1a1\ub958\uc804\ud64d\ubb38\uc591\uc190\ubc30\ubc31\ud5c8\uc720\ub0a8"
    "\uc2ec\ub178\uace0\ud558\uacfd\uc131\ucc28\uc8fc\uc6b0\uad6c\ubbfc\uc9c4\ub098\uc9c0"
)  # 김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 송 류 전 홍
# 문 양 손 배 백 허 유 남 심 노 고 하 곽 성 차 주 우 구 민 진 나 지
# Endings of a sentence and particles: a word that ends so is no name ("정말요", "고마워").
_KO_NOT_LAST = set(
    "\uc694\ub2e4\uae4c\ub2c8\ub124\uc8e0\uc6cc\ud574\uc11c\uace0\uac8c\ub294\uc740\uc744"
    "\ub97c\uac00\uc5d0\ub3c4\ub9cc\uc640\uacfc\uc758\ub85c\ub098\uc57c\uc5b4\uc544\ub370"
    "\uba74\uba70\uc9c0\ud560\ud55c\ub41c\uc774\ub791\uaed8"
)
_KO_BEFORE_SSI = re.compile(
    rf"(?<![{_HANGUL}])(?P<name>[{_KO_FAMILY}][{_HANGUL}]{{2}})\s*\uc528(?![{_HANGUL}]{{2}})"
)
_KO_ALONE = re.compile(rf"^\s*(?P<name>[{_KO_FAMILY}][{_HANGUL}]{{2}})\s*[.!]?\s*$")
_ANY_CJK = re.compile(rf"[{_HAN}{_KANA}{_HANGUL}]")


def _spans(text: str) -> list[tuple[int, int]]:
    found = []
    for pattern in (_PAIR_ALONE, _PAIR_IN_BRACKETS):
        for match in pattern.finditer(text):
            if not _NOT_IN_NAME.intersection(match.group("name")):
                found.append(match.span("name"))
    for match in _HAN_AFTER_NAME.finditer(text):
        if not _NOT_IN_NAME.intersection(match.group("name")):
            found.append(match.span("name"))
    for pattern in (_KO_BEFORE_SSI, _KO_ALONE):
        for match in pattern.finditer(text):
            if match.group("name")[-1] not in _KO_NOT_LAST:
                found.append(match.span("name"))
    return found


def masked(text: str, mark: str) -> str:
    """The names of the shapes above replaced by `mark` (text with no CJK character is
    returned at once)."""
    if not _ANY_CJK.search(text):
        return text
    for start, end in sorted(set(_spans(text)), reverse=True):
        text = text[:start] + mark + text[end:]
    return text
