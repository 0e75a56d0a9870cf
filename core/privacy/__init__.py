"""Patients' data kept private: redaction, retention and erasure.

Why a package of its own: the channels, the tracker store, the action server, the staff
console and the command-line tools all apply the same rules; one place keeps them identical.
"""
