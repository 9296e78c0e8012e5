"""Passwords, tokens and second factors."""
