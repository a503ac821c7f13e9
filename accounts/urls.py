from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts import second_factor_views, signin, views

app_name = "accounts"
urlpatterns = [
    path("login/", signin.LoginView.as_view(), name="login"),
    path("login/code/", signin.login_verify, name="login_verify"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("register/", views.register, name="register"),
    path("register/facilities/", views.facilities, name="facilities"),
    path("claim/", views.claim, name="claim"),
    path("profile/", views.profile, name="profile"),
    path("admin-language/", views.admin_language, name="admin_language"),
    path("two-step/", second_factor_views.second_factor_manage, name="second_factor"),
    path("two-step/setup/", second_factor_views.second_factor_setup, name="second_factor_setup"),
    path("two-step/codes/", second_factor_views.second_factor_codes, name="second_factor_codes"),
    path(
        "two-step/new-codes/",
        second_factor_views.second_factor_new_codes,
        name="second_factor_new_codes",
    ),
    path(
        "two-step/turn-off/",
        second_factor_views.second_factor_turn_off,
        name="second_factor_turn_off",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt",
            html_email_template_name="registration/password_reset_email.html",
            subject_template_name="registration/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
