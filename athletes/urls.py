from django.urls import include, path

from athletes import views

# Django's auth views under /accounts/, with the sign-in form taking an email address and
# throttled against password guessing.
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("delete/", views.account_delete, name="account_delete"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("", include("django.contrib.auth.urls")),
]
