"""Casework: the machinery every citizen's request shares (complaints, PPID information requests).

A concrete app (``complaints``, ``ppid``) builds on these pieces; none of them knows the app.

Models (:mod:`casework.models`)
    ``Case`` (abstract): ``tracking_number``, ``access_token_hash``, ``status``, ``opd`` (the
    handling OPD home page, null = with the coordinator), ``contact_name/email/phone``,
    ``received_at``, ``due_at``, ``first_response_at``, ``closed_at``, ``escalation_level``,
    ``escalated_at``, ``client_key`` (hashed client address), ``content_hash``. Subclass it and set
    ``TRACKING_PREFIX`` ("ADU", "PPID"…), a ``Status`` TextChoices, ``TRANSITIONS``
    (``{from: {to…}}``), ``ANSWER_STATUSES`` (first reaching one sets ``first_response_at``),
    ``CLOSED_STATUSES``, and an ``event_model`` property. ``CaseQuerySet.overdue()``.
    ``case.issue_token()`` returns a new private-link token (only its salted SHA-256 is stored);
    ``case.token_matches(token)`` compares in constant time.
    ``CaseEvent`` (abstract): history row (kind, actor, created_at, from/to status, from/to OPD,
    ``internal_note`` for staff only, ``public_text`` for the citizen). Add
    ``case = ForeignKey(<Case>, related_name="events")``.
    ``CaseAttachment`` (abstract): original_name, content_type, size. Add ``case`` (related_name
    "attachments") and ``file = FileField(storage=private_storage, upload_to=...)``;
    ``private_storage`` is ``STORAGES["casework_private"]`` (``PRIVATE_MEDIA_ROOT``, not under
    MEDIA_ROOT, no URL).
    ``CaseHandler``: a team member an OPD admin made handler of a kind (``kind="pengaduan"`` is
    *petugas pengaduan*; use e.g. ``"ppid"`` for PPID Pelaksana).
    ``TrackingSequence``: last number per prefix and year.

Functions
    :func:`casework.tracking.next_tracking_number` ``(prefix)`` → ``"ADU-2026-000123"``
    (collision-free under concurrency; per region-local year).
    :func:`casework.intake.store_case` ``(case)`` → token: numbers, tokens, saves and writes the
    "received" event in one transaction. Then :func:`casework.intake.follow_up` ``(case, *steps)``
    runs attachments/mail/indexing each in its own transaction, logging failures, never raising.
    :func:`casework.workflow.transition` ``(case, to, actor=, internal_note=, public_text=, to_opd=,
    kind=)`` validates against ``TRANSITIONS`` (``TransitionError`` with an Indonesian message),
    sets first-response/closed times and writes one event; ``add_note``, ``record_event``.
    :func:`casework.deadlines.compute_deadline` ``(start, amount, unit)`` with ``ClockUnit``
    ``jam`` / ``jam_kerja`` / ``hari_kerja`` (region_calendar: weekends, national holidays, cuti
    bersama, the region's list); ``elapsed(start, end, unit)``.
    :func:`casework.escalation.escalate` ``(queryset, level, notify)``: raises each case below
    ``level`` to it with a conditional UPDATE (``SKIP LOCKED`` on PostgreSQL) and calls
    ``notify(case, level)`` exactly once per case, even with several servers.
    :func:`casework.notify.send` ``(to, subject_template, body_template, context, kind=)`` renders
    and queues through ``outbox.mail.queue_mail``.
    :mod:`casework.antispam`: ``HoneypotFormMixin`` (+ ``form.honeypot_tripped``),
    ``client_key(request)``, ``content_hash(*parts)``, ``find_duplicate(qs, digest)``,
    ``Quota(scope, qs, limit=, window=)`` with ``exceeded(key)`` / ``consume(key)`` (cache, database
    fallback).
    :mod:`casework.uploads`: ``validate_upload(file, kind)`` (the ONE place every upload is
    checked; images are re-encoded, which drops GPS metadata), ``store_attachment(case, checked,
    model)``, ``attachment_response(attachment)`` (serve after your own permission check).
    :mod:`casework.access`: ``handled_opd_ids(user, kind)``, ``is_coordinator(user, coordinator)``
    (``"Diskominfo"`` = the platform group, or an OPD acronym), ``visible_cases(qs, user, kind=,
    coordinator=)``, ``can_handle(case, user, …)``, ``handler_users(opd_id, kind)``,
    ``coordinator_users(coordinator, kind)``, ``emails_of(users)``, ``assignable_members(team)``.
    :mod:`casework.views`: ``ScopedCaseMixin`` for staff views (404 for a case outside the scope).
"""
