from django.urls import path

from . import views

app_name = "page_feedback"

urlpatterns = [path("", views.vote, name="vote")]
