"""The public verification routes, mounted at /verify/ with and without a language prefix."""

from django.urls import path

from certificates import views

app_name = "verify"
urlpatterns = [
    path("key.json", views.verify_key, name="key"),
    path("<str:key>.json", views.verify_json, name="json"),
    path("<str:key>/", views.verify, name="page"),
]
