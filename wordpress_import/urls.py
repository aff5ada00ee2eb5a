from django.urls import path

from . import views

app_name = "wordpress_import"

urlpatterns = [
    path("", views.ImportIndexView.as_view(), name="index"),
    path("<int:run_id>/", views.ImportRunView.as_view(), name="run"),
    path("<int:run_id>/impor/", views.StartImportView.as_view(), name="start"),
    path("<int:run_id>/laporan.txt", views.ReportDownloadView.as_view(), name="report"),
    path("karantina/", views.QuarantineView.as_view(), name="quarantine"),
    path("karantina/<int:item_id>/lepas/", views.ReleaseView.as_view(), name="release"),
]
