"""Scheduled jobs that run once, however many servers start them (a lease per job in the database).

Depends only on Django; cron commands of any app subclass :class:`scheduled_jobs.scheduled.ScheduledCommand`.
"""
