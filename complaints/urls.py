from django.urls import path

from . import views

app_name = "complaints"
urlpatterns = [
    path("", views.report_form, name="form"),
    path("lacak/<str:number>/<str:token>/", views.status, name="status"),
    path("terjawab/", views.answered_list, name="answered"),
    path("terjawab/<str:number>/", views.answered_detail, name="answered_detail"),
    path("statistik/", views.statistics, name="statistics"),
]
