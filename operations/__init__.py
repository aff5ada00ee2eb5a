"""Running the portal on more than one machine: the real client address behind a proxy,
health and readiness probes, Prometheus metrics, scheduled jobs that run once across
servers, the background worker's health, and the backup/restore drill.

Depends on Django, Wagtail, django-tasks and the configured storage; no feature app imports it
except to wrap a scheduled command in :func:`scheduled_jobs.locks.run_once`.
"""
