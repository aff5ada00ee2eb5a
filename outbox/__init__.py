"""Outgoing e-mail that is never lost: stored first, delivered in the background, retried.

Call :func:`outbox.mail.queue_mail` instead of ``send_mail``: the message is written in the
caller's transaction and delivered after commit by a task; ``manage.py send_outbox`` (cron)
retries what failed. Diskominfo sees undelivered mail in the admin.
"""
