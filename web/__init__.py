"""The website side: the chat widget and a demo hospital page that embeds it."""
