"""The dialogue side of the red-flag net: what the NLU cannot see from one message alone.

Why a policy: the NLU components see only the current message, and the rules cannot look at
the text of the previous one. Three things need the conversation (the tracker):
- a report split over two messages ("my legs" / "went numb an hour ago"): the last two user
  messages are read together, and when together (but neither alone) they report a red flag,
  the fixed emergency message is sent first, before any answer;
- the reply's language: an emergency in Spanish, Portuguese or Polish gets the fixed English
  message and then the same message in that language; any other message in those languages
  gets, in that language, a line saying the assistant answers in English and where free
  language help is: the department's number in the hand-off that follows when
  config/contact.yml has one, else the hospital's Contact Us page (and 911);
- talk about a symptom (a question, a hypothetical, history; not a negation): after its
  answer, a conditional safety line ("If you have this now, call 911..."). "After the
  answer" is where the rules would wait for the patient: `RulesThenSafetyLine`, the
  project's RulePolicy, puts the line there (the rules' replies differ in length, and only
  the rule policy knows where they end).
Channel-side checks were the alternative for the first; a policy keeps it in one place for
every channel (REST, Socket.IO, the fail-safe path aside) and in the tracker's history.

How: for such a turn the policy returns, step by step, a short script of actions, with full
confidence and a priority above RulePolicy's, so the rules' own next step does not interleave.
In every other turn it predicts nothing and the rules decide. During the call-back form it
predicts nothing: its own rule sends the emergency message first and stops the form.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.safety.red_flag_languages import OTHER_LANGUAGES
from addons.safety.red_flags import (
    EMERGENCY_INTENT,
    RED_FLAG_CONTEXT_KEY,
    assess,
)
from core.settings import load_settings
from core.vocabulary.contact import ContactDetails, load_contact_details

EMERGENCY = "utter_emergency"
SAFETY_LINE = "utter_if_symptom_now"
LANGUAGE_HELP = "utter_language_help"
# The same line when the department's phone number is configured (it is in the hand-off).
LANGUAGE_HELP_PHONE = "utter_language_help_phone"
HANDOFF = "action_handoff"
LISTEN = "action_listen"
REASON_SLOT = "red_flag_reason"
OUT_OF_SCOPE = "out_of_scope"
# Actions Rasa runs by itself in every turn; they are not steps of a script.
AUTOMATIC = frozenset({"action_extract_slots", "action_listen", "action_session_start"})
PRIORITY = 7  # above RulePolicy (6)


def in_language(action: str, language: str | None) -> str | None:
    """`action` in the patient's language, if the team translated it."""
    return f"{action}_{language}" if language in OTHER_LANGUAGES else None


def language_help(language: str | None, details: ContactDetails | None = None) -> str | None:
    """The language-help line for `language`: the one that points to the number only when
    config/contact.yml has one, else the one that points to the Contact Us page and 911.

    Read at each use: the hospital fills the details in without retraining.
    """
    if details is None:
        details = load_contact_details(load_settings().contact_config)
    return in_language(LANGUAGE_HELP_PHONE if details.phone else LANGUAGE_HELP, language)


def _turn(tracker: DialogueStateTracker) -> tuple[list[UserUttered], list[str]]:
    """The user messages so far, and the actions run since the latest one."""
    users: list[UserUttered] = []
    actions: list[str] = []
    for event in tracker.events:
        if isinstance(event, UserUttered):
            users.append(event)
            actions = []
        elif isinstance(event, ActionExecuted) and event.action_name not in AUTOMATIC:
            actions.append(event.action_name or "")
    return users, actions


def _context(user: UserUttered) -> dict[str, Any]:
    value = user.parse_data.get(RED_FLAG_CONTEXT_KEY) if user.parse_data else None
    return value if isinstance(value, dict) else {}


def _reply_language(user: UserUttered) -> str | None:
    """The language guard's reading of the whole message first, then the red flag's.

    Why the guard first: a pattern can match in a neighbouring language ("está confuso" is
    Spanish and Portuguese); the guard weighs every word of the message (issue 23, round 3).
    """
    for language in ((user.parse_data or {}).get("language"), _context(user).get("language")):
        if language in OTHER_LANGUAGES:
            return str(language)
    return None


