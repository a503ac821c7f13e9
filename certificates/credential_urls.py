"""What verifiers and wallets fetch, mounted at /credentials/ without a language prefix: the URLs
are written into signed credentials and must never move."""

from django.urls import path

from certificates import credential_views

app_name = "credentials"
urlpatterns = [
    path("status/<int:number>", credential_views.status_list, name="status-list"),
    path("offer/<str:token>", credential_views.offer, name="offer"),
]
