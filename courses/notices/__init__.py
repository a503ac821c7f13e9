"""Reminders and notices by email and SMS, each in the person's language (docs/programmes.md).

`services` records each message as a `Notice` (once per event and channel) and sends it from
Celery; `events` says what each event tells whom. Every notice starts from a service or the beat,
never from a request nobody signed in to.
"""