def split_report(previous: str | None, current: str | None) -> str | None:
    """ "flag | cue" when the two messages together, but neither alone, report a red flag."""
    if not previous or not current:
        return None
    alone = [assess(previous), assess(current)]
    if any(finding is not None and finding.report for finding in alone):
        return None
    # One sentence: "is a fever normal after it?" + "because I have one now".
    together = assess(f"{previous.rstrip().rstrip('?.!')} {current}")
    if together is None or not together.report:
        return None
    return f"{together.flag} | two messages"


def script(users: list[UserUttered]) -> tuple[list[str], str | None]:
    """The actions this turn needs from the policy (empty: leave it to the rules), and why."""
    user = users[-1]
    intent = user.intent_name
    language = _reply_language(user)
    translated = in_language(EMERGENCY, language)
    previous = users[-2].text if len(users) > 1 else None
    reason = split_report(previous, user.text)
    # Also when the model said "emergency" on the second message ("i cant" / "hold my pee
    # anymore"): the same steps as the rule, plus the reason staff see (issue 23).
    if reason is not None or (intent == EMERGENCY_INTENT and translated):
        return [a for a in (EMERGENCY, translated) if a], reason
    if intent == EMERGENCY_INTENT:
        return [], None  # the rule sends it
    help_line = language_help(language) if language in OTHER_LANGUAGES else None
    if intent == OUT_OF_SCOPE and help_line:
        return [help_line, HANDOFF], None
    return [], None


def safety_line(user: UserUttered) -> str | None:
    """The conditional safety line for talk about a symptom (not for a negation)."""
    context = _context(user)
    if not context or context.get("report") or str(context.get("cue")).startswith("negation"):
        return None
    return in_language(SAFETY_LINE, _reply_language(user)) or SAFETY_LINE


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class RedFlagPolicy(Policy):
    """Emergency first for split reports, replies in the patient's language, safety lines."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": PRIORITY}

    def train(self, training_trackers: list[Any], domain: Domain, **kwargs: Any) -> Resource:
        """Nothing to learn: the policy is rules over the tracker."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        users, done = _turn(tracker)
        if not users or tracker.active_loop_name:
            return self._prediction(probabilities)
        steps, reason = script(users)
        events: list[Any] = []
        scripted = bool(steps) and done == steps[: len(done)]
        line = safety_line(users[-1])
        if scripted and len(done) < len(steps):
            following = steps[len(done)]
            if not done and reason is not None:
                events = [SlotSet(REASON_SLOT, reason)]
        elif scripted and line and line not in done:
            following = line  # the script is done: the line after it, as after a rule
        elif scripted or (done and done[-1] == line):
            following = LISTEN
        else:
            return self._prediction(probabilities)
        if following not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(following)] = 1.0
        return self._prediction(probabilities, events=events)


def pending_safety_line(tracker: DialogueStateTracker) -> str | None:
    """The safety line this turn still owes, once something has been replied; else None."""
    users, done = _turn(tracker)
    if not users or not done or tracker.active_loop_name:
        return None
    line = safety_line(users[-1])
    return None if line is None or line in done else line


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class RulesThenSafetyLine(RulePolicy):
    """Rasa's RulePolicy, with the safety line where a rule's replies end.

    Why: the line used to follow `action_log_question`, the last step of every question's
    rule. That action is gone (issue 22: the question log is read from the tracker store), so
    the end of the reply is where the rule policy predicts `action_listen`; only it knows,
    because a topic's answer ends one rule and is followed by the hand-off in its
    kyphoplasty twin. Training and every other prediction are RulePolicy's own.
    """

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        prediction = super().predict_action_probabilities(tracker, domain, rule_only_data, **kwargs)
        listening = prediction.max_confidence_index == domain.index_for_action(LISTEN)
        if prediction.max_confidence <= 0 or not listening:
            return prediction
        line = pending_safety_line(tracker)
        if line is None or line not in domain.action_names_or_texts:
            return prediction
        probabilities = [0.0] * len(prediction.probabilities)
        probabilities[domain.index_for_action(line)] = prediction.max_confidence
        return PolicyPrediction(
            probabilities,
            prediction.policy_name,
            prediction.policy_priority,
            events=prediction.events,
            optional_events=prediction.optional_events,
            is_end_to_end_prediction=prediction.is_end_to_end_prediction,
            is_no_user_prediction=prediction.is_no_user_prediction,
            hide_rule_turn=prediction.hide_rule_turn,
        )
