from django.urls import path

from . import admin_views

app_name = "complaints_admin"
urlpatterns = [
    path("", admin_views.InboxView.as_view(), name="inbox"),
    path("ekspor.csv", admin_views.ExportListView.as_view(), name="export_csv"),
    path("petugas/", admin_views.HandlersView.as_view(), name="handlers"),
    path("<int:pk>/", admin_views.DetailView.as_view(), name="detail"),
    path("<int:pk>/aksi/<slug:action>/", admin_views.ActionView.as_view(), name="action"),
    path("<int:pk>/lampiran/<int:attachment_pk>/", admin_views.AttachmentView.as_view(), name="attachment"),
    path("<int:pk>/ekspor.json", admin_views.ExportCaseView.as_view(), name="export_json"),
]
