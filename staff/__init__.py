"""The staff review console: a logged-in web app over the question log and transcripts."""
