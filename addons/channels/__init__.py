"""The patient-facing chat channels (REST and Socket.IO): the assistant's public boundary.

Importing them (Rasa does, from credentials.yml, before the first message) also redacts
every log line of the Rasa server from then on (core/privacy/log_redaction.py): Rasa and Sanic
log what they like, and none of it may carry a patient's phone number or e-mail address.
"""

from core.privacy import log_redaction

log_redaction.install()
