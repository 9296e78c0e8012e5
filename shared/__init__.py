"""Painline's clinical core: vocabularies, wire schemas, rule configuration (more to come)."""
