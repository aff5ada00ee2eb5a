"""Citizens' PPID addresses under /ppid/ (the OPD's PPID page itself is in the page tree)."""

from django.urls import path

from . import views_public, views_requests

app_name = "ppid"

urlpatterns = [
    path("", views_public.landing, name="landing"),
    path("dokumen/", views_public.library, name="library"),
    path("dip/", views_public.dip_view, name="dip"),
    path("dip.xlsx", views_public.dip_view, {"output": "xlsx"}, name="dip_xlsx"),
    path("dip.pdf", views_public.dip_view, {"output": "pdf"}, name="dip_pdf"),
    path("dip/cetak/", views_public.dip_view, {"output": "print"}, name="dip_print"),
    path("dip/<slug:slug>/", views_public.dip_view, name="dip_opd"),
    path("dip/<slug:slug>.xlsx", views_public.dip_view, {"output": "xlsx"}, name="dip_opd_xlsx"),
    path("dip/<slug:slug>.pdf", views_public.dip_view, {"output": "pdf"}, name="dip_opd_pdf"),
    path("dip/<slug:slug>/cetak/", views_public.dip_view, {"output": "print"}, name="dip_opd_print"),
    path("permohonan/", views_requests.request_form, name="request"),
    path("permohonan/lacak/", views_requests.track, name="track"),
    path("permohonan/lacak/<str:number>/<str:token>/", views_requests.status, name="status"),
    path("permohonan/lacak/<str:number>/<str:token>/cetak/", views_requests.receipt, name="receipt"),
    path("permohonan/lacak/<str:number>/<str:token>/keberatan/", views_requests.objection_form, name="objection"),
    path("permohonan/<slug:slug>/", views_requests.request_form, name="request_for_opd"),
]
