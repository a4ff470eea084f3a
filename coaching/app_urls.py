from django.urls import path

from coaching import views

app_name = "coaching"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("home/", views.home, name="home"),
]
