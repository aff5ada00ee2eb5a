from django.urls import path

from . import media_views, views

app_name = "opd_teams"

urlpatterns = [
    path("opd/", views.OpdListView.as_view(), name="opd_list"),
    path("opd/tambah/", views.OnboardingView.as_view(), name="onboard"),
    path("opd/<int:team_id>/arsipkan/", views.ArchiveView.as_view(), name="archive"),
    path("tim/", views.TeamIndexView.as_view(), name="team"),
    path("tim/<int:team_id>/undang/", views.InviteView.as_view(), name="invite"),
    path("tim/<int:team_id>/anggota/<int:user_id>/nonaktifkan/", views.DeactivateView.as_view(), name="deactivate"),
    path("tim/<int:team_id>/anggota/<int:user_id>/undang-ulang/", views.ResendInvitationView.as_view(), name="resend"),
    path("tim/<int:team_id>/anggota/<int:user_id>/ganti/", views.HandoverView.as_view(), name="handover"),
    path(
        "tim/<int:team_id>/anggota/<int:user_id>/ganti-admin/", views.ReplaceAdminView.as_view(), name="replace_admin"
    ),
    path("tim/<int:team_id>/anggota/<int:user_id>/aktifkan/", views.ReactivateView.as_view(), name="reactivate"),
    path("media/persetujuan/", media_views.MediaApprovalView.as_view(), name="media_approval"),
]
