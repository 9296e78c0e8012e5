"""The national-peak load test: simulated phones against gunicorn and PostgreSQL on 127.0.0.1.

`python -m tests.bench.load [--short]`: check-ins at 200 requests/s, a ramp to the highest rate
held at p99 < 250 ms, then a reconnect storm of phones each pushing a week of backlog; afterwards
the database is checked. Bounded in count and time; it stops by itself.
"""
