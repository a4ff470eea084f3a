from django.urls import path

from coaching import views

app_name = "coaching"

P = "coach/programmes/<int:pk>/"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("home/", views.home, name="home"),
    path("coach/programmes/", views.programme_list, name="programme_list"),
    path("coach/programmes/new/", views.programme_create, name="programme_create"),
    path(P, views.programme_detail, name="programme_detail"),
    path(P + "copy/", views.programme_copy, name="programme_copy"),
    path(P + "edit/", views.programme_update, name="programme_update"),
    path(P + "delete/", views.programme_delete, name="programme_delete"),
    path(P + "workouts/", views.workout_add, name="workout_add"),
    path(P + "weeks/copy/", views.week_copy, name="week_copy"),
    path(P + "workouts/<int:workout_pk>/edit/", views.workout_update, name="workout_update"),
    path(P + "workouts/<int:workout_pk>/delete/", views.workout_delete, name="workout_delete"),
    path(P + "workouts/<int:workout_pk>/copy/", views.workout_copy, name="workout_copy"),
    path(
        P + "workouts/<int:workout_pk>/exercises/",
        views.exercise_search_for_workout,
        name="exercise_search",
    ),
    path(
        P + "workouts/<int:workout_pk>/exercises/add/",
        views.prescription_add,
        name="prescription_add",
    ),
    path(
        P + "exercises/<int:prescription_pk>/edit/",
        views.prescription_update,
        name="prescription_update",
    ),
    path(
        P + "exercises/<int:prescription_pk>/move/",
        views.prescription_move,
        name="prescription_move",
    ),
    path(
        P + "exercises/<int:prescription_pk>/delete/",
        views.prescription_delete,
        name="prescription_delete",
    ),
    path(P + "exercises/restore/", views.prescription_restore, name="prescription_restore"),
    path(P + "assign/", views.programme_assign, name="programme_assign"),
    path(P + "assignments/", views.programme_assignments, name="programme_assignments"),
    path(P + "push/", views.programme_push, name="programme_push"),
    path(
        "coach/assignments/<int:pk>/<slug:action>/",
        views.assignment_status,
        name="assignment_status",
    ),
    path("coach/sessions/<int:pk>/", views.session_adjust, name="session_adjust"),
]
