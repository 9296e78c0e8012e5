"""What a clinic's admins manage from the dashboard: users, teams, their settings, delivery and
the audit log. Never clinical data: these services read no patient records.

Each service takes the `Admin` and reaches only rows of the admin's clinic; anything else is
answered as not found. Account and channel changes go through the same services as the
command line (`server.services.accounts`, `server.delivery.settings`).
"""
