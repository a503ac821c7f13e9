from django.urls import path

from interop import views

app_name = "interop"

urlpatterns = [
    path("fhir/workers/<int:pk>.json", views.worker, name="fhir_worker"),
    path("fhir/export.ndjson", views.export, name="fhir_export"),
]
