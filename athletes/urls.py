from django.contrib.auth import views as auth_views
from django.urls import include, path

from athletes import views
from athletes.forms import EmailAuthenticationForm

# Django's auth views under /accounts/, with the sign-in form taking an email address.
urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("", include("django.contrib.auth.urls")),
]
