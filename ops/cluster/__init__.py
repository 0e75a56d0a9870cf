"""The assistant on several Rasa servers and action servers behind a load balancer.

`make cluster` (python -m ops.cluster) runs on one machine what a multi-host deployment runs:
HAProxy in front of RASA_INSTANCES Rasa servers and two action servers, sharing PostgreSQL
(transcripts, question log, message receipts) and Redis (the conversation lock). Each part
reads its settings from the environment, so moving a part to another host is configuration
only; docs/several-machines.md says which host runs what.
"""
