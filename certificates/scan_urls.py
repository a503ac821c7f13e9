"""The route a certificate's QR code opens: `/V/<code>/<signature digits>` (capitals, no slash at
the end, so that all of it but the digits is in QR's alphanumeric mode; see identity)."""

from django.urls import path

from certificates import views

app_name = "scan"
urlpatterns = [
    path("<str:key>/<str:digits>", views.verify_scanned, name="page"),
]
