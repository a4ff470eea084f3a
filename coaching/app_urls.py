from django.urls import path

from coaching.views import pages, programmes, review, training

app_name = "coaching"

P = "coach/programmes/<int:pk>/"

urlpatterns = [
    path("", pages.landing, name="landing"),
    path("home/", pages.home, name="home"),
    path("coach/programmes/", programmes.programme_list, name="programme_list"),
    path("coach/programmes/new/", programmes.programme_create, name="programme_create"),
    path(P, programmes.programme_detail, name="programme_detail"),
    path(P + "copy/", programmes.programme_copy, name="programme_copy"),
    path(P + "edit/", programmes.programme_update, name="programme_update"),
    path(P + "delete/", programmes.programme_delete, name="programme_delete"),
    path(P + "workouts/", programmes.workout_add, name="workout_add"),
    path(P + "weeks/copy/", programmes.week_copy, name="week_copy"),
    path(P + "workouts/<int:workout_pk>/edit/", programmes.workout_update, name="workout_update"),
    path(P + "workouts/<int:workout_pk>/delete/", programmes.workout_delete, name="workout_delete"),
    path(P + "workouts/<int:workout_pk>/copy/", programmes.workout_copy, name="workout_copy"),
    path(
        P + "workouts/<int:workout_pk>/exercises/",
        programmes.exercise_search_for_workout,
        name="exercise_search",
    ),
    path(
        P + "workouts/<int:workout_pk>/exercises/add/",
        programmes.prescription_add,
        name="prescription_add",
    ),
    path(
        P + "exercises/<int:prescription_pk>/edit/",
        programmes.prescription_update,
        name="prescription_update",
    ),
    path(
        P + "exercises/<int:prescription_pk>/move/",
        programmes.prescription_move,
        name="prescription_move",
    ),
    path(
        P + "exercises/<int:prescription_pk>/delete/",
        programmes.prescription_delete,
        name="prescription_delete",
    ),
    path(P + "exercises/restore/", programmes.prescription_restore, name="prescription_restore"),
    path(P + "assign/", programmes.programme_assign, name="programme_assign"),
    path(P + "assignments/", programmes.programme_assignments, name="programme_assignments"),
    path(P + "push/", programmes.programme_push, name="programme_push"),
    path(
        "coach/assignments/<int:pk>/<slug:action>/",
        programmes.assignment_status,
        name="assignment_status",
    ),
    path("coach/", review.coach_dashboard, name="coach_dashboard"),
    path("coach/news/", review.coach_news, name="coach_news"),
    path("coach/news/count/", review.coach_news_count, name="coach_news_count"),
    path("coach/athletes/<int:pk>/training/", review.coach_athlete, name="coach_athlete"),
    path(
        "coach/athletes/<int:pk>/export.json",
        review.coach_athlete_export,
        name="coach_athlete_export",
    ),
    path("coach/export/", review.coach_export, name="coach_export"),
    path("coach/programmes/import/", review.programme_import, name="programme_import"),
    path(P + "export.json", review.programme_export, name="programme_export"),
    path("coach/sessions/<int:pk>/", review.coach_session, name="coach_session"),
    path(
        "coach/sessions/<int:pk>/comments/",
        review.coach_comment_add,
        name="coach_comment_add",
    ),
    path("coach/sessions/<int:pk>/adjust/", programmes.session_adjust, name="session_adjust"),
    path("coach/sessions/<int:pk>/move/", programmes.session_move, name="session_move"),
    path("train/", training.train_home, name="train_home"),
    path("train/sessions/new/", training.adhoc_session_create, name="adhoc_session_create"),
    path("train/sessions/<int:pk>/", training.session_detail, name="session_detail"),
    path("train/sessions/<int:pk>/sets/", training.set_log, name="set_log"),
    path("train/sessions/<int:pk>/sets/<int:set_pk>/undo/", training.set_undo, name="set_undo"),
    path("train/sessions/<int:pk>/pain/", training.exercise_pain, name="exercise_pain"),
    path("train/sessions/<int:pk>/finish/", training.session_finish, name="session_finish"),
    path(
        "train/sessions/<int:pk>/exercises/",
        training.adhoc_exercise_search,
        name="adhoc_exercise_search",
    ),
    path(
        "train/sessions/<int:pk>/exercises/add/",
        training.adhoc_exercise_add,
        name="adhoc_exercise_add",
    ),
    path("train/sessions/<int:pk>/comments/", training.comment_add, name="comment_add"),
    path("train/export.json", review.athlete_export, name="athlete_export"),
    path("train/history/", training.train_history, name="train_history"),
    path("train/progress/", training.train_progress, name="train_progress"),
    path("train/calendar/reset/", training.calendar_feed_reset, name="calendar_feed_reset"),
    path("train/calendar/<str:token>.ics", training.calendar_feed, name="calendar_feed"),
]
