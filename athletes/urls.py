from django.contrib.auth import views as auth_views
from django.urls import include, path

from athletes import views
from athletes.mail import UnwrappedPasswordResetForm

# Django's auth views under /accounts/, with the sign-in form taking an email address and
# throttled against password guessing.
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("delete/", views.account_delete, name="account_delete"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    # Django's own view, with the reset email's link kept whole (athletes/mail.py).
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=UnwrappedPasswordResetForm),
        name="password_reset",
    ),
    path("", include("django.contrib.auth.urls")),
]
