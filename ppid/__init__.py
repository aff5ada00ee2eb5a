"""PPID (UU 14/2008): the public-information document library, the Daftar Informasi Publik,
information requests (permohonan) and objections (keberatan) with their legal deadlines, and the
yearly report for the Komisi Informasi's Monev KIP.

Depends on ``opd_pages`` (the OPD section it lives in), ``opd_teams`` (who is PPID of which
OPD), ``home`` (the serta-merta alert banner), ``outbox`` and ``audit``. ``monitoring`` reads
the yearly figures from :mod:`ppid.report`; nothing else imports this app.
"""
