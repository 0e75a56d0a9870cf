"""The action server, started the project's way: loopback by default, every call authenticated."""
