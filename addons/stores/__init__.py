"""Extensions to Rasa's conversation storage, loaded by the Rasa server (not the action server)."""
