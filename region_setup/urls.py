from django.urls import path

from . import views

app_name = "region_setup"

urlpatterns = [path("", views.RegionSetupView.as_view(), name="setup")]
