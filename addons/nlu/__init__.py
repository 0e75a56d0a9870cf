"""Reading real patients' messages: the question inside a long message, compound questions.

Why a package: the Rasa server's NLU pipeline (focus.py) and the chat channels (which split a
message that asks two questions) use the same sentence and question detection
(questions.py), and neither belongs to the safety nets.
"""
