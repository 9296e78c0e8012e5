"""The national-peak load test: simulated phones against gunicorn and PostgreSQL on 127.0.0.1.

`python -m tests.bench.load [--short]`: check-ins at 200 requests/s, a reconnect storm of phones
each pushing a week of backlog, then steps up from 50/s to the highest rate held at p99 < 250 ms;
afterwards the database is checked. Bounded in count and time; it stops by itself.
"""
