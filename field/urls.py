from django.urls import path

from field import shell, views

app_name = "field"

urlpatterns = [
    path("", shell.app, name="app"),
    path("manifest.webmanifest", shell.manifest, name="manifest"),
    path("service-worker.js", shell.service_worker, name="service_worker"),
    path("devices/", views.devices, name="devices"),
    path("devices/<uuid:pk>/revoke/", views.device_revoke, name="device_revoke"),
]
