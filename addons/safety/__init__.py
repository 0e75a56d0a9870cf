"""Safety checks that run inside the NLU pipeline, before any answer is chosen."""
