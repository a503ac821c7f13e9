"""`/documents/`: Wagtail's document URLs with the handout view that adds no-store when private."""

from django.urls import path, re_path

from wagtail.documents.views import serve

from courses.views.handouts import handout_serve

urlpatterns = [
    re_path(r"^(\d+)/(.*)$", handout_serve, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
