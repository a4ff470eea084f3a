from django.urls import path

from athletes import views

# The coach's roster, mounted at /coach/athletes/.
app_name = "roster"

urlpatterns = [
    path("", views.athlete_list, name="athlete_list"),
    path("<int:pk>/", views.athlete_detail, name="athlete_detail"),
    path("<int:pk>/remove/", views.athlete_remove, name="athlete_remove"),
    path(
        "<int:pk>/squads/<int:squad_pk>/", views.athlete_squad_toggle, name="athlete_squad_toggle"
    ),
    path("invitations/", views.invitation_create, name="invitation_create"),
    path("invitations/<int:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("squads/", views.squad_create, name="squad_create"),
    path("squads/<int:pk>/", views.squad_detail, name="squad_detail"),
    path("squads/<int:pk>/rename/", views.squad_rename, name="squad_rename"),
    path("squads/<int:pk>/delete/", views.squad_delete, name="squad_delete"),
    path("squads/<int:pk>/members/", views.squad_member_add, name="squad_member_add"),
    path(
        "squads/<int:pk>/members/<int:athlete_pk>/remove/",
        views.squad_member_remove,
        name="squad_member_remove",
    ),
]
