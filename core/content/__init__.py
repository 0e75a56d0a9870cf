"""The assistant's content against the hospital's page: figures, sources, page changes."""
