from django.urls import path

from library import views

app_name = "library"

urlpatterns = [
    path("", views.exercise_list, name="exercise_list"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise_detail"),
    path("guides/", views.guide_list, name="guide_list"),
    path("guides/<slug:slug>/", views.guide_detail, name="guide_detail"),
    path("muscles/", views.muscle_group_list, name="muscle_group_list"),
    path("muscles/<slug:slug>/", views.muscle_group_detail, name="muscle_group_detail"),
]
