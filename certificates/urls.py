from django.urls import path

from certificates import views

app_name = "certificates"
urlpatterns = [
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/badge.json", views.badge, name="badge"),
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
