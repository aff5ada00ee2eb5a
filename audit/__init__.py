"""The portal's security audit log: who did what, from where, and what was refused.

Other apps write to it through :func:`audit.log.record`; it depends only on Django and
``opd_pages`` (to name the OPD an event concerns).
"""
