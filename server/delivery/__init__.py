"""Alert delivery: the worker that turns outbox rows into email, signed webhooks and stream events.

`fanout` makes one delivery per (event, channel, recipient); `leases` claims due deliveries in
short transactions and records each outcome (retries, dead letters); `senders` talk to SMTP and
webhook receivers outside any transaction; `scheduler` runs the time-based rules and escalation
timers; `worker` is the loop that ties them together.
"""
