from django.urls import path

from coverage import views

app_name = "coverage"
urlpatterns = [
    path("", views.index, name="index"),
    path("gaps/", views.gaps, name="gaps"),
    path("trend/", views.trend, name="trend"),
    path("knowledge/", views.knowledge, name="knowledge"),
    path("export/<str:view>.<str:file_format>", views.export, name="export"),
    path("exports/<int:pk>/", views.export_status, name="export_status"),
    path("exports/<int:pk>/download/", views.export_download, name="export_download"),
    path("dhis2.json", views.dhis2, name="dhis2"),
    path("report.pdf", views.report, name="report"),
    path("subscription/", views.subscription, name="subscription"),
]
