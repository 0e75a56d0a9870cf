"""Cheaper stand-ins for parts of Rasa's own per-turn machinery, same behaviour (issue 22)."""
