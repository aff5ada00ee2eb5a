from django.urls import path

from . import views

app_name = "officials"

urlpatterns = [path("", views.directory, name="directory")]
