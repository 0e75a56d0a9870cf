"""The patient-facing chat channels (REST and Socket.IO): the assistant's public boundary."""
