"""Custom actions for the vertebroplasty assistant, run by the rasa-sdk action server."""
