from django.urls import path

from field import views

app_name = "field"

urlpatterns = [
    path("devices/", views.devices, name="devices"),
    path("devices/<uuid:pk>/revoke/", views.device_revoke, name="device_revoke"),
]
