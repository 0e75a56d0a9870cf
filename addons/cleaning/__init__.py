"""Message cleaning: everything done to a patient's text before the classifiers read it.

One place, in this order (the channels run steps 1-4 through addons/channels/turn.py; steps
5-6 are the first NLU components in config.yml and use the functions here):

    client's "message"
      1. inbound.prepare_message   a string, or 400 (BadRequest)
      2. text.normalise_text       NFKC; surrogates, controls and invisible characters out;
                                   line breaks kept, spaces collapsed
      3. inbound (cap)             over MAX_MESSAGE_CHARS: "please shorten", unless a red flag
                                   is in it; then the part around the red flag is kept, as
                                   typed and in whole words (the redaction reads capitals)
      4. payloads.screen_payload   "/intent" only for the bot's own buttons; any other
                                   leading "/" dropped, so the NLU and safety nets read it
         Prepared.parts            two questions in one message become two turns
                                   (questions.compound_parts); a red flag stays whole
    ---------------------------- Rasa's NLU pipeline ----------------------------------
      5. nlu.focus.QuestionFocus   the classifiers read questions.focus(text): the question
                                   sentences, personal details masked; the whole message is
                                   kept as `full_text` for the safety nets
      6. safety.siblings           "kyphoplasty" / "vertebral augmentation" read as
                                   "vertebroplasty" by the classifiers (the entity adds a note)

`text.fold` is the one Unicode fold (compatibility forms, accents, invisible characters and
look-alike letters to plain lower-case Latin) shared by the red-flag, other-procedure and
sibling nets: a patient's keyboard must not decide whether a red flag is seen.
"""
