from django.urls import path

from certificates import credential_views, views

app_name = "certificates"
urlpatterns = [
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/badge.json", views.badge, name="badge"),
    path("achievements/<str:code>/", credential_views.achievement, name="achievement"),
    path(
        "achievements/<str:code>.json", credential_views.achievement_json, name="achievement-json"
    ),
    path("<int:pk>/revoke/", views.revoke, name="revoke"),
    path("<int:pk>/reissue/", views.reissue, name="reissue"),
    path("workshops/<int:workshop_id>/", views.workshop, name="workshop"),
    path("workshops/<int:workshop_id>/issue/", views.workshop_issue, name="workshop-issue"),
    path(
        "workshops/<int:workshop_id>/certificates.<str:kind>",
        views.workshop_download,
        name="workshop-download",
    ),
]
